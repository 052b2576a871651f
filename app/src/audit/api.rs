//! The audit log for supervisors (the CSV is an axum route: `server::audit_csv`).
use super::{AuditFilter, AuditLogPage};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/audit/list", input = Json)]
pub async fn audit_log(filter: AuditFilter) -> Result<AuditLogPage, AppError> {
    crate::infra::http::reply(super::server::list(filter).await)
}
