//! Password reset: the same answer for any address, a single-use 30-minute link, every session
//! ended, a confirmation mail.
use crate::contact::member;
use crate::helpers::{fresh_database_url, spawn_app, spawn_app_on, TestApp};
use serde_json::json;

async fn reset_token(app: &TestApp, email: &str) -> Option<String> {
    app.mailed_token(email, "/account/reset").await
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_and_ends_every_session() {
    let app = spawn_app().await;
    let laptop = member(&app, "forgetful@example.jp").await;
    assert!(!laptop.me().await.is_null());
    let phone = app.client();
    assert_eq!(phone.call("auth/reset/request", json!({ "email": "forgetful@example.jp" })).await, (200, json!(null)));
    let token = reset_token(&app, "forgetful@example.jp").await.expect("a reset mail");
    let (status, user) =
        phone.call("auth/reset/confirm", json!({ "input": { "token": token, "password": "brand-new-pass" } })).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(phone.me().await["email"], "forgetful@example.jp", "this browser is logged in");
    assert!(laptop.me().await.is_null(), "the other session ended");
    assert_eq!(app.client().login("forgetful@example.jp", "password-123").await.0, 401);
    assert_eq!(app.client().login("forgetful@example.jp", "brand-new-pass").await.0, 200);
    // Single use, and a confirmation went out.
    let again =
        phone.call("auth/reset/confirm", json!({ "input": { "token": token, "password": "another-pass-1" } })).await;
    assert_eq!(again, (410, json!("InvalidLink")));
    let (changed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM outbox WHERE to_addr = 'forgetful@example.jp' AND subject LIKE '%パスワードを変更しました%'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(changed, 1);
}

#[tokio::test]
async fn asking_for_a_reset_says_the_same_for_unknown_addresses_and_mails_nobody() {
    let app = spawn_app().await;
    member(&app, "known@example.jp").await;
    let known = app.client().call("auth/reset/request", json!({ "email": "known@example.jp" })).await;
    let unknown = app.client().call("auth/reset/request", json!({ "email": "unknown@example.jp" })).await;
    assert_eq!(known, unknown);
    assert!(reset_token(&app, "unknown@example.jp").await.is_none());
    assert_eq!(app.client().call("auth/reset/request", json!({ "email": "not-an-address" })).await.0, 422);
}

#[tokio::test]
async fn a_reset_link_expires_after_thirty_minutes_and_a_weak_password_keeps_it() {
    let clock = app::infra::Clock::manual(chrono::Utc::now());
    let app = spawn_app_on(fresh_database_url().await, clock.clone(), |_| {}).await;
    member(&app, "slowpoke@example.jp").await;
    let c = app.client();
    c.call("auth/reset/request", json!({ "email": "slowpoke@example.jp" })).await;
    let token = reset_token(&app, "slowpoke@example.jp").await.unwrap();
    let (status, body) =
        c.call("auth/reset/confirm", json!({ "input": { "token": token, "password": "short" } })).await;
    assert_eq!(status, 422, "{body}");
    clock.advance(chrono::Duration::minutes(31));
    let late = c.call("auth/reset/confirm", json!({ "input": { "token": token, "password": "long-enough-1" } })).await;
    assert_eq!(late.0, 410);
}

#[tokio::test]
async fn two_clicks_on_one_link_change_the_password_once() {
    let app = spawn_app().await;
    member(&app, "double@example.jp").await;
    app.client().call("auth/reset/request", json!({ "email": "double@example.jp" })).await;
    let token = reset_token(&app, "double@example.jp").await.unwrap();
    let tries = futures_util::future::join_all((0..4).map(|i| {
        let c = app.client();
        let token = token.clone();
        async move {
            c.call(
                "auth/reset/confirm",
                json!({ "input": { "token": token, "password": format!("parallel-pass-{i}") } }),
            )
            .await
            .0
        }
    }))
    .await;
    assert_eq!(tries.iter().filter(|s| **s == 200).count(), 1, "{tries:?}");
}
