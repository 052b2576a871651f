//! Accounts: registration, login/logout, the current user, and the staff role.
pub mod api;
mod pages;
mod redirect;
#[cfg(feature = "ssr")]
pub mod server;
mod session;
mod types;

pub use pages::{urlencode, LoginPage, RegisterPage, VerifyBanner, VerifyPage};
pub use session::{use_session, Session};
pub use types::{LoginInput, RegisterInput, Registered, Role, UserView};
