//! Chat storage and the bodies of the chat server functions. Queue and chat state live in the
//! database, so a restart loses no waiting member and no message.
use super::hub::{estimate_secs, HubEvent, QueueEvent, SessionEvent};
use crate::auth::server::{require_member, require_staff, require_verified_member};
use crate::auth::UserView;
use crate::calendar::store::load_closures;
use crate::calendar::{BusinessCalendar, Moment};
use crate::chat::protocol::{ChatMessage, SessionState, SessionStatus};
use crate::chat::topics::topic;
use crate::chat::{ChatEntry, PastChat};
use crate::desk::server::publish as publish_desk;
use crate::desk::DeskEvent;
use crate::error::{AppError, AppResult};
use crate::files::server::{attach, Place};
use crate::files::AttachmentIds;
use crate::infra::http::{parts, state};
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::infra::{AppState, Backend, Db};
use crate::webhooks::server::chat_event;
use crate::webhooks::EventKind;
use sqlx::Row;

/// A phone or tablet, as far as the user agent tells (the browser checks the screen too).
pub fn is_mobile_agent(ua: &str) -> bool {
    ["Mobi", "Android", "iPhone", "iPad", "iPod"].iter().any(|m| ua.contains(m))
}

pub async fn chat_entry() -> AppResult<ChatEntry> {
    let member = require_member().await?;
    let state = state()?;
    let now = state.clock.now();
    let calendar = BusinessCalendar::chat(load_closures(&state.db).await?);
    let current = open_chat_of(&state.db, member.id).await?;
    Ok(ChatEntry {
        open_now: calendar.is_open_at(&now),
        next_opening: calendar.next_opening(&now).into(),
        pc_only: state.settings.chat_pc_only,
        current_session: current,
    })
}

/// Puts the member in the queue (or returns the chat they already have). Refused outside hours,
/// from phones when chat is PC-only, for topics that belong to the contact form, and when the
/// waiting queue is at its cap ("line busy").
pub async fn join_queue(topic_id: String) -> AppResult<i64> {
    let member = require_verified_member().await?;
    let state = state()?;
    let parts = parts()?;
    let topic =
        topic(&topic_id).ok_or_else(|| AppError::field("topic", crate::domain::ValidationError::InvalidChoice))?;
    if topic.contact_category.is_some() {
        return Err(AppError::field("topic", crate::domain::ValidationError::InvalidChoice));
    }
    let ua = parts.headers.get("user-agent").and_then(|v| v.to_str().ok()).unwrap_or("");
    if state.settings.chat_pc_only && is_mobile_agent(ua) {
        return Err(AppError::PcOnly);
    }
    let now = state.clock.now();
    if !BusinessCalendar::chat(load_closures(&state.db).await?).is_open_at(&now) {
        return Err(AppError::Closed);
    }
    if let Some(id) = open_chat_of(&state.db, member.id).await? {
        return Ok(id);
    }
    rate_limit::take(&state, Action::ChatJoin, &member.id.to_string()).await?;
    let now_ms = now.timestamp_millis();
    // The cap check and the insert are one statement, so two members joining at once cannot both
    // take the last place. SQLite runs one writer at a time; on PostgreSQL a transaction-scoped
    // advisory lock serializes joins across instances. One open chat per member is the unique
    // index `chat_sessions_one_open`: a parallel join loses the race and gets the winner's chat.
    let mut tx = state.db.pool.begin().await?;
    if state.db.backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(727001)").execute(&mut *tx).await?;
    }
    let joined: Result<Option<(i64,)>, sqlx::Error> = sqlx::query_as(
        "INSERT INTO chat_sessions (member_id, topic, status, enqueued_at, last_seen_at)
         SELECT $1, $2, 'waiting', $3, $3 WHERE (SELECT COUNT(*) FROM chat_sessions WHERE status = 'waiting') < $4
         RETURNING id",
    )
    .bind(member.id)
    .bind(topic.id)
    .bind(now_ms)
    .bind(state.settings.chat_queue_cap)
    .fetch_optional(&mut *tx)
    .await;
    let joined = match joined {
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
            drop(tx);
            return open_chat_of(&state.db, member.id).await?.ok_or(AppError::Internal);
        }
        other => other?,
    };
    let Some((id,)) = joined else {
        sqlx::query("INSERT INTO chat_refusals (member_id, at) VALUES ($1, $2)")
            .bind(member.id)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Err(AppError::LineBusy);
    };
    chat_event(&mut tx, &state.settings, EventKind::ChatQueued, id, serde_json::json!({}), now_ms).await?;
    tx.commit().await?;
    state.chat.publish(&state.db, HubEvent::Queue(QueueEvent::Joined { id })).await?;
    tracing::info!(session_id = id, member_id = member.id, "joined the chat queue");
    Ok(id)
}

