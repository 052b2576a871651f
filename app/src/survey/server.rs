//! One answer per chat, and one per closed inquiry; changeable until a comment is left or seven
//! days have passed since the chat ended (the inquiry was closed). A member can answer only for
//! their own ended chat or closed inquiry.
use super::{SurveyAnswer, SurveyInput, SurveyStatus, ANSWER_DAYS};
use crate::auth::server::{require_member, require_verified_member};
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState};

const DAY_MS: i64 = 86_400_000;

async fn load(state: &AppState, member_id: i64, session_id: i64) -> AppResult<SurveyStatus> {
    let chat: Option<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT member_id, status, ended_at FROM chat_sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let Some((owner, status, ended_at)) = chat else { return Err(AppError::NotFound) };
    if owner != member_id || status != "ended" {
        // Someone else's chat, or one that never took place, is not answerable (and not probeable).
        return Err(AppError::NotFound);
    }
    let answer: Option<(i64, i64, Option<String>)> =
        sqlx::query_as("SELECT score, resolved, comment FROM chat_surveys WHERE session_id = $1")
            .bind(session_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let answer = answer.map(|(score, resolved, comment)| SurveyAnswer { score, resolved: resolved != 0, comment });
    let in_time = ended_at.is_some_and(|e| state.clock.now_ms() <= e + ANSWER_DAYS * DAY_MS);
    let final_answer = answer.as_ref().is_some_and(|a| a.comment.is_some());
    Ok(SurveyStatus { session_id, inquiry_id: None, open: in_time && !final_answer, answer })
}

async fn load_inquiry(state: &AppState, member_id: i64, inquiry_id: i64) -> AppResult<SurveyStatus> {
    let inquiry: Option<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT member_id, status, closed_at FROM inquiries WHERE id = $1")
            .bind(inquiry_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let Some((owner, status, closed_at)) = inquiry else { return Err(AppError::NotFound) };
    if owner != member_id || status != "closed" {
        return Err(AppError::NotFound);
    }
    let answer: Option<(i64, i64, Option<String>)> =
        sqlx::query_as("SELECT score, resolved, comment FROM inquiry_surveys WHERE inquiry_id = $1")
            .bind(inquiry_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let answer = answer.map(|(score, resolved, comment)| SurveyAnswer { score, resolved: resolved != 0, comment });
    let in_time = closed_at.is_some_and(|c| state.clock.now_ms() <= c + ANSWER_DAYS * DAY_MS);
    let final_answer = answer.as_ref().is_some_and(|a| a.comment.is_some());
    Ok(SurveyStatus { session_id: 0, inquiry_id: Some(inquiry_id), open: in_time && !final_answer, answer })
}

pub async fn inquiry_status(inquiry_id: i64) -> AppResult<SurveyStatus> {
    let member = require_member().await?;
    load_inquiry(&state()?, member.id, inquiry_id).await
}

pub async fn status(session_id: i64) -> AppResult<SurveyStatus> {
    let member = require_member().await?;
    load(&state()?, member.id, session_id).await
}

pub async fn answer(input: SurveyInput) -> AppResult<SurveyStatus> {
    let member = require_verified_member().await?;
    let (score, resolved, comment) = input.validate()?;
    let state = state()?;
    rate_limit::take(&state, Action::SurveyAnswer, &member.id.to_string()).await?;
    if let Some(inquiry_id) = input.inquiry_id {
        return answer_inquiry(&state, member.id, inquiry_id, (score, resolved, comment)).await;
    }
    let current = load(&state, member.id, input.session_id).await?;
    if !current.open {
        // Late, or already final (a comment was left): say so on the form.
        return Err(AppError::SurveyClosed);
    }
    let now = state.clock.now_ms();
    sqlx::query(
        "INSERT INTO chat_surveys (session_id, member_id, score, resolved, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (session_id) DO UPDATE SET score = excluded.score, resolved = excluded.resolved, comment = excluded.comment, updated_at = excluded.updated_at
         WHERE chat_surveys.comment IS NULL",
    )
    .bind(input.session_id)
    .bind(member.id)
    .bind(score)
    .bind(i64::from(resolved))
    .bind(comment)
    .bind(now)
    .execute(&state.db.pool)
    .await?;
    load(&state, member.id, input.session_id).await
}

/// As for a chat: one row per inquiry, replaced until a comment makes it final (the WHERE of
/// the upsert, so two answers at once cannot both change a final one).
async fn answer_inquiry(
    state: &AppState,
    member_id: i64,
    inquiry_id: i64,
    (score, resolved, comment): (i64, bool, Option<String>),
) -> AppResult<SurveyStatus> {
    let current = load_inquiry(state, member_id, inquiry_id).await?;
    if !current.open {
        return Err(AppError::SurveyClosed);
    }
    let now = state.clock.now_ms();
    sqlx::query(
        "INSERT INTO inquiry_surveys (inquiry_id, member_id, score, resolved, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (inquiry_id) DO UPDATE SET score = excluded.score, resolved = excluded.resolved, comment = excluded.comment, updated_at = excluded.updated_at
         WHERE inquiry_surveys.comment IS NULL",
    )
    .bind(inquiry_id)
    .bind(member_id)
    .bind(score)
    .bind(i64::from(resolved))
    .bind(comment)
    .bind(now)
    .execute(&state.db.pool)
    .await?;
    load_inquiry(state, member_id, inquiry_id).await
}
