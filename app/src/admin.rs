//! The staff area at `/admin`: gated in the browser for courtesy and in every server function
//! for real.
pub mod api;
mod closures;
mod failed_mail;
mod pages;
mod types;

pub use pages::{AdminPage, StaffGate, SupervisorGate};
pub use types::{AdminOverview, ClosureDay, ClosureInput, DeskStatus, FailedMail};
