//! Accounts: registration, login/logout, the current user, and the staff role.
mod account_data;
mod account_page;
mod account_types;
pub mod api;
mod carrier;
mod device;
mod email_page;
mod login_prompt;
mod pages;
mod redirect;
mod reset_page;
#[cfg(feature = "ssr")]
pub mod server;
mod session;
mod two_factor;
mod types;

pub use account_page::AccountPage;
pub use account_types::{EmailChange, PasswordChange, SessionInfo};
pub use carrier::{is_carrier_mail, CARRIER_DOMAINS};
pub use device::device_name;
pub use email_page::EmailConfirmPage;
pub use login_prompt::LoginPrompt;
pub use pages::{urlencode, LoginPage, RegisterPage, VerifyBanner, VerifyPage};
pub use reset_page::ResetPage;
pub use session::{use_session, Session};
pub use two_factor::{api as two_factor_api, BackupCodes, Enrolment, TwoFactorPage, TwoFactorStatus};
pub use types::{
    LoginInput, MailSettings, RegisterInput, Registered, ResetInput, Role, SignInOptions, StaffRole, UserView,
};
