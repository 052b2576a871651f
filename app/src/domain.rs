//! Domain types that validate on construction: holding one means the value is valid.
//! The same code runs in the browser (instant feedback) and on the server (the final say).
mod display_name;
mod email;
mod password;
mod second_factor_code;
mod text;

pub use display_name::DisplayName;
pub use email::Email;
pub use password::Password;
pub use second_factor_code::{SecondFactorCode, BACKUP_ALPHABET, BACKUP_LEN};
pub use text::{check_line, check_multiline, ValidationError};
