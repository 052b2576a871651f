//! `GET /metrics` in the Prometheus text format, for the operator's scraper and nobody else.
//!
//! Two ways in, both off by default: a listener of its own (`metrics_bind`, for a scraper on a
//! private network), and the public port with `Authorization: Bearer <metrics_token>`. With
//! neither, `/metrics` on the public port is "not found" like any unknown path.
//!
//! Per-request figures are recorded by [`track`]; connection, rate-limit and hashing figures by
//! the app (`app::infra::metrics`); shared figures (the chat queue, the outbox, the pool) are read
//! from the database when scraped, so every instance reports what all of them share.
use app::infra::AppState;
use axum::body::Body;
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use metrics::{counter, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const REQUESTS: &str = "madoguchi_http_requests_total";
const REQUEST_SECONDS: &str = "madoguchi_http_request_duration_seconds";

/// Latency buckets from 1 ms to 10 s: most answers take a few ms, uploads and hashing seconds.
const BUCKETS: [f64; 13] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process-wide recorder, installed on first use (the integration tests run many servers in
/// one process; they share it). `None` if another recorder got there first.
pub fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &BUCKETS)
                .map_err(|e| tracing::error!(error = %e, "metrics buckets"))
                .ok()?;
            let handle = builder
                .install_recorder()
                .map_err(|e| tracing::error!(error = %e, "metrics recorder not installed"))
                .ok()?;
            describe();
            // Histograms are kept in blocks that upkeep folds together; without it they grow.
            let upkeep = handle.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(5));
                loop {
                    tick.tick().await;
                    upkeep.run_upkeep();
                }
            });
            Some(handle)
        })
        .as_ref()
}

/// Help texts, so `promtool check metrics` finds every family documented.
fn describe() {
    use app::infra::metrics as m;
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!(REQUESTS, "HTTP requests answered, by route and status class");
    describe_histogram!(REQUEST_SECONDS, Unit::Seconds, "Time to answer an HTTP request, by route");
    describe_gauge!(m::OPEN_CONNECTIONS, "Open chat sockets, staff desk sockets and live streams on this instance");
    describe_counter!(m::RATE_LIMITED, "Requests refused by a rate limit, by limit");
    describe_gauge!(m::HASHING_WAITING, "Password hashes waiting for a hashing slot on this instance");
    describe_counter!(m::HASHING_REFUSED, "Requests refused after waiting too long for a hashing slot");
    describe_counter!(m::INBOUND_MAILS, "Mails handed to the inbound SMTP listener, by outcome (stored, duplicate)");
    describe_counter!(m::INBOUND_REFUSED, "Inbound SMTP connections refused, by reason");
}

/// Counts and times every request by its route pattern (a fixed set; the site's pages and
/// assets are one class), never by the raw path.
pub async fn track(req: Request<Body>, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let started = Instant::now();
    let response = next.run(req).await;
    let route = route.unwrap_or_else(|| "site".to_owned());
    let status = match response.status().as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    counter!(REQUESTS, "route" => route.clone(), "status" => status).increment(1);
    histogram!(REQUEST_SECONDS, "route" => route).record(started.elapsed().as_secs_f64());
    response
}

/// A caller of the public port's `/metrics`: the bearer of the configured token. Anyone else is
/// told the page does not exist when no token is set, and 401 when one is.
pub struct Scraper;

impl FromRequestParts<AppState> for Scraper {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, StatusCode> {
        let Some(token) = state.settings.metrics_token.as_deref() else { return Err(StatusCode::NOT_FOUND) };
        let sent = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        // Digests compared, so the time taken says nothing about how much of the token matched.
        if Sha256::digest(sent.as_bytes()) == Sha256::digest(token.as_bytes()) {
            Ok(Scraper)
        } else {
            Err(StatusCode::UNAUTHORIZED)
        }
    }
}

/// `GET /metrics` on the public port.
pub async fn public_metrics(_: Scraper, State(state): State<AppState>) -> Response {
    render(&state).await
}

/// The metrics listener's router: `/metrics` only, no token (the address is the guard).
pub fn private_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(|State(state): State<AppState>| async move { render(&state).await }))
        .with_state(state)
}

