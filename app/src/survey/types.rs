use crate::domain::{check_multiline, ValidationError};
use crate::error::{AppError, FieldError};
use serde::{Deserialize, Serialize};

pub const COMMENT_MAX: usize = 500;
/// Days after the chat ends during which the answer may be given or changed.
pub const ANSWER_DAYS: i64 = 7;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyInput {
    /// The chat answered for (0 when `inquiry_id` is set).
    pub session_id: i64,
    /// The inquiry answered for, when the survey follows a closed inquiry.
    #[serde(default)]
    pub inquiry_id: Option<i64>,
    pub score: i64,
    pub resolved: Option<bool>,
    pub comment: String,
}

impl SurveyInput {
    pub fn validate(&self) -> Result<(i64, bool, Option<String>), AppError> {
        let mut errors = Vec::new();
        if !(1..=5).contains(&self.score) {
            errors.push(FieldError { field: "score".into(), error: ValidationError::Required });
        }
        if self.resolved.is_none() {
            errors.push(FieldError { field: "resolved".into(), error: ValidationError::Required });
        }
        let comment = check_multiline(&self.comment, 0, COMMENT_MAX)
            .map_err(|error| errors.push(FieldError { field: "comment".into(), error }))
            .ok();
        match (errors.is_empty(), self.resolved, comment) {
            (true, Some(resolved), Some(c)) => Ok((self.score, resolved, (!c.is_empty()).then_some(c))),
            _ => Err(AppError::Validation(errors)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyAnswer {
    pub score: i64,
    pub resolved: bool,
    pub comment: Option<String>,
}

/// Whether the member may still answer, and what they answered so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyStatus {
    pub session_id: i64,
    #[serde(default)]
    pub inquiry_id: Option<i64>,
    pub open: bool,
    pub answer: Option<SurveyAnswer>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_resolved_and_comment_length_are_checked() {
        let ok =
            SurveyInput { session_id: 1, inquiry_id: None, score: 5, resolved: Some(true), comment: "あ".repeat(500) };
        assert!(ok.validate().is_ok());
        let bad = SurveyInput { session_id: 1, inquiry_id: None, score: 6, resolved: None, comment: "あ".repeat(501) };
        let Err(AppError::Validation(errors)) = bad.validate() else { panic!() };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["score", "resolved", "comment"]);
    }
}
