//! Staff-only server functions. Every one starts with `require_staff()`.
use super::{AdminOverview, ClosureDay, ClosureInput, FailedMail};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/overview", input = Json)]
pub async fn get_admin_overview() -> Result<AdminOverview, AppError> {
    crate::infra::http::reply(super::closures::server::overview().await)
}

#[server(prefix = "/api", endpoint = "admin/closures/list", input = Json)]
pub async fn list_closures() -> Result<Vec<ClosureDay>, AppError> {
    crate::infra::http::reply(super::closures::server::list().await)
}

#[server(prefix = "/api", endpoint = "admin/closures/add", input = Json)]
pub async fn add_closure(input: ClosureInput) -> Result<(), AppError> {
    crate::infra::http::reply(super::closures::server::add(input).await)
}

#[server(prefix = "/api", endpoint = "admin/mail/failed", input = Json)]
pub async fn failed_mails() -> Result<Vec<FailedMail>, AppError> {
    crate::infra::http::reply(super::failed_mail::server::list().await)
}

#[server(prefix = "/api", endpoint = "admin/mail/retry", input = Json)]
pub async fn retry_mail(id: i64) -> Result<(), AppError> {
    crate::infra::http::reply(super::failed_mail::server::retry(id).await)
}

#[server(prefix = "/api", endpoint = "admin/closures/remove", input = Json)]
pub async fn remove_closure(day: String) -> Result<(), AppError> {
    crate::infra::http::reply(super::closures::server::remove(day).await)
}
