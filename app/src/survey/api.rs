//! Survey server functions (`/api/survey/…`): members only, and only for their own chats.
use super::{SurveyInput, SurveyStatus};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "survey/status", input = Json)]
pub async fn get_survey_status(session_id: i64) -> Result<SurveyStatus, AppError> {
    crate::infra::http::reply(super::server::status(session_id).await)
}

/// The survey for the caller's own closed inquiry.
#[server(prefix = "/api", endpoint = "survey/inquiry/status", input = Json)]
pub async fn get_inquiry_survey_status(inquiry_id: i64) -> Result<SurveyStatus, AppError> {
    crate::infra::http::reply(super::server::inquiry_status(inquiry_id).await)
}

#[server(prefix = "/api", endpoint = "survey/answer", input = Json)]
pub async fn answer_survey(input: SurveyInput) -> Result<SurveyStatus, AppError> {
    crate::infra::http::reply(super::server::answer(input).await)
}
