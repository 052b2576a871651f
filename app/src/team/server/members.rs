//! The staff list, and the changes supervisors make to it: role, deactivation, reactivation.
//!
//! "The last active supervisor stays" is enforced by the database: every change first locks the
//! one `staff_team` row, then changes the account in one UPDATE whose WHERE requires another
//! active supervisor to remain. Two supervisors demoting each other at once therefore run one
//! after the other, and the second finds nobody else left.
use super::deactivation::end_everything_of;
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_supervisor;
use crate::auth::StaffRole;
use crate::calendar::Moment;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::team::{PendingInvitation, StaffMember, Team};
use sqlx::{Any, Row, Transaction};

/// Takes the team's lock for the rest of the transaction (see the module comment).
pub(super) async fn lock_team(tx: &mut Transaction<'static, Any>) -> AppResult<()> {
    sqlx::query("UPDATE staff_team SET changes = changes + 1 WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}

/// "Another active supervisor than `$2` exists", for the WHERE of a demotion or deactivation.
const ANOTHER_SUPERVISOR: &str = "(SELECT COUNT(*) FROM users o
     WHERE o.role = 'staff' AND o.staff_role = 'supervisor' AND o.deactivated_at IS NULL AND o.id <> $2) > 0";

pub async fn team() -> AppResult<Team> {
    let state = state()?;
    require_supervisor().await?;
    let now = state.clock.now_ms();
    let rows = sqlx::query(
        "SELECT id, email, display_name, staff_role, deactivated_at, totp_confirmed_at FROM users
         WHERE role = 'staff' ORDER BY CASE WHEN deactivated_at IS NULL THEN 0 ELSE 1 END, id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let members = rows
        .iter()
        .map(|r| {
            let role: Option<String> = r.try_get("staff_role")?;
            Ok(StaffMember {
                id: r.try_get("id")?,
                email: r.try_get("email")?,
                display_name: r.try_get("display_name")?,
                role: role.as_deref().and_then(StaffRole::parse).unwrap_or(StaffRole::Agent),
                active: r.try_get::<Option<i64>, _>("deactivated_at")?.is_none(),
                two_factor: r.try_get::<Option<i64>, _>("totp_confirmed_at")?.is_some(),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let invitations: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT email, staff_role, expires_at FROM staff_invitations WHERE accepted_at IS NULL ORDER BY created_at DESC",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let invitations = invitations
        .into_iter()
        .map(|(email, role, expires_at)| PendingInvitation {
            email,
            role: StaffRole::parse(&role).unwrap_or(StaffRole::Agent),
            expires_at: Moment::from_millis(expires_at),
            expired: expires_at <= now,
        })
        .collect();
    Ok(Team { members, invitations })
}

/// Why an UPDATE of a staff account changed nothing: not a staff account, or the rule.
async fn refusal(tx: &mut Transaction<'static, Any>, user_id: i64) -> AppResult<AppError> {
    let role: Option<(String,)> =
        sqlx::query_as("SELECT role FROM users WHERE id = $1").bind(user_id).fetch_optional(&mut **tx).await?;
    Ok(match role {
        Some((role,)) if role == "staff" => AppError::LastSupervisor,
        _ => AppError::NotFound,
    })
}

pub async fn set_role(user_id: i64, role: StaffRole) -> AppResult<()> {
    let state = state()?;
    let me = require_supervisor().await?;
    let mut tx = state.db.pool.begin().await?;
    lock_team(&mut tx).await?;
    let changed = sqlx::query(&format!(
        "UPDATE users SET staff_role = $1 WHERE id = $2 AND role = 'staff'
         AND ($1 = 'supervisor' OR staff_role <> 'supervisor' OR deactivated_at IS NOT NULL OR {ANOTHER_SUPERVISOR})"
    ))
    .bind(role.as_str())
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(refusal(&mut tx, user_id).await?);
    }
    let target = format!("user:{user_id} {}", role.as_str());
    audit::record(&mut *tx, me.id, AuditAction::StaffRole, &target, &audit::request_ip(&state), state.clock.now_ms())
        .await?;
    tx.commit().await?;
    tracing::info!(by = me.id, user_id, role = role.as_str(), "staff role changed");
    Ok(())
}

/// Deactivates (sessions and sockets end, open chats go back to the queue, assigned inquiries
/// become unassigned) or reactivates a staff account.
pub async fn set_active(user_id: i64, active: bool) -> AppResult<()> {
    let state = state()?;
    let me = require_supervisor().await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    lock_team(&mut tx).await?;
    if active {
        let changed = sqlx::query("UPDATE users SET deactivated_at = NULL WHERE id = $1 AND role = 'staff'")
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(AppError::NotFound);
        }
        let ip = audit::request_ip(&state);
        audit::record(&mut *tx, me.id, AuditAction::StaffReactivate, &format!("user:{user_id}"), &ip, now).await?;
        tx.commit().await?;
        tracing::info!(by = me.id, user_id, "staff reactivated");
        return Ok(());
    }
    let changed = sqlx::query(&format!(
        "UPDATE users SET deactivated_at = $1 WHERE id = $2 AND role = 'staff' AND deactivated_at IS NULL
         AND (staff_role <> 'supervisor' OR {ANOTHER_SUPERVISOR})"
    ))
    .bind(now)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        let (deactivated,): (Option<i64>,) =
            sqlx::query_as("SELECT deactivated_at FROM users WHERE id = $1 AND role = 'staff'")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
        // Already deactivated: nothing to do.
        return if deactivated.is_some() { Ok(()) } else { Err(AppError::LastSupervisor) };
    }
    let requeued = end_everything_of(&mut tx, user_id).await?;
    let ip = audit::request_ip(&state);
    audit::record(&mut *tx, me.id, AuditAction::StaffDeactivate, &format!("user:{user_id}"), &ip, now).await?;
    tx.commit().await?;
    super::deactivation::announce(&state, user_id, &requeued).await;
    tracing::info!(by = me.id, user_id, chats_requeued = requeued.len(), "staff deactivated");
    Ok(())
}
