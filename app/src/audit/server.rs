//! Writing audit rows, reading them back (supervisors), the CSV export and the retention purge.
//! Nothing here edits or deletes a row except `purge`; the database refuses edits as well.
use super::{AuditAction, AuditEntry, AuditFilter, AuditLogPage};
use crate::auth::server::{require_supervisor, Supervisor};
use crate::auth::UserView;
use crate::calendar::{Moment, Period};
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::{csv, AppState, Db};
use axum::extract::{Query, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use sqlx::Row;

/// One page of the log.
const PAGE: i64 = 100;

/// Appends a row. Takes any executor, so an action done in a transaction records in it.
pub async fn record<'c, E>(
    executor: E,
    actor_id: i64,
    action: AuditAction,
    target: &str,
    ip: &str,
    now: i64,
) -> AppResult<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO audit_log (at, actor_id, action, target, client_ip) VALUES ($1, $2, $3, $4, $5)")
        .bind(now)
        .bind(actor_id)
        .bind(action.as_str())
        .bind(target)
        .bind(ip)
        .execute(executor)
        .await?;
    Ok(())
}

/// The calling request's client address (server functions only; empty elsewhere).
pub fn request_ip(state: &AppState) -> String {
    parts().map(|p| client_ip(&p, state)).unwrap_or_default()
}

/// Records `action` by `user` for the current server-function request, after the action.
pub async fn record_here(user: &UserView, action: AuditAction, target: &str) -> AppResult<()> {
    let state = state()?;
    let ip = request_ip(&state);
    record(&state.db.pool, user.id, action, target, &ip, state.clock.now_ms()).await
}

async fn rows(db: &Db, filter: &AuditFilter, start: i64, end: i64, limit: i64) -> AppResult<Vec<AuditEntry>> {
    let rows = sqlx::query(
        "SELECT a.id, a.at, a.actor_id, a.action, a.target, a.client_ip, u.display_name, u.email
         FROM audit_log a JOIN users u ON u.id = a.actor_id
         WHERE ($1 = 0 OR a.actor_id = $1) AND ($2 = '' OR a.action = $2) AND a.at >= $3 AND a.at < $4
           AND ($5 = 0 OR a.id < $5)
         ORDER BY a.id DESC LIMIT $6",
    )
    .bind(filter.actor_id.unwrap_or(0))
    .bind(filter.action.map(AuditAction::as_str).unwrap_or(""))
    .bind(start)
    .bind(end)
    .bind(filter.before_id.unwrap_or(0))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let action: String = r.try_get("action")?;
            let name: String = r.try_get("display_name")?;
            let email: String = r.try_get("email")?;
            Ok(AuditEntry {
                id: r.try_get("id")?,
                at: Moment::from_millis(r.try_get("at")?),
                actor_id: r.try_get("actor_id")?,
                actor: format!("{name} <{email}>"),
                action: AuditAction::parse(&action).ok_or(AppError::Internal)?,
                target: r.try_get("target")?,
                client_ip: r.try_get("client_ip")?,
            })
        })
        .collect()
}

pub async fn list(filter: AuditFilter) -> AppResult<AuditLogPage> {
    require_supervisor().await?;
    let state = state()?;
    let Period { start_ms: start, end_ms: end, .. } =
        Period::of(filter.from, filter.to, state.clock.now().date_naive())?;
    let mut entries = rows(&state.db, &filter, start, end, PAGE + 1).await?;
    let more = entries.len() as i64 > PAGE;
    entries.truncate(PAGE as usize);
    let staff: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, display_name FROM users WHERE role = 'staff' ORDER BY display_name, id")
            .fetch_all(&state.db.pool)
            .await?;
    Ok(AuditLogPage { entries, more, staff })
}

/// `GET /api/admin/audit.csv?actor_id=&action=&from=&to=`: the filtered log as CSV (formula-safe;
/// UTF-8 with a byte-order mark for Excel). The export itself is recorded.
pub async fn audit_csv(
    State(state): State<AppState>,
    Supervisor(me): Supervisor,
    parts: Parts,
    Query(filter): Query<AuditCsvQuery>,
) -> Response {
    let filter = AuditFilter {
        actor_id: filter.actor_id,
        action: filter.action.as_deref().and_then(AuditAction::parse),
        from: filter.from,
        to: filter.to,
        before_id: None,
    };
    let (start, end) = match Period::of(filter.from, filter.to, state.clock.now().date_naive()) {
        Ok(p) => (p.start_ms, p.end_ms),
        Err(e) => return e.into_response(),
    };
    let entries = match rows(&state.db, &filter, start, end, 100_000).await {
        Ok(e) => e,
        Err(e) => return e.into_response(),
    };
    let ip = client_ip(&parts, &state);
    if let Err(e) = record(&state.db.pool, me.id, AuditAction::Export, "audit.csv", &ip, state.clock.now_ms()).await {
        return e.into_response();
    }
    let mut out = String::from("\u{FEFF}id,at,actor,action,target,client_ip\r\n");
    for e in entries {
        let t = e.at.tokyo();
        out.push_str(&csv::line(&[
            e.id.to_string(),
            format!("{} {:02}:{:02}", t.date, t.hour, t.minute),
            csv::field(&e.actor),
            e.action.as_str().to_owned(),
            csv::field(&e.target),
            csv::field(&e.client_ip),
        ]));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"madoguchi-audit.csv\""),
        ],
        out,
    )
        .into_response()
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AuditCsvQuery {
    actor_id: Option<i64>,
    action: Option<String>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
}

/// Deletes rows older than the retention setting (the only deletion there is).
pub async fn purge(state: &AppState, now: i64) -> AppResult<u64> {
    let cutoff = now - state.settings.audit_retention_days * 86_400_000;
    Ok(sqlx::query("DELETE FROM audit_log WHERE at < $1").bind(cutoff).execute(&state.db.pool).await?.rows_affected())
}
