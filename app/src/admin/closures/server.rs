use crate::admin::{AdminOverview, ClosureDay, ClosureInput, DeskStatus};
use crate::auth::server::{require_staff, require_supervisor};
use crate::calendar::store::load_closures;
use crate::calendar::BusinessCalendar;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use chrono::NaiveDate;
use sqlx::Row;

pub async fn overview() -> AppResult<AdminOverview> {
    require_staff().await?;
    let state = state()?;
    let (members, staff): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(CASE WHEN role = 'member' THEN 1 ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN role = 'staff' THEN 1 ELSE 0 END), 0) AS BIGINT) FROM users",
    )
    .fetch_one(&state.db.pool)
    .await?;
    let closures = load_closures(&state.db).await?;
    let now = state.clock.now();
    let status = |cal: BusinessCalendar| DeskStatus {
        open_now: cal.is_open_at(&now),
        next_opening: cal.next_opening(&now).into(),
    };
    Ok(AdminOverview {
        members,
        staff,
        now: now.into(),
        mail_desk: status(BusinessCalendar::mail_desk(closures.clone())),
        chat: status(BusinessCalendar::chat(closures)),
    })
}

pub async fn list() -> AppResult<Vec<ClosureDay>> {
    require_staff().await?;
    let state = state()?;
    let rows = sqlx::query("SELECT day, note FROM closures ORDER BY day").fetch_all(&state.db.pool).await?;
    rows.iter()
        .map(|row| {
            let day: String = row.try_get("day")?;
            Ok(ClosureDay {
                day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| AppError::Internal)?,
                note: row.try_get("note")?,
            })
        })
        .collect()
}

/// Closure days change every member's reply dates and the chat's hours: supervisors only.
pub async fn add(input: ClosureInput) -> AppResult<()> {
    let staff = require_supervisor().await?;
    let closure = input.validate()?;
    let state = state()?;
    // Adding a day twice only updates its note.
    sqlx::query(
        "INSERT INTO closures (day, note) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET note = excluded.note",
    )
    .bind(closure.day.format("%Y-%m-%d").to_string())
    .bind(&closure.note)
    .execute(&state.db.pool)
    .await?;
    tracing::info!(staff_id = staff.id, day = %closure.day, "closure day added");
    let target = format!("day:{}", closure.day.format("%Y-%m-%d"));
    crate::audit::server::record_here(&staff, crate::audit::AuditAction::ClosureAdd, &target).await?;
    crate::live::server::conditions_changed(&state).await;
    Ok(())
}

pub async fn remove(day: String) -> AppResult<()> {
    let staff = require_supervisor().await?;
    let state = state()?;
    let removed = sqlx::query("DELETE FROM closures WHERE day = $1").bind(day.trim()).execute(&state.db.pool).await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tracing::info!(staff_id = staff.id, day = %day, "closure day removed");
    let target = format!("day:{}", day.trim());
    crate::audit::server::record_here(&staff, crate::audit::AuditAction::ClosureRemove, &target).await?;
    crate::live::server::conditions_changed(&state).await;
    Ok(())
}
