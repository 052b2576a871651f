//! What a staff member types at the second step of logging in: the six digits from their
//! authenticator app, or one of their ten backup codes. Full-width digits (what a Japanese input
//! method often gives), spaces and hyphens are accepted and normalized.
use super::ValidationError;

/// The characters of backup codes: no 0/O, 1/I/L, so a code read off paper is typed right.
pub const BACKUP_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
pub const BACKUP_LEN: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondFactorCode {
    /// Six ASCII digits.
    Totp(String),
    /// Ten characters of `BACKUP_ALPHABET`, lower case, without the hyphen.
    Backup(String),
}

impl SecondFactorCode {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let normalized: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != 'ー' && *c != '－')
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                _ => c.to_ascii_lowercase(),
            })
            .collect();
        if normalized.is_empty() {
            return Err(ValidationError::Required);
        }
        if normalized.len() == 6 && normalized.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(SecondFactorCode::Totp(normalized));
        }
        if normalized.chars().count() == BACKUP_LEN && normalized.bytes().all(|b| BACKUP_ALPHABET.contains(&b)) {
            return Ok(SecondFactorCode::Backup(normalized));
        }
        Err(ValidationError::InvalidCode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_full_width_and_spaced_are_one_code() {
        let want = SecondFactorCode::Totp("123456".into());
        assert_eq!(SecondFactorCode::parse("123456"), Ok(want.clone()));
        assert_eq!(SecondFactorCode::parse(" 123 456 "), Ok(want.clone()));
        assert_eq!(SecondFactorCode::parse("１２３４５６"), Ok(want));
    }

    #[test]
    fn backup_codes_ignore_case_and_hyphen() {
        let want = SecondFactorCode::Backup("abcde23456".into());
        assert_eq!(SecondFactorCode::parse("ABCDE-23456"), Ok(want));
        assert_eq!(SecondFactorCode::parse("abcde-2345l"), Err(ValidationError::InvalidCode));
        assert_eq!(SecondFactorCode::parse("12345"), Err(ValidationError::InvalidCode));
        assert_eq!(SecondFactorCode::parse(""), Err(ValidationError::Required));
    }
}
