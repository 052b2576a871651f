use crate::calendar::Moment;
use crate::contact::bulk::Priority;
use crate::contact::InquirySummary;
use serde::{Deserialize, Serialize};

/// Pieces of a text with what matched the search marked `true`.
pub type Marked = Vec<(String, bool)>;

/// What the staff search box found, newest first in each group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SearchResults {
    /// An inquiry named exactly by its reference comes first.
    pub inquiries: Vec<InquiryHit>,
    pub chats: Vec<ChatHit>,
    pub members: Vec<MemberHit>,
    /// More matched than are shown: the staff member should add a word.
    pub more: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryHit {
    pub summary: InquirySummary,
    pub priority: Priority,
    /// The newest message of its thread (0: none): a bulk answer checks nothing came after it.
    pub last_message_id: i64,
    pub member_id: i64,
    pub member_name: String,
    /// Where the words were found (a field value or a message), cut around the first match.
    pub snippet: Marked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatHit {
    pub id: i64,
    pub member_id: i64,
    pub member_name: String,
    pub started_at: Moment,
    pub snippet: Marked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberHit {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    /// The parent site's member id, when the account came through sign-in from there.
    pub sso_subject: Option<String>,
}
