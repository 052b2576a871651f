//! Matching inquiries to incidents by the structured fields of a points claim: the shop
//! (normalized, `shop_key`) and the day of use within the incident's window. Both are columns of
//! the inquiry, written when it arrives, and served by the `inquiries_shop_day` index.
use super::store::{days, inquiry, load, INQUIRY_COLUMNS};
use crate::auth::server::require_staff;
use crate::calendar::Day;
use crate::error::AppResult;
use crate::incidents::{Incident, IncidentInquiry, IncidentStatus, LIST_MAX};
use crate::infra::http::state;
use crate::infra::Db;

/// The first and last day of use an incident around `day` matches.
pub(super) fn window(day: Day, window_days: u32) -> (String, String) {
    let n = day.days_since_epoch();
    let w = i64::from(window_days);
    (Day::from_days_since_epoch(n - w).to_string(), Day::from_days_since_epoch(n + w).to_string())
}

/// Inquiries that match the incident and are linked to none, not closed: the newest first (the
/// ones arriving now are on top).
pub(super) async fn suggested(db: &Db, incident: &Incident) -> AppResult<Vec<IncidentInquiry>> {
    let key = crate::incidents::shop_key(&incident.shop_name);
    if key.is_empty() || incident.status != IncidentStatus::Open {
        return Ok(Vec::new());
    }
    let (from, to) = days(incident).unwrap_or_else(|| ("0000-00-00".into(), "9999-99-99".into()));
    let rows = sqlx::query(&format!(
        "SELECT {INQUIRY_COLUMNS} FROM inquiries i JOIN users m ON m.id = i.member_id
         WHERE i.shop_key = $1 AND i.used_on BETWEEN $2 AND $3 AND i.status <> 'closed'
           AND NOT EXISTS (SELECT 1 FROM incident_inquiries l WHERE l.inquiry_id = i.id)
         ORDER BY i.id DESC LIMIT {LIST_MAX}"
    ))
    .bind(&key)
    .bind(&from)
    .bind(&to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(inquiry).collect()
}

/// Open incidents this inquiry matches and is not linked to yet (the inquiry's page offers them).
pub async fn for_inquiry(inquiry_id: i64) -> AppResult<Vec<(i64, String)>> {
    require_staff().await?;
    let state = state()?;
    let found: Option<(Option<String>, Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT i.shop_key, i.used_on, l.incident_id FROM inquiries i
         LEFT JOIN incident_inquiries l ON l.inquiry_id = i.id WHERE i.id = $1",
    )
    .bind(inquiry_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((Some(key), used_on, None)) = found else { return Ok(Vec::new()) };
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM incidents WHERE shop_key = $1 AND status = 'open' ORDER BY id DESC LIMIT 20")
            .bind(&key)
            .fetch_all(&state.db.pool)
            .await?;
    let mut out = Vec::new();
    for (id,) in ids {
        let incident = load(&state.db, id).await?;
        let fits = match (days(&incident), &used_on) {
            (None, _) => true,
            (Some((from, to)), Some(day)) => from.as_str() <= day.as_str() && day.as_str() <= to.as_str(),
            (Some(_), None) => false,
        };
        if fits {
            out.push((incident.id, incident.title));
        }
    }
    Ok(out)
}

/// The public note of the incident an inquiry is linked to, for the member's page (empty notes
/// and resolved incidents say nothing).
pub async fn public_note_for(db: &Db, inquiry_id: i64) -> AppResult<Option<String>> {
    let note: Option<(String,)> = sqlx::query_as(
        "SELECT n.public_note FROM incident_inquiries l JOIN incidents n ON n.id = l.incident_id
         WHERE l.inquiry_id = $1 AND n.status = 'open' AND n.public_note <> ''",
    )
    .bind(inquiry_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(note.map(|(n,)| n))
}
