//! `/api/insights/desk`: the desk's figures, for staff.
use super::DeskFigures;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Figures for `from..=to` (Tokyo dates, at most a year); `None` means the last 28 days.
#[server(prefix = "/api", endpoint = "insights/desk", input = Json)]
pub async fn get_desk_figures(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<DeskFigures, AppError> {
    crate::infra::http::reply(super::server::desk_figures(from, to).await)
}
