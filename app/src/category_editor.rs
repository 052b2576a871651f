//! The inquiry categories editor (`/admin/categories`, supervisors): add, rename, reorder,
//! retire and restore categories, their notices and their fields. The wizard reads the stored
//! definitions, so an edit shows to members at once; an inquiry keeps the definition it was sent
//! with (`inquiries.category_snapshot`), so edits never change past inquiries. One validator
//! (`check_category`) runs in the browser before saving and on the server.
pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::CategoriesPage;
pub use types::{check_category, CategoryEntry, FIELDS_MAX, NOTICES_MAX};
