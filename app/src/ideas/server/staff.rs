use super::mails::decision_mail;
use super::rows::{load, view, IDEA_COLUMNS};
use crate::auth::server::require_staff;
use crate::error::{AppError, AppResult};
use crate::ideas::{IdeaStatus, IdeaView, StatusChange};
use crate::infra::http::state;
use crate::mail::enqueue_in;

pub async fn staff_list() -> AppResult<Vec<IdeaView>> {
    let staff = require_staff().await?;
    let state = state()?;
    let rows = sqlx::query(&format!("SELECT {IDEA_COLUMNS} FROM ideas i ORDER BY i.created_at DESC LIMIT 500"))
        .bind(staff.id)
        .fetch_all(&state.db.pool)
        .await?;
    rows.iter().map(|r| view(r, staff.id)).collect()
}

/// Moves an idea through review. Adopting or declining mails the author and every voter who has
/// not turned those mails off (queued in the same transaction). Marking a duplicate moves its
/// votes to the original, once per member.
pub async fn change_status(change: StatusChange) -> AppResult<IdeaView> {
    let staff = require_staff().await?;
    let (status, note) = change.validate()?;
    let state = state()?;
    let idea = load(&state.db, change.idea_id, staff.id, true).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    if status == IdeaStatus::Duplicate {
        let original = change.duplicate_of.ok_or(AppError::Internal)?;
        // A duplicate of itself would move its votes to itself and then delete them.
        if original == change.idea_id {
            return Err(AppError::field("duplicate_of", crate::domain::ValidationError::InvalidChoice));
        }
        let target: Option<(String,)> = sqlx::query_as("SELECT status FROM ideas WHERE id = $1 AND hidden = 0")
            .bind(original)
            .fetch_optional(&mut *tx)
            .await?;
        if target.is_none_or(|(s,)| s == "duplicate") {
            return Err(AppError::field("duplicate_of", crate::domain::ValidationError::InvalidChoice));
        }
        // A member who voted for both keeps one vote on the original.
        sqlx::query(
            "INSERT INTO idea_votes (idea_id, member_id, created_at)
             SELECT $1, member_id, created_at FROM idea_votes WHERE idea_id = $2 ON CONFLICT DO NOTHING",
        )
        .bind(original)
        .bind(change.idea_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM idea_votes WHERE idea_id = $1").bind(change.idea_id).execute(&mut *tx).await?;
    }
    sqlx::query(
        "UPDATE ideas SET status = $1, staff_note = $2, status_changed_at = $3, duplicate_of = $4 WHERE id = $5",
    )
    .bind(status.as_str())
    .bind(&note)
    .bind(now)
    .bind(if status == IdeaStatus::Duplicate { change.duplicate_of } else { None })
    .bind(change.idea_id)
    .execute(&mut *tx)
    .await?;
    let decided = matches!(status, IdeaStatus::Adopted | IdeaStatus::Declined) && idea.status != status;
    if decided {
        let recipients: Vec<(String, String)> = sqlx::query_as(
            "SELECT u.email, u.display_name FROM users u WHERE u.idea_mail_opt_out = 0 AND (
                u.id = (SELECT member_id FROM ideas WHERE id = $1)
                OR u.id IN (SELECT member_id FROM idea_votes WHERE idea_id = $1))",
        )
        .bind(change.idea_id)
        .fetch_all(&mut *tx)
        .await?;
        for (email, name) in recipients {
            let mail = decision_mail(
                &email,
                &name,
                &idea.title,
                status,
                note.as_deref().unwrap_or(""),
                &state.settings.public_url,
            );
            enqueue_in(&mut *tx, &mail, now).await?;
        }
    }
    let ip = crate::audit::server::request_ip(&state);
    let target = format!("idea:{} {}", change.idea_id, status.as_str());
    crate::audit::server::record(&mut *tx, staff.id, crate::audit::AuditAction::IdeaDecision, &target, &ip, now)
        .await?;
    if idea.status != status {
        let data =
            serde_json::json!({ "idea": { "id": change.idea_id, "status": status.as_str(), "staff_id": staff.id } });
        crate::webhooks::server::emit(&mut tx, &state.settings, crate::webhooks::EventKind::IdeaDecided, data, now)
            .await?;
    }
    tx.commit().await?;
    if decided {
        state.outbox_wake.notify_one();
    }
    tracing::info!(idea_id = change.idea_id, staff_id = staff.id, status = status.as_str(), "idea status changed");
    load(&state.db, change.idea_id, staff.id, true).await
}

/// Hides spam or abuse from the board (kept for the record), or shows it again.
pub async fn hide(idea_id: i64, hidden: bool) -> AppResult<IdeaView> {
    let staff = require_staff().await?;
    let state = state()?;
    let done = sqlx::query("UPDATE ideas SET hidden = $1 WHERE id = $2")
        .bind(i64::from(hidden))
        .bind(idea_id)
        .execute(&state.db.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tracing::info!(idea_id, staff_id = staff.id, hidden, "idea visibility changed");
    load(&state.db, idea_id, staff.id, true).await
}
