//! Server function for the staff search box: staff only.
use super::SearchResults;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "search", input = Json)]
pub async fn search(q: String) -> Result<SearchResults, AppError> {
    crate::infra::http::reply(super::server::query::run(q).await)
}
