//! CSRF defence: a state-changing request must come from our own pages, so a missing or foreign
//! `Origin` is refused before any handler runs. The rule itself is `app::infra::origin`, shared
//! with the chat socket's handshake.
use app::infra::origin::same_origin;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

#[derive(Clone)]
pub struct AllowedOrigins(pub Arc<Vec<String>>);

pub async fn check(State(allowed): State<AllowedOrigins>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if same_origin(req.headers(), &allowed.0) {
        next.run(req).await
    } else {
        tracing::warn!(origin = ?req.headers().get("origin"), path = %req.uri().path(), "refused cross-origin request");
        (StatusCode::FORBIDDEN, "cross-origin request refused").into_response()
    }
}
