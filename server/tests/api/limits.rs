//! Rate limits under parallel requests, on whichever database the suite runs on: every limit is
//! one statement in the database, so a burst cannot slip past a check made before it records.
use crate::contact::member;
use crate::helpers::{spawn_app_with, TestApp};
use app::infra::client_addr::Network;
use app::infra::limits::RateLimit;
use futures_util::future::join_all;
use serde_json::json;

fn behind_our_proxy(app_settings: &mut app::infra::Settings) {
    // The tests stand in for a reverse proxy on 127.0.0.1 that appends the client's address.
    app_settings.trusted_proxies = vec![Network::parse("127.0.0.1").unwrap()];
}

async fn login_from(app: &TestApp, forwarded_for: &str, email: &str, password: &str) -> (u16, Option<String>) {
    let response = app
        .client()
        .http
        .post(format!("{}/api/auth/login", app.address))
        .header("content-type", "application/json")
        .header("x-forwarded-for", forwarded_for)
        .body(json!({ "input": { "email": email, "password": password } }).to_string())
        .send()
        .await
        .unwrap();
    let retry = response.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (response.status().as_u16(), retry)
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_are_at_most_five_checks() {
    let app = spawn_app_with(|_| {}).await;
    member(&app, "owner@example.jp").await;
    let attempts = (0..30).map(|_| async {
        let c = app.client();
        c.login("owner@example.jp", "wrong-password-1").await.0
    });
    let statuses = join_all(attempts).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let limited = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(checked + limited, 30, "{statuses:?}");
    assert_eq!(checked, 5, "exactly the limit was checked: {statuses:?}");
}

#[tokio::test]
async fn a_limited_request_says_when_to_come_back() {
    let app = spawn_app_with(|s| s.limits.login_account_address = RateLimit::new(1, 300)).await;
    let c = app.client();
    assert_eq!(c.login("nobody@example.jp", "wrong-password-1").await.0, 401);
    let response = c
        .http
        .post(format!("{}/api/auth/login", app.address))
        .header("content-type", "application/json")
        .body(json!({ "input": { "email": "nobody@example.jp", "password": "x" } }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    let retry: i64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=300).contains(&retry), "{retry}");
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["RateLimited"]["retry_after_secs"].as_i64().is_some(), "{body}");
}

#[tokio::test]
async fn parallel_sign_ups_past_the_limit_are_refused() {
    let app = spawn_app_with(|s| s.limits.register = RateLimit::new(10, 3600)).await;
    let attempts = (0..25).map(|i| {
        let c = app.client();
        async move { c.register(&format!("new{i}@example.jp"), "password-123", "新規 会員").await.0 }
    });
    let statuses = join_all(attempts).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 15, "{statuses:?}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 10);
}

#[tokio::test]
async fn failed_sign_ups_count_too() {
    let app = spawn_app_with(|s| s.limits.register = RateLimit::new(2, 3600)).await;
    let c = app.client();
    assert_eq!(c.register("taken@example.jp", "password-123", "一人目").await.0, 200);
    let again = app.client();
    // The same answer for a registered address — and it still takes a slot.
    assert_eq!(again.register("taken@example.jp", "password-123", "二人目").await.0, 200);
    assert_eq!(again.register("other@example.jp", "password-123", "三人目").await.0, 429);
}

#[tokio::test]
async fn a_stranger_cannot_lock_the_owner_out() {
    let app = spawn_app_with(behind_our_proxy).await;
    member(&app, "owner@example.jp").await;
    // The attacker forges a leftmost hop; our proxy appended the real address on the right.
    for _ in 0..5 {
        assert_eq!(login_from(&app, "198.51.100.7, 203.0.113.9", "owner@example.jp", "guess-1234").await.0, 401);
    }
    let (status, retry) = login_from(&app, "198.51.100.7, 203.0.113.9", "owner@example.jp", "guess-1234").await;
    assert_eq!((status, retry.is_some()), (429, true), "the attacker's own address is limited");
    // The owner, from their own address (the one the attacker tried to forge), is not.
    assert_eq!(login_from(&app, "198.51.100.7", "owner@example.jp", "password-123").await.0, 200);
}

#[tokio::test]
async fn the_account_ceiling_spares_exempt_networks() {
    let app = spawn_app_with(|s| {
        behind_our_proxy(s);
        s.limits.login_account = RateLimit::new(3, 3600);
        s.login_exempt_networks = vec![Network::parse("10.20.0.0/16").unwrap()];
    })
    .await;
    member(&app, "staff-like@example.jp").await;
    // Guesses from many addresses fill the account's ceiling…
    for i in 0..3 {
        let from = format!("203.0.113.{i}");
        assert_eq!(login_from(&app, &from, "staff-like@example.jp", "guess-1234").await.0, 401);
    }
    assert_eq!(login_from(&app, "203.0.113.50", "staff-like@example.jp", "password-123").await.0, 429);
    // …but the office network still gets in.
    assert_eq!(login_from(&app, "10.20.3.4", "staff-like@example.jp", "password-123").await.0, 200);
}

#[tokio::test]
async fn inquiries_ideas_and_votes_are_limited_per_member() {
    let app = spawn_app_with(|s| {
        s.limits.contact_submit = RateLimit::new(2, 3600);
        s.limits.idea_post = RateLimit::new(1, 86_400);
    })
    .await;
    let m = member(&app, "busy@example.jp").await;
    let submits = (0..6).map(|i| {
        let m = &m;
        async move { m.call("contact/submit", crate::contact::points_inquiry(&format!("key-{i}-abcdefgh"))).await.0 }
    });
    let statuses = join_all(submits).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 2, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 4, "{statuses:?}");
    // With the limit used up, a retry of a stored submit still answers with what was stored.
    let (stored,): (String,) = sqlx::query_as("SELECT idempotency_key FROM inquiries ORDER BY id LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(m.call("contact/submit", crate::contact::points_inquiry(&stored)).await.0, 200);
    let idea = |t: &str| json!({ "input": { "title": t, "body": "本文です" } });
    assert_eq!(m.call("ideas/post", idea("一つ目の提案")).await.0, 200);
    assert_eq!(m.call("ideas/post", idea("二つ目の提案")).await.0, 429);
}
