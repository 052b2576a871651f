//! What deactivating a staff account ends, inside the transaction that deactivates it: every
//! session (so the next request and the next socket handshake fail), the chats they were
//! answering (back to the queue, in their original place: the queue is ordered by arrival), the
//! inquiries assigned to them (unassigned, except closed ones, which keep who handled them) and
//! their chat availability.
use crate::chat::server::{HubEvent, QueueEvent, SessionEvent};
use crate::error::AppResult;
use crate::infra::AppState;
use sqlx::{Any, Transaction};

/// Returns the chats that went back to the queue, for `announce` after the commit.
pub(super) async fn end_everything_of(tx: &mut Transaction<'static, Any>, user_id: i64) -> AppResult<Vec<i64>> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut **tx).await?;
    let requeued: Vec<(i64,)> = sqlx::query_as(
        "UPDATE chat_sessions SET status = 'waiting', staff_id = NULL, taken_at = NULL
         WHERE staff_id = $1 AND status = 'active' RETURNING id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    sqlx::query("UPDATE inquiries SET assignee_id = NULL WHERE assignee_id = $1 AND status <> 'closed'")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM staff_presence WHERE staff_id = $1").bind(user_id).execute(&mut **tx).await?;
    Ok(requeued.into_iter().map(|(id,)| id).collect())
}

/// Tells every instance: the chats are waiting again (their members see their place; the staff
/// member's sockets on them close, since the chats are no longer theirs). A lost event heals at
/// the sockets' 30-second resync.
pub(super) async fn announce(state: &AppState, user_id: i64, requeued: &[i64]) {
    crate::desk::server::publish(state, crate::desk::DeskEvent::StaffEnded { staff_id: user_id }).await;
    // One fewer staff member available.
    crate::live::server::conditions_changed(state).await;
    for &id in requeued {
        for event in [
            HubEvent::Queue(QueueEvent::Joined { id }),
            HubEvent::Session { session_id: id, event: SessionEvent::Changed },
        ] {
            if let Err(e) = state.chat.publish(&state.db, event).await {
                tracing::warn!(error = %e, user_id, session_id = id, "could not announce a requeued chat");
            }
        }
    }
}
