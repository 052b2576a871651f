//! Server function for the member page: staff only, audited.
use super::MemberRecord;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/members/get", input = Json)]
pub async fn get_member_record(id: i64) -> Result<MemberRecord, AppError> {
    crate::infra::http::reply(super::server::record::load(id).await)
}
