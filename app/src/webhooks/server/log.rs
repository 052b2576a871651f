//! The delivery log for supervisors, and sending one again.
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_supervisor;
use crate::calendar::Moment;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::webhooks::{Delivery, DeliveryLog, DeliveryStatus};

const PAGE: i64 = 50;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    event_id: String,
    event_type: String,
    url: String,
    status: String,
    attempts: i64,
    last_status: Option<i64>,
    last_error: Option<String>,
    created_at: i64,
    delivered_at: Option<i64>,
}

pub async fn page(before_id: Option<i64>) -> AppResult<DeliveryLog> {
    require_supervisor().await?;
    let state = state()?;
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, event_id, event_type, url, status, attempts, last_status, last_error, created_at, delivered_at
         FROM webhook_deliveries WHERE id < $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(before_id.unwrap_or(i64::MAX))
    .bind(PAGE + 1)
    .fetch_all(&state.db.pool)
    .await?;
    let more = rows.len() as i64 > PAGE;
    let deliveries = rows
        .into_iter()
        .take(PAGE as usize)
        .map(|r| Delivery {
            id: r.id,
            event_id: r.event_id,
            event_type: r.event_type,
            url: r.url,
            status: DeliveryStatus::parse(&r.status),
            attempts: r.attempts,
            last_status: r.last_status,
            last_error: r.last_error,
            created_at: Moment::from_millis(r.created_at),
            delivered_at: r.delivered_at.map(Moment::from_millis),
        })
        .collect();
    Ok(DeliveryLog { receivers: state.settings.webhook_urls.clone(), deliveries, more })
}

/// Back to pending, due now, with a fresh count of attempts; the event id stays. Sending one that
/// is still pending changes nothing (the worker has it).
pub async fn resend(id: i64) -> AppResult<()> {
    let supervisor = require_supervisor().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let changed = sqlx::query(
        "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL
         WHERE id = $2 AND status <> 'pending'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        let exists: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM webhook_deliveries WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?;
        return exists.map(|_| ()).ok_or(AppError::NotFound);
    }
    let ip = audit::request_ip(&state);
    audit::record(&mut *tx, supervisor.id, AuditAction::WebhookResend, &format!("webhook:{id}"), &ip, now).await?;
    tx.commit().await?;
    Ok(())
}
