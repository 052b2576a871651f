//! Tags on inquiries (issue #23): supervisors keep the list ("楽天市場 12/3 障害", "要確認"),
//! every staff member puts them on inquiries and filters the inbox by them. Staff-only: a member
//! never sees a tag.
use crate::domain::{check_line, ValidationError};
use serde::{Deserialize, Serialize};

/// Longest tag name, in characters (the column's CHECK says the same).
pub const TAG_NAME_MAX: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

/// A tag's name: one line of 1–40 characters, no control or invisible format characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagName(String);

impl TagName {
    pub fn parse(raw: &str) -> Result<TagName, ValidationError> {
        check_line(raw, 1, TAG_NAME_MAX).map(TagName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a supervisor does to the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TagChange {
    Create {
        name: String,
    },
    Rename {
        id: i64,
        name: String,
    },
    /// Taken off every inquiry too.
    Delete {
        id: i64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_name_is_one_trimmed_line_of_at_most_forty_characters() {
        assert_eq!(TagName::parse("  楽天市場 12/3 障害 ").unwrap().as_str(), "楽天市場 12/3 障害");
        assert_eq!(TagName::parse("").unwrap_err(), ValidationError::Required);
        assert_eq!(TagName::parse(&"あ".repeat(41)).unwrap_err(), ValidationError::TooLong { max: 40 });
        assert_eq!(TagName::parse("a\nb").unwrap_err(), ValidationError::ControlCharacters);
        assert_eq!(TagName::parse("要\u{202E}確認").unwrap_err(), ValidationError::FormatCharacters);
    }
}

/// Server functions: the list for staff, changes for supervisors, tagging for staff.
pub mod api {
    use super::{Tag, TagChange};
    use crate::contact::StaffInquiry;
    use crate::error::AppError;
    use leptos::prelude::*;
    use server_fn::codec::Json;

    #[server(prefix = "/api", endpoint = "inbox/tags", input = Json)]
    pub async fn list_tags() -> Result<Vec<Tag>, AppError> {
        crate::infra::http::reply(crate::contact::server::tags::list().await)
    }

    /// Supervisors: create, rename or delete a tag (audited); answers with the new list.
    #[server(prefix = "/api", endpoint = "admin/tags/change", input = Json)]
    pub async fn change_tags(change: TagChange) -> Result<Vec<Tag>, AppError> {
        crate::infra::http::reply(crate::contact::server::tags::change(change).await)
    }

    /// Puts a tag on an inquiry, or takes it off (audited); answers with the inquiry.
    #[server(prefix = "/api", endpoint = "inbox/tag", input = Json)]
    pub async fn tag_inquiry(id: i64, tag_id: i64, on: bool) -> Result<StaffInquiry, AppError> {
        crate::infra::http::reply(crate::contact::server::tags::tag_one(id, tag_id, on).await)
    }
}
