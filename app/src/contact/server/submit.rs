use super::categories::load_categories;
use super::mails::acknowledgment;
use crate::auth::server::require_verified_member;
use crate::auth::UserView;
use crate::calendar::store::load_closures;
use crate::calendar::BusinessCalendar;
use crate::calendar::Moment;
use crate::contact::{validate_fields, Category, InquiryInput, Submitted};
use crate::domain::{check_line, ValidationError};
use crate::error::{AppError, AppResult};
use crate::files::server::{attach, Place};
use crate::files::AttachmentIds;
use crate::infra::http::state;
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::infra::AppState;
use crate::mail::enqueue_about_in;
use std::collections::BTreeMap;

/// Stores a member's inquiry, answers with its reference and the date the desk will reply by,
/// and queues the acknowledgment mail. A repeat with the same idempotency key returns the first
/// result and stores nothing.
pub async fn submit(input: InquiryInput) -> AppResult<Submitted> {
    let member = require_verified_member().await?;
    let state = state()?;
    let key = check_line(&input.idempotency_key, 8, 100)
        .map_err(|_| AppError::field("idempotency_key", ValidationError::Required))?;
    if let Some(existing) = find_by_key(&state.db, member.id, &key).await? {
        return Ok(existing);
    }

    let files =
        crate::files::AttachmentIds::parse(&input.attachments).map_err(|e| AppError::field("attachments", e))?;
    let categories = load_categories(&state.db).await?;
    let Some(category) = categories.iter().find(|c| c.id == input.category_id) else {
        return Err(AppError::field("category_id", ValidationError::InvalidChoice));
    };
    let now = state.clock.now();
    let mut errors = input.consent_errors();
    let fields = validate_fields(category, &input.fields, now.date_naive().into()).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Default::default()
    });
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }

    // (A retry of a stored submit was answered above and costs no slot of the limit.)
    rate_limit::take(&state, Action::ContactSubmit, &member.id.to_string()).await?;

    let new = NewInquiry { member: &member, category, fields: &fields, key: &key, files: &files };
    match open(&state, new).await? {
        Some(submitted) => Ok(submitted),
        // The same key raced in from a second click: the other request stored it.
        None => find_by_key(&state.db, member.id, &key).await?.ok_or(AppError::Internal),
    }
}

/// An inquiry about to be stored: checked fields of an existing category, the member's key.
pub(crate) struct NewInquiry<'a> {
    pub member: &'a UserView,
    pub category: &'a Category,
    pub fields: &'a BTreeMap<String, String>,
    /// Unique per member: a second store with the same key stores nothing.
    pub key: &'a str,
    pub files: &'a AttachmentIds,
}

/// Stores an inquiry (from the wizard, or made by staff from a member's mail) with its reference,
/// search document, files, acknowledgment mail and webhook event in one transaction, then tells
/// the desk. `None`: the member's key was already used (a concurrent retry stored it).
pub(crate) async fn open(state: &AppState, new: NewInquiry<'_>) -> AppResult<Option<Submitted>> {
    let NewInquiry { member, category, fields, key, files } = new;
    let now = state.clock.now();
    let calendar = BusinessCalendar::mail_desk(load_closures(&state.db).await?);
    let due = calendar.add_business_days(&now, 1);
    let fields_json = serde_json::to_string(fields).map_err(|_| AppError::Internal)?;
    let snapshot = serde_json::to_string(category).map_err(|_| AppError::Internal)?;
    let received_ms = now.timestamp_millis();
    // One transaction: the inquiry, its reference and its acknowledgment appear together, so a
    // concurrent retry with the same key (which waits on the unique key) sees all or nothing.
    let mut tx = state.db.pool.begin().await?;
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO inquiries (member_id, category_id, fields, idempotency_key, received_at, due_at, updated_at, category_snapshot,
                                first_reply_due_at, shop_key, used_on)
         VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $6, $8, $9) RETURNING id",
    )
    .bind(member.id)
    .bind(&category.id)
    .bind(&fields_json)
    .bind(key)
    .bind(received_ms)
    .bind(due.timestamp_millis())
    // The category as it is now: later edits never change how this inquiry reads.
    .bind(&snapshot)
    // The shop and day of use as columns, for matching inquiries to incidents by index.
    .bind(fields.get("shop_name").map(|s| crate::incidents::shop_key(s)))
    .bind(fields.get("used_on"))
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok((id,)) => id,
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    // The reference reads as the day it came in plus its number: MDG-20261125-0042.
    let reference = format!("MDG-{}-{:04}", now.format("%Y%m%d"), id);
    sqlx::query("UPDATE inquiries SET reference = $1 WHERE id = $2")
        .bind(&reference)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    crate::search::server::index::inquiry(&mut tx, id).await?;
    // The files go with it, or nothing is stored (the member is sent back to attach again).
    let place = Place::Inquiry { inquiry_id: id, message_id: None };
    attach(&mut tx, state, member.id, files, place).await?;
    let submitted = Submitted { id, reference, received_at: now.into(), due_at: due.into() };
    let lang = crate::auth::server::mail_lang(&mut *tx, member.id).await?;
    let replies = !state.settings.reply_keys.is_empty();
    let settings = &state.settings;
    let mail = acknowledgment(member, category, fields, &submitted, files.len(), &settings.public_url, lang, replies);
    enqueue_about_in(&mut *tx, &mail, id, received_ms).await?;
    let event = crate::webhooks::EventKind::InquiryCreated;
    crate::webhooks::server::inquiry_event(&mut tx, settings, event, id, serde_json::json!({}), received_ms).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(inquiry_id = id, member_id = member.id, category = %category.id, "inquiry received");
    crate::desk::server::publish(state, crate::desk::DeskEvent::NewInquiry { inquiry_id: id }).await;
    Ok(Some(submitted))
}

async fn find_by_key(db: &crate::infra::Db, member_id: i64, key: &str) -> AppResult<Option<Submitted>> {
    let row: Option<(i64, Option<String>, i64, i64)> = sqlx::query_as(
        "SELECT id, reference, received_at, due_at FROM inquiries WHERE member_id = $1 AND idempotency_key = $2",
    )
    .bind(member_id)
    .bind(key)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(id, reference, received, due)| Submitted {
        id,
        reference: reference.unwrap_or_default(),
        received_at: Moment::from_millis(received),
        due_at: Moment::from_millis(due),
    }))
}
