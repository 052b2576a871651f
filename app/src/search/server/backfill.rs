//! Indexing what was stored before search existed: once, in the background after start, in
//! small batches (each its own transaction, so the desk is never held up), resumable — the
//! progress is kept per source in `search_backfill`. Several instances may run it at once: the
//! document writes are idempotent and progress only moves forward.
use super::index;
use crate::error::AppResult;
use crate::infra::AppState;
use std::time::Duration;

const BATCH: i64 = 500;

/// Runs until every source is indexed up to where the migration found it.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        loop {
            match step(&state).await {
                Ok(true) => tokio::task::yield_now().await,
                Ok(false) => return,
                Err(e) => {
                    tracing::warn!(error = %e, "search backfill step failed; retrying");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            }
        }
    });
}

/// One batch of the first source not yet done; `false` when all are.
pub async fn step(state: &AppState) -> AppResult<bool> {
    let pending: Option<(String,)> =
        sqlx::query_as("SELECT source FROM search_backfill WHERE done_through < upto ORDER BY source LIMIT 1")
            .fetch_optional(&state.db.pool)
            .await?;
    let Some((source,)) = pending else { return Ok(false) };
    let mut tx = state.db.pool.begin().await?;
    // Write first: the source's row is taken (PostgreSQL: a row lock; SQLite: the write lock,
    // waited for rather than failed on upgrade), so a second runner waits here and then reads the
    // progress this one made instead of repeating the batch.
    sqlx::query("UPDATE search_backfill SET done_through = done_through WHERE source = $1")
        .bind(&source)
        .execute(&mut *tx)
        .await?;
    let (from, upto): (i64, i64) = sqlx::query_as("SELECT done_through, upto FROM search_backfill WHERE source = $1")
        .bind(&source)
        .fetch_one(&mut *tx)
        .await?;
    if from >= upto {
        return Ok(true);
    }
    // The source's table, and the text its documents are made of (inquiries and members are
    // read by their indexer, which needs more than one column).
    let (table, text) = match source.as_str() {
        "inquiry" => ("inquiries", "''"),
        "message" => ("inquiry_messages", "body"),
        "chat" => ("chat_messages", "body"),
        _ => ("users", "''"),
    };
    let rows: Vec<(i64, String)> =
        sqlx::query_as(&format!("SELECT id, {text} FROM {table} WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3"))
            .bind(from)
            .bind(upto)
            .bind(BATCH)
            .fetch_all(&mut *tx)
            .await?;
    for (id, body) in &rows {
        match source.as_str() {
            "inquiry" => index::inquiry(&mut tx, *id).await?,
            "message" => index::message(&mut tx, *id, body).await?,
            "chat" => index::chat_message(&mut tx, *id, body).await?,
            _ => index::member(&mut tx, *id).await?,
        }
    }
    let last = rows.last().map(|r| r.0);
    // Nothing left in the range: the source is done.
    let through = last.unwrap_or(upto);
    sqlx::query("UPDATE search_backfill SET done_through = $1 WHERE source = $2 AND done_through < $1")
        .bind(through)
        .bind(&source)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
