//! Server functions for the desk rules: supervisors only.
use super::DeskRules;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/rules", input = Json)]
pub async fn get_desk_rules() -> Result<DeskRules, AppError> {
    crate::infra::http::reply(super::server::settings::get().await)
}

#[server(prefix = "/api", endpoint = "admin/rules/save", input = Json)]
pub async fn save_desk_rules(rules: DeskRules) -> Result<DeskRules, AppError> {
    crate::infra::http::reply(super::server::settings::save(rules).await)
}
