//! The help center (よくある質問): articles in categories, Japanese-aware search, helpful votes,
//! suggestions shown while a member is about to ask, and the staff editor.
mod admin_pages;
pub mod api;
mod normalize;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod suggest;
mod types;

pub use admin_pages::{FaqAdminPage, FaqEditPage};
pub use normalize::{compose_voicing, highlight, normalize, search_terms, suggestion_terms};
pub use pages::{FaqArticlePage, FaqPage};
pub use suggest::Suggestions;
pub use types::*;
