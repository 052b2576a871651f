//! The one `desk_rules` row: read by the runner, changed by supervisors (audited).
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_supervisor;
use crate::error::AppResult;
use crate::infra::http::state;
use crate::infra::Db;
use crate::rules::DeskRules;

pub async fn load(db: &Db) -> AppResult<DeskRules> {
    let (days, assign, limit): (i64, i64, i64) =
        sqlx::query_as("SELECT auto_close_days, auto_assign, assign_limit FROM desk_rules WHERE id = 1")
            .fetch_one(&db.pool)
            .await?;
    Ok(DeskRules {
        auto_close_days: u32::try_from(days).unwrap_or(0),
        auto_assign: assign != 0,
        assign_limit: u32::try_from(limit).unwrap_or(1),
    })
}

pub async fn get() -> AppResult<DeskRules> {
    require_supervisor().await?;
    load(&state()?.db).await
}

pub async fn save(rules: DeskRules) -> AppResult<DeskRules> {
    let supervisor = require_supervisor().await?;
    rules.validate()?;
    let state = state()?;
    sqlx::query(
        "UPDATE desk_rules SET auto_close_days = $1, auto_assign = $2, assign_limit = $3, updated_at = $4 WHERE id = 1",
    )
    .bind(i64::from(rules.auto_close_days))
    .bind(i64::from(rules.auto_assign))
    .bind(i64::from(rules.assign_limit))
    .bind(state.clock.now_ms())
    .execute(&state.db.pool)
    .await?;
    let target = format!(
        "auto_close_days={} auto_assign={} assign_limit={}",
        rules.auto_close_days, rules.auto_assign, rules.assign_limit
    );
    audit::record_here(&supervisor, AuditAction::RulesSave, &target).await?;
    load(&state.db).await
}
