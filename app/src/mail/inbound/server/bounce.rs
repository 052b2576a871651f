//! Bounces of our own mails: delivery status notifications (RFC 3464) and the plain-text rejections
//! carriers and older MTAs send. Both quote our mail's headers, so the outbox row is found by the
//! Message-ID we gave it (`outbox-N@domain`).
use super::parse::Incoming;

/// Whether a mail is a report about delivery rather than someone's words: a DSN, or a mail from
/// the null sender or a mailer daemon.
pub fn is_report(mail: &Incoming, envelope_from: &str) -> bool {
    let daemon = mail
        .from
        .as_deref()
        .and_then(|f| f.split('@').next())
        .is_some_and(|local| matches!(local, "mailer-daemon" | "postmaster" | "mail-daemon" | "mailerdaemon"));
    mail.report || envelope_from.trim().is_empty() || daemon
}

/// The outbox rows a report names (our Message-IDs quoted in it), first one first.
pub fn outbox_ids(raw: &[u8], domain: &str) -> Vec<i64> {
    let text = String::from_utf8_lossy(raw).to_ascii_lowercase();
    let suffix = format!("@{domain}");
    let mut found = Vec::new();
    for (at, _) in text.match_indices("outbox-") {
        let digits: String = text[at + 7..].chars().take_while(|c| c.is_ascii_digit()).take(18).collect();
        let after = at + 7 + digits.len();
        if !digits.is_empty() && text[after..].starts_with(&suffix) {
            if let Ok(id) = digits.parse::<i64>() {
                if !found.contains(&id) {
                    found.push(id);
                }
            }
        }
    }
    found
}

/// Whether the report says the mail was refused for good (not only delayed). A DSN says so per
/// recipient (`Action: failed`, `Status: 5.x.x`); a plain-text rejection is a failure.
pub fn is_failure(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(raw).to_ascii_lowercase();
    let failed = text.contains("action: failed") || text.contains("status: 5.");
    let only_delayed = text.contains("action: delayed") && !failed;
    failed || (!only_delayed && !text.contains("action:"))
}

/// The reason to show staff: the DSN's diagnostic line when there is one.
pub fn diagnostic(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    text.lines()
        .find(|l| l.to_ascii_lowercase().starts_with("diagnostic-code:"))
        .or_else(|| text.lines().find(|l| l.to_ascii_lowercase().starts_with("status:")))
        .map(|l| l.trim().chars().take(300).collect())
        .unwrap_or_else(|| "refused".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DSN: &[u8] = b"From: MAILER-DAEMON@mx.docomo.ne.jp\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.docomo.ne.jp\r\n\r\n\
Final-Recipient: rfc822; taro@docomo.ne.jp\r\nAction: failed\r\nStatus: 5.1.1\r\n\
Diagnostic-Code: smtp; 550 Unknown user taro@docomo.ne.jp\r\n\r\n\
--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <outbox-42@madoguchi.example>\r\n--b--\r\n";

    #[test]
    fn a_dsn_names_its_outbox_row_and_fails() {
        assert_eq!(outbox_ids(DSN, "madoguchi.example"), vec![42]);
        assert!(is_failure(DSN));
        assert_eq!(diagnostic(DSN), "Diagnostic-Code: smtp; 550 Unknown user taro@docomo.ne.jp");
        assert!(outbox_ids(DSN, "other.example").is_empty());
    }

    #[test]
    fn a_delay_is_not_a_failure() {
        let delayed = b"Action: delayed\r\nStatus: 4.4.1\r\nMessage-ID: <outbox-9@madoguchi.example>";
        assert!(!is_failure(delayed));
        let carrier = b"This message was not delivered.\r\nMessage-ID: <outbox-9@madoguchi.example>";
        assert!(is_failure(carrier));
    }
}
