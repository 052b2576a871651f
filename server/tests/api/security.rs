use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn the_health_check_reports_the_database() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/healthz", app.address)).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn a_post_from_another_site_or_without_origin_is_refused() {
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    let body =
        json!({ "input": { "email": "x@example.jp", "password": "password-123", "display_name": "X" } }).to_string();
    for origin in [Some("http://evil.example"), None] {
        let mut request = http
            .post(format!("{}/api/auth/register", app.address))
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        assert_eq!(request.send().await.unwrap().status().as_u16(), 403, "{origin:?}");
    }
    // Nothing was created by the refused requests.
    assert_eq!(app.client().register("x@example.jp", "password-123", "X").await.0, 200);
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let app = spawn_app().await;
    let huge = "あ".repeat(40_000); // 120 KB of UTF-8
    let (status, _) = app.client().register("big@example.jp", "password-123", &huge).await;
    assert_eq!(status, 413);
}

#[tokio::test]
async fn the_suite_runs_on_the_backend_it_was_asked_for() {
    let app = spawn_app().await;
    let want_postgres = std::env::var("MADOGUCHI_TEST_POSTGRES").map(|v| !v.is_empty()).unwrap_or(false);
    let expected = if want_postgres { app::infra::Backend::Postgres } else { app::infra::Backend::Sqlite };
    assert_eq!(app.state.db.backend, expected);
}
