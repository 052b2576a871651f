//! Acting on many inquiries at once (issue #23): assign to a colleague, set a priority, tag, close, or
//! send one answer to each — its own reply mail, with placeholders filled per inquiry, and never
//! to an inquiry whose thread moved on since the staff member looked (skipped and reported).
use crate::domain::{check_multiline, ValidationError};
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most inquiries one bulk action takes.
pub const BULK_MAX: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// Its place in the priority order (urgent 0 … low 3), as the inbox's index sorts it.
    pub fn rank(self) -> i64 {
        match self {
            Priority::Urgent => 0,
            Priority::High => 1,
            Priority::Normal => 2,
            Priority::Low => 3,
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::msg;
        match self {
            Priority::Low => msg::PRIORITY_LOW.get(lang),
            Priority::Normal => msg::PRIORITY_NORMAL.get(lang),
            Priority::High => msg::PRIORITY_HIGH.get(lang),
            Priority::Urgent => msg::PRIORITY_URGENT.get(lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkAction {
    Assign {
        staff_id: i64,
    },
    Priority(Priority),
    /// Puts a tag on each (`on`), or takes it off.
    Tag {
        tag_id: i64,
        on: bool,
    },
    Close,
    /// One answer, its placeholders filled per inquiry; `close` closes each as it is answered.
    Answer {
        body: String,
        close: bool,
    },
}

/// One selected inquiry, with the newest message the staff member saw in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkItem {
    pub inquiry_id: i64,
    pub seen_message_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkInput {
    pub items: Vec<BulkItem>,
    pub action: BulkAction,
    /// Made by the browser per bulk action: a retry answers nobody twice.
    pub client_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// The member (or a colleague) wrote after the staff member looked: not answered blindly.
    MovedOn,
    Closed,
    NotFound,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub inquiry_id: i64,
    pub reference: String,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BulkReport {
    pub done: Vec<i64>,
    pub skipped: Vec<Skipped>,
}

/// A staff member who can be handed inquiries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
}

impl BulkInput {
    pub fn validate(&self) -> Result<(), AppError> {
        if self.items.is_empty() {
            return Err(AppError::field("items", ValidationError::Required));
        }
        if self.items.len() > BULK_MAX {
            return Err(AppError::field("items", ValidationError::TooMany { max: BULK_MAX }));
        }
        crate::domain::check_line(&self.client_key, 8, 100).map_err(|e| AppError::field("client_key", e))?;
        if let BulkAction::Answer { body, .. } = &self.action {
            check_multiline(body, 1, super::THREAD_MAX).map_err(|e| AppError::field("body", e))?;
            if placeholders(body).iter().any(|p| !known_placeholder(p)) {
                return Err(AppError::field("body", ValidationError::InvalidKey));
            }
        }
        Ok(())
    }
}

/// The placeholders an answer may use: the member's name, the reference, and any field of a
/// category by its key (`{{order_number}}`, `{{shop_name}}`, …: lower-case a–z, 0–9, `_`).
fn known_placeholder(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The `{{name}}`s in a text, in order.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push(after[..end].trim().to_owned());
        rest = &after[end + 2..];
    }
    out
}

/// Fills `{{member_name}}`, `{{reference}}` and field values; a field this inquiry does not have
/// becomes empty (its category asks for other things).
pub fn fill(text: &str, member_name: &str, reference: &str, fields: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        match name {
            "member_name" => out.push_str(member_name),
            "reference" => out.push_str(reference),
            key => out.push_str(fields.get(key).map(String::as_str).unwrap_or("")),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_per_inquiry_and_unknown_fields_are_empty() {
        let fields = BTreeMap::from([("order_number".to_owned(), "RS-1".to_owned())]);
        let text = "{{member_name}} 様\n{{reference}} / 注文 {{ order_number }} / {{shop_name}}。";
        assert_eq!(fill(text, "山田", "MDG-1", &fields), "山田 様\nMDG-1 / 注文 RS-1 / 。");
        assert_eq!(fill("{{unclosed", "a", "b", &fields), "{{unclosed");
        // A member's name holding braces is not read again as a placeholder.
        assert_eq!(fill("{{member_name}}", "{{reference}}", "MDG-1", &fields), "{{reference}}");
    }

    #[test]
    fn an_answer_with_a_malformed_placeholder_is_refused() {
        let item = BulkItem { inquiry_id: 1, seen_message_id: 0 };
        let input = |body: &str| BulkInput {
            items: vec![item],
            action: BulkAction::Answer { body: body.into(), close: false },
            client_key: "bulk-key-0001".into(),
        };
        assert!(input("{{member_name}} 様、{{order_number}}").validate().is_ok());
        assert!(input("{{会員名}}").validate().is_err());
        assert!(input("{{}}").validate().is_err());
        let too_many = BulkInput { items: vec![item; BULK_MAX + 1], ..input("x") };
        assert!(too_many.validate().is_err());
    }
}

/// Server functions: staff.
pub mod api {
    use super::{BulkInput, BulkReport, StaffMember};
    use crate::error::AppError;
    use leptos::prelude::*;
    use server_fn::codec::Json;

    #[server(prefix = "/api", endpoint = "inbox/bulk", input = Json)]
    pub async fn bulk_action(input: BulkInput) -> Result<BulkReport, AppError> {
        crate::infra::http::reply(crate::contact::server::bulk_action(input).await)
    }

    #[server(prefix = "/api", endpoint = "inbox/staff", input = Json)]
    pub async fn list_staff_members() -> Result<Vec<StaffMember>, AppError> {
        crate::infra::http::reply(crate::contact::server::staff_members().await)
    }
}
