use super::{PastChat, PastChats};
use crate::auth::server::require_staff;
use crate::calendar::Moment;
use crate::error::AppResult;
use crate::infra::http::state;

const PAGE: usize = 50;

/// Served by `chat_sessions_status (status, id)`: one range per ended status, newest first.
pub async fn list(before: Option<i64>) -> AppResult<PastChats> {
    require_staff().await?;
    let state = state()?;
    let rows: Vec<(i64, i64, String, String, i64, Option<String>, i64)> = sqlx::query_as(
        "SELECT s.id, s.member_id, m.display_name, s.topic, s.enqueued_at, st.display_name,
                (SELECT COUNT(*) FROM chat_messages c WHERE c.session_id = s.id)
         FROM chat_sessions s JOIN users m ON m.id = s.member_id LEFT JOIN users st ON st.id = s.staff_id
         WHERE s.status IN ('ended', 'left') AND s.id < $1 ORDER BY s.id DESC LIMIT $2",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(PAGE as i64 + 1)
    .fetch_all(&state.db.pool)
    .await?;
    let more = rows.len() > PAGE;
    let rows: Vec<PastChat> = rows
        .into_iter()
        .take(PAGE)
        .map(|(id, member_id, member_name, topic, started, staff_name, messages)| PastChat {
            id,
            member_id,
            member_name,
            topic,
            started_at: Moment::from_millis(started),
            staff_name,
            messages,
        })
        .collect();
    let next = if more { rows.last().map(|r| r.id) } else { None };
    Ok(PastChats { rows, next })
}