async fn render(state: &AppState) -> Response {
    let Some(handle) = handle() else {
        return (StatusCode::SERVICE_UNAVAILABLE, "metrics recorder unavailable").into_response();
    };
    let mut text = handle.render();
    text.push_str(&instance_figures(state).await);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}

/// Figures read from this server's own database and pool at scrape time, written straight into
/// the answer rather than set on the process-wide recorder: two servers in one process (the
/// tests) would otherwise overwrite each other's values between setting and rendering.
/// Each statement: how many rows are in a state, the oldest of them, how many in a second state.
const SHARED: [(&str, [(&str, &str); 3]); 3] = [
    (
        "SELECT
           (SELECT COUNT(*) FROM chat_sessions WHERE status = 'waiting'),
           (SELECT MIN(enqueued_at) FROM chat_sessions WHERE status = 'waiting'),
           (SELECT COUNT(*) FROM chat_sessions WHERE status = 'active')",
        [
            ("madoguchi_chat_waiting", "Members waiting in the chat queue"),
            ("madoguchi_chat_oldest_wait_seconds", "How long the first member in the chat queue has waited"),
            ("madoguchi_chat_active", "Chats in progress"),
        ],
    ),
    (
        "SELECT
           (SELECT COUNT(*) FROM outbox WHERE status = 'pending'),
           (SELECT MIN(created_at) FROM outbox WHERE status = 'pending'),
           (SELECT COUNT(*) FROM outbox WHERE status = 'failed')",
        [
            ("madoguchi_outbox_pending", "Mails waiting to be sent"),
            ("madoguchi_outbox_oldest_pending_seconds", "Age of the oldest mail waiting to be sent"),
            ("madoguchi_outbox_failed", "Mails given up on (listed on the staff dashboard)"),
        ],
    ),
    (
        "SELECT
           (SELECT COUNT(*) FROM inbound_mail WHERE status = 'pending'),
           (SELECT MIN(received_at) FROM inbound_mail WHERE status = 'pending'),
           (SELECT COUNT(*) FROM inbound_mail WHERE status = 'held')",
        [
            ("madoguchi_inbound_pending", "Received mails waiting to be processed"),
            ("madoguchi_inbound_oldest_pending_seconds", "Age of the oldest received mail waiting to be processed"),
            ("madoguchi_inbound_held", "Received mails held for a supervisor (/admin/mail)"),
        ],
    ),
];

async fn instance_figures(state: &AppState) -> String {
    let mut out = String::new();
    let mut gauge = |name: &str, help: &str, samples: &[(&str, f64)]| {
        out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} gauge\n"));
        for (labels, value) in samples {
            out.push_str(&format!("{name}{labels} {value}\n"));
        }
    };
    let now = state.clock.now_ms();
    let mut failed = false;
    for (sql, [count, oldest, other]) in SHARED {
        match sqlx::query_as::<_, (i64, Option<i64>, i64)>(sql).fetch_one(&state.db.pool).await {
            Ok((n, since, m)) => {
                gauge(count.0, count.1, &[("", n as f64)]);
                gauge(oldest.0, oldest.1, &[("", age_secs(now, since))]);
                gauge(other.0, other.1, &[("", m as f64)]);
            }
            Err(e) => {
                tracing::warn!(error = %e, "metrics: database figures");
                failed = true;
            }
        }
    }
    gauge(
        "madoguchi_scrape_errors",
        "1 when this scrape could not read the database",
        &[("", f64::from(u8::from(failed)))],
    );
    let pool = &state.db.pool;
    let idle = pool.num_idle() as f64;
    let busy = (pool.size() as f64 - idle).max(0.0);
    gauge(
        "madoguchi_db_pool_connections",
        "Database connections held by this server's pool, by state",
        &[("{state=\"idle\"}", idle), ("{state=\"busy\"}", busy)],
    );
    out
}

fn age_secs(now_ms: i64, since_ms: Option<i64>) -> f64 {
    since_ms.map(|t| (now_ms - t).max(0) as f64 / 1000.0).unwrap_or(0.0)
}
