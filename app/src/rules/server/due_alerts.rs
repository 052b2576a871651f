//! "Due within one business hour" and "overdue", over the staff event socket, once per due time:
//! the inquiry row remembers the due time it was alerted for (`due_soon_alerted`,
//! `overdue_alerted`), so a follow-up that moves the due time arms the alerts again. The marker is
//! written before the event goes out: an instance dying in between loses one alert, never sends
//! one twice.
use crate::calendar::BusinessCalendar;
use crate::desk::server::publish;
use crate::desk::DeskEvent;
use crate::error::AppResult;
use crate::infra::AppState;

/// Alerts are for what just became due soon or overdue; a backlog older than this is the
/// inbox's overdue filter's, not a flood of notifications.
const OVERDUE_WINDOW_MS: i64 = 24 * 3600 * 1000;

#[derive(sqlx::FromRow)]
struct Alerted {
    id: i64,
    assignee_id: Option<i64>,
}

pub async fn run(state: &AppState, calendar: &BusinessCalendar) -> AppResult<(u64, u64)> {
    let now = state.clock.now();
    let now_ms = now.timestamp_millis();
    let soon = calendar.add_business_minutes(&now, 60).timestamp_millis();
    let due_soon: Vec<Alerted> = sqlx::query_as(
        "UPDATE inquiries SET due_soon_alerted = due_at
         WHERE status IN ('new', 'in_progress') AND due_at > $1 AND due_at <= $2
           AND (due_soon_alerted IS NULL OR due_soon_alerted <> due_at)
         RETURNING id, assignee_id",
    )
    .bind(now_ms)
    .bind(soon)
    .fetch_all(&state.db.pool)
    .await?;
    let overdue: Vec<Alerted> = sqlx::query_as(
        "UPDATE inquiries SET overdue_alerted = due_at
         WHERE status IN ('new', 'in_progress') AND due_at <= $1 AND due_at > $2
           AND (overdue_alerted IS NULL OR overdue_alerted <> due_at)
         RETURNING id, assignee_id",
    )
    .bind(now_ms)
    .bind(now_ms - OVERDUE_WINDOW_MS)
    .fetch_all(&state.db.pool)
    .await?;
    for a in &due_soon {
        publish(state, DeskEvent::DueSoon { inquiry_id: a.id, assignee_id: a.assignee_id }).await;
    }
    for a in &overdue {
        publish(state, DeskEvent::Overdue { inquiry_id: a.id, assignee_id: a.assignee_id }).await;
    }
    Ok((due_soon.len() as u64, overdue.len() as u64))
}
