//! Japanese carrier mail (docomo, au, SoftBank, Y!mobile) often drops mail sent from PCs unless
//! the member allows the sender's domain (受信設定). Members with such an address are told how,
//! at sign-up and on the account page.

/// The carriers' mail domains; operators can add more (`MADOGUCHI_CARRIER_MAIL_DOMAINS`).
pub const CARRIER_DOMAINS: [&str; 6] =
    ["docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp"];

/// Whether `email` is at one of `domains` (or a subdomain of one).
pub fn is_carrier_mail(email: &str, domains: &[String]) -> bool {
    let Some((_, host)) = email.trim().rsplit_once('@') else { return false };
    let host = host.to_ascii_lowercase();
    domains.iter().any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carrier_addresses_are_recognized() {
        let domains: Vec<String> = CARRIER_DOMAINS.iter().map(|d| d.to_string()).collect();
        assert!(is_carrier_mail("hanako@docomo.ne.jp", &domains));
        assert!(is_carrier_mail("taro@Ezweb.ne.jp", &domains));
        assert!(is_carrier_mail("a@x.softbank.ne.jp", &domains));
        assert!(!is_carrier_mail("a@notdocomo.ne.jp", &domains));
        assert!(!is_carrier_mail("a@gmail.com", &domains));
        assert!(!is_carrier_mail("docomo.ne.jp", &domains));
    }
}
