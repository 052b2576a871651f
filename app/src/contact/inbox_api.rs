//! Staff inbox server functions (`/api/inbox/…`). Each one refuses non-staff in the server code.
use super::{CannedInput, CannedReply, InboxFilter, InboxPage, StaffInquiry, Status, ThreadInput};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "inbox/list", input = Json)]
pub async fn inbox(filter: InboxFilter) -> Result<InboxPage, AppError> {
    crate::infra::http::reply(super::server::inbox(filter).await)
}

#[server(prefix = "/api", endpoint = "inbox/detail", input = Json)]
pub async fn inbox_inquiry(id: i64) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::inbox_inquiry(id).await)
}

#[server(prefix = "/api", endpoint = "inbox/reply", input = Json)]
pub async fn staff_reply(input: ThreadInput) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::staff_reply(input).await)
}

#[server(prefix = "/api", endpoint = "inbox/note", input = Json)]
pub async fn add_note(input: ThreadInput) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::add_note(input).await)
}

#[server(prefix = "/api", endpoint = "inbox/status", input = Json)]
pub async fn set_status(id: i64, status: Status) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::set_status(id, status).await)
}

#[server(prefix = "/api", endpoint = "inbox/assign", input = Json)]
pub async fn assign_to_me(id: i64) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::assign_to_me(id).await)
}

#[server(prefix = "/api", endpoint = "inbox/canned/list", input = Json)]
pub async fn canned_replies() -> Result<Vec<CannedReply>, AppError> {
    crate::infra::http::reply(super::server::canned_replies().await)
}

#[server(prefix = "/api", endpoint = "inbox/canned/save", input = Json)]
pub async fn save_canned_reply(input: CannedInput) -> Result<Vec<CannedReply>, AppError> {
    crate::infra::http::reply(super::server::save_canned_reply(input).await)
}

/// Moves an inquiry to another (active) category; the member's answers stay as sent. Audited.
#[server(prefix = "/api", endpoint = "inbox/recategorize", input = Json)]
pub async fn recategorize(id: i64, category_id: String) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::recategorize(id, category_id).await)
}

/// Rewrites a canned reply (its author, or a supervisor).
#[server(prefix = "/api", endpoint = "inbox/canned/update", input = Json)]
pub async fn update_canned_reply(id: i64, input: CannedInput) -> Result<Vec<CannedReply>, AppError> {
    crate::infra::http::reply(super::server::update_canned_reply(id, input).await)
}

/// Deletes a canned reply (its author, or a supervisor).
#[server(prefix = "/api", endpoint = "inbox/canned/delete", input = Json)]
pub async fn delete_canned_reply(id: i64) -> Result<Vec<CannedReply>, AppError> {
    crate::infra::http::reply(super::server::delete_canned_reply(id).await)
}

/// Merges `other` into `into` (the same member's): thread, notes, files and tags move; `other`
/// closes pointing at `into`. Audited.
#[server(prefix = "/api", endpoint = "inbox/merge", input = Json)]
pub async fn merge_inquiries(into: i64, other: i64) -> Result<StaffInquiry, AppError> {
    crate::infra::http::reply(super::server::merge(into, other).await)
}
