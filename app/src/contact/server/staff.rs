//! The staff inbox. Every function starts with `require_staff()`.
use super::categories::load_categories;
use super::inbox_query;
use super::mails;
use super::member::load_detail;
use super::rows::{summary, SUMMARY_COLUMNS};
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_staff;
use crate::calendar::store::load_closures;
use crate::calendar::{BusinessCalendar, Moment};
use crate::contact::bulk::Priority;
use crate::contact::{InboxFilter, InboxPage, InboxRow, StaffInquiry, StaffNote, Status, ThreadInput};
use crate::error::{AppError, AppResult};
use crate::files::server::{attach, Place};
use crate::infra::http::state;
use crate::mail::enqueue_about_in;
use crate::webhooks::server::inquiry_event;
use crate::webhooks::EventKind;
use sqlx::Row;

/// Rows per inbox page.
pub(super) const PAGE: usize = 100;

/// Inquiries matching the filter in the chosen order, a page at a time. Keyset paging on the
/// order's own columns, each served by an index (`inquiries_due_id`, `inquiries_updated_id`,
/// `inquiries_priority_due`): page 1,000 costs what page one does, and a row arriving meanwhile
/// is neither skipped nor shown twice.
pub async fn inbox(filter: InboxFilter) -> AppResult<InboxPage> {
    let staff = require_staff().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let categories = load_categories(&state.db).await?;
    let calendar = BusinessCalendar::mail_desk(load_closures(&state.db).await?);
    let now_at = state.clock.now();
    let soon = calendar.add_business_minutes(&now_at, DUE_SOON_MINUTES).timestamp_millis();
    let query = inbox_query::build(&filter, staff.id, now, soon, PAGE + 1);
    let fetched = query.fetch_all(&state.db.pool).await?;
    let more = fetched.len() > PAGE;
    let ids: Vec<i64> = fetched.iter().take(PAGE).map(|r| r.try_get("id")).collect::<Result<_, _>>()?;
    let mut tags = super::tags::tags_of(&state.db, &ids).await?;
    let rows = fetched
        .iter()
        .take(PAGE)
        .map(|r| {
            let summary = summary(r, &categories)?;
            let overdue = summary.status.is_open() && summary.due_at.millis() < now;
            let due_in_minutes = (summary.status.is_open() && !overdue).then(|| {
                let due = chrono::DateTime::from_timestamp_millis(summary.due_at.millis()).unwrap_or_default();
                calendar.business_minutes_between(&now_at, &due.fixed_offset())
            });
            let priority: String = r.try_get("priority")?;
            Ok(InboxRow {
                tags: tags.remove(&summary.id).unwrap_or_default(),
                summary,
                member_name: r.try_get("member_name")?,
                assignee_name: r.try_get("assignee_name")?,
                overdue,
                due_in_minutes,
                priority: Priority::parse(&priority).unwrap_or_default(),
                updated_at: r.try_get("updated_at")?,
                last_message_id: r.try_get("last_message_id")?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let next = if more { rows.last().map(|r| inbox_query::cursor(filter.sort, r)) } else { None };
    Ok(InboxPage { rows, next })
}

/// "Due soon": open and due within this many business minutes (the due-soon alert's hour).
pub const DUE_SOON_MINUTES: i64 = 60;

/// The inquiry for staff; opening it is a view of the member's personal data, so it is audited.
pub async fn inbox_inquiry(id: i64) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let inquiry = staff_view(id).await?;
    audit::record_here(&staff, AuditAction::ViewInquiry, &format!("inquiry:{id}")).await?;
    Ok(inquiry)
}

/// The inquiry as staff see it, after an action (the action's own audit row covers it).
#[derive(sqlx::FromRow)]
struct StaffRow {
    member_id: i64,
    member_name: String,
    member_email: String,
    assignee_name: Option<String>,
    assignee_id: Option<i64>,
    last_message_id: i64,
    mail_failing_at: Option<i64>,
    category_id: String,
    priority: String,
    merged_into: Option<i64>,
    merged_reference: Option<String>,
}

pub(super) async fn staff_view(id: i64) -> AppResult<StaffInquiry> {
    let state = state()?;
    let detail = load_detail(&state.db, id, None).await?;
    let row: StaffRow = sqlx::query_as(
        "SELECT m.id AS member_id, m.display_name AS member_name, m.email AS member_email, a.display_name AS assignee_name,
                i.assignee_id, COALESCE((SELECT MAX(x.id) FROM inquiry_messages x WHERE x.inquiry_id = i.id), 0) AS last_message_id,
                m.mail_failing_at, i.category_id, i.priority, i.merged_into, g.reference AS merged_reference
         FROM inquiries i JOIN users m ON m.id = i.member_id
         LEFT JOIN users a ON a.id = i.assignee_id LEFT JOIN inquiries g ON g.id = i.merged_into WHERE i.id = $1",
    )
    .bind(id)
    .fetch_one(&state.db.pool)
    .await?;
    let StaffRow {
        member_id,
        member_name,
        member_email,
        assignee_name,
        assignee_id,
        last_message_id,
        mail_failing_at,
        category_id,
        priority,
        merged_into,
        merged_reference,
    } = row;
    let notes = sqlx::query(
        "SELECT u.display_name, n.body, n.created_at FROM inquiry_notes n JOIN users u ON u.id = n.author_id WHERE n.inquiry_id = $1 ORDER BY n.id",
    )
    .bind(id)
    .fetch_all(&state.db.pool)
    .await?
    .iter()
    .map(|r| Ok(StaffNote { author: r.try_get("display_name")?, body: r.try_get("body")?, at: Moment::from_millis(r.try_get("created_at")?) }))
    .collect::<AppResult<Vec<_>>>()?;
    let categories = load_categories(&state.db).await?;
    let member_history = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM inquiries i WHERE i.member_id = $1 AND i.id <> $2 ORDER BY i.received_at DESC LIMIT 20"
    ))
    .bind(member_id)
    .bind(id)
    .fetch_all(&state.db.pool)
    .await?
    .iter()
    .map(|r| summary(r, &categories))
    .collect::<AppResult<Vec<_>>>()?;
    let overdue = detail.summary.status.is_open() && detail.summary.due_at.millis() < state.clock.now_ms();
    Ok(StaffInquiry {
        detail,
        member_id,
        member_name,
        member_email,
        assignee_name,
        assignee_id,
        last_message_id,
        overdue,
        notes,
        member_history,
        member_mail_failing: mail_failing_at.is_some(),
        parent_evidence: crate::parent::server::evidence::for_inquiry(&state.db, id).await?,
        category_id,
        priority: Priority::parse(&priority).unwrap_or_default(),
        tags: super::tags::tags_of(&state.db, &[id]).await?.remove(&id).unwrap_or_default(),
        merged_into: merged_into.map(|m| (m, merged_reference.unwrap_or_default())),
    })
}

/// Stores the reply in the thread, marks the inquiry answered and mails the member.
pub async fn staff_reply(input: ThreadInput) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let body = input.validate()?;
    let key = input.key()?;
    let files = input.attachment_ids()?;
    let state = state()?;
    let now = state.clock.now_ms();
    let (reference, member_name, member_email, mail_lang, withdrawn_at): (
        Option<String>,
        String,
        String,
        String,
        Option<i64>,
    ) = sqlx::query_as(
        "SELECT i.reference, m.display_name, m.email, m.mail_lang, m.withdrawn_at
         FROM inquiries i JOIN users m ON m.id = i.member_id WHERE i.id = $1",
    )
    .bind(input.inquiry_id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let reference = reference.unwrap_or_default();
    let mail = mails::reply(
        &member_name,
        &member_email,
        &reference,
        input.inquiry_id,
        &staff.display_name,
        &body,
        files.len(),
        &state.settings.public_url,
        crate::i18n::Lang::from_code(&mail_lang).unwrap_or_default(),
        input.close,
        !state.settings.reply_keys.is_empty(),
    );
    // The reply, the status and the mail are one transaction: all or nothing. A retry with the
    // same key stores nothing and mails nothing.
    let mut tx = state.db.pool.begin().await?;
    // Replies to one inquiry take turns: this locks its row (PostgreSQL) or the database
    // (SQLite) until commit, so the "nothing newer than what I saw" condition below is checked
    // against every reply committed before, and two staff answering at once cannot both send.
    sqlx::query("UPDATE inquiries SET updated_at = updated_at WHERE id = $1")
        .bind(input.inquiry_id)
        .execute(&mut *tx)
        .await?;
    let stored: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at, client_key)
         SELECT $1, $2, 1, $3, $4, $5
         WHERE $6 < 0 OR NOT EXISTS (SELECT 1 FROM inquiry_messages WHERE inquiry_id = $1 AND id > $6)
         ON CONFLICT (inquiry_id, client_key) DO NOTHING RETURNING id",
    )
    .bind(input.inquiry_id)
    .bind(staff.id)
    .bind(&body)
    .bind(now)
    .bind(&key)
    .bind(input.seen_message_id.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((message_id,)) = stored else {
        // A retry of a reply already stored answers as the first time did; otherwise the thread
        // moved on since the staff member loaded it.
        let retried: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM inquiry_messages WHERE inquiry_id = $1 AND client_key = $2")
                .bind(input.inquiry_id)
                .bind(&key)
                .fetch_optional(&mut *tx)
                .await?;
        drop(tx);
        return match retried {
            Some(_) => staff_view(input.inquiry_id).await,
            None => Err(AppError::StaleThread),
        };
    };
    crate::search::server::index::message(&mut tx, message_id, &body).await?;
    crate::parent::server::evidence::tie_to_reply(&mut tx, input.inquiry_id, staff.id, message_id, now).await?;
    let place = Place::Inquiry { inquiry_id: input.inquiry_id, message_id: Some(message_id) };
    attach(&mut tx, &state, staff.id, &files, place).await?;
    // A closing reply closes the inquiry (and opens its survey for seven days).
    let (status, closed_at) = if input.close { ("closed", Some(now)) } else { ("answered", None) };
    sqlx::query(
        "UPDATE inquiries SET status = $4, closed_at = COALESCE($5, closed_at), assignee_id = COALESCE(assignee_id, $1), updated_at = $2 WHERE id = $3",
    )
    .bind(staff.id)
    .bind(now)
    .bind(input.inquiry_id)
    .bind(status)
    .bind(closed_at)
    .execute(&mut *tx)
    .await?;
    // A closed (withdrawn) account has no address left to mail.
    if withdrawn_at.is_none() {
        enqueue_about_in(&mut *tx, &mail, input.inquiry_id, now).await?;
    }
    let ip = audit::request_ip(&state);
    audit::record(&mut *tx, staff.id, AuditAction::Reply, &format!("inquiry:{}", input.inquiry_id), &ip, now).await?;
    let by = serde_json::json!({ "staff_id": staff.id });
    inquiry_event(&mut tx, &state.settings, EventKind::InquiryReplied, input.inquiry_id, by.clone(), now).await?;
    if input.close {
        inquiry_event(&mut tx, &state.settings, EventKind::InquiryClosed, input.inquiry_id, by, now).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(inquiry_id = input.inquiry_id, staff_id = staff.id, "staff replied");
    let event = crate::desk::DeskEvent::Answered { inquiry_id: input.inquiry_id, staff_id: staff.id };
    crate::desk::server::publish(&state, event).await;
    staff_view(input.inquiry_id).await
}

pub async fn add_note(input: ThreadInput) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let body = input.validate()?;
    let state = state()?;
    ensure_exists(input.inquiry_id).await?;
    sqlx::query("INSERT INTO inquiry_notes (inquiry_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)")
        .bind(input.inquiry_id)
        .bind(staff.id)
        .bind(&body)
        .bind(state.clock.now_ms())
        .execute(&state.db.pool)
        .await?;
    audit::record_here(&staff, AuditAction::Note, &format!("inquiry:{}", input.inquiry_id)).await?;
    staff_view(input.inquiry_id).await
}

