//! `GET /api/admin/inquiries.csv?from=…&to=…`: the inquiries received in a period, for the
//! desk's own reporting — supervisors only, audited (`export`, `inquiries.csv`). What the member
//! wrote (field values, messages) and who they are (name, address) are not in it: the reference
//! leads to the inquiry when someone needs more. UTF-8 with a byte-order mark (Excel), every text
//! cell formula-safe (`infra::csv`).
use crate::auth::server::Supervisor;
use crate::calendar::{Moment, Period};
use crate::infra::csv;
use crate::infra::AppState;
use crate::insights::server::CsvRange;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(sqlx::FromRow)]
struct Row {
    reference: Option<String>,
    received_at: i64,
    category_id: String,
    original_category_id: Option<String>,
    status: String,
    priority: String,
    assignee: Option<String>,
    first_reply_due_at: Option<i64>,
    first_reply_at: Option<i64>,
    closed_at: Option<i64>,
    auto_closed_at: Option<i64>,
    member_id: i64,
}

fn when(ms: Option<i64>) -> String {
    ms.map(|ms| {
        let t = Moment::from_millis(ms).tokyo();
        format!("{} {:02}:{:02}", t.date, t.hour, t.minute)
    })
    .unwrap_or_default()
}

pub async fn inquiries_csv(
    State(state): State<AppState>,
    Supervisor(me): Supervisor,
    parts: axum::http::request::Parts,
    Query(range): Query<CsvRange>,
) -> Response {
    let ip = crate::infra::http::client_ip(&parts, &state);
    let now = state.clock.now_ms();
    let (start, end) = match Period::of(range.from, range.to, state.clock.now().date_naive()) {
        Ok(p) => (p.start_ms, p.end_ms),
        Err(e) => return e.into_response(),
    };
    if let Err(e) = crate::audit::server::record(
        &state.db.pool,
        me.id,
        crate::audit::AuditAction::Export,
        "inquiries.csv",
        &ip,
        now,
    )
    .await
    {
        return e.into_response();
    }
    let rows: Result<Vec<Row>, _> = sqlx::query_as(
        "SELECT i.reference, i.received_at, i.category_id, i.original_category_id, i.status, i.priority,
                a.display_name AS assignee, COALESCE(i.first_reply_due_at, i.due_at) AS first_reply_due_at,
                (SELECT MIN(m.created_at) FROM inquiry_messages m WHERE m.inquiry_id = i.id AND m.from_staff = 1) AS first_reply_at,
                i.closed_at, i.auto_closed_at, i.member_id
         FROM inquiries i LEFT JOIN users a ON a.id = i.assignee_id
         WHERE i.received_at >= $1 AND i.received_at < $2 ORDER BY i.received_at, i.id",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&state.db.pool)
    .await;
    let Ok(rows) = rows else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    let mut out = String::from(
        "\u{FEFF}reference,received_at,category,original_category,status,priority,assignee,first_reply_due_at,first_reply_at,answered_in_time,closed_at,closed_by,member_id\r\n",
    );
    for r in rows {
        let in_time = match r.first_reply_at {
            Some(at) => {
                if r.first_reply_due_at.is_some_and(|due| at <= due) {
                    "yes"
                } else {
                    "no"
                }
            }
            None if r.first_reply_due_at.is_some_and(|due| now > due) => "no",
            None => "",
        };
        let closed_by = match (r.closed_at, r.auto_closed_at) {
            (Some(_), Some(_)) => "rule",
            (Some(_), None) => "staff",
            _ => "",
        };
        out.push_str(&csv::line(&[
            csv::field(&r.reference.unwrap_or_default()),
            when(Some(r.received_at)),
            csv::field(&r.category_id),
            csv::field(&r.original_category_id.unwrap_or_default()),
            csv::field(&r.status),
            csv::field(&r.priority),
            csv::field(&r.assignee.unwrap_or_default()),
            when(r.first_reply_due_at),
            when(r.first_reply_at),
            in_time.to_owned(),
            when(r.closed_at),
            closed_by.to_owned(),
            r.member_id.to_string(),
        ]));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"madoguchi-inquiries.csv\""),
        ],
        out,
    )
        .into_response()
}
