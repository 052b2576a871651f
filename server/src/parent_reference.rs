//! `madoguchi parent-reference --bind ADDR`: a reference implementation of the parent site's side
//! of the contract (`docs/parent-api.yaml`), for development, the demo and the tests. It serves
//! generated members' clicks, checks our signature exactly as a real parent site must (and
//! refuses a bad one), and signs its answers with the same key (`MADOGUCHI_PARENT_API_KEY`).
//!
//! Some member ids behave badly on purpose, so the connector's defences can be tried against a
//! real server: `stall-…` answers after 30 s, `error-…` with 503, `garbage-…` with a signed body
//! that is not JSON, `oversize-…` with a 1 MB body, `badsig-…` with a wrong signature,
//! `hostile-…` with markup and long text in shop names, `unknown-…` with 404, `quiet-…` with no
//! clicks. Every other id is a member with generated clicks (see `data.rs`).
mod data;

use app::parent::server::signing::{self, Direction, Message, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
struct Reference {
    key: Arc<Vec<u8>>,
    /// "Today" for judging clicks: the pinned demo/test day (`MADOGUCHI_FAKE_NOW`) or the real one.
    today: Option<app::calendar::Day>,
}

#[derive(Debug, Deserialize)]
pub struct ClicksQuery {
    from: String,
    to: String,
    shop: Option<String>,
}

/// Serves until the process ends.
pub async fn serve(
    bind: &str,
    key: &str,
    today: Option<app::calendar::Day>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let listener = tokio::net::TcpListener::bind(bind).await?;
    println!("parent-site reference server on http://{}", listener.local_addr()?);
    axum::serve(listener, router(key, today)).await?;
    Ok(())
}

pub fn router(key: &str, today: Option<app::calendar::Day>) -> Router {
    let state = Reference { key: Arc::new(key.as_bytes().to_vec()), today };
    Router::new().route("/v1/members/{subject}/clicks", get(clicks)).with_state(state)
}

async fn clicks(
    State(r): State<Reference>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Path(subject): Path<String>,
    Query(q): Query<ClicksQuery>,
) -> Response {
    let path_and_query = uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_default();
    let header = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let request =
        Message { direction: Direction::Request, verb: method.as_str(), path_and_query: &path_and_query, body: b"" };
    if let Err(why) =
        signing::verify(&r.key, &request, header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER), signing::now_secs())
    {
        let body = format!(r#"{{"error":"signature refused: {why:?}"}}"#);
        return (StatusCode::UNAUTHORIZED, body).into_response();
    }
    let (Some(from), Some(to)) = (app::calendar::Day::parse(&q.from), app::calendar::Day::parse(&q.to)) else {
        return (StatusCode::BAD_REQUEST, r#"{"error":"from and to are YYYY-MM-DD"}"#).into_response();
    };
    if to.days_since_epoch() < from.days_since_epoch() || to.days_since_epoch() - from.days_since_epoch() > 62 {
        return (StatusCode::BAD_REQUEST, r#"{"error":"window of 0 to 62 days"}"#).into_response();
    }
    let kind = subject.split('-').next().unwrap_or("");
    let (status, body) = match kind {
        "stall" => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            (StatusCode::OK, data::answer(&subject, q.shop.as_deref(), from, to, r.today))
        }
        "error" => return (StatusCode::SERVICE_UNAVAILABLE, "down for maintenance").into_response(),
        "unknown" => return (StatusCode::NOT_FOUND, r#"{"error":"no such member"}"#).into_response(),
        "garbage" => (StatusCode::OK, "<html><body>502 Bad Gateway</body></html>".to_owned()),
        "oversize" => (StatusCode::OK, data::oversize(&subject)),
        "hostile" => (StatusCode::OK, data::hostile(&subject, from, r.today)),
        _ => (StatusCode::OK, data::answer(&subject, q.shop.as_deref(), from, to, r.today)),
    };
    let now = signing::now_secs();
    let answer = Message {
        direction: Direction::Response,
        verb: status.as_str(),
        path_and_query: &path_and_query,
        body: body.as_bytes(),
    };
    let mut signature = signing::sign(&r.key, &answer, now);
    if kind == "badsig" {
        signature = signing::sign(b"not the shared key at all, sorry!", &answer, now);
    }
    let mut response = (status, body).into_response();
    let h = response.headers_mut();
    h.insert("content-type", HeaderValue::from_static("application/json"));
    h.insert(TIMESTAMP_HEADER, HeaderValue::from_str(&now.to_string()).expect("digits"));
    h.insert(SIGNATURE_HEADER, HeaderValue::from_str(&signature).expect("hex"));
    response
}
