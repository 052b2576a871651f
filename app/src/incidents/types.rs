use crate::calendar::Day;
use crate::contact::Status;
use crate::domain::{check_line, check_multiline, ValidationError};
use crate::error::{AppError, FieldError};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 100;
pub const NOTE_MAX: usize = 2000;
pub const SHOP_MAX: usize = 100;
/// Most days either side of the incident's day a matching inquiry's day of use may be.
pub const WINDOW_MAX: u32 = 31;
/// Most inquiries an incident lists (linked, and suggested): what one bulk answer takes.
pub const LIST_MAX: usize = crate::contact::bulk::BULK_MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum IncidentStatus {
    #[default]
    Open,
    Resolved,
}

impl IncidentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            IncidentStatus::Open => "open",
            IncidentStatus::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<IncidentStatus> {
        [IncidentStatus::Open, IncidentStatus::Resolved].into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub id: i64,
    pub title: String,
    pub status: IncidentStatus,
    pub public_note: String,
    /// The shop as staff typed it; matching uses its normalized form.
    pub shop_name: String,
    pub around_day: Option<Day>,
    pub window_days: u32,
    pub linked: i64,
}

/// What staff send to open or change an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IncidentInput {
    pub title: String,
    pub status: IncidentStatus,
    pub public_note: String,
    pub shop_name: String,
    pub around_day: Option<Day>,
    pub window_days: u32,
}

/// An input checked whole: every problem named at once.
pub struct ValidIncident {
    pub title: String,
    pub public_note: String,
    pub shop_name: String,
}

impl IncidentInput {
    pub fn validate(&self) -> Result<ValidIncident, AppError> {
        let mut errors = Vec::new();
        let mut check = |field: &str, r: Result<String, ValidationError>| match r {
            Ok(v) => Some(v),
            Err(error) => {
                errors.push(FieldError { field: field.into(), error });
                None
            }
        };
        let title = check("title", check_line(&self.title, 1, TITLE_MAX));
        let public_note = check("public_note", check_multiline(&self.public_note, 0, NOTE_MAX));
        let shop_name = check("shop_name", check_line(&self.shop_name, 0, SHOP_MAX));
        if self.window_days > WINDOW_MAX {
            errors.push(FieldError { field: "window_days".into(), error: ValidationError::InvalidNumber });
        }
        match (title, public_note, shop_name) {
            (Some(title), Some(public_note), Some(shop_name)) if errors.is_empty() => {
                Ok(ValidIncident { title, public_note, shop_name })
            }
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// An inquiry as an incident lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentInquiry {
    pub id: i64,
    pub reference: String,
    pub status: Status,
    pub member_name: String,
    pub shop: String,
    pub used_on: String,
    /// The newest message it showed (a bulk answer checks the thread did not move on).
    pub last_message_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentView {
    pub incident: Incident,
    pub linked: Vec<IncidentInquiry>,
    /// Matching by shop and day of use, not linked to any incident yet, not closed.
    pub suggested: Vec<IncidentInquiry>,
}

/// The normalized shop a match compares: the help center's normalization (width, case, kana),
/// voicing marks joined to their kana (half-width ｼﾞｬﾗﾝ writes ジ as two characters), trimmed,
/// inner runs of spaces as one.
pub fn shop_key(shop: &str) -> String {
    crate::faq::compose_voicing(&crate::faq::normalize(shop)).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shop_names_match_across_width_case_and_kana() {
        assert_eq!(shop_key(" ＪＡＬＡＮ  トラベル "), shop_key("jalan とらべる"));
        assert_eq!(shop_key("ｼﾞｬﾗﾝ"), "じゃらん");
        assert_eq!(shop_key("ﾎﾟｲﾝﾄﾊﾞﾝｸ"), "ぽいんとばんく");
        assert_eq!(shop_key("ガイド"), "がいど");
        assert_ne!(shop_key("楽天市場"), shop_key("楽天トラベル"));
    }

    #[test]
    fn an_incident_names_every_problem_at_once() {
        let input = IncidentInput {
            title: String::new(),
            window_days: 40,
            shop_name: "a\u{202E}b".into(),
            ..Default::default()
        };
        let Err(AppError::Validation(errors)) = input.validate() else { panic!("refused") };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "shop_name", "window_days"]);
    }
}
