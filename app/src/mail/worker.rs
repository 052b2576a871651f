use super::outbox::{claim, mark_failed_attempt, mark_sent};
use super::SmtpMailer;
use crate::error::AppResult;
use crate::infra::{Clock, Db};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

const BATCH: i64 = 20;

/// A claimed batch stays reserved for this worker longer than the worst case of sending it (every
/// mail taking the whole SMTP timeout), so another instance never takes a row still being sent.
const LEASE_MS: i64 = BATCH * super::transport::SEND_TIMEOUT.as_millis() as i64 + 60_000;

/// Delivers every mail that is due now; returns how many were sent.
pub async fn deliver_due(db: &Db, mailer: &SmtpMailer, clock: &Clock) -> AppResult<usize> {
    let mut sent = 0;
    for item in claim(db, clock.now_ms(), BATCH, LEASE_MS).await? {
        match mailer.send(item.id, &item.mail, item.inquiry_id).await {
            Ok(()) => {
                mark_sent(db, item.id, clock.now_ms()).await?;
                tracing::info!(outbox_id = item.id, "mail sent");
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(outbox_id = item.id, attempts = item.attempts, %error, "mail not sent; will retry");
                mark_failed_attempt(db, item.id, item.attempts, clock.now_ms(), &error).await?;
            }
        }
    }
    Ok(sent)
}

/// Runs until the process ends: delivers due mail whenever woken, and at least every `poll`.
pub fn spawn_worker(
    db: Db,
    mailer: SmtpMailer,
    clock: Clock,
    wake: Arc<Notify>,
    poll: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match deliver_due(&db, &mailer, &clock).await {
                Ok(n) if n as i64 == BATCH => continue, // more may be waiting
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox pass failed"),
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(poll) => {}
            }
        }
    })
}
