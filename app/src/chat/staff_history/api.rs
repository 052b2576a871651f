use super::PastChats;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Ended chats, newest first, 50 a page, older than `before` (staff only).
#[server(prefix = "/api", endpoint = "chat/staff/past", input = Json)]
pub async fn list_past_chats(before: Option<i64>) -> Result<PastChats, AppError> {
    crate::infra::http::reply(super::server::list(before).await)
}
