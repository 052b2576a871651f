//! Server side of the member page.
pub mod record;
