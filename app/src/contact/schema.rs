//! A category's form, defined as data: which fields it asks for and how each is checked. The
//! browser renders and validates from it as the member types; the server validates the same way
//! before storing.
use crate::calendar::Day;
use crate::domain::{check_line, check_multiline, ValidationError};
use crate::error::FieldError;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The free-text field every category ends with, in characters.
pub const MESSAGE_MAX: usize = 2000;
/// Largest amount a member can enter (yen).
pub const AMOUNT_MAX: u64 = 100_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub ja: String,
    pub en: String,
}

impl Localized {
    pub fn new(ja: &str, en: &str) -> Self {
        Localized { ja: ja.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldKind {
    Line {
        max: usize,
    },
    Multiline {
        max: usize,
    },
    /// `YYYY-MM-DD`, not in the future.
    Date,
    /// Yen, digits only (commas and full-width digits accepted and normalized).
    Amount,
    Choice {
        options: Vec<ChoiceOption>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSpec {
    pub key: String,
    pub label: Localized,
    pub help: Option<Localized>,
    pub kind: FieldKind,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: Localized,
    /// Shown before the form: what to know and have ready. One notice per entry.
    pub notices: Vec<Localized>,
    pub fields: Vec<FieldSpec>,
}

impl Category {
    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }
}

impl FieldSpec {
    /// The normalized value, `Ok(None)` for an empty optional field.
    pub fn check(&self, raw: &str, today: Day) -> Result<Option<String>, ValidationError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return if self.required { Err(ValidationError::Required) } else { Ok(None) };
        }
        let value = match &self.kind {
            FieldKind::Line { max } => check_line(raw, 1, *max)?,
            FieldKind::Multiline { max } => check_multiline(raw, 1, *max)?,
            FieldKind::Date => {
                let date = parse_input_date(trimmed).ok_or(ValidationError::InvalidDate)?;
                if date > today || date.year() < 2000 {
                    return Err(ValidationError::InvalidDate);
                }
                date.to_string()
            }
            FieldKind::Amount => normalize_amount(trimmed)?.to_string(),
            FieldKind::Choice { options } => {
                if !options.iter().any(|o| o.value == trimmed) {
                    return Err(ValidationError::InvalidChoice);
                }
                trimmed.to_owned()
            }
        };
        Ok(Some(value))
    }

    /// How a stored value reads to people (a choice's label rather than its code).
    pub fn display(&self, value: &str, lang: Lang) -> String {
        match &self.kind {
            FieldKind::Choice { options } => options
                .iter()
                .find(|o| o.value == value)
                .map(|o| o.label.get(lang).to_owned())
                .unwrap_or_else(|| value.to_owned()),
            FieldKind::Amount => match lang {
                Lang::Ja => format!("{}円", group_digits(value)),
                Lang::En => format!("¥{}", group_digits(value)),
            },
            _ => value.to_owned(),
        }
    }
}

/// `YYYY-M-D` with one- or two-digit month and day, as people type dates (the date picker sends
/// `YYYY-MM-DD`); stored as `YYYY-MM-DD`.
fn parse_input_date(raw: &str) -> Option<Day> {
    let mut parts = raw.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |s: &str, widths: std::ops::RangeInclusive<usize>| {
        (widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    if parts.next().is_some() {
        return None;
    }
    Day::new(number(y, 4..=4)? as i32, number(m, 1..=2)?, number(d, 1..=2)?)
}

fn normalize_amount(raw: &str) -> Result<u64, ValidationError> {
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '円' | '¥' | '￥'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ValidationError::InvalidNumber);
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= AMOUNT_MAX => Ok(n),
        _ => Err(ValidationError::InvalidNumber),
    }
}

fn group_digits(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i > 0 && (value.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Checks every field of `category` in `values` (unknown keys are dropped). Returns the
/// normalized values, or one error per bad field.
pub fn validate_fields(
    category: &Category,
    values: &BTreeMap<String, String>,
    today: Day,
) -> Result<BTreeMap<String, String>, Vec<FieldError>> {
    let mut clean = BTreeMap::new();
    let mut errors = Vec::new();
    for spec in &category.fields {
        let raw = values.get(&spec.key).map(String::as_str).unwrap_or("");
        match spec.check(raw, today) {
            Ok(Some(v)) => {
                clean.insert(spec.key.clone(), v);
            }
            Ok(None) => {}
            Err(error) => errors.push(FieldError { field: spec.key.clone(), error }),
        }
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::default_categories;
    use proptest::prelude::*;

    fn today() -> Day {
        Day::new(2026, 11, 25).unwrap()
    }

    fn points() -> Category {
        default_categories().into_iter().find(|c| c.id == "points").unwrap()
    }

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_complete_points_inquiry_is_accepted_and_normalized() {
        let v = values(&[
            ("shop_name", " 楽天市場 "),
            ("used_on", "2026-10-01"),
            ("amount", "１２,８００円"),
            ("passbook_status", "not_shown"),
            ("message", "ポイントが通帳に記載されません。"),
            ("unknown", "dropped"),
        ]);
        let clean = validate_fields(&points(), &v, today()).unwrap();
        assert_eq!(clean["shop_name"], "楽天市場");
        assert_eq!(clean["amount"], "12800");
        assert!(!clean.contains_key("unknown"));
        assert!(!clean.contains_key("order_number"), "empty optional fields are left out");
    }

    #[test]
    fn missing_required_bad_dates_long_text_and_control_characters_are_reported_per_field() {
        let v = values(&[
            ("shop_name", &"店".repeat(101)),
            ("used_on", "2026-02-30"),
            ("amount", "12a"),
            ("passbook_status", "hacked"),
            ("message", "bell\u{7}"),
        ]);
        let errors = validate_fields(&points(), &v, today()).unwrap_err();
        let got: Vec<(&str, &ValidationError)> = errors.iter().map(|e| (e.field.as_str(), &e.error)).collect();
        assert_eq!(
            got,
            vec![
                ("shop_name", &ValidationError::TooLong { max: 100 }),
                ("used_on", &ValidationError::InvalidDate),
                ("amount", &ValidationError::InvalidNumber),
                ("passbook_status", &ValidationError::InvalidChoice),
                ("message", &ValidationError::ControlCharacters),
            ]
        );
        let empty = validate_fields(&points(), &BTreeMap::new(), today()).unwrap_err();
        assert!(empty.iter().all(|e| e.error == ValidationError::Required));
        assert_eq!(empty.len(), 4);
    }

    #[test]
    fn a_date_in_the_future_is_refused() {
        let spec = points().field("used_on").unwrap().clone();
        assert_eq!(spec.check("2026-11-26", today()), Err(ValidationError::InvalidDate));
        assert_eq!(spec.check("2026-11-25", today()), Ok(Some("2026-11-25".into())));
        assert_eq!(spec.check("2026-1-5", today()), Ok(Some("2026-01-05".into())));
        for bad in ["2026-02-30", "1999-12-31", "2026/11/01", "2026-11", "2026-11-01-1", "26-11-01", "昨日"] {
            assert_eq!(spec.check(bad, today()), Err(ValidationError::InvalidDate), "{bad}");
        }
    }

    #[test]
    fn amounts_read_with_grouping() {
        let spec = points().field("amount").unwrap().clone();
        assert_eq!(spec.display("1234567", Lang::Ja), "1,234,567円");
        assert_eq!(spec.display("800", Lang::En), "¥800");
    }

    proptest! {
        #[test]
        fn accepted_messages_never_exceed_the_limit_in_characters(s in "\\PC{0,2100}") {
            let spec = points().field("message").unwrap().clone();
            if let Ok(Some(v)) = spec.check(&s, today()) {
                prop_assert!(v.chars().count() <= MESSAGE_MAX);
            }
        }

        #[test]
        fn accepted_amounts_are_plain_digits(s in "[0-9０-９,円a-z]{0,12}") {
            let spec = points().field("amount").unwrap().clone();
            if let Ok(Some(v)) = spec.check(&s, today()) {
                prop_assert!(v.chars().all(|c| c.is_ascii_digit()));
            }
        }
    }
}
