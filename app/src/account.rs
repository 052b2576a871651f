//! Account management, for a signed-in member or staff member: the account page (name, password,
//! sessions on other devices, mail settings, a new address, the data export, withdrawal) and staff
//! closing a member's account on request. Signing in, sign-up, verification, password reset, SSO,
//! two-factor and the guards every server function calls stay in `auth`.
pub mod api;
mod data;
mod email_page;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use email_page::EmailConfirmPage;
pub use page::AccountPage;
pub use types::{EmailChange, PasswordChange, SessionInfo};
