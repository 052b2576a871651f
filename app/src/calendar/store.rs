use crate::error::AppResult;
use crate::infra::Db;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The staff-entered closure days, as the calendar takes them.
pub async fn load_closures(db: &Db) -> AppResult<BTreeSet<NaiveDate>> {
    let days: Vec<(String,)> = sqlx::query_as("SELECT day FROM closures").fetch_all(&db.pool).await?;
    Ok(days.into_iter().filter_map(|(d,)| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()).collect())
}
