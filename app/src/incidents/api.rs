//! Incident server functions (`/api/incidents/…`): staff only, checked in the server code.
use super::{Incident, IncidentInput, IncidentView};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "incidents/list", input = Json)]
pub async fn list_incidents() -> Result<Vec<Incident>, AppError> {
    crate::infra::http::reply(super::server::list().await)
}

#[server(prefix = "/api", endpoint = "incidents/get", input = Json)]
pub async fn get_incident(id: i64) -> Result<IncidentView, AppError> {
    crate::infra::http::reply(super::server::view(id).await)
}

/// Opens an incident (`id` none) or changes one; audited.
#[server(prefix = "/api", endpoint = "incidents/save", input = Json)]
pub async fn save_incident(id: Option<i64>, input: IncidentInput) -> Result<IncidentView, AppError> {
    crate::infra::http::reply(super::server::save(id, input).await)
}

/// Links inquiries to the incident (`on`), or unlinks them; an inquiry already linked to another
/// incident stays there. Audited. Answers how many changed (pages read the incident again:
/// the inquiry page needs no incident types in its bundle).
#[server(prefix = "/api", endpoint = "incidents/link", input = Json)]
pub async fn link_inquiries(id: i64, inquiry_ids: Vec<i64>, on: bool) -> Result<u64, AppError> {
    crate::infra::http::reply(super::server::link(id, inquiry_ids, on).await)
}

/// Open incidents an inquiry matches (its shop and day of use), for the inquiry's page: id and
/// title.
#[server(prefix = "/api", endpoint = "incidents/for-inquiry", input = Json)]
pub async fn incidents_for_inquiry(inquiry_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    crate::infra::http::reply(super::server::for_inquiry(inquiry_id).await)
}
