//! Incidents and their links. An inquiry is linked to at most one incident (its key in
//! `incident_inquiries`), so two staff linking the same inquiry to two incidents at once link it
//! once; every change is audited in its own transaction.
use super::matching::{suggested, window};
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_staff;
use crate::calendar::Day;
use crate::contact::Status;
use crate::error::{AppError, AppResult};
use crate::incidents::{shop_key, Incident, IncidentInput, IncidentInquiry, IncidentStatus, IncidentView, LIST_MAX};
use crate::infra::http::state;
use crate::infra::Db;
use sqlx::any::AnyRow;
use sqlx::Row;

const INCIDENT_COLUMNS: &str = "n.id, n.title, n.status, n.public_note, n.shop_name, n.around_day, n.window_days,
    (SELECT COUNT(*) FROM incident_inquiries l WHERE l.incident_id = n.id) AS linked";

fn incident(r: &AnyRow) -> AppResult<Incident> {
    let status: String = r.try_get("status")?;
    let day: Option<String> = r.try_get("around_day")?;
    let window: i64 = r.try_get("window_days")?;
    Ok(Incident {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        status: IncidentStatus::parse(&status).unwrap_or_default(),
        public_note: r.try_get("public_note")?,
        shop_name: r.try_get("shop_name")?,
        around_day: day.as_deref().and_then(Day::parse),
        window_days: window.clamp(0, 31) as u32,
        linked: r.try_get("linked")?,
    })
}

pub(super) const INQUIRY_COLUMNS: &str = "i.id, i.reference, i.status, m.display_name, COALESCE(i.shop_key, '') AS shop,
    COALESCE(i.used_on, '') AS used_on, COALESCE((SELECT MAX(x.id) FROM inquiry_messages x WHERE x.inquiry_id = i.id), 0) AS last_message_id";

pub(super) fn inquiry(r: &AnyRow) -> AppResult<IncidentInquiry> {
    let status: String = r.try_get("status")?;
    Ok(IncidentInquiry {
        id: r.try_get("id")?,
        reference: r.try_get::<Option<String>, _>("reference")?.unwrap_or_default(),
        status: Status::parse(&status).unwrap_or(Status::New),
        member_name: r.try_get("display_name")?,
        shop: r.try_get("shop")?,
        used_on: r.try_get("used_on")?,
        last_message_id: r.try_get("last_message_id")?,
    })
}

pub async fn list() -> AppResult<Vec<Incident>> {
    require_staff().await?;
    let state = state()?;
    let rows = sqlx::query(&format!(
        "SELECT {INCIDENT_COLUMNS} FROM incidents n ORDER BY CASE n.status WHEN 'open' THEN 0 ELSE 1 END, n.id DESC LIMIT 200"
    ))
    .fetch_all(&state.db.pool)
    .await?;
    rows.iter().map(incident).collect()
}

pub(super) async fn load(db: &Db, id: i64) -> AppResult<Incident> {
    let row = sqlx::query(&format!("SELECT {INCIDENT_COLUMNS} FROM incidents n WHERE n.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    incident(&row)
}

pub async fn view(id: i64) -> AppResult<IncidentView> {
    require_staff().await?;
    view_of(&state()?.db, id).await
}

async fn view_of(db: &Db, id: i64) -> AppResult<IncidentView> {
    let incident = load(db, id).await?;
    let linked = sqlx::query(&format!(
        "SELECT {INQUIRY_COLUMNS} FROM incident_inquiries l JOIN inquiries i ON i.id = l.inquiry_id
         JOIN users m ON m.id = i.member_id WHERE l.incident_id = $1 ORDER BY i.id LIMIT {LIST_MAX}"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(inquiry)
    .collect::<AppResult<Vec<_>>>()?;
    let suggested = suggested(db, &incident).await?;
    Ok(IncidentView { incident, linked, suggested })
}

pub async fn save(id: Option<i64>, input: IncidentInput) -> AppResult<IncidentView> {
    let staff = require_staff().await?;
    let valid = input.validate()?;
    let state = state()?;
    let now = state.clock.now_ms();
    let ip = audit::request_ip(&state);
    let key = shop_key(&valid.shop_name);
    let day = input.around_day.map(|d| d.to_string());
    let mut tx = state.db.pool.begin().await?;
    let id = match id {
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO incidents (title, status, public_note, shop_name, shop_key, around_day, window_days, created_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
            )
            .bind(&valid.title)
            .bind(input.status.as_str())
            .bind(&valid.public_note)
            .bind(&valid.shop_name)
            .bind(&key)
            .bind(&day)
            .bind(i64::from(input.window_days))
            .bind(staff.id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            id
        }
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE incidents SET title = $1, status = $2, public_note = $3, shop_name = $4, shop_key = $5, around_day = $6,
                        window_days = $7, updated_at = $8 WHERE id = $9",
            )
            .bind(&valid.title)
            .bind(input.status.as_str())
            .bind(&valid.public_note)
            .bind(&valid.shop_name)
            .bind(&key)
            .bind(&day)
            .bind(i64::from(input.window_days))
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() != 1 {
                return Err(AppError::NotFound);
            }
            id
        }
    };
    let target = format!("incident:{id} {} {}", input.status.as_str(), valid.title);
    audit::record(&mut *tx, staff.id, AuditAction::Incident, &target, &ip, now).await?;
    tx.commit().await?;
    view_of(&state.db, id).await
}

pub async fn link(id: i64, inquiry_ids: Vec<i64>, on: bool) -> AppResult<u64> {
    let staff = require_staff().await?;
    if inquiry_ids.is_empty() || inquiry_ids.len() > LIST_MAX {
        let error = if inquiry_ids.is_empty() {
            crate::domain::ValidationError::Required
        } else {
            crate::domain::ValidationError::TooMany { max: LIST_MAX }
        };
        return Err(AppError::field("inquiry_ids", error));
    }
    let state = state()?;
    load(&state.db, id).await?;
    let now = state.clock.now_ms();
    let ip = audit::request_ip(&state);
    let mut tx = state.db.pool.begin().await?;
    let mut changed = Vec::new();
    for inquiry_id in inquiry_ids {
        let done = if on {
            // Only an inquiry that exists; one linked elsewhere keeps its incident.
            sqlx::query(
                "INSERT INTO incident_inquiries (inquiry_id, incident_id, linked_at) SELECT id, $2, $3 FROM inquiries WHERE id = $1
                 ON CONFLICT (inquiry_id) DO NOTHING",
            )
            .bind(inquiry_id)
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?
        } else {
            sqlx::query("DELETE FROM incident_inquiries WHERE inquiry_id = $1 AND incident_id = $2")
                .bind(inquiry_id)
                .bind(id)
                .execute(&mut *tx)
                .await?
        };
        if done.rows_affected() == 1 {
            changed.push(inquiry_id.to_string());
        }
    }
    if !changed.is_empty() {
        let target = format!("incident:{id} {} inquiry:{}", if on { "link" } else { "unlink" }, changed.join(","));
        audit::record(&mut *tx, staff.id, AuditAction::Incident, &target, &ip, now).await?;
    }
    tx.commit().await?;
    Ok(changed.len() as u64)
}

/// The days an incident matches, as stored text (`YYYY-MM-DD` sorts as dates do).
pub(super) fn days(incident: &Incident) -> Option<(String, String)> {
    incident.around_day.map(|d| window(d, incident.window_days))
}
