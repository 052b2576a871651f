//! Chat teamwork on the server. Notes and transfers are staff-only (the shared guard); the
//! transcript mail is for the chat's own member and goes out once, queued in the same
//! transaction as the change that marks it sent.
use super::{ChatNoteInput, Colleague};
use crate::audit::server::{record, request_ip};
use crate::audit::AuditAction;
use crate::auth::server::{require_staff, require_verified_member};
use crate::calendar::{format_datetime, Moment};
use crate::chat::server::{messages_for, HubEvent, SessionEvent};
use crate::contact::StaffNote;
use crate::desk::server::publish as publish_desk;
use crate::desk::DeskEvent;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::infra::http::state;
use crate::infra::{AppState, Backend};
use crate::mail::{enqueue_in, OutgoingMail};
use sqlx::Row;

async fn exists(state: &AppState, session_id: i64) -> AppResult<()> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM chat_sessions WHERE id = $1")
        .bind(session_id)
        .fetch_optional(&state.db.pool)
        .await?;
    found.map(|_| ()).ok_or(AppError::NotFound)
}

async fn load_notes(state: &AppState, session_id: i64) -> AppResult<Vec<StaffNote>> {
    sqlx::query(
        "SELECT u.display_name, n.body, n.created_at FROM chat_notes n JOIN users u ON u.id = n.author_id
         WHERE n.session_id = $1 ORDER BY n.id",
    )
    .bind(session_id)
    .fetch_all(&state.db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(StaffNote {
            author: r.try_get("display_name")?,
            body: r.try_get("body")?,
            at: Moment::from_millis(r.try_get("created_at")?),
        })
    })
    .collect()
}

pub async fn notes(session_id: i64) -> AppResult<Vec<StaffNote>> {
    require_staff().await?;
    let state = state()?;
    exists(&state, session_id).await?;
    load_notes(&state, session_id).await
}

/// Adds an internal note (never shown to the member), audited with the note.
pub async fn add_note(input: ChatNoteInput) -> AppResult<Vec<StaffNote>> {
    let staff = require_staff().await?;
    let body = input.validate()?;
    let state = state()?;
    exists(&state, input.session_id).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    sqlx::query("INSERT INTO chat_notes (session_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)")
        .bind(input.session_id)
        .bind(staff.id)
        .bind(&body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let ip = request_ip(&state);
    record(&mut *tx, staff.id, AuditAction::Note, &format!("chat:{}", input.session_id), &ip, now).await?;
    tx.commit().await?;
    load_notes(&state, input.session_id).await
}

/// Who could take a chat from the caller now: available, active staff with room.
pub async fn colleagues() -> AppResult<Vec<Colleague>> {
    let me = require_staff().await?;
    let state = state()?;
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.display_name, p.capacity - (SELECT COUNT(*) FROM chat_sessions c WHERE c.staff_id = u.id AND c.status = 'active')
         FROM staff_presence p JOIN users u ON u.id = p.staff_id
         WHERE p.available = 1 AND u.deactivated_at IS NULL AND u.id <> $1 ORDER BY u.display_name",
    )
    .bind(me.id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows.into_iter().filter(|(_, _, room)| *room > 0).map(|(id, name, room)| Colleague { id, name, room }).collect())
}

