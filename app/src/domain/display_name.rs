use super::{check_line, ValidationError};
use serde::{Deserialize, Serialize};

pub const DISPLAY_NAME_MAX: usize = 30;

/// The name staff and other members see: 1–30 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        check_line(raw, 1, DISPLAY_NAME_MAX).map(DisplayName)
    }
}

impl AsRef<str> for DisplayName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_japanese_characters_fit_but_thirty_one_do_not() {
        assert!(DisplayName::parse(&"山".repeat(30)).is_ok());
        assert_eq!(DisplayName::parse(&"山".repeat(31)).unwrap_err(), ValidationError::TooLong { max: 30 });
    }

    #[test]
    fn blank_names_are_refused() {
        assert_eq!(DisplayName::parse("   ").unwrap_err(), ValidationError::Required);
    }
}
