//! Canned replies: any staff member saves one; its author or a supervisor edits or deletes it
//! (the check is part of each statement, so a rights change between read and write cannot slip
//! through).
use crate::auth::server::require_staff;
use crate::auth::StaffRole;
use crate::contact::server::load_categories;
use crate::contact::{CannedInput, CannedReply};
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;

pub async fn canned_replies() -> AppResult<Vec<CannedReply>> {
    require_staff().await?;
    let state = state()?;
    let rows: Vec<(i64, String, String, Option<String>)> =
        sqlx::query_as("SELECT id, title, body, category_id FROM canned_replies ORDER BY title, id")
            .fetch_all(&state.db.pool)
            .await?;
    Ok(rows.into_iter().map(|(id, title, body, category_id)| CannedReply { id, title, body, category_id }).collect())
}

/// The title and body, and the category (one that exists) if the reply is for one.
async fn checked(input: &CannedInput) -> AppResult<(String, String, Option<String>)> {
    let (title, body) = input.validate()?;
    let category = match input.category_id.as_deref() {
        None => None,
        Some(id) => {
            let state = state()?;
            if !load_categories(&state.db).await?.iter().any(|c| c.id == id) {
                return Err(AppError::field("category_id", ValidationError::InvalidChoice));
            }
            Some(id.to_owned())
        }
    };
    Ok((title, body, category))
}

pub async fn save_canned_reply(input: CannedInput) -> AppResult<Vec<CannedReply>> {
    let staff = require_staff().await?;
    let (title, body, category) = checked(&input).await?;
    let state = state()?;
    sqlx::query(
        "INSERT INTO canned_replies (title, body, created_by, created_at, category_id) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(title)
    .bind(body)
    .bind(staff.id)
    .bind(state.clock.now_ms())
    .bind(category)
    .execute(&state.db.pool)
    .await?;
    canned_replies().await
}

/// Not there: not found; someone else's and the caller is an agent: forbidden.
async fn refusal(id: i64) -> AppError {
    let Ok(state) = state() else { return AppError::Internal };
    match sqlx::query_as::<_, (i64,)>("SELECT id FROM canned_replies WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.db.pool)
        .await
    {
        Ok(Some(_)) => AppError::Forbidden,
        Ok(None) => AppError::NotFound,
        Err(e) => e.into(),
    }
}

pub async fn update_canned_reply(id: i64, input: CannedInput) -> AppResult<Vec<CannedReply>> {
    let staff = require_staff().await?;
    let (title, body, category) = checked(&input).await?;
    let state = state()?;
    let supervisor = i64::from(staff.staff_role == Some(StaffRole::Supervisor));
    let changed = sqlx::query(
        "UPDATE canned_replies SET title = $1, body = $2, category_id = $6 WHERE id = $3 AND (created_by = $4 OR $5 = 1)",
    )
    .bind(title)
    .bind(body)
    .bind(id)
    .bind(staff.id)
    .bind(supervisor)
    .bind(category)
    .execute(&state.db.pool)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(refusal(id).await);
    }
    canned_replies().await
}

pub async fn delete_canned_reply(id: i64) -> AppResult<Vec<CannedReply>> {
    let staff = require_staff().await?;
    let state = state()?;
    let supervisor = i64::from(staff.staff_role == Some(StaffRole::Supervisor));
    let gone = sqlx::query("DELETE FROM canned_replies WHERE id = $1 AND (created_by = $2 OR $3 = 1)")
        .bind(id)
        .bind(staff.id)
        .bind(supervisor)
        .execute(&state.db.pool)
        .await?;
    if gone.rows_affected() == 0 {
        return Err(refusal(id).await);
    }
    canned_replies().await
}
