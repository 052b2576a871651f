//! Insights, computed from the stored chats, survey answers and inquiries of a period. The SQL
//! only fetches rows; the figures come from `metrics.rs`, the same on SQLite and PostgreSQL.
use super::{
    mean, percentile, share, survey_metrics, ChatOps, Insights, MailOps, StaffMetrics, SurveyComment, Transcript,
    WeekPoint,
};
use crate::auth::server::{require_staff, Supervisor};
use crate::calendar::{Moment, Period};
use crate::chat::server::messages_for;
use crate::contact::server::load_categories;
use crate::error::{AppError, AppResult};
use crate::infra::csv;
use crate::infra::http::state;
use crate::infra::AppState;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Days, NaiveDate};
use serde::Deserialize;
use std::collections::BTreeMap;

type ChatRow = (i64, String, i64, Option<i64>, Option<i64>, Option<String>);
type SurveyRow = (i64, i64, Option<String>, i64, Option<String>, Option<i64>);

pub async fn insights(from: Option<NaiveDate>, to: Option<NaiveDate>) -> AppResult<Insights> {
    require_staff().await?;
    let state = state()?;
    let Period { from, to, start_ms: start, end_ms: end } = Period::of(from, to, state.clock.now().date_naive())?;
    let days = (to - from).num_days() + 1;

    let chats: Vec<ChatRow> = sqlx::query_as(
        "SELECT s.id, s.status, s.enqueued_at, s.taken_at, s.ended_at, u.display_name FROM chat_sessions s
         LEFT JOIN users u ON u.id = s.staff_id WHERE s.enqueued_at >= $1 AND s.enqueued_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await?;
    let (refusals,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_refusals WHERE at >= $1 AND at < $2")
        .bind(start)
        .bind(end)
        .fetch_one(&state.db.pool)
        .await?;
    let joined = chats.len() as i64;
    let taken: Vec<&ChatRow> = chats.iter().filter(|c| c.3.is_some()).collect();
    let ended: Vec<&ChatRow> = chats.iter().filter(|c| c.1 == "ended" && c.3.is_some()).collect();
    let waits: Vec<f64> = taken.iter().filter_map(|c| c.3.map(|t| (t - c.2) as f64 / 1000.0)).collect();
    let handles: Vec<f64> = ended.iter().filter_map(|c| Some((c.4? - c.3?) as f64 / 1000.0)).collect();
    let chat = ChatOps {
        chats: taken.len() as i64,
        chats_per_day: share(taken.len() as i64, days),
        avg_wait_secs: mean(&waits),
        p90_wait_secs: percentile(&waits, 0.9),
        avg_handle_secs: mean(&handles),
        left_queue_share: share(chats.iter().filter(|c| c.1 == "left").count() as i64, joined),
        line_busy_share: share(refusals, joined + refusals),
    };

    let answers: Vec<SurveyRow> = sqlx::query_as(
        "SELECT c.session_id, c.score, c.comment, c.updated_at, u.display_name, s.ended_at FROM chat_surveys c
         JOIN chat_sessions s ON s.id = c.session_id LEFT JOIN users u ON u.id = s.staff_id
         WHERE s.enqueued_at >= $1 AND s.enqueued_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await?;
    let overall = survey_metrics(&answers.iter().map(|a| a.1).collect::<Vec<_>>(), ended.len() as i64);
    let mut staff_names: Vec<String> = ended.iter().filter_map(|c| c.5.clone()).collect();
    staff_names.sort();
    staff_names.dedup();
    let per_staff = staff_names
        .into_iter()
        .map(|name| {
            let scores: Vec<i64> =
                answers.iter().filter(|a| a.4.as_deref() == Some(name.as_str())).map(|a| a.1).collect();
            let ended_by = ended.iter().filter(|c| c.5.as_deref() == Some(name.as_str())).count() as i64;
            StaffMetrics { staff: name, metrics: survey_metrics(&scores, ended_by) }
        })
        .collect();
    let mut weeks: BTreeMap<NaiveDate, Vec<i64>> = BTreeMap::new();
    for a in &answers {
        let day: NaiveDate = Moment::from_millis(a.5.unwrap_or(a.3)).tokyo().date.into();
        let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
        weeks.entry(monday).or_default().push(a.1);
    }
    let weekly = weeks
        .into_iter()
        .map(|(week, scores)| {
            let m = survey_metrics(&scores, 0);
            WeekPoint { week, answers: m.answers, csat: m.csat }
        })
        .collect();
    let mut comments: Vec<SurveyComment> = answers
        .iter()
        .filter_map(|a| {
            Some(SurveyComment {
                session_id: a.0,
                staff: a.4.clone().unwrap_or_default(),
                score: a.1,
                comment: a.2.clone()?,
                at: Moment::from_millis(a.3),
            })
        })
        .collect();
    comments.sort_by_key(|c| std::cmp::Reverse(c.at));

    // The first-reply target is the one fixed on arrival (a follow-up moves `due_at`, never it).
    let inquiries: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT i.category_id, COALESCE(i.first_reply_due_at, i.due_at),
                (SELECT MIN(m.created_at) FROM inquiry_messages m WHERE m.inquiry_id = i.id AND m.from_staff = 1)
         FROM inquiries i WHERE i.received_at >= $1 AND i.received_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await?;
    let categories = load_categories(&state.db).await?;
    let per_category =
        categories.iter().map(|c| (c.name.clone(), inquiries.iter().filter(|i| i.0 == c.id).count() as i64)).collect();
    let (in_time, judged) =
        super::first_replies(&inquiries.iter().map(|i| (i.1, i.2)).collect::<Vec<_>>(), state.clock.now_ms());
    let (overdue_now,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM inquiries WHERE status IN ('new', 'in_progress') AND due_at < $1")
            .bind(state.clock.now_ms())
            .fetch_one(&state.db.pool)
            .await?;
    // The mail desk's survey: inquiries closed in the period, and their answers.
    let closed: Vec<(Option<i64>,)> = sqlx::query_as(
        "SELECT (SELECT s.score FROM inquiry_surveys s WHERE s.inquiry_id = i.id) FROM inquiries i
         WHERE i.closed_at >= $1 AND i.closed_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await?;
    let scores: Vec<i64> = closed.iter().filter_map(|(s,)| *s).collect();
    let survey = survey_metrics(&scores, closed.len() as i64);
    let mail = MailOps { per_category, answered_in_time: share(in_time, judged), overdue_now, survey };

    Ok(Insights { from, to, overall, per_staff, weekly, comments, chat, mail })
}

pub async fn transcript(session_id: i64) -> AppResult<Transcript> {
    let staff = require_staff().await?;
    // A transcript is the member's personal data: every view is audited.
    crate::audit::server::record_here(&staff, crate::audit::AuditAction::ViewTranscript, &format!("chat:{session_id}"))
        .await?;
    let state = state()?;
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT m.id, m.display_name, u.display_name FROM chat_sessions s JOIN users m ON m.id = s.member_id
         LEFT JOIN users u ON u.id = s.staff_id WHERE s.id = $1",
    )
    .bind(session_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let (member_id, member, staff) = row.ok_or(AppError::NotFound)?;
    Ok(Transcript { session_id, member_id, member, staff, messages: messages_for(&state.db, session_id).await? })
}

#[derive(Deserialize)]
pub struct CsvRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// `GET /api/insights/surveys.csv?from=…&to=…`: the survey answers as CSV, UTF-8 with a byte-order
/// mark so Excel opens the Japanese correctly. Supervisors only (an export).
pub async fn surveys_csv(
    State(state): State<AppState>,
    Supervisor(me): Supervisor,
    parts: axum::http::request::Parts,
    Query(range): Query<CsvRange>,
) -> Response {
    let ip = crate::infra::http::client_ip(&parts, &state);
    let now = state.clock.now_ms();
    if let Err(e) =
        crate::audit::server::record(&state.db.pool, me.id, crate::audit::AuditAction::Export, "surveys.csv", &ip, now)
            .await
    {
        return e.into_response();
    }
    let (start, end) = match Period::of(range.from, range.to, state.clock.now().date_naive()) {
        Ok(p) => (p.start_ms, p.end_ms),
        Err(e) => return e.into_response(),
    };
    let rows: Result<Vec<SurveyRow>, _> = sqlx::query_as(
        "SELECT c.session_id, c.score, c.comment, c.updated_at, u.display_name, c.resolved FROM chat_surveys c
         JOIN chat_sessions s ON s.id = c.session_id LEFT JOIN users u ON u.id = s.staff_id
         WHERE s.enqueued_at >= $1 AND s.enqueued_at < $2 ORDER BY c.session_id",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await;
    let Ok(rows) = rows else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    let mut out = String::from("\u{FEFF}chat_id,answered_at,staff,score,resolved,comment\r\n");
    for (session, score, comment, at, staff, resolved) in rows {
        out.push_str(&csv::line(&[
            session.to_string(),
            {
                let t = Moment::from_millis(at).tokyo();
                format!("{} {:02}:{:02}", t.date, t.hour, t.minute)
            },
            csv::field(&staff.unwrap_or_default()),
            score.to_string(),
            if resolved == Some(1) { "yes".into() } else { "no".into() },
            csv::field(&comment.unwrap_or_default()),
        ]));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"madoguchi-surveys.csv\""),
        ],
        out,
    )
        .into_response()
}
