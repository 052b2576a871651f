//! Moving an inquiry to the category it really belongs to. The member's answers stay as they were
//! sent (with the labels of the category they were sent with, `category_snapshot`); the category
//! the member chose is kept in `original_category_id`; the move is audited.
use super::categories::load_categories;
use super::staff::staff_view;
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_staff;
use crate::contact::StaffInquiry;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;

pub async fn recategorize(id: i64, category_id: String) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let state = state()?;
    // Only a category members can choose today.
    let categories = load_categories(&state.db).await?;
    if !categories.iter().any(|c| c.id == category_id) {
        return Err(AppError::field("category_id", ValidationError::InvalidChoice));
    }
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    // Take the inquiry first (its row on PostgreSQL, the write lock on SQLite): on SQLite a
    // transaction that reads before it writes fails at once if another write committed between.
    let taken =
        sqlx::query("UPDATE inquiries SET updated_at = updated_at WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if taken.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let (before,): (String,) =
        sqlx::query_as("SELECT category_id FROM inquiries WHERE id = $1").bind(id).fetch_one(&mut *tx).await?;
    if before != category_id {
        // Conditional on the category read above: of two staff moving it at once, the second
        // sees the first's move (and moves it on from there, audited as such).
        let moved = sqlx::query(
            "UPDATE inquiries SET category_id = $1, original_category_id = COALESCE(original_category_id, $2), updated_at = $3
             WHERE id = $4 AND category_id = $2",
        )
        .bind(&category_id)
        .bind(&before)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 1 {
            let ip = audit::request_ip(&state);
            let target = format!("inquiry:{id} {before}→{category_id}");
            audit::record(&mut *tx, staff.id, AuditAction::Recategorize, &target, &ip, now).await?;
        }
    }
    tx.commit().await?;
    staff_view(id).await
}
