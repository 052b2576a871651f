//! Sliding-window rate limits kept in the database, so every server instance sees the same
//! counts: failed logins, registrations, and (later) posts.
use super::Db;
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window_ms: i64,
}

/// Refuses with `RateLimited` when `key` already has `limit.max` events inside the window.
pub async fn check(db: &Db, key: &str, limit: Limit, now_ms: i64) -> AppResult<()> {
    let since = now_ms - limit.window_ms;
    let (count, oldest): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MIN(at) FROM rate_events WHERE throttle_key = $1 AND at > $2")
            .bind(key)
            .bind(since)
            .fetch_one(&db.pool)
            .await?;
    if count >= limit.max {
        let retry_after_ms = oldest.unwrap_or(now_ms) + limit.window_ms - now_ms;
        return Err(AppError::RateLimited { retry_after_secs: (retry_after_ms / 1000).max(1) });
    }
    Ok(())
}

pub async fn record(db: &Db, key: &str, limit: Limit, now_ms: i64) -> AppResult<()> {
    // Old events of this key are of no further use; dropping them here keeps the table small.
    sqlx::query("DELETE FROM rate_events WHERE throttle_key = $1 AND at <= $2")
        .bind(key)
        .bind(now_ms - limit.window_ms)
        .execute(&db.pool)
        .await?;
    sqlx::query("INSERT INTO rate_events (throttle_key, at) VALUES ($1, $2)")
        .bind(key)
        .bind(now_ms)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn clear(db: &Db, key: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM rate_events WHERE throttle_key = $1").bind(key).execute(&db.pool).await?;
    Ok(())
}
