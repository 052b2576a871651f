//! The audit log: an append-only record of staff actions (logins, replies, status changes,
//! assignments, notes, views of inquiries and transcripts, exports, staff management, closure
//! days, idea decisions, article saves, withdrawals on request). Supervisors read it at
//! `/admin/audit` and download it as CSV.
pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::AuditPage;
pub use types::{AuditAction, AuditEntry, AuditFilter, AuditLogPage};
