//! The supervisors' "unmatched mail" list: mails that were not threaded, with the reason, to be
//! attached to an inquiry or discarded (both audited).
use super::parse::{parse, Incoming};
use super::process::{thread, Outcome};
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_supervisor;
use crate::calendar::Moment;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::mail::inbound::{AttachInput, HeldMail, HoldReason, MailStatus, NewInquiryInput};

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
    let mail = held_mail(&state.db, input.mail_id).await?;
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

/// Longest subject kept as the new inquiry's first field.
const SUBJECT_AS_MESSAGE_CHARS: usize = 200;

/// A mail to the plain support address from a member's current address becomes a new inquiry of
/// that member, in the category the supervisor chooses: stored and acknowledged like one from
/// the wizard (its reference and reply address go out by mail), then the mail threaded into it as
/// the member's first message (words, quote folded, files through the upload checks). The key
/// `mail:<id>` is unique per member, so two supervisors clicking at once make one inquiry.
pub async fn new_inquiry(input: NewInquiryInput) -> AppResult<String> {
    let supervisor = require_supervisor().await?;
    let state = state()?;
    let mail = held_mail(&state.db, input.mail_id).await?;
    let categories = crate::contact::server::load_categories(&state.db).await?;
    let Some(category) = categories.iter().find(|c| c.id == input.category_id) else {
        return Err(AppError::field("category_id", ValidationError::InvalidChoice));
    };
    // Only a member's own current address: anyone can put any name in From, but a new inquiry
    // only ever goes to the account that address belongs to (and its answer to that address).
    let sender = mail.from.as_deref().and_then(|from| crate::domain::Email::parse(from).ok());
    let member = match sender {
        Some(email) => member_by_address(email.as_ref()).await?,
        None => None,
    };
    // (The page words it: "no member has the sender's address".)
    let Some(member) = member else { return Err(AppError::field("sender", ValidationError::InvalidEmail)) };

    let subject: String = mail.subject.trim().chars().take(SUBJECT_AS_MESSAGE_CHARS).collect();
    let mut fields = std::collections::BTreeMap::new();
    fields.insert("message".to_owned(), format!("(メールでのお問い合わせ) {subject}").trim().to_owned());
    let key = format!("mail:{}", input.mail_id);
    let files = crate::files::AttachmentIds::default();
    let new =
        crate::contact::server::NewInquiry { member: &member, category, fields: &fields, key: &key, files: &files };
    crate::contact::server::open_inquiry(&state, new).await?;
    let (inquiry_id, reference): (i64, Option<String>) =
        sqlx::query_as("SELECT id, reference FROM inquiries WHERE member_id = $1 AND idempotency_key = $2")
            .bind(member.id)
            .bind(&key)
            .fetch_one(&state.db.pool)
            .await?;
    match thread(&state, input.mail_id, &mail, inquiry_id, member.id, MailStatus::Attached).await? {
        Outcome::Threaded { .. } => {}
        // Another supervisor made it (or attached or discarded the mail) first.
        _ => return Err(AppError::NotFound),
    }
    let target = format!("mail:{} new inquiry:{inquiry_id}", input.mail_id);
    audit::record_here(&supervisor, AuditAction::MailAttach, &target).await?;
    Ok(reference.unwrap_or_default())
}

/// A mail still held, read back from its stored raw form (`NotFound` once acted on).
async fn held_mail(db: &crate::infra::Db, mail_id: i64) -> AppResult<Incoming> {
    let raw: Option<(Vec<u8>,)> = sqlx::query_as("SELECT raw FROM inbound_mail WHERE id = $1 AND status = 'held'")
        .bind(mail_id)
        .fetch_optional(&db.pool)
        .await?;
    let Some((raw,)) = raw else { return Err(AppError::NotFound) };
    parse(&raw).ok_or_else(|| AppError::field("mail", ValidationError::InvalidChoice))
}

/// The member (not withdrawn) whose current address this is.
async fn member_by_address(email: &str) -> AppResult<Option<crate::auth::UserView>> {
    let state = state()?;
    let id: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE email = $1 AND role = 'member' AND withdrawn_at IS NULL")
            .bind(email)
            .fetch_optional(&state.db.pool)
            .await?;
    match id {
        Some((id,)) => crate::auth::server::users::find_by_id(&state.db, id).await,
        None => Ok(None),
    }
}
