//! Idea lab server functions (`/api/ideas/…`). Reading is public; posting and voting need a
//! member; reviewing needs staff (checked in each function).
use super::{BoardFilter, IdeaInput, IdeaView, StatusChange};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "ideas/board", input = Json)]
pub async fn idea_board(filter: BoardFilter) -> Result<Vec<IdeaView>, AppError> {
    crate::infra::http::reply(super::server::board(filter).await)
}

#[server(prefix = "/api", endpoint = "ideas/adopted", input = Json)]
pub async fn adopted_ideas() -> Result<Vec<IdeaView>, AppError> {
    crate::infra::http::reply(super::server::adopted().await)
}

#[server(prefix = "/api", endpoint = "ideas/similar", input = Json)]
pub async fn similar_ideas(title: String) -> Result<Vec<IdeaView>, AppError> {
    crate::infra::http::reply(super::server::similar(title).await)
}

#[server(prefix = "/api", endpoint = "ideas/post", input = Json)]
pub async fn post_idea(input: IdeaInput) -> Result<IdeaView, AppError> {
    crate::infra::http::reply(super::server::post(input).await)
}

#[server(prefix = "/api", endpoint = "ideas/vote", input = Json)]
pub async fn vote_idea(idea_id: i64, vote: bool) -> Result<IdeaView, AppError> {
    crate::infra::http::reply(super::server::vote(idea_id, vote).await)
}

#[server(prefix = "/api", endpoint = "ideas/mine", input = Json)]
pub async fn my_ideas() -> Result<Vec<IdeaView>, AppError> {
    crate::infra::http::reply(super::server::mine().await)
}

/// Whether the member gets a mail when an idea they posted or voted for is decided.
#[server(prefix = "/api", endpoint = "ideas/mail-pref", input = Json)]
pub async fn set_idea_mails(enabled: Option<bool>) -> Result<bool, AppError> {
    crate::infra::http::reply(super::server::mail_pref(enabled).await)
}

#[server(prefix = "/api", endpoint = "ideas/admin/list", input = Json)]
pub async fn ideas_for_staff() -> Result<Vec<IdeaView>, AppError> {
    crate::infra::http::reply(super::server::staff_list().await)
}

#[server(prefix = "/api", endpoint = "ideas/admin/status", input = Json)]
pub async fn change_idea_status(change: StatusChange) -> Result<IdeaView, AppError> {
    crate::infra::http::reply(super::server::change_status(change).await)
}

#[server(prefix = "/api", endpoint = "ideas/admin/hide", input = Json)]
pub async fn hide_idea(idea_id: i64, hidden: bool) -> Result<IdeaView, AppError> {
    crate::infra::http::reply(super::server::hide(idea_id, hidden).await)
}
