use crate::error::AppResult;
use crate::infra::{Backend, Db};

#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Queues a mail inside the caller's transaction, so the mail exists exactly when the change it
/// reports does. Wake the worker (`state.outbox_wake`) after committing.
pub async fn enqueue_in<'c, E>(executor: E, mail: &OutgoingMail, now: i64) -> AppResult<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    enqueue_row(executor, mail, None, now).await
}

/// As [`enqueue_in`], for a mail about an inquiry: it goes out with the inquiry's reply address
/// and thread headers (made when it is sent, see `transport.rs`).
pub async fn enqueue_about_in<'c, E>(executor: E, mail: &OutgoingMail, inquiry_id: i64, now: i64) -> AppResult<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    enqueue_row(executor, mail, Some(inquiry_id), now).await
}

async fn enqueue_row<'c, E>(executor: E, mail: &OutgoingMail, inquiry_id: Option<i64>, now: i64) -> AppResult<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO outbox (to_addr, subject, body, inquiry_id, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(inquiry_id)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

pub struct Claimed {
    pub id: i64,
    pub mail: OutgoingMail,
    pub inquiry_id: Option<i64>,
    pub attempts: i64,
}

/// Reserves up to `limit` due mails for this worker for `lease_ms`. A worker that dies mid-send
/// leaves them to be taken again once the lease runs out. On PostgreSQL the inner `FOR UPDATE SKIP
/// LOCKED` keeps two instances from taking the same row; SQLite runs one writer at a time, so the
/// single UPDATE is already exclusive.
pub async fn claim(db: &Db, now: i64, limit: i64, lease_ms: i64) -> AppResult<Vec<Claimed>> {
    let lock = if db.backend == Backend::Postgres { "FOR UPDATE SKIP LOCKED" } else { "" };
    let sql = format!(
        "UPDATE outbox SET lease_until = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox
                      WHERE status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                      ORDER BY id LIMIT $3 {lock})
         RETURNING id, to_addr, subject, body, inquiry_id, attempts"
    );
    let rows: Vec<(i64, String, String, String, Option<i64>, i64)> =
        sqlx::query_as(&sql).bind(now + lease_ms).bind(now).bind(limit).fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .map(|(id, to, subject, body, inquiry_id, attempts)| Claimed {
            id,
            mail: OutgoingMail { to, subject, body },
            inquiry_id,
            attempts,
        })
        .collect())
}

pub async fn mark_sent(db: &Db, id: i64, now: i64) -> AppResult<()> {
    sqlx::query("UPDATE outbox SET status = 'sent', sent_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Attempts after which a mail is parked as `failed` for staff to look at (about a day of
/// retrying at the capped backoff).
const MAX_ATTEMPTS: i64 = 300;

/// Backoff: 1 s, 2 s, 4 s … capped at 5 minutes.
pub fn retry_delay_ms(attempts: i64) -> i64 {
    let exp = (attempts - 1).clamp(0, 20) as u32;
    (1000i64 << exp).min(300_000)
}

pub async fn mark_failed_attempt(db: &Db, id: i64, attempts: i64, now: i64, error: &str) -> AppResult<()> {
    let status = if attempts >= MAX_ATTEMPTS { "failed" } else { "pending" };
    sqlx::query(
        "UPDATE outbox SET status = $1, next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(now + retry_delay_ms(attempts))
    .bind(error.chars().take(500).collect::<String>())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::retry_delay_ms;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(retry_delay_ms(1), 1000);
        assert_eq!(retry_delay_ms(2), 2000);
        assert_eq!(retry_delay_ms(4), 8000);
        assert_eq!(retry_delay_ms(30), 300_000);
    }
}
