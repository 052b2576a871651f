//! Bulk actions on inquiries. The selection is worked through in batches of `BATCH`, each batch
//! one transaction holding its replies, statuses, mails (outbox rows) and audit rows together.
//! Every inquiry is checked as it is taken: one whose thread moved on since the staff member
//! looked is skipped and reported, never answered blindly; a closed one is not closed twice.
use super::mails;
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_staff;
use crate::auth::UserView;
use crate::contact::bulk::{fill, BulkAction, BulkInput, BulkItem, BulkReport, SkipReason, Skipped, StaffMember};
use crate::desk::server::publish;
use crate::desk::DeskEvent;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::infra::http::state;
use crate::infra::AppState;
use crate::mail::enqueue_about_in;
use crate::webhooks::server::inquiry_event;
use crate::webhooks::EventKind;
use sqlx::AnyConnection;
use std::collections::BTreeMap;

const BATCH: usize = 50;

/// Active staff, for "assign to".
pub async fn staff_members() -> AppResult<Vec<StaffMember>> {
    require_staff().await?;
    let state = state()?;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, display_name FROM users WHERE role = 'staff' AND deactivated_at IS NULL ORDER BY display_name, id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name)| StaffMember { id, name }).collect())
}

/// What one inquiry is, as the bulk action reads it (inside its transaction).
#[derive(sqlx::FromRow)]
struct Target {
    reference: Option<String>,
    status: String,
    fields: String,
    display_name: String,
    email: String,
    mail_lang: String,
    withdrawn_at: Option<i64>,
}

enum Outcome {
    Done,
    Skipped(SkipReason),
}

pub async fn run(input: BulkInput) -> AppResult<BulkReport> {
    let staff = require_staff().await?;
    input.validate()?;
    let state = state()?;
    if let BulkAction::Assign { staff_id } = input.action {
        let active: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM users WHERE id = $1 AND role = 'staff' AND deactivated_at IS NULL")
                .bind(staff_id)
                .fetch_optional(&state.db.pool)
                .await?;
        if active.is_none() {
            return Err(AppError::field("staff_id", ValidationError::InvalidChoice));
        }
    }
    if let BulkAction::Tag { tag_id, .. } = input.action {
        let known: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM tags WHERE id = $1").bind(tag_id).fetch_optional(&state.db.pool).await?;
        if known.is_none() {
            return Err(AppError::field("tag_id", ValidationError::InvalidChoice));
        }
    }
    let ip = audit::request_ip(&state);
    let mut report = BulkReport::default();
    // An inquiry listed twice is acted on once (the first listing counts).
    let mut seen = std::collections::HashSet::new();
    let items: Vec<BulkItem> = input.items.iter().copied().filter(|i| seen.insert(i.inquiry_id)).collect();
    for batch in items.chunks(BATCH) {
        let mut tx = state.db.pool.begin().await?;
        let mut done_here = Vec::new();
        for item in batch {
            match one(&mut tx, &state, &staff, &input, item, &ip).await? {
                (Outcome::Done, _) => done_here.push(item.inquiry_id),
                (Outcome::Skipped(reason), reference) => {
                    report.skipped.push(Skipped { inquiry_id: item.inquiry_id, reference, reason })
                }
            }
        }
        tx.commit().await?;
        state.outbox_wake.notify_one();
        for id in &done_here {
            let event = match input.action {
                BulkAction::Assign { staff_id } => Some(DeskEvent::Assigned { inquiry_id: *id, staff_id }),
                BulkAction::Answer { .. } => Some(DeskEvent::Answered { inquiry_id: *id, staff_id: staff.id }),
                _ => None,
            };
            if let Some(event) = event {
                publish(&state, event).await;
            }
        }
        report.done.extend(done_here);
    }
    tracing::info!(staff_id = staff.id, done = report.done.len(), skipped = report.skipped.len(), "bulk action");
    Ok(report)
}

