//! The inbound queue: raw mails stored as they arrive (before the listener says 250), taken by one
//! worker at a time under a lease (the outbox's pattern, so several instances share it), and
//! finished with an outcome in the same transaction as what the outcome changed.
use super::parse::message_id_of;
use super::session::Envelope;
use crate::error::AppResult;
use crate::files::server::hex_sha256;
use crate::infra::{Backend, Db};
use crate::mail::inbound::{HoldReason, MailStatus};

/// Stores a mail once: the Message-ID (or, without one, the bytes' hash) is unique, so a relay's
/// retry or the same mail through a second MX path adds nothing. Answers whether it was new.
pub async fn store(db: &Db, envelope: &Envelope, raw: &[u8], now: i64) -> AppResult<bool> {
    let key = match message_id_of(raw) {
        Some(id) => format!("mid:{id}"),
        None => format!("sha256:{}", hex_sha256(raw)),
    };
    let recipients: String = envelope.recipients.join(",").chars().take(4000).collect();
    let inserted = sqlx::query(
        "INSERT INTO inbound_mail (dedupe_key, envelope_from, recipients, raw, size, client_ip, received_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(&key)
    .bind(envelope.from.chars().take(300).collect::<String>())
    .bind(recipients)
    .bind(raw.to_vec())
    .bind(raw.len() as i64)
    .bind(&envelope.client_ip)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

pub struct Claimed {
    pub id: i64,
    pub envelope_from: String,
    pub recipients: Vec<String>,
    pub raw: Vec<u8>,
    pub attempts: i64,
}

/// Reserves up to `limit` pending mails for `lease_ms` (see `mail::outbox::claim` for why this is
/// exclusive on both databases).
pub async fn claim(db: &Db, now: i64, limit: i64, lease_ms: i64) -> AppResult<Vec<Claimed>> {
    let lock = if db.backend == Backend::Postgres { "FOR UPDATE SKIP LOCKED" } else { "" };
    let sql = format!(
        "UPDATE inbound_mail SET lease_until = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM inbound_mail
                      WHERE status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                      ORDER BY id LIMIT $3 {lock})
         RETURNING id, envelope_from, recipients, raw, attempts"
    );
    let rows: Vec<(i64, String, String, Vec<u8>, i64)> =
        sqlx::query_as(&sql).bind(now + lease_ms).bind(now).bind(limit).fetch_all(&db.pool).await?;
    let mut claimed: Vec<Claimed> = rows
        .into_iter()
        .map(|(id, envelope_from, recipients, raw, attempts)| Claimed {
            id,
            envelope_from,
            recipients: recipients.split(',').filter(|r| !r.is_empty()).map(str::to_owned).collect(),
            raw,
            attempts,
        })
        .collect();
    claimed.sort_by_key(|c| c.id);
    Ok(claimed)
}

/// What became of a mail, with what the lists show of it.
pub struct Finished<'a> {
    pub status: MailStatus,
    pub reason: Option<HoldReason>,
    pub from: Option<&'a str>,
    pub subject: &'a str,
    pub text: &'a str,
    pub inquiry_id: Option<i64>,
    pub member_id: Option<i64>,
    pub message_id: Option<i64>,
}

/// Records the outcome inside the caller's transaction. Only a mail still pending is finished,
/// so a worker whose lease ran out cannot finish a mail a second time.
pub async fn finish<'c, E>(executor: E, id: i64, outcome: &Finished<'_>, now: i64) -> AppResult<bool>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let done = sqlx::query(
        "UPDATE inbound_mail SET status = $1, reason = $2, from_addr = $3, subject = $4, text = $5, inquiry_id = $6,
                member_id = $7, message_id = $8, processed_at = $9, lease_until = NULL, last_error = NULL
         WHERE id = $10 AND status = 'pending'",
    )
    .bind(outcome.status.as_str())
    .bind(outcome.reason.map(HoldReason::as_str))
    .bind(outcome.from)
    .bind(outcome.subject)
    .bind(outcome.text)
    .bind(outcome.inquiry_id)
    .bind(outcome.member_id)
    .bind(outcome.message_id)
    .bind(now)
    .bind(id)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A processing error (the database was away): try again later, with the outbox's backoff.
pub async fn retry_later(db: &Db, id: i64, attempts: i64, now: i64, error: &str) -> AppResult<()> {
    sqlx::query("UPDATE inbound_mail SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3 AND status = 'pending'")
        .bind(now + crate::mail::retry_delay_ms(attempts))
        .bind(error.chars().take(500).collect::<String>())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
