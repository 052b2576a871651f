use super::ValidationError;
use serde::{Deserialize, Serialize};

/// An email address as members register it: trimmed, lower-cased, one `@`, a dotted domain.
/// Deliberately not RFC 5322 complete — it must accept what real members type and what an SMTP
/// server will take.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(ValidationError::Required);
        }
        if value.chars().count() > 254 {
            return Err(ValidationError::TooLong { max: 254 });
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(ValidationError::InvalidEmail);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.chars().count() <= 64
            && local.chars().all(|c| c.is_ascii_graphic() && c != '@' && c != '<' && c != '>');
        if !(domain_ok && local_ok) {
            return Err(ValidationError::InvalidEmail);
        }
        Ok(Email(value))
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_and_normalizes_an_ordinary_address() {
        assert_eq!(Email::parse("  Taro.Yamada@Example.JP ").unwrap().as_ref(), "taro.yamada@example.jp");
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in
            ["", "taro", "taro@", "@example.jp", "taro@example", "ta ro@example.jp", "a@b@c.jp", "a@.jp", "<a>@x.jp"]
        {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    proptest! {
        #[test]
        fn parsed_addresses_have_exactly_one_at(s in "\\PC{0,40}") {
            if let Ok(e) = Email::parse(&s) {
                prop_assert_eq!(e.as_ref().matches('@').count(), 1);
            }
        }
    }
}
