//! The staff console's own calls: availability and capacity, and what the console shows (the
//! queue and the staff member's chats with each member's recent inquiries).
use crate::auth::server::require_staff;
use crate::calendar::Moment;
use crate::chat::protocol::SessionStatus;
use crate::chat::{ActiveChat, QueueEntry, StaffConsole};
use crate::contact::server_history_for;
use crate::error::AppResult;
use crate::infra::http::state;

pub async fn set_presence(available: bool, capacity: i64) -> AppResult<()> {
    let staff = require_staff().await?;
    let state = state()?;
    let capacity = capacity.clamp(1, 10);
    sqlx::query(
        "INSERT INTO staff_presence (staff_id, available, capacity, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (staff_id) DO UPDATE SET available = excluded.available, capacity = excluded.capacity, updated_at = excluded.updated_at",
    )
    .bind(staff.id)
    .bind(i64::from(available))
    .bind(capacity)
    .bind(state.clock.now_ms())
    .execute(&state.db.pool)
    .await?;
    crate::live::server::conditions_changed(&state).await;
    Ok(())
}

pub async fn staff_console() -> AppResult<StaffConsole> {
    let staff = require_staff().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let presence: Option<(i64, i64)> =
        sqlx::query_as("SELECT available, capacity FROM staff_presence WHERE staff_id = $1")
            .bind(staff.id)
            .fetch_optional(&state.db.pool)
            .await?;
    let queue: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT s.id, u.display_name, s.topic, s.enqueued_at FROM chat_sessions s JOIN users u ON u.id = s.member_id
         WHERE s.status = 'waiting' ORDER BY s.id LIMIT 200",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let chats: Vec<(i64, i64, String, String, String)> = sqlx::query_as(
        "SELECT s.id, s.member_id, u.display_name, s.topic, s.status FROM chat_sessions s JOIN users u ON u.id = s.member_id
         WHERE s.staff_id = $1 AND (s.status = 'active' OR s.ended_at > $2) ORDER BY s.id",
    )
    .bind(staff.id)
    .bind(state.clock.now_ms() - 10 * 60 * 1000)
    .fetch_all(&state.db.pool)
    .await?;
    let mut active = Vec::new();
    for (session_id, member_id, member_name, topic, status) in chats {
        active.push(ActiveChat {
            session_id,
            member_id,
            member_name,
            topic,
            status: SessionStatus::parse(&status),
            recent_inquiries: server_history_for(&state.db, member_id, 5).await?,
        });
    }
    Ok(StaffConsole {
        available: presence.is_some_and(|(a, _)| a != 0),
        capacity: presence.map(|(_, c)| c).unwrap_or(3),
        queue: queue
            .into_iter()
            .map(|(session_id, member_name, topic, at)| QueueEntry {
                session_id,
                member_name,
                topic,
                enqueued_at: Moment::from_millis(at),
                waited_secs: (now - at).max(0) / 1000,
            })
            .collect(),
        chats: active,
    })
}
