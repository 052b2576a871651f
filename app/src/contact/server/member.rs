use super::categories::load_categories;
use super::rows::{field_values, sent_with, summary, SUMMARY_COLUMNS, UNREAD_COLUMN};
use crate::auth::server::{require_member, require_verified_member};
use crate::calendar::store::load_closures;
use crate::calendar::BusinessCalendar;
use crate::calendar::Moment;
use crate::contact::{InquiryDetail, InquirySummary, Status, ThreadInput, ThreadMessage};
use crate::error::{AppError, AppResult};
use crate::files::server::{attach, Place};
use crate::infra::http::state;
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::infra::Db;
use crate::webhooks::EventKind;
use sqlx::Row;

/// The caller's own inquiries, newest first.
pub async fn my_inquiries() -> AppResult<Vec<InquirySummary>> {
    let member = require_member().await?;
    let state = state()?;
    let categories = load_categories(&state.db).await?;
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS}, {UNREAD_COLUMN} FROM inquiries i WHERE i.member_id = $1
         ORDER BY i.received_at DESC, i.id DESC"
    ))
    .bind(member.id)
    .fetch_all(&state.db.pool)
    .await?;
    rows.iter().map(|r| summary(r, &categories)).collect()
}

/// A member's latest inquiries, for staff context (callers check the role).
pub async fn history_for(db: &Db, member_id: i64, limit: i64) -> AppResult<Vec<InquirySummary>> {
    let categories = load_categories(db).await?;
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS}, {UNREAD_COLUMN} FROM inquiries i WHERE i.member_id = $1
         ORDER BY i.received_at DESC, i.id DESC LIMIT $2"
    ))
    .bind(member_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| summary(r, &categories)).collect()
}

/// One of the caller's inquiries with its thread. Someone else's is "not found", exactly like a
/// missing one, so ids cannot be probed.
pub async fn my_inquiry(id: i64) -> AppResult<InquiryDetail> {
    let member = require_member().await?;
    let state = state()?;
    let detail = load_detail(&state.db, id, Some(member.id)).await?;
    // Opened: its replies are read now.
    sqlx::query("UPDATE inquiries SET member_seen_at = $1 WHERE id = $2 AND member_id = $3")
        .bind(state.clock.now_ms())
        .bind(id)
        .bind(member.id)
        .execute(&state.db.pool)
        .await?;
    Ok(detail)
}

/// How many of the member's inquiries have a staff reply they have not opened yet.
pub async fn unread_replies(db: &Db, member_id: i64) -> AppResult<i64> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM (SELECT {UNREAD_COLUMN} FROM inquiries i WHERE i.member_id = $1) t
         WHERE t.unread = 1"
    ))
    .bind(member_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(n)
}

/// Loads an inquiry with its thread; with `owner`, only if that member owns it.
pub async fn load_detail(db: &Db, id: i64, owner: Option<i64>) -> AppResult<InquiryDetail> {
    let categories = load_categories(db).await?;
    let row = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS}, i.fields, i.member_id, i.auto_closed_at FROM inquiries i WHERE i.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let member_id: i64 = row.try_get("member_id")?;
    let reopens = row.try_get::<Option<i64>, _>("auto_closed_at")?.is_some();
    if owner.is_some_and(|owner| owner != member_id) {
        return Err(AppError::NotFound);
    }
    let summary = summary(&row, &categories)?;
    let fields_json: String = row.try_get("fields")?;
    let fields = field_values(sent_with(&row, &categories)?.as_ref(), &fields_json);
    let mut files = crate::files::server::inquiry_files(db, id).await?;
    let mut files_of = |message: Option<i64>| {
        let (mine, rest) = std::mem::take(&mut files).into_iter().partition(|(m, _)| *m == message);
        files = rest;
        mine.into_iter().map(|(_, a)| a).collect::<Vec<_>>()
    };
    let attachments = files_of(None);
    let thread = sqlx::query(
        "SELECT m.id, m.from_staff, u.display_name, m.body, m.created_at, m.via, m.quoted FROM inquiry_messages m JOIN users u ON u.id = m.author_id
         WHERE m.inquiry_id = $1 ORDER BY m.id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(ThreadMessage {
            from_staff: r.try_get::<i64, _>("from_staff")? != 0,
            author: r.try_get("display_name")?,
            body: r.try_get("body")?,
            at: Moment::from_millis(r.try_get("created_at")?),
            attachments: files_of(Some(r.try_get("id")?)),
            via_mail: r.try_get::<String, _>("via")? == "mail",
            quoted: r.try_get("quoted")?,
        })
    })
    .collect::<AppResult<Vec<_>>>()?;
    let incident_note = crate::incidents::server::public_note_for(db, id).await?;
    Ok(InquiryDetail { summary, fields, attachments, thread, reopens, incident_note })
}

