//! Staff search (issue #23): one box on every staff page over inquiries (reference, field values
//! such as order number and shop, thread messages incl. mail), chats and members (name, address,
//! parent-site id). Japanese-aware — the help center's normalization, words of any length — and
//! served by each database's own full-text machinery (`server::query`).
pub mod api;
mod page;
mod search_box;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::SearchPage;
pub use search_box::SearchBox;
pub use types::*;
