//! The desk's figures for a period. The SQL reads the period's arrivals (by the index on
//! `received_at`), the recorded closes and reopens, and the incidents; `compute.rs` does the
//! arithmetic, the same on SQLite and PostgreSQL.
use super::compute::{backlog, by, group, heatmap, week_of, Arrival};
use super::{DeskFigures, DeskGroup, IncidentFigure, MAX_PERIOD_DAYS};
use crate::auth::server::require_staff;
use crate::calendar::store::load_closures;
use crate::calendar::{BusinessCalendar, Period};
use crate::contact::server::load_categories;
use crate::contact::Localized;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

const DAY_MS: i64 = 86_400_000;

type ArrivalRow = (String, i64, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, i64, Option<i64>);

pub async fn desk_figures(from: Option<NaiveDate>, to: Option<NaiveDate>) -> AppResult<DeskFigures> {
    require_staff().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let Period { from, to, start_ms: start, end_ms: end } = Period::of(from, to, state.clock.now().date_naive())?;
    // A year at most: the figures are computed from the period's rows, a bounded read.
    if (to - from).num_days() >= i64::from(MAX_PERIOD_DAYS) {
        // (The page words it: a variant of the shared error would grow every bundle.)
        return Err(AppError::field("period", ValidationError::TooMany { max: MAX_PERIOD_DAYS as usize }));
    }
    let db = &state.db.pool;
    let rows: Vec<ArrivalRow> = sqlx::query_as(
        "SELECT i.category_id, i.received_at, COALESCE(i.first_reply_due_at, i.due_at), i.first_replied_at,
                i.first_replied_by, i.assignee_id, CASE WHEN i.status = 'closed' THEN i.closed_at END,
                (SELECT COUNT(*) FROM inquiry_lifecycle l WHERE l.inquiry_id = i.id AND l.kind = 'reopened'),
                i.merged_into
         FROM inquiries i WHERE i.received_at >= $1 AND i.received_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(db)
    .await?;
    // Arrivals count in the backlog as they came; a merged inquiry is the same case as the one
    // it was merged into, so it is left out of the reply and resolution times.
    let mut changes: Vec<(i64, i64)> = rows.iter().map(|r| (r.1, 1)).collect();
    let arrivals: Vec<Arrival> = rows
        .into_iter()
        .filter(|r| r.8.is_none())
        .map(|(category, received_at, due, replied_at, replied_by, assignee, closed_at, reopens, _)| Arrival {
            category,
            received_at,
            first_reply_due_at: due,
            first_replied_at: replied_at,
            first_replied_by: replied_by,
            assignee,
            closed_at,
            reopened: reopens > 0,
        })
        .collect();

    let calendar = BusinessCalendar::mail_desk(load_closures(&state.db).await?);
    let all: Vec<&Arrival> = arrivals.iter().collect();
    let overall = group(Localized::new("全体", "All"), &all, &all, &calendar, now);

    let names: BTreeMap<String, Localized> =
        load_categories(&state.db).await?.into_iter().map(|c| (c.id, c.name)).collect();
    let per_category = by(&arrivals, |a| Some(a.category.clone()))
        .into_iter()
        .map(|(id, rows)| {
            let label = names.get(&id).cloned().unwrap_or_else(|| Localized::new(&id, &id));
            group(label, &rows, &rows, &calendar, now)
        })
        .collect();

    let responders = by(&arrivals, |a| a.first_replied_by);
    let resolvers = by(&arrivals, |a| a.assignee);
    let mut staff_ids: Vec<i64> = responders.keys().chain(resolvers.keys()).copied().collect();
    staff_ids.sort_unstable();
    staff_ids.dedup();
    let staff_names = staff_names(&staff_ids).await?;
    let mut per_agent: Vec<DeskGroup> = staff_ids
        .iter()
        .map(|id| {
            let name = staff_names.get(id).cloned().unwrap_or_default();
            let empty = Vec::new();
            let answered = responders.get(id).unwrap_or(&empty);
            let assigned = resolvers.get(id).unwrap_or(&empty);
            group(Localized::new(&name, &name), answered, assigned, &calendar, now)
        })
        .collect();
    per_agent.sort_by(|a, b| a.label.ja.cmp(&b.label.ja));

    let per_week = by(&arrivals, |a| Some(week_of(a.received_at)))
        .into_iter()
        .map(|(monday, rows)| {
            let label = monday.to_string();
            group(Localized::new(&label, &label), &rows, &rows, &calendar, now)
        })
        .collect();

    let heatmap = heatmap(arrivals.iter().map(|a| a.received_at));
    let backlog = backlog_of(start, end, from, to, now, &mut changes).await?;
    let incidents = incidents(start, end).await?;
    Ok(DeskFigures { from, to, overall, per_category, per_agent, per_week, heatmap, backlog, incidents })
}

async fn staff_names(ids: &[i64]) -> AppResult<BTreeMap<i64, String>> {
    let state = state()?;
    // Ten staff, give or take (deactivated ones included: their replies still count).
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, display_name FROM users WHERE role <> 'member'").fetch_all(&state.db.pool).await?;
    Ok(rows.into_iter().filter(|(id, _)| ids.contains(id)).collect())
}

/// Open inquiries at the end of each day of the period up to today: those open when it began
/// (every arrival before it, less the closes, plus the reopens recorded before it) walked
/// forward through the period's arrivals, closes and reopens.
async fn backlog_of(
    start: i64,
    end: i64,
    from: NaiveDate,
    to: NaiveDate,
    now: i64,
    changes: &mut Vec<(i64, i64)>,
) -> AppResult<Vec<super::BacklogPoint>> {
    let state = state()?;
    let db = &state.db.pool;
    let (before,): (i64,) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM inquiries WHERE received_at < $1)
              - (SELECT COUNT(*) FROM inquiry_lifecycle WHERE at < $1 AND kind = 'closed')
              + (SELECT COUNT(*) FROM inquiry_lifecycle WHERE at < $1 AND kind = 'reopened')",
    )
    .bind(start)
    .fetch_one(db)
    .await?;
    let events: Vec<(i64, String)> =
        sqlx::query_as("SELECT at, kind FROM inquiry_lifecycle WHERE at >= $1 AND at < $2")
            .bind(start)
            .bind(end)
            .fetch_all(db)
            .await?;
    changes.extend(events.into_iter().map(|(at, kind)| (at, if kind == "closed" { -1 } else { 1 })));
    let days: Vec<(NaiveDate, i64)> = (0..=(to - from).num_days())
        .map(|k| (from + Days::new(k as u64), start + (k + 1) * DAY_MS))
        .take_while(|(_, day_end)| day_end - DAY_MS <= now)
        .collect();
    Ok(backlog(before, changes, &days))
}

/// Incidents opened in the period, and any still open.
async fn incidents(start: i64, end: i64) -> AppResult<Vec<IncidentFigure>> {
    let state = state()?;
    let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT n.id, n.title, n.status,
                (SELECT COUNT(*) FROM incident_inquiries x WHERE x.incident_id = n.id),
                (SELECT COUNT(*) FROM incident_inquiries x JOIN inquiries i ON i.id = x.inquiry_id
                 WHERE x.incident_id = n.id AND i.first_replied_at IS NOT NULL)
         FROM incidents n WHERE (n.created_at >= $1 AND n.created_at < $2) OR n.status = 'open'
         ORDER BY n.created_at DESC, n.id DESC LIMIT 100",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, status, linked, answered)| IncidentFigure {
            id,
            title,
            open: status == "open",
            linked,
            answered,
        })
        .collect())
}
