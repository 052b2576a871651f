//! Every user-facing string, one file per feature under `msg/`, all re-exported here so callers
//! write `msg::NAME` wherever the text lives. Keys are in SCREAMING_CASE.

/// `NAME = "日本語" / "English";` lines become `Text` constants.
macro_rules! texts {
    ($($name:ident = $ja:literal / $en:literal;)*) => {
        $(pub const $name: Text = Text { ja: $ja, en: $en };)*
    };
}

mod account;
mod chat;
mod contact;
mod errors;
mod figures;
mod files;
mod help;
mod ideas;
mod parent;
mod shell;
mod staff;
mod webhooks;

pub use account::*;
pub use chat::*;
pub use contact::*;
pub use errors::*;
pub use figures::*;
pub use files::*;
pub use help::*;
pub use ideas::*;
pub use parent::*;
pub use shell::*;
pub use staff::*;
pub use webhooks::*;
