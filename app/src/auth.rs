//! Signing in: registration and verification, login/logout, password reset, SSO from the parent
//! site, staff two-factor, the current user and roles, and the guards every server function calls
//! first. Managing an account once signed in is `account`.
pub mod api;
mod carrier;
mod device;
mod login_prompt;
mod pages;
mod redirect;
mod reset_page;
#[cfg(feature = "ssr")]
pub mod server;
mod session;
mod two_factor;
mod types;

pub use carrier::{is_carrier_mail, CARRIER_DOMAINS};
pub use device::device_name;
pub use login_prompt::LoginPrompt;
pub use pages::{urlencode, CarrierNotice, LoginPage, RegisterPage, VerifyBanner, VerifyPage};
pub use reset_page::ResetPage;
pub use session::{use_session, Session};
pub use two_factor::{api as two_factor_api, BackupCodes, Enrolment, TwoFactorPage, TwoFactorStatus};
pub use types::{
    LoginInput, MailSettings, RegisterInput, Registered, ResetInput, Role, SignInOptions, StaffRole, UserView,
};
