//! CSRF defence: a state-changing request must come from our own pages. Browsers always send
//! `Origin` on POST, so a missing or foreign one is refused before any handler runs.
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

#[derive(Clone)]
pub struct AllowedOrigins(pub Arc<Vec<String>>);

pub async fn check(State(allowed): State<AllowedOrigins>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if origin_allowed(origin, host, &allowed.0) {
        next.run(req).await
    } else {
        tracing::warn!(?origin, ?host, path = %req.uri().path(), "refused cross-origin request");
        (StatusCode::FORBIDDEN, "cross-origin request refused").into_response()
    }
}

fn origin_allowed(origin: Option<&str>, host: Option<&str>, allowed: &[String]) -> bool {
    let Some(origin) = origin else { return false };
    if allowed.iter().any(|a| a == origin) {
        return true;
    }
    let Some(host) = host else { return false };
    let without_scheme = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
    without_scheme == Some(host)
}

#[cfg(test)]
mod tests {
    use super::origin_allowed;

    #[test]
    fn same_host_origin_is_allowed_and_others_are_not() {
        assert!(origin_allowed(Some("http://127.0.0.1:3000"), Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(Some("http://evil.example"), Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(None, Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(Some("null"), Some("127.0.0.1:3000"), &[]));
        assert!(origin_allowed(
            Some("https://support.example.jp"),
            Some("10.0.0.5:3000"),
            &["https://support.example.jp".into()]
        ));
    }
}
