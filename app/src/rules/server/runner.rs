//! Running the rules: every `rules_poll_ms` on every instance, but only the instance holding the
//! lease does the work (the row in `rule_leases`, taken for a few minutes and renewed on each
//! run, like the outbox's). Each rule is also safe to run twice: its writes are conditional on
//! the state they change.
use super::{auto_assign, auto_close, due_alerts, settings};
use crate::calendar::store::load_closures;
use crate::calendar::BusinessCalendar;
use crate::error::AppResult;
use crate::infra::AppState;
use std::time::Duration;

const LEASE_MS: i64 = 5 * 60 * 1000;

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// `false`: another instance holds the lease; nothing was done.
    pub ran: bool,
    pub closed: u64,
    pub due_soon: u64,
    pub overdue: u64,
    pub assigned: u64,
}

/// Starts the loop; `holder` names this instance in the lease.
pub fn spawn(state: AppState) {
    let holder = format!("{}-{}", std::process::id(), state.clock.now_ms());
    tokio::spawn(async move {
        let every = Duration::from_millis(state.settings.rules_poll_ms.max(100));
        loop {
            tokio::time::sleep(every).await;
            match run_once(&state, &holder).await {
                Ok(r) if r.closed + r.due_soon + r.overdue + r.assigned > 0 => tracing::info!(
                    closed = r.closed,
                    due_soon = r.due_soon,
                    overdue = r.overdue,
                    assigned = r.assigned,
                    "desk rules ran"
                ),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "desk rules failed"),
            }
        }
    });
}

/// One run of every rule, if this holder gets the lease.
pub async fn run_once(state: &AppState, holder: &str) -> AppResult<Report> {
    let now = state.clock.now_ms();
    let taken = sqlx::query(
        "UPDATE rule_leases SET holder = $1, until = $2 WHERE name = 'desk_rules' AND (until < $3 OR holder = $1)",
    )
    .bind(holder)
    .bind(now + LEASE_MS)
    .bind(now)
    .execute(&state.db.pool)
    .await?;
    if taken.rows_affected() != 1 {
        return Ok(Report::default());
    }
    let rules = settings::load(&state.db).await?;
    let calendar = BusinessCalendar::mail_desk(load_closures(&state.db).await?);
    let closed = auto_close::run(state, &rules, &calendar).await?;
    let (due_soon, overdue) = due_alerts::run(state, &calendar).await?;
    let assigned = if rules.auto_assign { auto_assign::run(state, &rules).await? } else { 0 };
    Ok(Report { ran: true, closed, due_soon, overdue, assigned })
}
