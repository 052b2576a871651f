//! Text rules shared by every field: lengths counted in characters (a Japanese character is one,
//! not three bytes), control characters refused.
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidationError {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    ControlCharacters,
    /// Invisible format characters (Unicode category Cf) in a one-line field.
    FormatCharacters,
    InvalidEmail,
    /// Not six digits nor a backup code.
    InvalidCode,
    /// The new address is the one the account already has.
    SameEmail,
    /// Another account has this address.
    EmailInUse,
    /// The current password, asked again before a change, did not match.
    WrongPassword,
    InvalidDate,
    InvalidNumber,
    InvalidChoice,
    MustAgree,
    /// Not 1–32 of a–z, 0–9, `_` and `-` (an identifier staff choose).
    InvalidKey,
    /// Another entry already uses this value.
    Duplicate,
    /// More entries than allowed.
    TooMany {
        max: usize,
    },
    /// A file that is none of the accepted kinds (by its bytes).
    FileKind,
    /// An iPhone photo in HEIC: not accepted, with a hint how to send it.
    FileHeic,
    /// An image whose data cannot be decoded (damaged, or beyond the pixel limits).
    FileUnreadable,
    /// Larger than the per-file limit, in MB.
    FileTooLarge {
        max_mb: u64,
    },
    /// The files of one message together exceed the per-message limit, in MB.
    FilesTooLarge {
        max_mb: u64,
    },
    /// An attachment that is not the sender's upload, expired, or already attached elsewhere.
    FileUnavailable,
    /// No inquiry has this reference or number.
    NoSuchInquiry,
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
            (Self::FormatCharacters, Lang::Ja) => {
                "文字の向きを変える記号やゼロ幅文字など、見えない書式文字は使用できません。".into()
            }
            (Self::FormatCharacters, Lang::En) => {
                "Invisible formatting characters (text-direction controls, zero-width characters) are not allowed."
                    .into()
            }
            (Self::WrongPassword, Lang::Ja) => "現在のパスワードが正しくありません。".into(),
            (Self::WrongPassword, Lang::En) => "The current password is not correct.".into(),
            (Self::InvalidCode, Lang::Ja) => "6桁の数字、またはバックアップコードを入力してください。".into(),
            (Self::InvalidCode, Lang::En) => "Enter the 6 digits, or one of your backup codes.".into(),
            (Self::SameEmail, Lang::Ja) => "現在と同じメールアドレスです。".into(),
            (Self::SameEmail, Lang::En) => "This is already your address.".into(),
            (Self::EmailInUse, Lang::Ja) => "このメールアドレスはほかのアカウントで使われています。".into(),
            (Self::EmailInUse, Lang::En) => "Another account uses this address.".into(),
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
            (Self::InvalidKey, Lang::Ja) => "半角英小文字・数字・「_」「-」の32文字以内で入力してください。".into(),
            (Self::InvalidKey, Lang::En) => "Use up to 32 of a–z, 0–9, _ and -.".into(),
            (Self::Duplicate, Lang::Ja) => "同じ値がすでに使われています。".into(),
            (Self::Duplicate, Lang::En) => "This value is already used.".into(),
            (Self::FileKind, Lang::Ja) => "添付できるのは PNG・JPEG・WebP・GIF の画像と PDF だけです。".into(),
            (Self::FileKind, Lang::En) => "Only PNG, JPEG, WebP and GIF images and PDF files can be attached.".into(),
            (Self::FileHeic, Lang::Ja) => "HEIC は添付できません。JPEG で保存してから添付してください。".into(),
            (Self::FileHeic, Lang::En) => "HEIC cannot be attached. Please save it as JPEG first.".into(),
            (Self::FileUnreadable, Lang::Ja) => "画像を読み込めませんでした。".into(),
            (Self::FileUnreadable, Lang::En) => "The image could not be read.".into(),
            (Self::FileTooLarge { max_mb }, Lang::Ja) => format!("1ファイル{max_mb}MBまで添付できます。"),
            (Self::FileTooLarge { max_mb }, Lang::En) => format!("Each file can be at most {max_mb} MB."),
            (Self::FilesTooLarge { max_mb }, Lang::Ja) => format!("添付ファイルは合計{max_mb}MBまでです。"),
            (Self::FilesTooLarge { max_mb }, Lang::En) => format!("Attachments can be at most {max_mb} MB in total."),
            (Self::FileUnavailable, Lang::Ja) => "添付ファイルが見つかりません。もう一度添付してください。".into(),
            (Self::FileUnavailable, Lang::En) => "An attachment was not found. Please attach it again.".into(),
            (Self::NoSuchInquiry, Lang::Ja) => "その受付番号のお問い合わせはありません。".into(),
            (Self::NoSuchInquiry, Lang::En) => "No inquiry has that reference.".into(),
            (Self::TooMany { max }, Lang::Ja) => format!("{max}件までです。"),
            (Self::TooMany { max }, Lang::En) => format!("At most {max}."),
        }
    }
}

/// Unicode's format characters (general category Cf, Unicode 15): invisible, yet they reorder
/// (bidi overrides such as U+202E) or hide (zero-width U+200B, U+2060, BOM U+FEFF) what a reader
/// sees, so a name like `admin\u{202E}gnp.exe` or `sta\u{200B}ff` could pass for another. The
/// standard library has no category lookup, and a table crate is a lot of wasm for this list.
pub fn is_format_char(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF
        | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F)
}

fn check(raw: &str, min: usize, max: usize, allow_newlines: bool) -> Result<String, ValidationError> {
    let value = raw.trim();
    let bad = |c: char| c.is_control() && !(allow_newlines && (c == '\n' || c == '\t' || c == '\r'));
    if value.chars().any(bad) {
        return Err(ValidationError::ControlCharacters);
    }
    // One-line fields are names and titles, shown where impersonation matters; bodies keep them
    // (emoji sequences join with U+200D).
    if !allow_newlines && value.chars().any(is_format_char) {
        return Err(ValidationError::FormatCharacters);
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

    #[test]
    fn format_characters_are_refused_in_one_line_fields() {
        for s in ["admin\u{202E}gnp.exe", "sta\u{200B}ff", "\u{FEFF}佐藤", "a\u{2066}b", "x\u{E0041}"] {
            assert_eq!(check_line(s, 1, 30), Err(ValidationError::FormatCharacters), "{s:?}");
        }
        assert_eq!(check_line("山田 太郎", 1, 30).as_deref(), Ok("山田 太郎"));
        // A body may hold an emoji family joined with U+200D.
        assert!(check_multiline("家族 👨\u{200D}👩\u{200D}👧", 1, 30).is_ok());
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