/// The member adds to their open inquiry. An answered one goes back to the desk with a fresh
/// one-business-day due time; a closed one takes no more messages — unless the auto-close rule
/// closed it, which a reply undoes (so a reply racing the rule always wins).
pub async fn follow_up(input: ThreadInput) -> AppResult<InquiryDetail> {
    let member = require_verified_member().await?;
    let body = input.validate()?;
    let key = input.key()?;
    let files = input.attachment_ids()?;
    let state = state()?;
    rate_limit::take(&state, Action::FollowUp, &member.id.to_string()).await?;
    let now = state.clock.now();
    let due_ms = due_after_member_wrote(&state).await?;
    // One transaction, and the owner and "not closed" checks are part of the insert itself, so a
    // follow-up racing the desk closing the inquiry cannot slip in.
    let mut tx = state.db.pool.begin().await?;
    let added: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at, client_key)
         SELECT id, $2, 0, $3, $4, $5 FROM inquiries
         WHERE id = $1 AND member_id = $2 AND (status <> 'closed' OR auto_closed_at IS NOT NULL)
         ON CONFLICT (inquiry_id, client_key) DO NOTHING RETURNING id",
    )
    .bind(input.inquiry_id)
    .bind(member.id)
    .bind(&body)
    .bind(now.timestamp_millis())
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((message_id,)) = added else {
        drop(tx);
        // Missing or someone else's (both "not found"), a retry of a stored follow-up (answer with
        // the thread as it is), or closed.
        let detail = load_detail(&state.db, input.inquiry_id, Some(member.id)).await?;
        if detail.summary.status == Status::Closed && !detail.reopens {
            return Err(AppError::field("body", crate::domain::ValidationError::InvalidChoice));
        }
        return Ok(detail);
    };
    crate::search::server::index::message(&mut tx, message_id, &body).await?;
    let place = Place::Inquiry { inquiry_id: input.inquiry_id, message_id: Some(message_id) };
    attach(&mut tx, &state, member.id, &files, place).await?;
    let assignee_id = back_to_desk(&mut tx, &state, input.inquiry_id, due_ms, false, "site").await?;
    tx.commit().await?;
    let event = crate::desk::DeskEvent::FollowUp { inquiry_id: input.inquiry_id, assignee_id };
    crate::desk::server::publish(&state, event).await;
    load_detail(&state.db, input.inquiry_id, Some(member.id)).await
}

/// When an inquiry the member just wrote to is due again: one business day from now. Read
/// before the caller's transaction begins: inside it, a second pool connection could wait on
/// the very write lock the transaction holds (SQLite), until the busy timeout.
pub async fn due_after_member_wrote(state: &crate::infra::AppState) -> AppResult<i64> {
    let now = state.clock.now();
    Ok(BusinessCalendar::mail_desk(load_closures(&state.db).await?).add_business_days(&now, 1).timestamp_millis())
}

/// The member wrote (on the site or by mail): an answered inquiry goes back to the desk due at
/// `due_ms` (see [`due_after_member_wrote`]; `and_closed`: a closed one too, when a supervisor
/// threads a held mail into it). Answers the assignee, whose desk hears of it.
pub async fn back_to_desk(
    tx: &mut sqlx::AnyConnection,
    state: &crate::infra::AppState,
    inquiry_id: i64,
    due_ms: i64,
    and_closed: bool,
    via: &'static str,
) -> AppResult<Option<i64>> {
    let now = state.clock.now();
    // Closed by the auto-close rule counts as answered: the member's reply reopens it.
    let reopenable = if and_closed {
        "status IN ('answered', 'closed')"
    } else {
        "(status = 'answered' OR (status = 'closed' AND auto_closed_at IS NOT NULL))"
    };
    let reopened = sqlx::query(&format!(
        "UPDATE inquiries SET status = 'in_progress', due_at = $1, updated_at = $2, closed_at = NULL, auto_closed_at = NULL
         WHERE id = $3 AND {reopenable}"
    ))
    .bind(due_ms)
    .bind(now.timestamp_millis())
    .bind(inquiry_id)
    .execute(&mut *tx)
    .await?;
    if reopened.rows_affected() == 1 {
        let extra = serde_json::json!({ "via": via });
        crate::webhooks::server::inquiry_event(
            tx,
            &state.settings,
            EventKind::InquiryReopened,
            inquiry_id,
            extra,
            now.timestamp_millis(),
        )
        .await?;
    }
    let (assignee_id,): (Option<i64>,) =
        sqlx::query_as("SELECT assignee_id FROM inquiries WHERE id = $1").bind(inquiry_id).fetch_one(&mut *tx).await?;
    Ok(assignee_id)
}
