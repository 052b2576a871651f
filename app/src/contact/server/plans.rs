//! The inbox statement's plan, for the desk benchmark's report: `scripts/bench-desk.sh` prints it
//! for each order so the README shows the index each one relies on — on the real statement, not a
//! copy of it that could drift.
use super::inbox_query;
use crate::contact::InboxFilter;
use crate::error::AppResult;
use crate::infra::db::Db;

/// The plan of the first inbox page for `filter`, as `staff_id` sees it at `now`.
pub async fn inbox_plan(db: &Db, filter: &InboxFilter, staff_id: i64, now: i64) -> AppResult<Vec<String>> {
    let soon = now + 3_600_000;
    Ok(inbox_query::build(filter, staff_id, now, soon, super::staff::PAGE + 1).plan(db).await?)
}
