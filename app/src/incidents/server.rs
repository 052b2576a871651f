//! Storing incidents, linking inquiries, and matching by shop and day of use.
mod matching;
mod store;

pub use matching::{for_inquiry, public_note_for};
pub use store::{link, list, save, view};