/// The member's waiting or active chat (at most one: `chat_sessions_one_open`).
async fn open_chat_of(db: &Db, member_id: i64) -> AppResult<Option<i64>> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM chat_sessions WHERE member_id = $1 AND status IN ('waiting', 'active')")
            .bind(member_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn my_chats() -> AppResult<Vec<PastChat>> {
    let member = require_member().await?;
    let state = state()?;
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, topic, status, enqueued_at FROM chat_sessions WHERE member_id = $1 ORDER BY id DESC LIMIT 50",
    )
    .bind(member.id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(session_id, topic, status, at)| PastChat {
            session_id,
            topic,
            status: SessionStatus::parse(&status),
            enqueued_at: Moment::from_millis(at),
        })
        .collect())
}

pub struct SessionRow {
    pub member_id: i64,
    pub staff_id: Option<i64>,
    pub status: SessionStatus,
    pub staff_name: Option<String>,
}

pub async fn session_row(db: &Db, id: i64) -> AppResult<SessionRow> {
    let row = sqlx::query(
        "SELECT s.member_id, s.staff_id, s.status, u.display_name AS staff_name FROM chat_sessions s
         LEFT JOIN users u ON u.id = s.staff_id WHERE s.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(SessionRow {
        member_id: row.try_get("member_id")?,
        staff_id: row.try_get("staff_id")?,
        status: SessionStatus::parse(&row.try_get::<String, _>("status")?),
        staff_name: row.try_get("staff_name")?,
    })
}

pub async fn people_ahead(db: &Db, id: i64) -> AppResult<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_sessions WHERE status = 'waiting' AND id < $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n)
}

pub fn state_of(state: &AppState, id: i64, row: &SessionRow, ahead: Option<i64>) -> SessionState {
    let waiting = row.status == SessionStatus::Waiting;
    let ahead = if waiting { ahead } else { None };
    SessionState {
        session_id: id,
        status: row.status,
        ahead,
        estimate_secs: ahead.and_then(|a| estimate_secs(a, state.chat.stats())),
        staff_name: row.staff_name.clone(),
    }
}

/// A member's own chat transcript; someone else's chat is "not found".
pub async fn member_transcript(session_id: i64) -> AppResult<crate::insights::Transcript> {
    let member = require_member().await?;
    let state = state()?;
    let row = session_row(&state.db, session_id).await?;
    if row.member_id != member.id {
        return Err(AppError::NotFound);
    }
    Ok(crate::insights::Transcript {
        session_id,
        member_id: member.id,
        member: member.display_name,
        staff: row.staff_name,
        messages: messages_for(&state.db, session_id).await?,
    })
}

/// The whole transcript of a chat (callers check who may read it).
pub async fn messages_for(db: &Db, session: i64) -> AppResult<Vec<ChatMessage>> {
    messages_since(db, session, 0).await
}

pub async fn messages_since(db: &Db, session: i64, after: i64) -> AppResult<Vec<ChatMessage>> {
    messages_page(db, session, after, i64::MAX).await
}

/// At most `limit` messages after id `after`, oldest first (the socket replays in pages).
pub async fn messages_page(db: &Db, session: i64, after: i64, limit: i64) -> AppResult<Vec<ChatMessage>> {
    let rows = sqlx::query(
        "SELECT m.id, m.client_id, m.from_staff, u.display_name, m.body, m.created_at FROM chat_messages m
         JOIN users u ON u.id = m.author_id WHERE m.session_id = $1 AND m.id > $2 ORDER BY m.id LIMIT $3",
    )
    .bind(session)
    .bind(after)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut messages = rows.iter().map(message_from_row).collect::<AppResult<Vec<_>>>()?;
    with_files(db, session, after, &mut messages).await?;
    Ok(messages)
}

/// Puts each message's files on it (one query for the lot).
async fn with_files(db: &Db, session: i64, after: i64, messages: &mut [ChatMessage]) -> AppResult<()> {
    if messages.is_empty() {
        return Ok(());
    }
    for (message_id, file) in crate::files::server::chat_files(db, session, after).await? {
        if let Some(m) = messages.iter_mut().find(|m| m.id == message_id) {
            m.attachments.push(file);
        }
    }
    Ok(())
}

fn message_from_row(r: &sqlx::any::AnyRow) -> AppResult<ChatMessage> {
    Ok(ChatMessage {
        id: r.try_get("id")?,
        client_id: r.try_get("client_id")?,
        from_staff: r.try_get::<i64, _>("from_staff")? != 0,
        author: r.try_get("display_name")?,
        body: r.try_get("body")?,
        at: Moment::from_millis(r.try_get("created_at")?),
        attachments: Vec::new(),
    })
}

