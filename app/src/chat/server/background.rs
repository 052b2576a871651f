//! Chat background tasks, one set per server instance.
use super::hub::{HubEvent, QueueEvent, QueueStats, NOTIFY_CHANNEL};
use crate::infra::{AppState, Backend};
use std::time::Duration;

/// Recent chats the wait estimate is based on, and how many are needed before showing one.
const HANDLE_SAMPLE: i64 = 20;
const MIN_SAMPLES: usize = 3;

pub fn spawn_chat_tasks(state: AppState) {
    if state.db.backend == Backend::Postgres {
        tokio::spawn(listen(state.clone()));
    }
    tokio::spawn(async move {
        // Members could not reach a server that was down: everyone waiting gets a fresh grace
        // period from now to reconnect, so a restart longer than the grace empties no queue.
        if let Err(e) = sqlx::query("UPDATE chat_sessions SET last_seen_at = $1 WHERE status = 'waiting'")
            .bind(state.clock.now_ms())
            .execute(&state.db.pool)
            .await
        {
            tracing::warn!(error = %e, "chat startup grace failed");
        }
        let mut tick = tokio::time::interval(Duration::from_secs(10));
        loop {
            tick.tick().await;
            if let Err(e) = heartbeat_and_sweep(&state).await {
                tracing::warn!(error = %e, "chat housekeeping failed");
            }
        }
    });
}

/// Keeps connected waiting members' places alive, drops those gone longer than the grace period,
/// and refreshes the numbers the wait estimate uses.
pub async fn heartbeat_and_sweep(state: &AppState) -> crate::error::AppResult<()> {
    let now = state.clock.now_ms();
    for chunk in state.chat.connected_sessions().chunks(500) {
        let ids = chunk.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(",");
        // The ids are integers from our own map, never user text.
        sqlx::query(&format!("UPDATE chat_sessions SET last_seen_at = $1 WHERE status = 'waiting' AND id IN ({ids})"))
            .bind(now)
            .execute(&state.db.pool)
            .await?;
    }
    // The members who left the queue and their events, together.
    let mut tx = state.db.pool.begin().await?;
    let gone: Vec<(i64,)> = sqlx::query_as(
        "UPDATE chat_sessions SET status = 'left', ended_at = $1, ended_by = 'timeout' WHERE status = 'waiting' AND last_seen_at < $2 RETURNING id",
    )
    .bind(now)
    .bind(now - state.settings.chat_grace_secs * 1000)
    .fetch_all(&mut *tx)
    .await?;
    for (id,) in &gone {
        let extra = serde_json::json!({ "ended_by": "timeout" });
        crate::webhooks::server::chat_event(
            &mut tx,
            &state.settings,
            crate::webhooks::EventKind::ChatEnded,
            *id,
            extra,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    for (id,) in gone {
        state.chat.publish(&state.db, HubEvent::Queue(QueueEvent::Removed { id })).await?;
    }
    refresh_stats(state).await
}

pub async fn refresh_stats(state: &AppState) -> crate::error::AppResult<()> {
    let durations: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT taken_at, ended_at FROM chat_sessions WHERE status = 'ended' AND taken_at IS NOT NULL ORDER BY ended_at DESC LIMIT $1",
    )
    .bind(HANDLE_SAMPLE)
    .fetch_all(&state.db.pool)
    .await?;
    let (capacity,): (i64,) =
        sqlx::query_as("SELECT CAST(COALESCE(SUM(capacity), 0) AS BIGINT) FROM staff_presence WHERE available = 1")
            .fetch_one(&state.db.pool)
            .await?;
    let avg = (durations.len() >= MIN_SAMPLES)
        .then(|| durations.iter().map(|(t, e)| (e - t) as f64 / 1000.0).sum::<f64>() / durations.len() as f64);
    state.chat.set_stats(QueueStats { avg_handle_secs: avg, capacity: capacity.max(1) });
    Ok(())
}

/// PostgreSQL: every instance listens, so events published anywhere reach local sockets.
async fn listen(state: AppState) {
    loop {
        match sqlx::postgres::PgListener::connect(&state.db.url).await {
            Ok(mut listener) => {
                if listener.listen(NOTIFY_CHANNEL).await.is_ok() {
                    while let Ok(note) = listener.recv().await {
                        if let Ok(event) = serde_json::from_str::<HubEvent>(note.payload()) {
                            state.chat.dispatch(event);
                        }
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "chat listener cannot connect; retrying"),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
