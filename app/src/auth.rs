//! Accounts: registration, login/logout, the current user, and the staff role.
mod account_data;
mod account_page;
mod account_types;
pub mod api;
mod device;
mod pages;
mod redirect;
mod reset_page;
#[cfg(feature = "ssr")]
pub mod server;
mod session;
mod two_factor;
mod types;

pub use account_page::AccountPage;
pub use account_types::{PasswordChange, SessionInfo};
pub use device::device_name;
pub use pages::{urlencode, LoginPage, RegisterPage, VerifyBanner, VerifyPage};
pub use reset_page::ResetPage;
pub use session::{use_session, Session};
pub use two_factor::{api as two_factor_api, BackupCodes, Enrolment, TwoFactorPage, TwoFactorStatus};
pub use types::{LoginInput, RegisterInput, Registered, ResetInput, Role, SignInOptions, UserView};
