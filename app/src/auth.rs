//! Accounts: registration, login/logout, the current user, and the staff role.
pub mod api;
mod pages;
mod redirect;
mod reset_page;
#[cfg(feature = "ssr")]
pub mod server;
mod session;
mod types;

pub use pages::{urlencode, LoginPage, RegisterPage, VerifyBanner, VerifyPage};
pub use reset_page::ResetPage;
pub use session::{use_session, Session};
pub use types::{LoginInput, RegisterInput, Registered, ResetInput, Role, UserView};
