//! The supervisors' "unmatched mail" list: mails that were not threaded, with the reason, to be
//! attached to an inquiry or discarded (both audited).
use super::parse::parse;
use super::process::{thread, Outcome};
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_supervisor;
use crate::calendar::Moment;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::mail::inbound::{AttachInput, HeldMail, HoldReason, MailStatus};

/// Held mails first (newest first), then the ignored ones, at most 200.
pub async fn list(include_ignored: bool) -> AppResult<Vec<HeldMail>> {
    require_supervisor().await?;
    let state = state()?;
    let rows: Vec<HeldRow> = sqlx::query_as(
        "SELECT b.id, b.received_at, b.status, b.reason, COALESCE(b.from_addr, b.envelope_from) AS sender, b.subject,
                b.text, b.inquiry_id, i.reference
         FROM inbound_mail b LEFT JOIN inquiries i ON i.id = b.inquiry_id
         WHERE b.status = 'held' OR ($1 = 1 AND b.status = 'ignored')
         ORDER BY CASE WHEN b.status = 'held' THEN 0 ELSE 1 END, b.id DESC LIMIT 200",
    )
    .bind(i64::from(include_ignored))
    .fetch_all(&state.db.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(HeldMail {
                id: r.id,
                received_at: Moment::from_millis(r.received_at),
                status: MailStatus::parse(&r.status).ok_or(AppError::Internal)?,
                reason: r.reason.as_deref().and_then(HoldReason::parse),
                from: r.sender,
                subject: r.subject.unwrap_or_default(),
                text: r.text.unwrap_or_default().chars().take(4000).collect(),
                inquiry_id: r.inquiry_id,
                inquiry_reference: r.reference,
            })
        })
        .collect()
}

/// One row of the held list as stored.
#[derive(sqlx::FromRow)]
struct HeldRow {
    id: i64,
    received_at: i64,
    status: String,
    reason: Option<String>,
    sender: String,
    subject: Option<String>,
    text: Option<String>,
    inquiry_id: Option<i64>,
    reference: Option<String>,
}

/// Threads a held mail into an inquiry (named by reference or number) as that inquiry's member's
/// message. The supervisor vouches for it, so sender and status checks do not apply; a closed
/// inquiry goes back on the desk.
pub async fn attach(input: AttachInput) -> AppResult<()> {
    let supervisor = require_supervisor().await?;
    let state = state()?;
    let wanted = input.inquiry.trim();
    let found: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT i.id, i.member_id, m.withdrawn_at FROM inquiries i JOIN users m ON m.id = i.member_id
         WHERE i.reference = $1 OR CAST(i.id AS TEXT) = $1",
    )
    .bind(wanted)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((inquiry_id, member_id, withdrawn_at)) = found else {
        return Err(AppError::field("inquiry", ValidationError::NoSuchInquiry));
    };
    if withdrawn_at.is_some() {
        return Err(AppError::field("inquiry", ValidationError::InvalidChoice));
    }
    let raw: Option<(Vec<u8>,)> = sqlx::query_as("SELECT raw FROM inbound_mail WHERE id = $1 AND status = 'held'")
        .bind(input.mail_id)
        .fetch_optional(&state.db.pool)
        .await?;
    let Some((raw,)) = raw else { return Err(AppError::NotFound) };
    let Some(mail) = parse(&raw) else { return Err(AppError::field("mail", ValidationError::InvalidChoice)) };
    match thread(&state, input.mail_id, &mail, inquiry_id, member_id, MailStatus::Attached).await? {
        Outcome::Threaded { .. } => {}
        // Another supervisor acted on it first.
        _ => return Err(AppError::NotFound),
    }
    let target = format!("mail:{} inquiry:{inquiry_id}", input.mail_id);
    audit::record_here(&supervisor, AuditAction::MailAttach, &target).await?;
    Ok(())
}

pub async fn discard(mail_id: i64) -> AppResult<()> {
    let supervisor = require_supervisor().await?;
    let state = state()?;
    let done =
        sqlx::query("UPDATE inbound_mail SET status = 'discarded' WHERE id = $1 AND status IN ('held', 'ignored')")
            .bind(mail_id)
            .execute(&state.db.pool)
            .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    audit::record_here(&supervisor, AuditAction::MailDiscard, &format!("mail:{mail_id}")).await?;
    Ok(())
}
