//! Text rules shared by every field: lengths counted in characters (a Japanese character is one,
//! not three bytes), control characters refused.
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidationError {
    Required,
    TooLong { max: usize },
    TooShort { min: usize },
    ControlCharacters,
    InvalidEmail,
    InvalidDate,
    InvalidNumber,
    InvalidChoice,
    MustAgree,
}

impl ValidationError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Required, Lang::Ja) => "入力してください。".into(),
            (Self::Required, Lang::En) => "This field is required.".into(),
            (Self::TooLong { max }, Lang::Ja) => format!("{max}文字以内で入力してください。"),
            (Self::TooLong { max }, Lang::En) => format!("Use at most {max} characters."),
            (Self::TooShort { min }, Lang::Ja) => format!("{min}文字以上で入力してください。"),
            (Self::TooShort { min }, Lang::En) => format!("Use at least {min} characters."),
            (Self::ControlCharacters, Lang::Ja) => "使用できない文字が含まれています。".into(),
            (Self::ControlCharacters, Lang::En) => "Contains characters that are not allowed.".into(),
            (Self::InvalidEmail, Lang::Ja) => "メールアドレスの形式が正しくありません。".into(),
            (Self::InvalidEmail, Lang::En) => "This is not a valid email address.".into(),
            (Self::InvalidDate, Lang::Ja) => "日付の形式が正しくありません(例: 2026-11-25)。".into(),
            (Self::InvalidDate, Lang::En) => "Enter a valid date (e.g. 2026-11-25).".into(),
            (Self::InvalidNumber, Lang::Ja) => "数字で入力してください。".into(),
            (Self::InvalidNumber, Lang::En) => "Enter a number.".into(),
            (Self::InvalidChoice, Lang::Ja) => "選択肢から選んでください。".into(),
            (Self::InvalidChoice, Lang::En) => "Choose one of the options.".into(),
            (Self::MustAgree, Lang::Ja) => "同意が必要です。".into(),
            (Self::MustAgree, Lang::En) => "You need to agree to continue.".into(),
        }
    }
}

fn check(raw: &str, min: usize, max: usize, allow_newlines: bool) -> Result<String, ValidationError> {
    let value = raw.trim();
    let bad = |c: char| c.is_control() && !(allow_newlines && (c == '\n' || c == '\t' || c == '\r'));
    if value.chars().any(bad) {
        return Err(ValidationError::ControlCharacters);
    }
    let count = value.chars().count();
    if count == 0 && min > 0 {
        return Err(ValidationError::Required);
    }
    if count < min {
        return Err(ValidationError::TooShort { min });
    }
    if count > max {
        return Err(ValidationError::TooLong { max });
    }
    Ok(value.replace("\r\n", "\n"))
}

/// A single-line value: trimmed, `min..=max` characters, no control characters.
pub fn check_line(raw: &str, min: usize, max: usize) -> Result<String, ValidationError> {
    check(raw, min, max, false)
}

/// A multi-line value: as [`check_line`] but newlines and tabs are kept.
pub fn check_multiline(raw: &str, min: usize, max: usize) -> Result<String, ValidationError> {
    check(raw, min, max, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn japanese_text_is_counted_in_characters_not_bytes() {
        let ten = "ポイントが付与されない";
        assert_eq!(ten.chars().count(), 11);
        assert!(check_line(ten, 1, 11).is_ok());
        assert_eq!(check_line(ten, 1, 10), Err(ValidationError::TooLong { max: 10 }));
    }

    #[test]
    fn whitespace_only_counts_as_empty() {
        assert_eq!(check_line("  \u{3000} ", 1, 10), Err(ValidationError::Required));
    }

    #[test]
    fn control_characters_are_refused_but_newlines_allowed_in_multiline() {
        assert_eq!(check_line("a\u{7}b", 1, 10), Err(ValidationError::ControlCharacters));
        assert_eq!(check_line("a\nb", 1, 10), Err(ValidationError::ControlCharacters));
        assert_eq!(check_multiline("a\r\nb", 1, 10).as_deref(), Ok("a\nb"));
    }

    proptest! {
        #[test]
        fn accepted_values_respect_the_character_limit(s in "\\PC{0,80}", max in 1usize..60) {
            if let Ok(v) = check_multiline(&s, 1, max) {
                prop_assert!(v.chars().count() <= max);
                prop_assert!(!v.trim().is_empty());
            }
        }
    }
}
