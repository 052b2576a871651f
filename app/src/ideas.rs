//! The idea lab (ご意見ラボ): members post and vote on suggestions; staff review them; the
//! adopted board shows what changed because of them.
mod admin_pages;
pub mod api;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use admin_pages::IdeasAdminPage;
pub use pages::{AdoptedPage, BoardPage, MyIdeasPage, NewIdeaPage};
pub use types::*;
