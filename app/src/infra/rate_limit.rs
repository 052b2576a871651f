//! Rate limits kept in the database, so every server instance sees the same counts.
//!
//! One counter row per key and window. Taking a slot is ONE statement (an upsert that counts and
//! returns the new count), so parallel requests cannot all pass a check made before they record:
//! PostgreSQL locks the row for the conflicting update and SQLite runs one writer at a time. The
//! window starts at the first hit after the previous one ran out.
use super::limits::{Action, RateLimit};
use super::{AppState, Db};
use crate::error::{AppError, AppResult};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The counter key for `action` and a subject (an address, an account, a member id). Subjects
/// such as email addresses are personal data, so only a digest is stored.
pub fn key(action: Action, subject: &str) -> String {
    let digest = Sha256::digest(subject.as_bytes());
    format!("{}:{}", action.name(), URL_SAFE_NO_PAD.encode(&digest[..16]))
}

/// Takes one slot of `limit` for `key`, or refuses with `RateLimited` (and how long until the
/// window ends) when the window is full. Refused attempts count too: hammering does not help.
pub async fn hit(db: &Db, key: &str, limit: RateLimit, now_ms: i64) -> AppResult<()> {
    let window_end = now_ms + limit.window_secs * 1000;
    let (hits, ends): (i64, i64) = sqlx::query_as(
        "INSERT INTO rate_counters (throttle_key, window_end, hits) VALUES ($1, $2, 1)
         ON CONFLICT (throttle_key) DO UPDATE SET
           hits = CASE WHEN rate_counters.window_end <= $3 THEN 1 ELSE rate_counters.hits + 1 END,
           window_end = CASE WHEN rate_counters.window_end <= $3 THEN $2 ELSE rate_counters.window_end END
         RETURNING hits, window_end",
    )
    .bind(key)
    .bind(window_end)
    .bind(now_ms)
    .fetch_one(&db.pool)
    .await?;
    if hits > limit.max {
        let retry_after_secs = ((ends - now_ms + 999) / 1000).max(1);
        let action = key.split(':').next().unwrap_or("");
        tracing::warn!(throttle = action, retry_after_secs, "rate limited");
        super::metrics::rate_limited(action);
        return Err(AppError::RateLimited { retry_after_secs });
    }
    Ok(())
}

/// Takes a slot of the configured limit for `action` and `subject`.
pub async fn take(state: &AppState, action: Action, subject: &str) -> AppResult<()> {
    hit(&state.db, &key(action, subject), state.settings.limits.get(action), state.clock.now_ms()).await
}

/// Forgets a counter (a successful login clears its account-and-address counter).
pub async fn clear(state: &AppState, action: Action, subject: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM rate_counters WHERE throttle_key = $1")
        .bind(key(action, subject))
        .execute(&state.db.pool)
        .await?;
    Ok(())
}

/// Drops counters whose window has ended (the purge task).
pub async fn purge(db: &Db, now_ms: i64) -> AppResult<u64> {
    let done = sqlx::query("DELETE FROM rate_counters WHERE window_end <= $1").bind(now_ms).execute(&db.pool).await?;
    Ok(done.rows_affected())
}
