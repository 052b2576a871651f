use super::schema::Localized;
use crate::calendar::{Day, Moment};
use crate::domain::{check_multiline, ValidationError};
use crate::error::{AppError, FieldError};
use crate::files::{Attachment, AttachmentIds};
use crate::i18n::{msg, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    pub categories: Vec<super::Category>,
    pub today: Day,
}

/// Longest reply, follow-up or internal note, in characters.
pub const THREAD_MAX: usize = 4000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InquiryInput {
    pub category_id: String,
    pub fields: BTreeMap<String, String>,
    pub agree_privacy: bool,
    pub agree_terms: bool,
    /// Made by the browser when the draft starts; a retried or double-clicked submit carries the
    /// same key and is stored once.
    pub idempotency_key: String,
    /// Ids of the member's uploads to attach (at most three).
    #[serde(default)]
    pub attachments: Vec<String>,
}

impl InquiryInput {
    pub fn consent_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !self.agree_privacy {
            errors.push(FieldError { field: "agree_privacy".into(), error: ValidationError::MustAgree });
        }
        if !self.agree_terms {
            errors.push(FieldError { field: "agree_terms".into(), error: ValidationError::MustAgree });
        }
        errors
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub id: i64,
    pub reference: String,
    pub received_at: Moment,
    pub due_at: Moment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    New,
    InProgress,
    Answered,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::New, Status::InProgress, Status::Answered, Status::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in_progress",
            Status::Answered => "answered",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::New => msg::STATUS_NEW.get(lang),
            Status::InProgress => msg::STATUS_IN_PROGRESS.get(lang),
            Status::Answered => msg::STATUS_ANSWERED.get(lang),
            Status::Closed => msg::STATUS_CLOSED.get(lang),
        }
    }

    /// Still waiting on the desk: counts towards "overdue".
    pub fn is_open(self) -> bool {
        matches!(self, Status::New | Status::InProgress)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySummary {
    pub id: i64,
    pub reference: String,
    pub category: Localized,
    pub status: Status,
    pub received_at: Moment,
    pub due_at: Moment,
    /// A staff reply came after the member last opened it (the member's own lists only).
    #[serde(default)]
    pub unread: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    pub label: Localized,
    /// As people read it, in both languages (a choice shows its label).
    pub value: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadMessage {
    pub from_staff: bool,
    pub author: String,
    pub body: String,
    pub at: Moment,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The member answered by mail (shown as such).
    #[serde(default)]
    pub via_mail: bool,
    /// The part of that mail that quoted earlier ones, folded behind "show quoted text".
    #[serde(default)]
    pub quoted: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryDetail {
    pub summary: InquirySummary,
    pub fields: Vec<FieldValue>,
    /// Sent with the inquiry itself.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    pub thread: Vec<ThreadMessage>,
    /// Closed by the auto-close rule, not by staff: a reply from the member still reopens it.
    #[serde(default)]
    pub reopens: bool,
    /// Linked to an open incident with a public note: what members are told about it.
    #[serde(default)]
    pub incident_note: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ThreadInput {
    pub inquiry_id: i64,
    pub body: String,
    /// Made by the browser when the message is composed; a retry with the same key is stored
    /// (and mailed) once. Internal notes ignore it.
    pub client_key: String,
    /// Staff replies: the newest message the staff member had on screen. A reply is refused
    /// (`StaleThread`) when a newer one (a follow-up, another staff reply) arrived since.
    #[serde(default)]
    pub seen_message_id: Option<i64>,
    /// Staff replies: this reply closes the inquiry, and its mail invites the member to the survey.
    #[serde(default)]
    pub close: bool,
    /// Ids of the sender's uploads to attach (follow-ups and replies; at most three).
    #[serde(default)]
    pub attachments: Vec<String>,
}

impl ThreadInput {
    pub fn validate(&self) -> Result<String, AppError> {
        check_multiline(&self.body, 1, THREAD_MAX).map_err(|e| AppError::field("body", e))
    }

    /// The files to attach, checked.
    pub fn attachment_ids(&self) -> Result<AttachmentIds, AppError> {
        AttachmentIds::parse(&self.attachments).map_err(|e| AppError::field("attachments", e))
    }

    /// The retry key, 8–100 characters of one line.
    pub fn key(&self) -> Result<String, AppError> {
        crate::domain::check_line(&self.client_key, 8, 100).map_err(|e| AppError::field("client_key", e))
    }
}

// ---- Staff inbox ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AssigneeFilter {
    #[default]
    Anyone,
    Me,
    Unassigned,
    /// A colleague's inquiries (a staff account id).
    Colleague(i64),
}

/// The inbox's orders, each served by its own index (keyset paging on every one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum InboxSort {
    /// The earliest due first.
    #[default]
    Due,
    /// The most recently changed first (a reply, a follow-up, a status, a tag…).
    LastActivity,
    /// Urgent first, then high, normal, low; the earliest due first within each.
    Priority,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    pub status: Option<Status>,
    pub category_id: Option<String>,
    pub assignee: AssigneeFilter,
    pub overdue_only: bool,
    /// Open and due within the next business hour (the desk's hours and closures count).
    #[serde(default)]
    pub due_soon: bool,
    #[serde(default)]
    pub priority: Option<crate::contact::bulk::Priority>,
    #[serde(default)]
    pub tag_id: Option<i64>,
    /// The member has written into it by mail (the mail channel).
    #[serde(default)]
    pub by_mail: bool,
    /// Mail about it is held in the unmatched list (another sender, closed, …).
    #[serde(default)]
    pub unmatched_mail: bool,
    #[serde(default)]
    pub sort: InboxSort,
    /// The page after this row (keyset paging: no OFFSET scan however deep the list goes).
    #[serde(default)]
    pub after: Option<InboxCursor>,
}

impl InboxFilter {
    /// The same filter from its first page (what a saved view keeps).
    pub fn first_page(&self) -> InboxFilter {
        InboxFilter { after: None, ..self.clone() }
    }
}

/// Where a page of the inbox ends, in the list's order: its last row's priority rank (the
/// priority order only), sort key (due time or last activity) and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxCursor {
    #[serde(default)]
    pub rank: i64,
    pub key: i64,
    pub id: i64,
}

/// One page of the inbox, and where the next one starts when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub rows: Vec<InboxRow>,
    pub next: Option<InboxCursor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    pub summary: InquirySummary,
    pub member_name: String,
    pub assignee_name: Option<String>,
    pub overdue: bool,
    /// Open and not yet due: business minutes left (the desk's hours and closures count).
    #[serde(default)]
    pub due_in_minutes: Option<i64>,
    #[serde(default)]
    pub priority: crate::contact::bulk::Priority,
    #[serde(default)]
    pub tags: Vec<crate::contact::tags::Tag>,
    /// When it last changed (the "last activity" order).
    #[serde(default)]
    pub updated_at: i64,
    /// The newest message in its thread (0 when none): what a bulk answer checks it against.
    #[serde(default)]
    pub last_message_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffNote {
    pub author: String,
    pub body: String,
    pub at: Moment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffInquiry {
    pub detail: InquiryDetail,
    pub member_id: i64,
    pub member_name: String,
    pub member_email: String,
    pub assignee_name: Option<String>,
    #[serde(default)]
    pub assignee_id: Option<i64>,
    /// The newest message in the thread (0 when none): sent back with a reply, see `ThreadInput`.
    #[serde(default)]
    pub last_message_id: i64,
    pub overdue: bool,
    pub notes: Vec<StaffNote>,
    /// The member's other inquiries, newest first.
    pub member_history: Vec<InquirySummary>,
    /// Our mail to the member's address bounced (since it last changed).
    #[serde(default)]
    pub member_mail_failing: bool,
    /// The parent-site look-ups replies were based on.
    #[serde(default)]
    pub parent_evidence: Vec<crate::parent::ReplyEvidence>,
    /// Where it is filed now (staff may move it: `inbox/recategorize`).
    #[serde(default)]
    pub category_id: String,
    #[serde(default)]
    pub priority: crate::contact::bulk::Priority,
    #[serde(default)]
    pub tags: Vec<crate::contact::tags::Tag>,
    /// Merged into another inquiry (its id and reference): the thread lives there now.
    #[serde(default)]
    pub merged_into: Option<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    pub id: i64,
    pub title: String,
    pub body: String,
    /// Offered only on inquiries of this category; `None`: on every inquiry.
    #[serde(default)]
    pub category_id: Option<String>,
}

impl CannedReply {
    /// Whether the inquiry page of a `category` inquiry offers this reply.
    pub fn offered_for(&self, category: &str) -> bool {
        self.category_id.as_deref().is_none_or(|c| c == category)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CannedInput {
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub category_id: Option<String>,
}

impl CannedInput {
    pub fn validate(&self) -> Result<(String, String), AppError> {
        let [title, body] = AppError::collect([
            ("title", crate::domain::check_line(&self.title, 1, 60)),
            ("body", check_multiline(&self.body, 1, THREAD_MAX)),
        ])?;
        Ok((title, body))
    }
}
