use super::{PastChat, PastChats};
use crate::auth::server::require_staff;
use crate::calendar::Moment;
use crate::error::AppResult;
use crate::infra::http::state;

const PAGE: usize = 50;

#[derive(sqlx::FromRow)]
struct PastRow {
    id: i64,
    member_id: i64,
    member_name: String,
    topic: String,
    enqueued_at: i64,
    staff_name: Option<String>,
    messages: i64,
}

/// Served by `chat_sessions_status (status, id)`: one range per ended status, newest first.
pub async fn list(before: Option<i64>) -> AppResult<PastChats> {
    require_staff().await?;
    let state = state()?;
    let rows: Vec<PastRow> = sqlx::query_as(
        "SELECT s.id, s.member_id, m.display_name AS member_name, s.topic, s.enqueued_at, st.display_name AS staff_name,
                (SELECT COUNT(*) FROM chat_messages c WHERE c.session_id = s.id) AS messages
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
        .map(|r| PastChat {
            id: r.id,
            member_id: r.member_id,
            member_name: r.member_name,
            topic: r.topic,
            started_at: Moment::from_millis(r.enqueued_at),
            staff_name: r.staff_name,
            messages: r.messages,
        })
        .collect();
    let next = if more { rows.last().map(|r| r.id) } else { None };
    Ok(PastChats { rows, next })
}
