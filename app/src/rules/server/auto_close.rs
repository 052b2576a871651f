//! Closing answered inquiries the member did not answer for N business days.
use crate::calendar::BusinessCalendar;
use crate::contact::server::{auto_closed_mail, Addressee};
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::infra::AppState;
use crate::mail::enqueue_about_in;
use crate::rules::DeskRules;
use chrono::{TimeZone, Utc};

/// At most this many per run; the next run takes the rest.
const BATCH: i64 = 500;

#[derive(sqlx::FromRow)]
struct Candidate {
    id: i64,
    /// The last staff reply.
    answered: i64,
}

pub async fn run(state: &AppState, rules: &DeskRules, calendar: &BusinessCalendar) -> AppResult<u64> {
    if rules.auto_close_days == 0 {
        return Ok(0);
    }
    let now = state.clock.now();
    // N business days are at least N calendar days: only those can be due.
    let cutoff = now.timestamp_millis() - i64::from(rules.auto_close_days) * 86_400_000;
    let candidates: Vec<Candidate> = sqlx::query_as(
        "SELECT i.id, MAX(m.created_at) AS answered FROM inquiries i
         JOIN inquiry_messages m ON m.inquiry_id = i.id AND m.from_staff = 1
         WHERE i.status = 'answered' AND i.updated_at <= $1 GROUP BY i.id ORDER BY i.id LIMIT $2",
    )
    .bind(cutoff)
    .bind(BATCH)
    .fetch_all(&state.db.pool)
    .await?;
    let mut closed = 0;
    for c in candidates {
        let Some(answered) = Utc.timestamp_millis_opt(c.answered).single() else { continue };
        if calendar.add_business_days(&answered, rules.auto_close_days) > now {
            continue;
        }
        if close(state, &c, rules.auto_close_days).await? {
            closed += 1;
        }
    }
    if closed > 0 {
        state.outbox_wake.notify_one();
    }
    Ok(closed)
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    display_name: String,
    email: String,
    reference: Option<String>,
    mail_lang: String,
    withdrawn_at: Option<i64>,
}

/// Closes one, with its mail, in one transaction — unless it moved on meanwhile (reopened, or
/// the member wrote after the answer): then nothing happens and the member's words win.
async fn close(state: &AppState, c: &Candidate, days: u32) -> AppResult<bool> {
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE inquiries SET status = 'closed', closed_at = $2, auto_closed_at = $2, updated_at = $2
         WHERE id = $1 AND status = 'answered'
           AND NOT EXISTS (SELECT 1 FROM inquiry_messages WHERE inquiry_id = $1 AND from_staff = 0 AND created_at > $3)",
    )
    .bind(c.id)
    .bind(now)
    .bind(c.answered)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let by = serde_json::json!({ "by": "auto_close" });
    crate::webhooks::server::inquiry_event(
        &mut tx,
        &state.settings,
        crate::webhooks::EventKind::InquiryClosed,
        c.id,
        by,
        now,
    )
    .await?;
    let member: MemberRow = sqlx::query_as(
        "SELECT u.display_name, u.email, i.reference, u.mail_lang, u.withdrawn_at FROM inquiries i
         JOIN users u ON u.id = i.member_id WHERE i.id = $1",
    )
    .bind(c.id)
    .fetch_one(&mut *tx)
    .await?;
    // A withdrawn member's address is a placeholder: the inquiry closes without a mail.
    if member.withdrawn_at.is_some() {
        tx.commit().await?;
        return Ok(true);
    }
    let lang = if member.mail_lang == "en" { Lang::En } else { Lang::Ja };
    let replies = !state.settings.reply_keys.is_empty();
    let to =
        Addressee { name: member.display_name, email: member.email, reference: member.reference.unwrap_or_default() };
    let mail = auto_closed_mail(&to, c.id, days, &state.settings.public_url, lang, replies);
    enqueue_about_in(&mut *tx, &mail, c.id, now).await?;
    tx.commit().await?;
    tracing::info!(inquiry_id = c.id, "inquiry closed by the auto-close rule");
    Ok(true)
}
