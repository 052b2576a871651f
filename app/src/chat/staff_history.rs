//! The staff list of past chats, `/admin/chats` (issue #23): newest first, a page at a time by
//! keyset (the last id seen), each linking to its transcript and its member. Before it, a past
//! chat was only reachable from a survey comment.
pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

use crate::calendar::Moment;
use serde::{Deserialize, Serialize};

pub use page::PastChatsPage;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastChat {
    pub id: i64,
    pub member_id: i64,
    pub member_name: String,
    /// The topic's id (`chat::topics`).
    pub topic: String,
    pub started_at: Moment,
    pub staff_name: Option<String>,
    pub messages: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PastChats {
    pub rows: Vec<PastChat>,
    /// Pass as `before` for the next (older) page; `None` on the last.
    pub next: Option<i64>,
}
