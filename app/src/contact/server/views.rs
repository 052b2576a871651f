//! Saved views: at most `VIEWS_MAX` per staff member, held by the table (each view takes one of
//! the numbered slots, unique per owner, so parallel saves cannot pass the limit on either
//! database); names unique per owner.
use super::inbox_query;
use crate::auth::server::require_staff;
use crate::auth::UserView;
use crate::calendar::store::load_closures;
use crate::calendar::BusinessCalendar;
use crate::contact::views::{SavedView, ViewInput, VIEWS_MAX};
use crate::contact::InboxFilter;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;

pub async fn list() -> AppResult<Vec<SavedView>> {
    let staff = require_staff().await?;
    visible(&staff).await
}

/// The staff member's own views, then the shared ones, each with its count now.
async fn visible(staff: &UserView) -> AppResult<Vec<SavedView>> {
    let state = state()?;
    let rows: Vec<(i64, i64, String, i64, String)> = sqlx::query_as(
        "SELECT id, owner_id, name, shared, filter FROM saved_views WHERE owner_id = $1 OR shared = 1
         ORDER BY shared, slot, id",
    )
    .bind(staff.id)
    .fetch_all(&state.db.pool)
    .await?;
    let now = state.clock.now_ms();
    let calendar = BusinessCalendar::mail_desk(load_closures(&state.db).await?);
    let soon = calendar.add_business_minutes(&state.clock.now(), super::staff::DUE_SOON_MINUTES).timestamp_millis();
    let mut views = Vec::with_capacity(rows.len());
    for (id, owner_id, name, shared, filter) in rows {
        // A view saved by an older version keeps working: fields it lacks take their defaults.
        let Ok(filter) = serde_json::from_str::<InboxFilter>(&filter) else { continue };
        let counted = inbox_query::count(&filter, staff.id, now, soon).fetch_all(&state.db.pool).await?;
        let count = counted.first().map(|r| sqlx::Row::try_get::<i64, _>(r, 0)).transpose()?.unwrap_or(0);
        views.push(SavedView { id, name, shared: shared == 1, mine: owner_id == staff.id, filter, count });
    }
    Ok(views)
}

pub async fn save(input: ViewInput) -> AppResult<Vec<SavedView>> {
    let staff = require_staff().await?;
    let name = input.name().map_err(|e| AppError::field("name", e))?;
    if input.shared && !staff.is_supervisor() {
        return Err(AppError::Forbidden);
    }
    let state = state()?;
    let filter = serde_json::to_string(&input.filter.first_page()).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now_ms();
    // Take the lowest free slot; a save racing this one may take it first (the insert then does
    // nothing and the next free slot is tried). No free slot left: the limit.
    for _ in 0..VIEWS_MAX {
        let used: Vec<(i64,)> = sqlx::query_as("SELECT slot FROM saved_views WHERE owner_id = $1")
            .bind(staff.id)
            .fetch_all(&state.db.pool)
            .await?;
        let Some(slot) = (1..=VIEWS_MAX as i64).find(|n| !used.iter().any(|(s,)| s == n)) else {
            return Err(AppError::field("name", ValidationError::TooMany { max: VIEWS_MAX }));
        };
        let stored = sqlx::query(
            "INSERT INTO saved_views (owner_id, slot, shared, name, filter, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT DO NOTHING",
        )
        .bind(staff.id)
        .bind(slot)
        .bind(i64::from(input.shared))
        .bind(&name)
        .bind(&filter)
        .bind(now)
        .execute(&state.db.pool)
        .await?;
        if stored.rows_affected() == 1 {
            return visible(&staff).await;
        }
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM saved_views WHERE owner_id = $1 AND name = $2")
            .bind(staff.id)
            .bind(&name)
            .fetch_optional(&state.db.pool)
            .await?;
        if taken.is_some() {
            return Err(AppError::field("name", ValidationError::Duplicate));
        }
    }
    Err(AppError::field("name", ValidationError::TooMany { max: VIEWS_MAX }))
}

/// Deletes one of the caller's views, or (a supervisor) a shared one.
pub async fn delete(id: i64) -> AppResult<Vec<SavedView>> {
    let staff = require_staff().await?;
    let state = state()?;
    let supervisor = i64::from(staff.is_supervisor());
    let gone = sqlx::query("DELETE FROM saved_views WHERE id = $1 AND (owner_id = $2 OR (shared = 1 AND $3 = 1))")
        .bind(id)
        .bind(staff.id)
        .bind(supervisor)
        .execute(&state.db.pool)
        .await?;
    if gone.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    visible(&staff).await
}