async fn one(
    tx: &mut AnyConnection,
    state: &AppState,
    staff: &UserView,
    input: &BulkInput,
    item: &BulkItem,
    ip: &str,
) -> AppResult<(Outcome, String)> {
    let now = state.clock.now_ms();
    let id = item.inquiry_id;
    // Take the inquiry first (its row on PostgreSQL, the write lock on SQLite): what is read
    // below cannot change before this transaction ends.
    let taken =
        sqlx::query("UPDATE inquiries SET updated_at = updated_at WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if taken.rows_affected() != 1 {
        return Ok((Outcome::Skipped(SkipReason::NotFound), String::new()));
    }
    let t: Target = sqlx::query_as(
        "SELECT i.reference, i.status, i.fields, m.display_name, m.email, m.mail_lang, m.withdrawn_at
         FROM inquiries i JOIN users m ON m.id = i.member_id WHERE i.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let reference = t.reference.clone().unwrap_or_default();
    let target = format!("inquiry:{id}");
    let outcome = match &input.action {
        BulkAction::Assign { staff_id } => {
            sqlx::query("UPDATE inquiries SET assignee_id = $1, updated_at = $2 WHERE id = $3")
                .bind(staff_id)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            audit::record(&mut *tx, staff.id, AuditAction::Assign, &format!("{target} to:{staff_id}"), ip, now).await?;
            Outcome::Done
        }
        BulkAction::Priority(p) => {
            sqlx::query("UPDATE inquiries SET priority = $1, updated_at = $2 WHERE id = $3")
                .bind(p.as_str())
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            audit::record(&mut *tx, staff.id, AuditAction::Priority, &format!("{target} {}", p.as_str()), ip, now)
                .await?;
            Outcome::Done
        }
        BulkAction::Tag { tag_id, on } => {
            if super::tags::set(tx, id, *tag_id, *on, now).await? {
                let target = format!("{target} tag:{tag_id} {}", if *on { "on" } else { "off" });
                audit::record(&mut *tx, staff.id, AuditAction::Tag, &target, ip, now).await?;
            }
            Outcome::Done
        }
        BulkAction::Close if t.status == "closed" => Outcome::Skipped(SkipReason::Closed),
        BulkAction::Close => {
            sqlx::query("UPDATE inquiries SET status = 'closed', closed_at = $1, updated_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            audit::record(&mut *tx, staff.id, AuditAction::Status, &format!("{target} closed"), ip, now).await?;
            let by = serde_json::json!({ "staff_id": staff.id });
            inquiry_event(tx, &state.settings, EventKind::InquiryClosed, id, by, now).await?;
            Outcome::Done
        }
        BulkAction::Answer { .. } if t.status == "closed" => Outcome::Skipped(SkipReason::Closed),
        BulkAction::Answer { body, close } => answer(tx, state, staff, input, item, &t, body, *close, ip).await?,
    };
    Ok((outcome, reference))
}

#[allow(clippy::too_many_arguments)]
async fn answer(
    tx: &mut AnyConnection,
    state: &AppState,
    staff: &UserView,
    input: &BulkInput,
    item: &BulkItem,
    t: &Target,
    template: &str,
    close: bool,
    ip: &str,
) -> AppResult<Outcome> {
    let now = state.clock.now_ms();
    let id = item.inquiry_id;
    let reference = t.reference.clone().unwrap_or_default();
    let fields: BTreeMap<String, String> = serde_json::from_str(&t.fields).unwrap_or_default();
    let body = fill(template, &t.display_name, &reference, &fields);
    // One key per inquiry of this bulk action: a retried request answers nobody twice.
    let key = format!("{}:{id}", input.client_key);
    let stored: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at, client_key)
         SELECT $1, $2, 1, $3, $4, $5
         WHERE NOT EXISTS (SELECT 1 FROM inquiry_messages WHERE inquiry_id = $1 AND id > $6)
         ON CONFLICT (inquiry_id, client_key) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(staff.id)
    .bind(&body)
    .bind(now)
    .bind(&key)
    .bind(item.seen_message_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((message_id,)) = stored else {
        let retried: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM inquiry_messages WHERE inquiry_id = $1 AND client_key = $2")
                .bind(id)
                .bind(&key)
                .fetch_optional(&mut *tx)
                .await?;
        return Ok(if retried.is_some() { Outcome::Done } else { Outcome::Skipped(SkipReason::MovedOn) });
    };
    crate::search::server::index::message(&mut *tx, message_id, &body).await?;
    let (status, closed_at) = if close { ("closed", Some(now)) } else { ("answered", None) };
    sqlx::query(
        "UPDATE inquiries SET status = $4, closed_at = COALESCE($5, closed_at), assignee_id = COALESCE(assignee_id, $1), updated_at = $2 WHERE id = $3",
    )
    .bind(staff.id)
    .bind(now)
    .bind(id)
    .bind(status)
    .bind(closed_at)
    .execute(&mut *tx)
    .await?;
    if t.withdrawn_at.is_none() {
        let lang = Lang::from_code(&t.mail_lang).unwrap_or_default();
        let mail = mails::reply(
            &t.display_name,
            &t.email,
            &reference,
            id,
            &staff.display_name,
            &body,
            0,
            &state.settings.public_url,
            lang,
            close,
            !state.settings.reply_keys.is_empty(),
        );
        enqueue_about_in(&mut *tx, &mail, id, now).await?;
    }
    audit::record(&mut *tx, staff.id, AuditAction::Reply, &format!("inquiry:{id} bulk"), ip, now).await?;
    let by = serde_json::json!({ "staff_id": staff.id });
    inquiry_event(tx, &state.settings, EventKind::InquiryReplied, id, by.clone(), now).await?;
    if close {
        inquiry_event(tx, &state.settings, EventKind::InquiryClosed, id, by, now).await?;
    }
    Ok(Outcome::Done)
}
