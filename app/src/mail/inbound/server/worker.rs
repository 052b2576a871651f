//! The inbound worker: processes stored mails as soon as the listener wakes it, and at least every
//! `inbound_poll_ms` (mail stored by another instance, or due for a retry).
use super::process::process;
use super::queue::{claim, retry_later};
use crate::infra::AppState;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

const BATCH: i64 = 20;
/// Generous: one mail's work is a parse, a few files and one transaction.
const LEASE_MS: i64 = 5 * 60_000;

/// Processes every mail that is due; answers how many were taken.
pub async fn process_due(state: &AppState) -> crate::error::AppResult<usize> {
    let batch = claim(&state.db, state.clock.now_ms(), BATCH, LEASE_MS).await?;
    let n = batch.len();
    for item in batch {
        match process(state, &item).await {
            Ok(outcome) => tracing::debug!(inbound_id = item.id, ?outcome, "inbound mail processed"),
            Err(error) => {
                tracing::warn!(inbound_id = item.id, attempts = item.attempts, %error, "inbound mail not processed; will retry");
                retry_later(&state.db, item.id, item.attempts, state.clock.now_ms(), &error.to_string()).await?;
            }
        }
    }
    Ok(n)
}

pub fn spawn_worker(state: AppState, wake: Arc<Notify>) -> tokio::task::JoinHandle<()> {
    let poll = Duration::from_millis(state.settings.inbound_poll_ms);
    tokio::spawn(async move {
        loop {
            match process_due(&state).await {
                // More may be waiting; wake a sibling worker to share them.
                Ok(n) if n as i64 == BATCH => {
                    wake.notify_one();
                    continue;
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "inbound pass failed"),
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(poll) => {}
            }
        }
    })
}
