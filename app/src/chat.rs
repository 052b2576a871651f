//! Live chat: hours and routing before the queue, a queue with a live place in line, the chat
//! itself over a WebSocket that survives reconnects and restarts, and the staff console.
pub mod api;
pub(crate) mod client;
mod member_page;
pub mod protocol;
#[cfg(feature = "ssr")]
pub mod server;
mod staff_history;
mod staff_page;
pub mod team;
mod topics;
mod types;
mod view;

pub use member_page::{ChatHistoryPage, ChatPage, ChatTranscriptPage};
pub use staff_history::PastChatsPage;
pub use staff_page::StaffChatPage;
pub use topics::{topic, Topic, TOPICS};
pub use types::*;
