use crate::calendar::Moment;
use crate::domain::{check_line, check_multiline, ValidationError};
use crate::error::AppError;
use crate::i18n::{msg, Lang};
use serde::{Deserialize, Serialize};

pub const IDEA_TITLE_MAX: usize = 60;
pub const IDEA_BODY_MAX: usize = 2000;
pub const STAFF_NOTE_MAX: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdeaStatus {
    Open,
    UnderReview,
    Adopted,
    Declined,
    Duplicate,
}

impl IdeaStatus {
    pub const ALL: [IdeaStatus; 5] =
        [IdeaStatus::Open, IdeaStatus::UnderReview, IdeaStatus::Adopted, IdeaStatus::Declined, IdeaStatus::Duplicate];

    pub fn as_str(self) -> &'static str {
        match self {
            IdeaStatus::Open => "open",
            IdeaStatus::UnderReview => "review",
            IdeaStatus::Adopted => "adopted",
            IdeaStatus::Declined => "declined",
            IdeaStatus::Duplicate => "duplicate",
        }
    }

    pub fn parse(s: &str) -> Option<IdeaStatus> {
        IdeaStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            IdeaStatus::Open => msg::IDEA_OPEN.get(lang),
            IdeaStatus::UnderReview => msg::IDEA_REVIEW.get(lang),
            IdeaStatus::Adopted => msg::IDEA_ADOPTED.get(lang),
            IdeaStatus::Declined => msg::IDEA_DECLINED.get(lang),
            IdeaStatus::Duplicate => msg::IDEA_DUPLICATE.get(lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaView {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub status: IdeaStatus,
    pub votes: i64,
    pub created_at: Moment,
    pub staff_note: Option<String>,
    pub status_changed_at: Option<Moment>,
    pub duplicate_of: Option<i64>,
    pub voted_by_me: bool,
    pub mine: bool,
    /// Only staff see hidden ideas.
    pub hidden: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum BoardSort {
    #[default]
    Newest,
    MostVotes,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    pub status: Option<IdeaStatus>,
    pub sort: BoardSort,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaInput {
    pub title: String,
    pub body: String,
}

impl IdeaInput {
    /// Title 1–60 characters, body up to 2,000; whitespace-only counts as empty.
    pub fn validate(&self) -> Result<(String, String), AppError> {
        let [title, body] = AppError::collect([
            ("title", check_line(&self.title, 1, IDEA_TITLE_MAX)),
            ("body", check_multiline(&self.body, 0, IDEA_BODY_MAX)),
        ])?;
        Ok((title, body))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub idea_id: i64,
    pub status: Option<IdeaStatus>,
    pub note: String,
    /// For `Duplicate`: the original idea.
    pub duplicate_of: Option<i64>,
}

impl StatusChange {
    /// Adopted and declined need a note (what changed, or why not); a duplicate needs the original.
    pub fn validate(&self) -> Result<(IdeaStatus, Option<String>), AppError> {
        let status = self.status.ok_or_else(|| AppError::field("status", ValidationError::Required))?;
        let needs_note = matches!(status, IdeaStatus::Adopted | IdeaStatus::Declined);
        let note = check_multiline(&self.note, usize::from(needs_note), STAFF_NOTE_MAX)
            .map_err(|e| AppError::field("note", e))?;
        if status == IdeaStatus::Duplicate && self.duplicate_of.is_none_or(|d| d == self.idea_id) {
            return Err(AppError::field("duplicate_of", ValidationError::InvalidChoice));
        }
        Ok((status, (!note.is_empty()).then_some(note)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn titles_are_limited_in_characters_and_blank_ones_refused() {
        assert!(IdeaInput { title: "あ".repeat(60), body: String::new() }.validate().is_ok());
        let too_long = IdeaInput { title: "あ".repeat(61), body: String::new() }.validate().unwrap_err();
        assert_eq!(too_long.field_message("title", Lang::Ja).unwrap(), "60文字以内で入力してください。");
        let blank = IdeaInput { title: " \u{3000} ".into(), body: "本文".into() }.validate().unwrap_err();
        assert_eq!(blank.field_message("title", Lang::En).unwrap(), "This field is required.");
        assert!(IdeaInput { title: "t".into(), body: "い".repeat(2001) }.validate().is_err());
    }

    #[test]
    fn adoption_needs_a_note_and_a_duplicate_needs_another_idea() {
        let mut change =
            StatusChange { idea_id: 1, status: Some(IdeaStatus::Adopted), note: "  ".into(), duplicate_of: None };
        assert!(change.validate().is_err());
        change.note = "検索を改善しました".into();
        assert!(change.validate().is_ok());
        let dup = StatusChange {
            idea_id: 1,
            status: Some(IdeaStatus::Duplicate),
            note: String::new(),
            duplicate_of: Some(1),
        };
        assert!(dup.validate().is_err());
    }

    proptest! {
        #[test]
        fn accepted_ideas_respect_both_limits(t in "\\PC{0,70}", b in "\\PC{0,30}") {
            if let Ok((title, body)) = (IdeaInput { title: t, body: b }).validate() {
                prop_assert!(!title.trim().is_empty());
                prop_assert!(title.chars().count() <= IDEA_TITLE_MAX);
                prop_assert!(body.chars().count() <= IDEA_BODY_MAX);
            }
        }
    }
}
