use crate::contact::{Category, ChoiceOption, FieldKind, FieldSpec, Localized};
use crate::domain::{check_line, check_multiline, ValidationError};
use crate::error::{AppError, FieldError};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A category as the editor lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryEntry {
    pub category: Category,
    /// Retired categories are not offered to members; their inquiries stay as they were.
    pub active: bool,
    /// Inquiries sent in this category so far.
    pub inquiries: i64,
}

pub const FIELDS_MAX: usize = 20;
pub const NOTICES_MAX: usize = 10;
pub const CHOICES_MAX: usize = 30;
const NAME_MAX: usize = 60;
const NOTICE_MAX: usize = 300;
const HELP_MAX: usize = 200;
/// Largest `max` a one-line / multi-line field may set.
pub const LINE_LIMIT: usize = 500;
pub const MULTILINE_LIMIT: usize = 5000;

/// 1–32 of a–z, 0–9, `_`, `-`: ids and keys end up in URLs, JSON keys and CSV headers.
fn check_key(raw: &str) -> Result<String, ValidationError> {
    let key = raw.trim();
    let fine = !key.is_empty()
        && key.len() <= 32
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if fine {
        Ok(key.to_owned())
    } else {
        Err(ValidationError::InvalidKey)
    }
}

/// Collects each problem under the form's field name, so the editor can mark every one at once.
struct Problems(Vec<FieldError>);

impl Problems {
    fn take<T>(&mut self, field: String, result: Result<T, ValidationError>) -> Option<T> {
        result.map_err(|error| self.0.push(FieldError { field, error })).ok()
    }

    fn localized(&mut self, field: &str, value: &Localized, max: usize) -> Localized {
        let ja = self.take(format!("{field}_ja"), check_line(&value.ja, 1, max)).unwrap_or_default();
        let en = self.take(format!("{field}_en"), check_line(&value.en, 1, max)).unwrap_or_default();
        Localized { ja, en }
    }
}

/// The category, trimmed and checked, or every problem with it. Field names: `id`, `name_ja`,
/// `notices`, `notice.{i}_ja`, `fields`, `field.{i}.key`, `field.{i}.label_ja`, `field.{i}.max`,
/// `field.{i}.choices`, `field.{i}.choice.{j}_ja` and so on.
pub fn check_category(category: &Category) -> Result<Category, AppError> {
    let mut p = Problems(Vec::new());
    let id = p.take("id".into(), check_key(&category.id)).unwrap_or_default();
    let name = p.localized("name", &category.name, NAME_MAX);
    if category.notices.len() > NOTICES_MAX {
        p.0.push(FieldError { field: "notices".into(), error: ValidationError::TooMany { max: NOTICES_MAX } });
    }
    let notices = category
        .notices
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let ja = p.take(format!("notice.{i}_ja"), check_multiline(&n.ja, 1, NOTICE_MAX)).unwrap_or_default();
            let en = p.take(format!("notice.{i}_en"), check_multiline(&n.en, 1, NOTICE_MAX)).unwrap_or_default();
            Localized { ja, en }
        })
        .collect();
    if category.fields.is_empty() {
        p.0.push(FieldError { field: "fields".into(), error: ValidationError::Required });
    }
    if category.fields.len() > FIELDS_MAX {
        p.0.push(FieldError { field: "fields".into(), error: ValidationError::TooMany { max: FIELDS_MAX } });
    }
    let mut keys = HashSet::new();
    let fields = category
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let at = format!("field.{i}");
            let key = p.take(format!("{at}.key"), check_key(&f.key)).unwrap_or_default();
            if !key.is_empty() && !keys.insert(key.clone()) {
                p.0.push(FieldError { field: format!("{at}.key"), error: ValidationError::Duplicate });
            }
            let label = p.localized(&format!("{at}.label"), &f.label, NAME_MAX);
            let help = f.help.as_ref().filter(|h| !h.ja.trim().is_empty() || !h.en.trim().is_empty()).map(|h| {
                let ja = p.take(format!("{at}.help_ja"), check_line(&h.ja, 1, HELP_MAX)).unwrap_or_default();
                let en = p.take(format!("{at}.help_en"), check_line(&h.en, 1, HELP_MAX)).unwrap_or_default();
                Localized { ja, en }
            });
            let kind = match &f.kind {
                FieldKind::Line { max } | FieldKind::Multiline { max } => {
                    let limit = if matches!(f.kind, FieldKind::Line { .. }) { LINE_LIMIT } else { MULTILINE_LIMIT };
                    if *max == 0 || *max > limit {
                        p.0.push(FieldError {
                            field: format!("{at}.max"),
                            error: ValidationError::TooLong { max: limit },
                        });
                    }
                    f.kind.clone()
                }
                FieldKind::Date | FieldKind::Amount => f.kind.clone(),
                FieldKind::Choice { options } => {
                    if options.is_empty() {
                        p.0.push(FieldError { field: format!("{at}.choices"), error: ValidationError::Required });
                    }
                    if options.len() > CHOICES_MAX {
                        let error = ValidationError::TooMany { max: CHOICES_MAX };
                        p.0.push(FieldError { field: format!("{at}.choices"), error });
                    }
                    let mut values = HashSet::new();
                    let options = options
                        .iter()
                        .enumerate()
                        .map(|(j, o)| {
                            let value = p.take(format!("{at}.choice.{j}"), check_key(&o.value)).unwrap_or_default();
                            if !value.is_empty() && !values.insert(value.clone()) {
                                let error = ValidationError::Duplicate;
                                p.0.push(FieldError { field: format!("{at}.choice.{j}"), error });
                            }
                            let label = p.localized(&format!("{at}.choice.{j}"), &o.label, NAME_MAX);
                            ChoiceOption { value, label }
                        })
                        .collect();
                    FieldKind::Choice { options }
                }
            };
            FieldSpec { key, label, help, kind, required: f.required }
        })
        .collect();
    if p.0.is_empty() {
        Ok(Category { id, name, notices, fields })
    } else {
        Err(AppError::Validation(p.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::default_categories;

    #[test]
    fn the_shipped_categories_pass() {
        for c in default_categories() {
            assert_eq!(check_category(&c).as_ref(), Ok(&c), "{}", c.id);
        }
    }

    fn problems(c: &Category) -> Vec<String> {
        match check_category(c) {
            Err(AppError::Validation(list)) => list.into_iter().map(|f| f.field).collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let mut c = default_categories().remove(0);
        c.id = "Points!".into();
        c.name.en = "  ".into();
        c.fields[0].key = "dup".into();
        c.fields[1].key = "dup".into();
        c.fields[1].kind = FieldKind::Line { max: 0 };
        c.fields.push(FieldSpec {
            key: "pick".into(),
            label: Localized::new("選択", "Pick"),
            help: None,
            kind: FieldKind::Choice { options: vec![] },
            required: true,
        });
        let names = problems(&c);
        let last = c.fields.len() - 1;
        for expected in ["id", "name_en", "field.1.key", "field.1.max", &format!("field.{last}.choices")] {
            assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
        }
    }

    #[test]
    fn a_category_needs_a_field_and_trims_what_it_keeps() {
        let mut c = default_categories().remove(0);
        c.fields.clear();
        assert!(problems(&c).contains(&"fields".to_owned()));
        let mut c = default_categories().remove(0);
        c.name.ja = format!("  {}  ", c.name.ja);
        assert_eq!(check_category(&c).unwrap().name.ja, default_categories()[0].name.ja);
    }
}