pub async fn set_status(id: i64, status: Status) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    // Take the inquiry first (its row on PostgreSQL, the write lock on SQLite): a transaction
    // that read before writing fails at once on SQLite when another write (the outbox marking a
    // mail sent) committed in between, and the status read below cannot change before it ends.
    let taken =
        sqlx::query("UPDATE inquiries SET updated_at = updated_at WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if taken.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let (before,): (String,) =
        sqlx::query_as("SELECT status FROM inquiries WHERE id = $1").bind(id).fetch_one(&mut *tx).await?;
    // Closing starts the survey's seven days; reopening ends them.
    sqlx::query(
        "UPDATE inquiries SET status = $1, updated_at = $2, closed_at = CASE WHEN $1 = 'closed' THEN $2 ELSE NULL END WHERE id = $3",
    )
    .bind(status.as_str())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let ip = audit::request_ip(&state);
    audit::record(&mut *tx, staff.id, AuditAction::Status, &format!("inquiry:{id} {}", status.as_str()), &ip, now)
        .await?;
    // Events for the changes a site's tools care about: closed, and closed → open again.
    let change = match (before == "closed", status == Status::Closed) {
        (false, true) => Some((EventKind::InquiryClosed, serde_json::json!({ "staff_id": staff.id }))),
        (true, false) => {
            Some((EventKind::InquiryReopened, serde_json::json!({ "staff_id": staff.id, "via": "staff" })))
        }
        _ => None,
    };
    if let Some((kind, extra)) = change {
        inquiry_event(&mut tx, &state.settings, kind, id, extra, now).await?;
    }
    tx.commit().await?;
    tracing::info!(inquiry_id = id, staff_id = staff.id, status = status.as_str(), "status changed");
    staff_view(id).await
}

pub async fn assign_to_me(id: i64) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let state = state()?;
    ensure_exists(id).await?;
    // Taking an inquiry also starts work on it.
    sqlx::query(
        "UPDATE inquiries SET assignee_id = $1, status = CASE WHEN status = 'new' THEN 'in_progress' ELSE status END, updated_at = $2 WHERE id = $3",
    )
    .bind(staff.id)
    .bind(state.clock.now_ms())
    .bind(id)
    .execute(&state.db.pool)
    .await?;
    audit::record_here(&staff, AuditAction::Assign, &format!("inquiry:{id}")).await?;
    staff_view(id).await
}

async fn ensure_exists(id: i64) -> AppResult<()> {
    let state = state()?;
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM inquiries WHERE id = $1").bind(id).fetch_optional(&state.db.pool).await?;
    found.map(|_| ()).ok_or(AppError::NotFound)
}
