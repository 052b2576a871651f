//! Chat for a team: internal notes on a chat (staff only), handing a chat to another available
//! staff member, and the transcript mailed to the member on request after the chat ended.
//! Canned replies in the console come from the mail desk's store (`contact::inbox_api`).
pub mod api;
#[cfg(feature = "ssr")]
pub mod server;
mod types;
mod view;

pub use types::{ChatNoteInput, Colleague, NOTE_MAX};
pub use view::{CannedPicker, ChatNotes, MailTranscript, TransferChat};