/// Hands the caller's active chat to `to`, who must be available, active and have room. The
/// conditions and the change are one UPDATE; on PostgreSQL a transaction lock makes transfers
/// take turns, so two chats handed to the same person at once cannot both take their last place.
pub async fn transfer(session_id: i64, to: i64) -> AppResult<()> {
    let staff = require_staff().await?;
    let state = state()?;
    let mut tx = state.db.pool.begin().await?;
    if state.db.backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(727003)").execute(&mut *tx).await?;
    }
    let moved = sqlx::query(
        "UPDATE chat_sessions SET staff_id = $1 WHERE id = $2 AND staff_id = $3 AND status = 'active' AND $1 <> $3
         AND EXISTS (SELECT 1 FROM staff_presence p JOIN users u ON u.id = p.staff_id
                     WHERE p.staff_id = $1 AND p.available = 1 AND u.deactivated_at IS NULL
                       AND (SELECT COUNT(*) FROM chat_sessions c WHERE c.staff_id = $1 AND c.status = 'active') < p.capacity)",
    )
    .bind(to)
    .bind(session_id)
    .bind(staff.id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        // Not the caller's active chat (not found), or the colleague cannot take it now.
        let mine: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM chat_sessions WHERE id = $1 AND staff_id = $2 AND status = 'active'")
                .bind(session_id)
                .bind(staff.id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(if mine.is_some() { AppError::ColleagueUnavailable } else { AppError::NotFound });
    }
    // For the site's tools a hand-over is the chat taken again, by the colleague.
    let extra = serde_json::json!({ "handed_over_by": staff.id });
    let now = state.clock.now_ms();
    crate::webhooks::server::chat_event(
        &mut tx,
        &state.settings,
        crate::webhooks::EventKind::ChatTaken,
        session_id,
        extra,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(session_id, from = staff.id, to, "chat transferred");
    // The member sees the new name; the old staff member's socket closes (no longer theirs); both
    // consoles reload their chat lists.
    state.chat.publish(&state.db, HubEvent::Session { session_id, event: SessionEvent::Changed }).await?;
    publish_desk(&state, DeskEvent::ChatChanged { session_id, staff_id: staff.id }).await;
    publish_desk(&state, DeskEvent::ChatChanged { session_id, staff_id: to }).await;
    Ok(())
}

/// Mails the transcript of the member's own ended chat, once (a second request changes nothing).
pub async fn mail_transcript(session_id: i64) -> AppResult<()> {
    let member = require_verified_member().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let marked = sqlx::query(
        "UPDATE chat_sessions SET transcript_mailed_at = $1
         WHERE id = $2 AND member_id = $3 AND status = 'ended' AND transcript_mailed_at IS NULL",
    )
    .bind(now)
    .bind(session_id)
    .bind(member.id)
    .execute(&mut *tx)
    .await?;
    if marked.rows_affected() == 0 {
        let (mine,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM chat_sessions WHERE id = $1 AND member_id = $2 AND status = 'ended'")
                .bind(session_id)
                .bind(member.id)
                .fetch_one(&mut *tx)
                .await?;
        // Already mailed: nothing more to do. Someone else's chat, or not ended: not found.
        return if mine == 1 { Ok(()) } else { Err(AppError::NotFound) };
    }
    let (lang,): (String,) =
        sqlx::query_as("SELECT mail_lang FROM users WHERE id = $1").bind(member.id).fetch_one(&mut *tx).await?;
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let messages = messages_for(&state.db, session_id).await?;
    let lines: Vec<String> = messages.iter().map(|m| transcript_line(m, lang)).collect();
    let link = format!("{}/chat/history/{session_id}", state.settings.public_url);
    let (subject, intro) = match lang {
        Lang::Ja => (
            "[Madoguchi] チャットの記録".to_owned(),
            format!("{} 様\n\nご依頼のチャットの記録をお送りします。", member.display_name),
        ),
        Lang::En => (
            "[Madoguchi] Your chat transcript".to_owned(),
            format!("Dear {},\n\nHere is the transcript of your chat.", member.display_name),
        ),
    };
    let body = format!("{intro}\n\n{}\n\n{link}\n\nMadoguchi", lines.join("\n\n"));
    enqueue_in(&mut *tx, &OutgoingMail { to: member.email.clone(), subject, body }, now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// One message of a mailed transcript: files are named, never carried (the link leads to them).
fn transcript_line(m: &crate::chat::protocol::ChatMessage, lang: crate::i18n::Lang) -> String {
    let mut line = format!("[{}] {}:\n{}", format_datetime(&m.at, lang), m.author, m.body);
    if !m.attachments.is_empty() {
        let names: Vec<&str> = m.attachments.iter().map(|a| a.name.as_str()).collect();
        let label = match lang {
            crate::i18n::Lang::Ja => "添付ファイル",
            crate::i18n::Lang::En => "Attachments",
        };
        line.push_str(&format!("\n({label}: {})", names.join(", ")));
    }
    line
}
