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

/// What a survey is about. The SQL differs only in table and column names (constants, never input).
#[derive(Clone, Copy)]
enum Target {
    Chat(i64),
    Inquiry(i64),
}

impl Target {
    fn of(input: &SurveyInput) -> Target {
        input.inquiry_id.map(Target::Inquiry).unwrap_or(Target::Chat(input.session_id))
    }

    fn id(self) -> i64 {
        match self {
            Target::Chat(id) | Target::Inquiry(id) => id,
        }
    }

    /// (its table, the status that makes it answerable, when that began, the answers' table and key)
    fn tables(self) -> (&'static str, &'static str, &'static str, &'static str, &'static str) {
        match self {
            Target::Chat(_) => ("chat_sessions", "ended", "ended_at", "chat_surveys", "session_id"),
            Target::Inquiry(_) => ("inquiries", "closed", "closed_at", "inquiry_surveys", "inquiry_id"),
        }
    }

    fn status(self, open: bool, answer: Option<SurveyAnswer>) -> SurveyStatus {
        match self {
            Target::Chat(id) => SurveyStatus { session_id: id, inquiry_id: None, open, answer },
            Target::Inquiry(id) => SurveyStatus { session_id: 0, inquiry_id: Some(id), open, answer },
        }
    }
}

async fn load(state: &AppState, member_id: i64, target: Target) -> AppResult<SurveyStatus> {
    let (table, answerable, since, answers, key) = target.tables();
    let row: Option<(i64, String, Option<i64>)> =
        sqlx::query_as(&format!("SELECT member_id, status, {since} FROM {table} WHERE id = $1"))
            .bind(target.id())
            .fetch_optional(&state.db.pool)
            .await?;
    let Some((owner, status, began)) = row else { return Err(AppError::NotFound) };
    if owner != member_id || status != answerable {
        // Someone else's, or one not ended/closed, is not answerable (and not probeable).
        return Err(AppError::NotFound);
    }
    let answer: Option<(i64, i64, Option<String>)> =
        sqlx::query_as(&format!("SELECT score, resolved, comment FROM {answers} WHERE {key} = $1"))
            .bind(target.id())
            .fetch_optional(&state.db.pool)
            .await?;
    let answer = answer.map(|(score, resolved, comment)| SurveyAnswer { score, resolved: resolved != 0, comment });
    let in_time = began.is_some_and(|b| state.clock.now_ms() <= b + ANSWER_DAYS * DAY_MS);
    let final_answer = answer.as_ref().is_some_and(|a| a.comment.is_some());
    Ok(target.status(in_time && !final_answer, answer))
}

pub async fn status(session_id: i64) -> AppResult<SurveyStatus> {
    let member = require_member().await?;
    load(&state()?, member.id, Target::Chat(session_id)).await
}

pub async fn inquiry_status(inquiry_id: i64) -> AppResult<SurveyStatus> {
    let member = require_member().await?;
    load(&state()?, member.id, Target::Inquiry(inquiry_id)).await
}

/// One row per chat or inquiry, replaced until a comment makes it final (the upsert's WHERE, so
/// two answers at once cannot both change a final one).
pub async fn answer(input: SurveyInput) -> AppResult<SurveyStatus> {
    let member = require_verified_member().await?;
    let (score, resolved, comment) = input.validate()?;
    let state = state()?;
    rate_limit::take(&state, Action::SurveyAnswer, &member.id.to_string()).await?;
    let target = Target::of(&input);
    let current = load(&state, member.id, target).await?;
    if !current.open {
        // Late, or already final (a comment was left): say so on the form.
        return Err(AppError::SurveyClosed);
    }
    let (_, _, _, answers, key) = target.tables();
    let now = state.clock.now_ms();
    // The answer and its event together. The comment is not in the event (the member's words).
    let mut tx = state.db.pool.begin().await?;
    let stored = sqlx::query(&format!(
        "INSERT INTO {answers} ({key}, member_id, score, resolved, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT ({key}) DO UPDATE SET score = excluded.score, resolved = excluded.resolved, comment = excluded.comment, updated_at = excluded.updated_at
         WHERE {answers}.comment IS NULL"
    ))
    .bind(target.id())
    .bind(member.id)
    .bind(score)
    .bind(i64::from(resolved))
    .bind(comment.clone())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if stored.rows_affected() == 1 && !state.settings.webhook_urls.is_empty() {
        let about = match target {
            Target::Chat(id) => serde_json::json!({ "chat_id": id }),
            Target::Inquiry(id) => serde_json::json!({ "inquiry_id": id }),
        };
        let member_ref = crate::webhooks::server::member_ref(&mut tx, &state.settings, member.id).await?;
        let data = serde_json::json!({
            "about": about, "score": score, "resolved": resolved, "commented": comment.is_some(), "member": member_ref,
        });
        crate::webhooks::server::emit(&mut tx, &state.settings, crate::webhooks::EventKind::SurveyAnswered, data, now)
            .await?;
    }
    tx.commit().await?;
    load(&state, member.id, target).await
}