/// Stores a message once per (session, client id): a resend after a reconnect returns the stored
/// one and `false`.
pub async fn store_message(
    state: &AppState,
    session: i64,
    author: &UserView,
    from_staff: bool,
    client_id: &str,
    body: &str,
    files: &AttachmentIds,
) -> AppResult<(ChatMessage, bool)> {
    // The message and its files together, or neither.
    let mut tx = state.db.pool.begin().await?;
    let inserted: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO chat_messages (session_id, author_id, from_staff, client_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (session_id, client_id) DO NOTHING RETURNING id",
    )
    .bind(session)
    .bind(author.id)
    .bind(i64::from(from_staff))
    .bind(client_id)
    .bind(body)
    .bind(state.clock.now_ms())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((id,)) = inserted {
        crate::search::server::index::chat_message(&mut tx, id, body).await?;
        attach(&mut tx, state, author.id, files, Place::Chat { session_id: session, message_id: id }).await?;
    }
    tx.commit().await?;
    let row = sqlx::query(
        "SELECT m.id, m.client_id, m.from_staff, u.display_name, m.body, m.created_at FROM chat_messages m
         JOIN users u ON u.id = m.author_id WHERE m.session_id = $1 AND m.client_id = $2",
    )
    .bind(session)
    .bind(client_id)
    .fetch_one(&state.db.pool)
    .await?;
    let mut message = [message_from_row(&row)?];
    with_files(&state.db, session, message[0].id - 1, &mut message).await?;
    let [message] = message;
    Ok((message, inserted.is_some()))
}

/// Gives the oldest waiting member to this staff member, if they have room. Two staff pressing at
/// once never get the same member: the row is claimed with a conditional update (and, on
/// PostgreSQL, picked with `FOR UPDATE SKIP LOCKED` so the second one takes the next member).
pub async fn take_next() -> AppResult<Option<i64>> {
    let staff = require_staff().await?;
    let state = state()?;
    let lock = if state.db.backend == Backend::Postgres { "FOR UPDATE SKIP LOCKED" } else { "" };
    let now = state.clock.now_ms();
    // The room left is part of the claiming UPDATE (no count read first), and on PostgreSQL
    // everything that fills a staff member's places (take-next, hand-overs) takes turns on one
    // transaction lock, so two tabs pressing at once cannot take the staff member past capacity.
    let mut tx = state.db.pool.begin().await?;
    if state.db.backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(727003)").execute(&mut *tx).await?;
    }
    let taken: Option<(i64,)> = sqlx::query_as(&format!(
        "UPDATE chat_sessions SET status = 'active', staff_id = $1, taken_at = $2
         WHERE id = (SELECT id FROM chat_sessions WHERE status = 'waiting' ORDER BY id LIMIT 1 {lock}) AND status = 'waiting'
           AND (SELECT COUNT(*) FROM chat_sessions c WHERE c.staff_id = $1 AND c.status = 'active')
               < COALESCE((SELECT capacity FROM staff_presence WHERE staff_id = $1), 3)
         RETURNING id"
    ))
    .bind(staff.id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((id,)) = taken {
        chat_event(&mut tx, &state.settings, EventKind::ChatTaken, id, serde_json::json!({}), now).await?;
    }
    tx.commit().await?;
    if let Some((id,)) = taken {
        state.chat.publish(&state.db, HubEvent::Queue(QueueEvent::Removed { id })).await?;
        state.chat.publish(&state.db, HubEvent::Session { session_id: id, event: SessionEvent::Changed }).await?;
        publish_desk(&state, DeskEvent::ChatChanged { session_id: id, staff_id: staff.id }).await;
        tracing::info!(session_id = id, staff_id = staff.id, "chat taken");
    }
    Ok(taken.map(|(id,)| id))
}

/// Ends a chat (member or its staff) or leaves the queue (member). Answers whether it changed.
pub async fn end_session(state: &AppState, user: &UserView, session: i64) -> AppResult<bool> {
    let row = session_row(&state.db, session).await?;
    let allowed = row.member_id == user.id || (user.is_staff() && row.staff_id == Some(user.id));
    if !allowed {
        return Err(AppError::NotFound);
    }
    let (new_status, by) = match row.status {
        SessionStatus::Waiting => ("left", "member"),
        SessionStatus::Active => ("ended", if row.member_id == user.id { "member" } else { "staff" }),
        _ => return Ok(false),
    };
    let now = state.clock.now_ms();
    // The change and its event together.
    let mut tx = state.db.pool.begin().await?;
    let changed =
        sqlx::query("UPDATE chat_sessions SET status = $1, ended_at = $2, ended_by = $3 WHERE id = $4 AND status = $5")
            .bind(new_status)
            .bind(now)
            .bind(by)
            .bind(session)
            .bind(row.status.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
    if changed {
        chat_event(&mut tx, &state.settings, EventKind::ChatEnded, session, serde_json::json!({ "ended_by": by }), now)
            .await?;
    }
    tx.commit().await?;
    if changed {
        if row.status == SessionStatus::Waiting {
            state.chat.publish(&state.db, HubEvent::Queue(QueueEvent::Removed { id: session })).await?;
        }
        state.chat.publish(&state.db, HubEvent::Session { session_id: session, event: SessionEvent::Changed }).await?;
        if let Some(staff_id) = row.staff_id {
            // The staff member's console drops the chat from its list without polling.
            publish_desk(state, DeskEvent::ChatChanged { session_id: session, staff_id }).await;
        }
    }
    Ok(changed)
}
