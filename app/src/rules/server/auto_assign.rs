//! Handing new inquiries to staff in turn: those marked available (the desk's 対応可能 switch),
//! active, and below the limit of open inquiries; the one whose turn counter is lowest goes next.
//! Each inquiry is assigned once: the update only takes an inquiry nobody has.
use crate::desk::server::publish;
use crate::desk::DeskEvent;
use crate::error::AppResult;
use crate::infra::AppState;
use crate::rules::DeskRules;

const BATCH: i64 = 100;

pub async fn run(state: &AppState, rules: &DeskRules) -> AppResult<u64> {
    let waiting: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM inquiries WHERE status = 'new' AND assignee_id IS NULL ORDER BY id LIMIT $1")
            .bind(BATCH)
            .fetch_all(&state.db.pool)
            .await?;
    let mut assigned = 0;
    for (inquiry_id,) in waiting {
        let mut tx = state.db.pool.begin().await?;
        // Write first: the inquiry is taken (PostgreSQL: its row; SQLite: the write lock, waited
        // for rather than failed on upgrade), and one another runner already assigned is skipped.
        let open = sqlx::query("UPDATE inquiries SET updated_at = updated_at WHERE id = $1 AND assignee_id IS NULL")
            .bind(inquiry_id)
            .execute(&mut *tx)
            .await?;
        if open.rows_affected() != 1 {
            continue;
        }
        let next: Option<(i64,)> = sqlx::query_as(
            "SELECT p.staff_id FROM staff_presence p JOIN users u ON u.id = p.staff_id
             WHERE p.available = 1 AND u.role = 'staff' AND u.deactivated_at IS NULL
               AND (SELECT COUNT(*) FROM inquiries o WHERE o.assignee_id = p.staff_id
                    AND o.status IN ('new', 'in_progress')) < $1
             ORDER BY p.assigned_turn, p.staff_id LIMIT 1",
        )
        .bind(i64::from(rules.assign_limit))
        .fetch_optional(&mut *tx)
        .await?;
        // Nobody available with room: the rest wait for the next run.
        let Some((staff_id,)) = next else { break };
        let taken =
            sqlx::query("UPDATE inquiries SET assignee_id = $1, updated_at = $2 WHERE id = $3 AND assignee_id IS NULL")
                .bind(staff_id)
                .bind(state.clock.now_ms())
                .bind(inquiry_id)
                .execute(&mut *tx)
                .await?;
        if taken.rows_affected() != 1 {
            continue;
        }
        sqlx::query(
            "UPDATE staff_presence SET assigned_turn = (SELECT MAX(assigned_turn) FROM staff_presence) + 1 WHERE staff_id = $1",
        )
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        tracing::info!(inquiry_id, staff_id, "inquiry auto-assigned");
        publish(state, DeskEvent::Assigned { inquiry_id, staff_id }).await;
        assigned += 1;
    }
    Ok(assigned)
}
