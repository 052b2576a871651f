use super::protocol::SessionStatus;
use crate::calendar::Moment;
use crate::contact::InquirySummary;
use serde::{Deserialize, Serialize};

/// What the chat entry page needs before anything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatEntry {
    pub open_now: bool,
    pub next_opening: Moment,
    pub pc_only: bool,
    /// The member's waiting or active chat, to rejoin after a reload.
    pub current_session: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub session_id: i64,
    pub member_name: String,
    pub topic: String,
    pub enqueued_at: Moment,
    pub waited_secs: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveChat {
    pub session_id: i64,
    /// For the link to the member page and the parent-site panel.
    #[serde(default)]
    pub member_id: i64,
    pub member_name: String,
    pub topic: String,
    pub status: SessionStatus,
    pub recent_inquiries: Vec<InquirySummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffConsole {
    pub available: bool,
    pub capacity: i64,
    pub queue: Vec<QueueEntry>,
    pub chats: Vec<ActiveChat>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastChat {
    pub session_id: i64,
    pub topic: String,
    pub status: SessionStatus,
    pub enqueued_at: Moment,
}
