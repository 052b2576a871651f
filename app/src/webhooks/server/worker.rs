//! Delivering events: at least once, in order of writing per receiver as far as retries allow,
//! with exponential backoff. A delivery is claimed under a lease (like the mail outbox), so two
//! instances never post the same row at once and a worker that dies mid-post leaves it to the
//! next. Receivers deduplicate on the event id, which every attempt and a resend carry.
use super::receivers::{Receiver, Receivers};
use super::sign::{signature, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER};
use crate::error::AppResult;
use crate::infra::{AppState, Backend};
use std::time::Duration;

const BATCH: i64 = 20;
const POST_TIMEOUT: Duration = Duration::from_secs(10);
const LEASE_MS: i64 = BATCH * 10_000 + 30_000;
const POLL: Duration = Duration::from_secs(1);
/// Attempts before a delivery is parked as failed (about four hours of retrying).
pub const MAX_ATTEMPTS: i64 = 15;

/// Backoff: 1 s, 2 s, 4 s … capped at an hour.
pub fn retry_delay_ms(attempts: i64) -> i64 {
    let exp = (attempts - 1).clamp(0, 20) as u32;
    (1000i64 << exp).min(3_600_000)
}

struct Claimed {
    id: i64,
    event_id: String,
    event_type: String,
    url: String,
    payload: String,
    attempts: i64,
}

/// Starts the worker when receivers are configured.
pub fn spawn(state: AppState, receivers: Receivers) {
    let http =
        match reqwest::Client::builder().timeout(POST_TIMEOUT).redirect(reqwest::redirect::Policy::none()).build() {
            Ok(http) => http,
            Err(e) => {
                tracing::error!(error = %e, "webhook client could not be built; events stay queued");
                return;
            }
        };
    tokio::spawn(async move {
        loop {
            match deliver_due(&state, &http, &receivers).await {
                Ok(n) if n as i64 == BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "webhook pass failed"),
            }
            tokio::time::sleep(POLL).await;
        }
    });
}

/// Posts every due delivery; returns how many were claimed.
pub async fn deliver_due(state: &AppState, http: &reqwest::Client, receivers: &Receivers) -> AppResult<usize> {
    let now = state.clock.now_ms();
    let lock = if state.db.backend == Backend::Postgres { "FOR UPDATE SKIP LOCKED" } else { "" };
    let claimed: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(&format!(
        "UPDATE webhook_deliveries SET lease_until = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM webhook_deliveries
                      WHERE status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                      ORDER BY id LIMIT $3 {lock})
         RETURNING id, event_id, event_type, url, payload, attempts"
    ))
    .bind(now + LEASE_MS)
    .bind(now)
    .bind(BATCH)
    .fetch_all(&state.db.pool)
    .await?;
    let count = claimed.len();
    // RETURNING gives no order (PostgreSQL returns rows as it updated them): post oldest first.
    let mut claimed = claimed;
    claimed.sort_by_key(|row| row.0);
    for (id, event_id, event_type, url, payload, attempts) in claimed {
        let item = Claimed { id, event_id, event_type, url, payload, attempts };
        let outcome = post(http, receivers, &item).await;
        settle(state, &item, outcome).await?;
    }
    Ok(count)
}

/// The receiver's status (when it answered) and whether it took the event.
async fn post(http: &reqwest::Client, receivers: &Receivers, item: &Claimed) -> Result<i64, (Option<i64>, String)> {
    let receiver = Receiver::parse(&item.url).map_err(|e| (None, e))?;
    // Still configured? A receiver removed from the settings gets nothing more.
    if !receivers.list.iter().any(|r| r.configured == item.url) {
        return Err((None, "receiver no longer configured".into()));
    }
    let body = if receiver.slack { slack_text(&item.event_type, &item.payload) } else { item.payload.clone() };
    let now = crate::parent::server::signing::now_secs();
    let response = http
        .post(&receiver.url)
        .header("content-type", "application/json")
        .header("user-agent", "Madoguchi-Webhooks/1")
        .header(EVENT_ID_HEADER, &item.event_id)
        .header(EVENT_TYPE_HEADER, &item.event_type)
        .header(SIGNATURE_HEADER, signature(&receivers.secret, now, body.as_bytes()))
        .body(body)
        .send()
        .await
        .map_err(|e| (None, if e.is_timeout() { "timed out".to_owned() } else { "could not connect".to_owned() }))?;
    let status = i64::from(response.status().as_u16());
    if response.status().is_success() {
        Ok(status)
    } else {
        Err((Some(status), format!("HTTP {status}")))
    }
}

async fn settle(state: &AppState, item: &Claimed, outcome: Result<i64, (Option<i64>, String)>) -> AppResult<()> {
    let now = state.clock.now_ms();
    match outcome {
        Ok(status) => {
            sqlx::query(
                "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $1, last_status = $2, last_error = NULL,
                        lease_until = NULL WHERE id = $3",
            )
            .bind(now)
            .bind(status)
            .bind(item.id)
            .execute(&state.db.pool)
            .await?;
        }
        Err((status, error)) => {
            tracing::warn!(delivery = item.id, attempts = item.attempts, %error, "webhook not delivered; will retry");
            let next = if item.attempts >= MAX_ATTEMPTS { "failed" } else { "pending" };
            sqlx::query(
                "UPDATE webhook_deliveries SET status = $1, next_attempt_at = $2, last_status = $3, last_error = $4,
                        lease_until = NULL WHERE id = $5",
            )
            .bind(next)
            .bind(now + retry_delay_ms(item.attempts))
            .bind(status)
            .bind(error.chars().take(300).collect::<String>())
            .bind(item.id)
            .execute(&state.db.pool)
            .await?;
        }
    }
    Ok(())
}

/// One line for a chat channel: the event and what it is about (no personal data).
fn slack_text(event_type: &str, payload: &str) -> String {
    let data: serde_json::Value = serde_json::from_str(payload).unwrap_or_default();
    let what = data["data"]["inquiry"]["reference"]
        .as_str()
        .map(str::to_owned)
        .or_else(|| data["data"]["chat"]["id"].as_i64().map(|id| format!("chat {id}")))
        .or_else(|| data["data"]["idea"]["id"].as_i64().map(|id| format!("idea {id}")))
        .unwrap_or_default();
    serde_json::json!({ "text": format!("[Madoguchi] {event_type} {what}").trim_end() }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped_at_an_hour() {
        assert_eq!(retry_delay_ms(1), 1000);
        assert_eq!(retry_delay_ms(3), 4000);
        assert_eq!(retry_delay_ms(30), 3_600_000);
    }

    #[test]
    fn slack_lines_name_the_event_and_its_subject_only() {
        let payload =
            r#"{"id":"evt_1","type":"inquiry.created","data":{"inquiry":{"reference":"MDG-1"},"member":{"id":5}}}"#;
        assert_eq!(slack_text("inquiry.created", payload), r#"{"text":"[Madoguchi] inquiry.created MDG-1"}"#);
    }
}
