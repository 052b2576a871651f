//! Staff two-factor: the enrolment page (`/admin/two-factor`) and its server functions. The
//! checks themselves live in `server/two_factor.rs`; the login page asks for the code.
pub mod api;
mod page;
mod types;

pub use page::TwoFactorPage;
pub use types::{BackupCodes, Enrolment, TwoFactorStatus};
