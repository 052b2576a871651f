//! Server functions for the delivery log: supervisors only.
use super::DeliveryLog;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/webhooks", input = Json)]
pub async fn webhook_log(before_id: Option<i64>) -> Result<DeliveryLog, AppError> {
    crate::infra::http::reply(super::server::log::page(before_id).await)
}

/// Sends a delivery again (same event id, so a receiver that had it ignores it).
#[server(prefix = "/api", endpoint = "admin/webhooks/resend", input = Json)]
pub async fn resend_webhook(id: i64) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::log::resend(id).await)
}
