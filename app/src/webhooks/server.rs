//! Writing events with the changes they report, delivering them, and the log.
pub mod emit;
pub mod log;
mod receivers;
pub mod sign;
pub mod worker;

pub use emit::{chat_event, emit, inquiry_event, member_ref};
pub use receivers::Receivers;
