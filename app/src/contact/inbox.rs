//! The staff inbox pages: `/admin/inquiries` and `/admin/inquiries/:id`, with what they are made
//! of: filters and saved views, the bulk bar (also under the search results), tags, merging.
mod bulk_bar;
mod detail;
mod filters;
mod list;
mod tag_admin;
mod tools;
mod views;

pub use bulk_bar::BulkBar;
pub use detail::InboxDetailPage;
pub use list::InboxPage;
