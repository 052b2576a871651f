//! Staff-only insights server functions (`/api/insights/…`).
use super::{Insights, Transcript};
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Figures for `from..=to` (Tokyo dates); `None` means the last 28 days.
#[server(prefix = "/api", endpoint = "insights/summary", input = Json)]
pub async fn get_insights(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Insights, AppError> {
    crate::infra::http::reply(super::server::insights(from, to).await)
}

#[server(prefix = "/api", endpoint = "insights/transcript", input = Json)]
pub async fn get_transcript(session_id: i64) -> Result<Transcript, AppError> {
    crate::infra::http::reply(super::server::transcript(session_id).await)
}
