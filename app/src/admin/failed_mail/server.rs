use crate::admin::FailedMail;
use crate::auth::server::require_staff;
use crate::calendar::Moment;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;

#[derive(sqlx::FromRow)]
struct FailedRow {
    id: i64,
    to_addr: String,
    subject: String,
    attempts: i64,
    last_error: Option<String>,
    created_at: i64,
}

pub async fn list() -> AppResult<Vec<FailedMail>> {
    require_staff().await?;
    let state = state()?;
    let rows: Vec<FailedRow> = sqlx::query_as(
        "SELECT id, to_addr, subject, attempts, last_error, created_at FROM outbox WHERE status = 'failed'
         ORDER BY id DESC LIMIT 100",
    )
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| FailedMail {
            id: r.id,
            to: r.to_addr,
            subject: r.subject,
            attempts: r.attempts,
            last_error: r.last_error,
            created_at: Moment::from_millis(r.created_at),
        })
        .collect())
}

/// Puts a failed mail back in line, from the first attempt. Only a failed one: the condition is in
/// the UPDATE, so a double click or a second staff member cannot queue it twice.
pub async fn retry(id: i64) -> AppResult<()> {
    let staff = require_staff().await?;
    let state = state()?;
    let done = sqlx::query(
        "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL
         WHERE id = $2 AND status = 'failed'",
    )
    .bind(state.clock.now_ms())
    .bind(id)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    state.outbox_wake.notify_one();
    tracing::info!(outbox_id = id, staff_id = staff.id, "failed mail queued again");
    Ok(())
}
