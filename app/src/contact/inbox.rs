//! The staff inbox pages: `/admin/inquiries` and `/admin/inquiries/:id`.
mod detail;
mod list;

pub use detail::InboxDetailPage;
pub use list::InboxPage;
