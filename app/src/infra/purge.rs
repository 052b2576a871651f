//! Deletes what is no longer needed and would otherwise pile up, some of it personal data:
//! expired sessions, spent rate-limit counters, sent mails and audit rows past their retention,
//! attachments uploaded but never sent (after a day) and blobs nothing refers to.
use super::{rate_limit, AppState};
use crate::error::AppResult;
use std::time::Duration;

const DAY_MS: i64 = 86_400_000;
/// A blob nothing refers to is kept this long: an upload in flight writes its blob first.
const BLOB_GRACE: Duration = Duration::from_secs(3600);

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub counters: u64,
    pub mails: u64,
    pub audit_rows: u64,
    pub uploads: u64,
    pub blobs: u64,
}

pub async fn purge_once(state: &AppState) -> AppResult<Purged> {
    let now = state.clock.now_ms();
    let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(&state.db.pool).await?;
    let counters = rate_limit::purge(&state.db, now).await?;
    // Spent and expired mailed links are of no further use.
    sqlx::query("DELETE FROM account_tokens WHERE expires_at <= $1").bind(now).execute(&state.db.pool).await?;
    sqlx::query("DELETE FROM email_changes WHERE expires_at <= $1").bind(now).execute(&state.db.pool).await?;
    // A hand-off token past its expiry is refused for that alone; its `jti` need not be kept. The
    // expiry is the parent site's real time, so a pinned clock (tests) only keeps them longer.
    sqlx::query("DELETE FROM sso_jtis WHERE expires_at <= $1").bind(now).execute(&state.db.pool).await?;
    let mails = sqlx::query("DELETE FROM outbox WHERE status = 'sent' AND sent_at < $1")
        .bind(now - state.settings.outbox_retention_days * DAY_MS)
        .execute(&state.db.pool)
        .await?;
    // Raw inbound mails hold personal data: kept only as long as the retention setting says.
    sqlx::query("DELETE FROM inbound_mail WHERE status <> 'pending' AND received_at < $1")
        .bind(now - state.settings.inbound_retention_days * DAY_MS)
        .execute(&state.db.pool)
        .await?;
    let audit_rows = crate::audit::server::purge(state, now).await?;
    let files = crate::files::server::purge_files(state, BLOB_GRACE).await?;
    Ok(Purged {
        sessions: sessions.rows_affected(),
        counters,
        mails: mails.rows_affected(),
        audit_rows,
        uploads: files.uploads,
        blobs: files.blobs,
    })
}

/// Purges once an hour (and once shortly after start).
pub fn spawn_purge_task(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            match purge_once(&state).await {
                Ok(p) => tracing::info!(
                    sessions = p.sessions,
                    counters = p.counters,
                    mails = p.mails,
                    audit_rows = p.audit_rows,
                    uploads = p.uploads,
                    blobs = p.blobs,
                    "purged"
                ),
                Err(e) => tracing::error!(error = %e, "purge failed"),
            }
        }
    })
}
