//! Server side of account management. Built on `auth`'s user store, sessions, hashing, tokens and
//! mails; every public function takes the caller its server function checked first.
mod email_change;
mod export;
mod settings;
mod withdrawal;

pub use email_change::{confirm as confirm_email_change, request as request_email_change};
pub use export::export_json;
pub use settings::{change_password, end_sessions, list_sessions, mail_settings, rename};
pub use withdrawal::{withdraw_by_staff, withdraw_self, ERASED, WITHDRAWN_NAME};
