//! Live events for staff pages: one WebSocket per staff tab (`/ws/desk`) tells it, without
//! polling, when a member joins or leaves the chat queue, a member writes in one of their chats,
//! one of their chats begins or ends, an inquiry arrives, a member follows up on an inquiry that
//! is theirs or nobody's, or someone else answers an inquiry. Events travel through
//! the chat hub, so on PostgreSQL they reach staff on every instance (LISTEN/NOTIFY).
mod alerts;
mod presence;
mod pulse;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use presence::{DeskLink, WhoElse};
pub use pulse::{DeskFeed, DeskPulse};
pub use types::{DeskClientMsg, DeskEvent, PRESENCE_EVERY_SECS, PRESENCE_GONE_SECS, TYPING_SHOWN_SECS};
