//! Server functions for chat teamwork (`/api/chat/staff/…` staff only; `chat/transcript-mail`
//! the chat's own member).
use super::{ChatNoteInput, Colleague};
use crate::contact::StaffNote;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "chat/staff/notes", input = Json)]
pub async fn chat_notes(session_id: i64) -> Result<Vec<StaffNote>, AppError> {
    crate::infra::http::reply(super::server::notes(session_id).await)
}

#[server(prefix = "/api", endpoint = "chat/staff/note", input = Json)]
pub async fn add_chat_note(input: ChatNoteInput) -> Result<Vec<StaffNote>, AppError> {
    crate::infra::http::reply(super::server::add_note(input).await)
}

#[server(prefix = "/api", endpoint = "chat/staff/colleagues", input = Json)]
pub async fn chat_colleagues() -> Result<Vec<Colleague>, AppError> {
    crate::infra::http::reply(super::server::colleagues().await)
}

#[server(prefix = "/api", endpoint = "chat/staff/transfer", input = Json)]
pub async fn transfer_chat(session_id: i64, to: i64) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::transfer(session_id, to).await)
}

/// Mails the member the transcript of their ended chat, once.
#[server(prefix = "/api", endpoint = "chat/transcript-mail", input = Json)]
pub async fn mail_transcript(session_id: i64) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::mail_transcript(session_id).await)
}
