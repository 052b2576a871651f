use crate::calendar::Moment;
use crate::domain::{check_line, ValidationError};
use crate::error::{AppError, FieldError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskStatus {
    pub open_now: bool,
    pub next_opening: Moment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub members: i64,
    pub staff: i64,
    pub now: Moment,
    pub mail_desk: DeskStatus,
    pub chat: DeskStatus,
}

/// A mail the outbox stopped retrying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedMail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: Moment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureDay {
    pub day: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClosureInput {
    pub day: String,
    pub note: String,
}

pub const CLOSURE_NOTE_MAX: usize = 100;

impl ClosureInput {
    pub fn validate(&self) -> Result<ClosureDay, AppError> {
        let mut errors = Vec::new();
        let day = NaiveDate::parse_from_str(self.day.trim(), "%Y-%m-%d")
            .map_err(|_| {
                let error =
                    if self.day.trim().is_empty() { ValidationError::Required } else { ValidationError::InvalidDate };
                errors.push(FieldError { field: "day".into(), error })
            })
            .ok();
        let note = check_line(&self.note, 0, CLOSURE_NOTE_MAX)
            .map_err(|error| errors.push(FieldError { field: "note".into(), error }))
            .ok();
        match (day, note) {
            (Some(day), Some(note)) => Ok(ClosureDay { day, note }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}
