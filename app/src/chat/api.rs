//! Chat server functions (`/api/chat/…`); the conversation itself runs over the WebSocket.
use super::{ChatEntry, PastChat, StaffConsole};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "chat/entry", input = Json)]
pub async fn get_chat_entry() -> Result<ChatEntry, AppError> {
    crate::infra::http::reply(super::server::chat_entry().await)
}

#[server(prefix = "/api", endpoint = "chat/join", input = Json)]
pub async fn join_queue(topic: String) -> Result<i64, AppError> {
    crate::infra::http::reply(super::server::join_queue(topic).await)
}

#[server(prefix = "/api", endpoint = "chat/mine", input = Json)]
pub async fn my_chats() -> Result<Vec<PastChat>, AppError> {
    crate::infra::http::reply(super::server::my_chats().await)
}

/// The caller's own past chat, message by message.
#[server(prefix = "/api", endpoint = "chat/transcript", input = Json)]
pub async fn my_chat_transcript(session_id: i64) -> Result<crate::insights::Transcript, AppError> {
    crate::infra::http::reply(super::server::member_transcript(session_id).await)
}

#[server(prefix = "/api", endpoint = "chat/staff/console", input = Json)]
pub async fn get_staff_console() -> Result<StaffConsole, AppError> {
    crate::infra::http::reply(super::server::staff_console().await)
}

#[server(prefix = "/api", endpoint = "chat/staff/presence", input = Json)]
pub async fn set_presence(available: bool, capacity: i64) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::set_presence(available, capacity).await)
}

/// The oldest waiting member, or `None` when nobody waits or the caller is at capacity.
#[server(prefix = "/api", endpoint = "chat/staff/take-next", input = Json)]
pub async fn take_next() -> Result<Option<i64>, AppError> {
    crate::infra::http::reply(super::server::take_next().await)
}
