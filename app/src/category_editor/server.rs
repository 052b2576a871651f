//! The editor's server side. Each change is one statement or one short transaction, audited in
//! the same transaction.
use super::check_category;
use super::CategoryEntry;
use crate::audit::server::{record, request_ip};
use crate::audit::AuditAction;
use crate::auth::server::require_supervisor;
use crate::auth::UserView;
use crate::contact::Category;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::infra::{AppState, Backend};
use sqlx::{Any, Transaction};

/// Every category, retired ones too, in the order members see them.
pub async fn list() -> AppResult<Vec<CategoryEntry>> {
    require_supervisor().await?;
    let state = state()?;
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT c.definition, c.active, (SELECT COUNT(*) FROM inquiries i WHERE i.category_id = c.id)
         FROM inquiry_categories c ORDER BY c.position, c.id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    rows.into_iter()
        .map(|(json, active, inquiries)| {
            let category: Category = serde_json::from_str(&json).map_err(|_| AppError::Internal)?;
            Ok(CategoryEntry { category, active: active != 0, inquiries })
        })
        .collect()
}

/// Saves a category: a new one goes last (its id must be free), an existing one is replaced.
pub async fn save(category: Category, new: bool) -> AppResult<()> {
    let staff = require_supervisor().await?;
    let category = check_category(&category)?;
    let state = state()?;
    let definition = serde_json::to_string(&category).map_err(|_| AppError::Internal)?;
    let mut tx = begin(&state).await?;
    if new {
        // The id is the primary key: of two supervisors adding the same id, one wins.
        let inserted = sqlx::query(
            "INSERT INTO inquiry_categories (id, position, definition, active)
             SELECT $1, COALESCE(MAX(position), 0) + 1, $2, 1 FROM inquiry_categories",
        )
        .bind(&category.id)
        .bind(&definition)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
                return Err(AppError::field("id", ValidationError::Duplicate));
            }
            other => other?,
        };
    } else {
        let updated = sqlx::query("UPDATE inquiry_categories SET definition = $1 WHERE id = $2")
            .bind(&definition)
            .bind(&category.id)
            .execute(&mut *tx)
            .await?;
        if updated.rows_affected() == 0 {
            return Err(AppError::NotFound);
        }
    }
    audit(&mut tx, &state, &staff, &format!("category:{}", category.id)).await?;
    tx.commit().await?;
    tracing::info!(staff_id = staff.id, category = %category.id, new, "inquiry category saved");
    Ok(())
}

/// Moves a category one place up or down (swaps positions with its neighbour).
pub async fn shift(id: String, up: bool) -> AppResult<()> {
    let staff = require_supervisor().await?;
    let state = state()?;
    let mut tx = begin(&state).await?;
    let Some((position,)): Option<(i64,)> = sqlx::query_as("SELECT position FROM inquiry_categories WHERE id = $1")
        .bind(&id)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return Err(AppError::NotFound);
    };
    let neighbour_sql = if up {
        "SELECT id, position FROM inquiry_categories WHERE position < $1 ORDER BY position DESC LIMIT 1"
    } else {
        "SELECT id, position FROM inquiry_categories WHERE position > $1 ORDER BY position LIMIT 1"
    };
    let neighbour: Option<(String, i64)> =
        sqlx::query_as(neighbour_sql).bind(position).fetch_optional(&mut *tx).await?;
    if let Some((other, other_position)) = neighbour {
        sqlx::query(
            "UPDATE inquiry_categories SET position = CASE WHEN id = $1 THEN $2 ELSE $3 END WHERE id IN ($1, $4)",
        )
        .bind(&id)
        .bind(other_position)
        .bind(position)
        .bind(&other)
        .execute(&mut *tx)
        .await?;
        audit(&mut tx, &state, &staff, &format!("category:{id}")).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Retires or restores a category. The last category offered to members stays: the condition is
/// part of the UPDATE, and the editor's transaction lock makes two retirements at once take turns.
pub async fn set_active(id: String, active: bool) -> AppResult<()> {
    let staff = require_supervisor().await?;
    let state = state()?;
    let mut tx = begin(&state).await?;
    let changed = sqlx::query(
        "UPDATE inquiry_categories SET active = $1 WHERE id = $2
         AND ($1 = 1 OR (SELECT COUNT(*) FROM inquiry_categories WHERE active = 1 AND id <> $2) > 0)",
    )
    .bind(i64::from(active))
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        let exists: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM inquiry_categories WHERE id = $1").bind(&id).fetch_optional(&mut *tx).await?;
        return Err(if exists.is_some() { AppError::LastCategory } else { AppError::NotFound });
    }
    audit(&mut tx, &state, &staff, &format!("category:{id}")).await?;
    tx.commit().await?;
    Ok(())
}

/// A transaction for one editor change. On PostgreSQL a transaction-scoped advisory lock makes
/// editor changes take turns (SQLite runs one writer at a time anyway), so "keep one active
/// category" and position swaps never interleave.
async fn begin(state: &AppState) -> AppResult<Transaction<'static, Any>> {
    let mut tx = state.db.pool.begin().await?;
    if state.db.backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(727002)").execute(&mut *tx).await?;
    }
    Ok(tx)
}

async fn audit(tx: &mut Transaction<'static, Any>, state: &AppState, staff: &UserView, target: &str) -> AppResult<()> {
    let ip = request_ip(state);
    record(&mut **tx, staff.id, AuditAction::CategorySave, target, &ip, state.clock.now_ms()).await
}
