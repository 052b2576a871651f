//! Reply addresses that name an inquiry and cannot be forged: `reply+<inquiry>.<mac>@<domain>`.
//! The MAC is HMAC-SHA256 over the inquiry id with a key from the environment, cut to 80 bits and
//! written in lowercase hex (relays may lowercase a local part; hex survives that). Several keys
//! verify and the first signs, so a key is rotated by putting a new one first.
use crate::infra::Settings;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in the address (80 bits: forging one by guessing is hopeless, and the
/// address stays short enough for carrier mail clients).
const MAC_BYTES: usize = 10;
const PREFIX: &str = "reply+";

/// What a recipient address is to us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// A reply address whose signature verifies.
    Reply { inquiry_id: i64 },
    /// Shaped like a reply address, but the signature does not verify (forged, mangled, or made
    /// with a key retired since).
    Forged { inquiry_id: Option<i64> },
    /// The plain support address (where bounces and new mail arrive).
    Support,
    /// Not ours: refused at RCPT.
    Other,
}

#[derive(Clone)]
pub struct ReplyAddresses {
    keys: Vec<Vec<u8>>,
    domain: String,
    support: String,
}

impl ReplyAddresses {
    /// `None` when no key is set: mails then carry no reply address.
    pub fn from_settings(settings: &Settings) -> Option<ReplyAddresses> {
        if settings.reply_keys.is_empty() {
            return None;
        }
        let support = support_address(&settings.mail_from);
        let domain = settings
            .reply_domain
            .clone()
            .unwrap_or_else(|| support.rsplit_once('@').map(|(_, d)| d.to_owned()).unwrap_or_default())
            .to_ascii_lowercase();
        Some(ReplyAddresses {
            keys: settings.reply_keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
            domain,
            support,
        })
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    pub fn support(&self) -> &str {
        &self.support
    }

    fn mac(key: &[u8], inquiry_id: i64) -> HmacSha256 {
        // Keys of any length are accepted by HMAC; this cannot fail.
        let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(b"madoguchi-reply-v1:");
        mac.update(inquiry_id.to_string().as_bytes());
        mac
    }

    /// The reply address for an inquiry, signed with the current key.
    pub fn address_for(&self, inquiry_id: i64) -> String {
        let tag = Self::mac(&self.keys[0], inquiry_id).finalize().into_bytes();
        let hex: String = tag[..MAC_BYTES].iter().map(|b| format!("{b:02x}")).collect();
        format!("{PREFIX}{inquiry_id}.{hex}@{}", self.domain)
    }

    /// Classifies an address given to RCPT TO or found in a mail's headers.
    pub fn classify(&self, address: &str) -> Recipient {
        let address = address.trim().trim_start_matches('<').trim_end_matches('>').to_ascii_lowercase();
        let Some((local, domain)) = address.rsplit_once('@') else { return Recipient::Other };
        if address == self.support {
            return Recipient::Support;
        }
        if domain != self.domain {
            return Recipient::Other;
        }
        let Some(token) = local.strip_prefix(PREFIX) else { return Recipient::Other };
        let Some((id, hex)) = token.split_once('.') else { return Recipient::Forged { inquiry_id: None } };
        let Ok(inquiry_id) = id.parse::<i64>() else { return Recipient::Forged { inquiry_id: None } };
        // A leading zero or sign would give a second spelling of the same id.
        if inquiry_id <= 0 || inquiry_id.to_string() != id {
            return Recipient::Forged { inquiry_id: None };
        }
        let Some(tag) = decode_hex(hex).filter(|t| t.len() == MAC_BYTES) else {
            return Recipient::Forged { inquiry_id: Some(inquiry_id) };
        };
        // Constant-time comparison, against every key still accepted.
        let valid = self.keys.iter().any(|key| Self::mac(key, inquiry_id).verify_truncated_left(&tag).is_ok());
        if valid {
            Recipient::Reply { inquiry_id }
        } else {
            Recipient::Forged { inquiry_id: Some(inquiry_id) }
        }
    }
}

/// The bare address of `mail_from` ("Name <a@b>" or "a@b"), lowercased.
pub fn support_address(mail_from: &str) -> String {
    let inner = match (mail_from.rfind('<'), mail_from.rfind('>')) {
        (Some(open), Some(close)) if open < close => &mail_from[open + 1..close],
        _ => mail_from,
    };
    inner.trim().to_ascii_lowercase()
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses(keys: &[&str]) -> ReplyAddresses {
        let settings = Settings {
            reply_keys: keys.iter().map(|k| k.to_string()).collect(),
            mail_from: "Madoguchi サポートセンター <Support@Madoguchi.example>".into(),
            ..Settings::default()
        };
        ReplyAddresses::from_settings(&settings).expect("keys set")
    }

    #[test]
    fn a_signed_address_verifies_and_names_its_inquiry() {
        let a = addresses(&["k1-0123456789abcdef0123456789abcdef"]);
        let address = a.address_for(42);
        assert!(address.starts_with("reply+42.") && address.ends_with("@madoguchi.example"), "{address}");
        assert_eq!(a.classify(&address), Recipient::Reply { inquiry_id: 42 });
        // Relays may change the case of the whole address.
        assert_eq!(a.classify(&address.to_uppercase()), Recipient::Reply { inquiry_id: 42 });
        assert_eq!(a.classify(&format!("<{address}>")), Recipient::Reply { inquiry_id: 42 });
    }

    #[test]
    fn forged_and_foreign_addresses_are_told_apart() {
        let a = addresses(&["k1-0123456789abcdef0123456789abcdef"]);
        let good = a.address_for(42);
        // The same signature on another inquiry.
        let moved = good.replacen("reply+42.", "reply+43.", 1);
        assert_eq!(a.classify(&moved), Recipient::Forged { inquiry_id: Some(43) });
        assert_eq!(a.classify(&good.replacen("reply+42.", "reply+042.", 1)), Recipient::Forged { inquiry_id: None });
        assert_eq!(a.classify("reply+42@madoguchi.example"), Recipient::Forged { inquiry_id: None });
        assert_eq!(a.classify("reply+42.zz@madoguchi.example"), Recipient::Forged { inquiry_id: Some(42) });
        assert_eq!(a.classify(&good.replace("madoguchi.example", "madoguchi.example.evil")), Recipient::Other);
        assert_eq!(a.classify("support@madoguchi.example"), Recipient::Support);
        assert_eq!(a.classify("someone@madoguchi.example"), Recipient::Other);
        assert_eq!(a.classify("no-at-sign"), Recipient::Other);
    }

    #[test]
    fn a_rotated_key_keeps_old_addresses_working_until_it_is_dropped() {
        let old = addresses(&["old-0123456789abcdef0123456789abcdef"]);
        let issued = old.address_for(7);
        let rotated = addresses(&["new-0123456789abcdef0123456789abcdef", "old-0123456789abcdef0123456789abcdef"]);
        assert_eq!(rotated.classify(&issued), Recipient::Reply { inquiry_id: 7 });
        assert_ne!(rotated.address_for(7), issued, "the new key signs");
        let retired = addresses(&["new-0123456789abcdef0123456789abcdef"]);
        assert_eq!(retired.classify(&issued), Recipient::Forged { inquiry_id: Some(7) });
    }
}
