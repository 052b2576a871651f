//! Events out (issue #24): signed webhooks written with the changes they report, delivered at
//! least once with retries, deduplicated by id, with a log supervisors can resend from.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app_with, TestApp};
use crate::parent::supervisor;
use app::webhooks::server::sign;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SECRET: &str = "webhook-secret-for-the-tests-0123456789";

/// One attempt as the receiver saw it: event id, type, body, signature valid.
type Attempt = (String, String, Value, bool);

/// What a receiver got, every attempt.
#[derive(Clone, Default)]
struct Inbox {
    attempts: Arc<Mutex<Vec<Attempt>>>,
    /// Attempts answered 500 before the receiver starts taking events.
    fail_first: usize,
}

async fn receive(State(inbox): State<Inbox>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let valid = sign::verify(SECRET.as_bytes(), &header(sign::SIGNATURE_HEADER), &body, chrono::Utc::now().timestamp());
    let value: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut seen = inbox.attempts.lock().unwrap();
    seen.push((header(sign::EVENT_ID_HEADER), header(sign::EVENT_TYPE_HEADER), value, valid));
    if seen.len() <= inbox.fail_first {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::NO_CONTENT
    }
}

async fn receiver(fail_first: usize) -> (String, Inbox) {
    let inbox = Inbox { fail_first, ..Default::default() };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let router = axum::Router::new().route("/hooks", axum::routing::post(receive)).with_state(inbox.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, inbox)
}

async fn app_sending_to(url: &str, subject: bool) -> TestApp {
    let url = url.to_owned();
    spawn_app_with(move |s| {
        s.webhook_urls = vec![url];
        s.webhook_secret = Some(SECRET.into());
        s.webhook_member_subject = subject;
    })
    .await
}

/// Waits until no delivery is pending (or fails after 30 s).
async fn settled(app: &TestApp) {
    for _ in 0..300 {
        let (pending,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        if pending == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("webhooks still pending after 30 s");
}

/// The events taken (answered 2xx), in order.
fn taken(inbox: &Inbox) -> Vec<Attempt> {
    let seen = inbox.attempts.lock().unwrap();
    seen.iter().skip(inbox.fail_first).cloned().collect()
}

#[tokio::test]
async fn events_arrive_once_each_signed_after_a_receiver_fails_twice() {
    let (url, inbox) = receiver(2).await;
    let app = app_sending_to(&url, false).await;
    let m = member(&app, "hook-a@example.jp").await;
    let staff = supervisor(&app).await;
    let (status, submitted) = m.call("contact/submit", points_inquiry("webhook-inquiry-0001")).await;
    assert_eq!(status, 200, "{submitted}");
    let id = submitted["id"].as_i64().unwrap();
    // The receiver refuses its first two attempts: the first event is retried (1 s, then 2 s).
    settled(&app).await;
    let reply = json!({ "input": { "inquiry_id": id, "body": "確認いたします。", "client_key": "hook-reply-1" } });
    let (status, answer) = staff.call("inbox/reply", reply).await;
    assert_eq!(status, 200, "{answer}");
    let follow =
        json!({ "input": { "inquiry_id": id, "body": "まだ記載されません。", "client_key": "hook-follow-1" } });
    assert_eq!(m.call("contact/follow-up", follow).await.0, 200);
    assert_eq!(staff.call("inbox/status", json!({ "id": id, "status": "Closed" })).await.0, 200);
    settled(&app).await;

    let got = taken(&inbox);
    let types: Vec<&str> = got.iter().map(|(_, t, _, _)| t.as_str()).collect();
    assert_eq!(types, ["inquiry.created", "inquiry.replied", "inquiry.reopened", "inquiry.closed"], "{got:?}");
    let ids: std::collections::BTreeSet<&str> = got.iter().map(|(id, _, _, _)| id.as_str()).collect();
    assert_eq!(ids.len(), 4, "each event once, with its own id");
    assert!(got.iter().all(|(_, _, _, valid)| *valid), "every body carries a valid signature");
    // The first event was tried three times with the same id (two refusals, then taken).
    let all = inbox.attempts.lock().unwrap().clone();
    assert_eq!(all[0].0, all[2].0, "retries keep the event id");
    let created = &got[0].2;
    assert_eq!(created["type"], "inquiry.created");
    assert_eq!(created["version"], 1);
    assert_eq!(created["data"]["inquiry"]["id"], id);
    assert_eq!(created["data"]["inquiry"]["category"], "points");
    assert_eq!(got[2].2["data"]["via"], "site");
    // Minimal personal data: our member number only; no name, address, field values or texts.
    let text = got.iter().map(|(_, _, v, _)| v.to_string()).collect::<String>();
    for secret in ["hook-a@example.jp", "山田", "じゃらん", "RS-123456", "確認いたします", "まだ記載"]
    {
        assert!(!text.contains(secret), "{secret} leaked into an event: {text}");
    }
    assert!(created["data"]["member"]["parent_id"].is_null());

    // The log, for supervisors only; a resend keeps the event id.
    let (status, log) = staff.call("admin/webhooks", json!({ "before_id": null })).await;
    assert_eq!(status, 200, "{log}");
    let deliveries = log["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 4);
    assert!(deliveries.iter().all(|d| d["status"] == "Delivered"), "{log}");
    let oldest = &deliveries[3];
    assert_eq!(oldest["attempts"], 3);
    app.create_agent("hook-agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("hook-agent@example.jp", "agent-password-1").await.0, 200);
    assert_eq!(agent.call("admin/webhooks", json!({ "before_id": null })).await.0, 403);
    assert_eq!(agent.call("admin/webhooks/resend", json!({ "id": oldest["id"] })).await.0, 403);
    // Five supervisors' tabs pressing "send again" at once: sent again once, audited once.
    let resends = (0..5).map(|_| staff.call("admin/webhooks/resend", json!({ "id": oldest["id"] })));
    for (status, body) in futures_util::future::join_all(resends).await {
        assert_eq!(status, 200, "{body}");
    }
    settled(&app).await;
    let again = taken(&inbox);
    assert_eq!(again.len(), 5);
    assert_eq!(again[4].0, got[0].0, "a resend carries the same event id");
    let (audited,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook_resend'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
    assert_eq!(staff.call("admin/webhooks/resend", json!({ "id": 999_999 })).await.0, 404);
}

#[tokio::test]
async fn a_withdrawal_sends_an_erase_event_naming_the_parent_id_when_allowed() {
    let (url, inbox) = receiver(0).await;
    let app = app_sending_to(&url, true).await;
    let m = member(&app, "hook-b@example.jp").await;
    sqlx::query("UPDATE users SET sso_subject = 'p-7007' WHERE email = 'hook-b@example.jp'")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let member_id = m.user_view().await.id;
    let staff = supervisor(&app).await;
    let (status, body) = staff.call("admin/members/withdraw", json!({ "email": "hook-b@example.jp" })).await;
    assert_eq!(status, 200, "{body}");
    settled(&app).await;
    let got = taken(&inbox);
    let erase = got.iter().find(|(_, t, _, _)| t == "member.withdrawn").expect("an erase event");
    assert_eq!(erase.2["data"]["member"], json!({ "id": member_id, "parent_id": "p-7007" }));
    assert_eq!(erase.2["data"]["by"], "staff");
}

#[tokio::test]
async fn without_receivers_no_event_is_written() {
    let app = spawn_app_with(|_| {}).await;
    let m = member(&app, "hook-c@example.jp").await;
    assert_eq!(m.call("contact/submit", points_inquiry("webhook-inquiry-0003")).await.0, 200);
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM webhook_deliveries").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_receiver_must_be_https_except_on_loopback_and_needs_a_long_secret() {
    use app::webhooks::server::Receivers;
    let with = |urls: &[&str], secret: Option<&str>| app::infra::Settings {
        webhook_urls: urls.iter().map(|u| (*u).to_owned()).collect(),
        webhook_secret: secret.map(str::to_owned),
        ..Default::default()
    };
    assert!(Receivers::from_settings(&with(&[], None)).unwrap().is_none());
    assert!(Receivers::from_settings(&with(&["https://hooks.example.jp/x"], Some(SECRET))).unwrap().is_some());
    assert!(Receivers::from_settings(&with(&["slack+https://hooks.slack.com/x"], Some(SECRET))).unwrap().is_some());
    assert!(Receivers::from_settings(&with(&["http://127.0.0.1:9/x"], Some(SECRET))).unwrap().is_some());
    assert!(Receivers::from_settings(&with(&["http://hooks.example.jp/x"], Some(SECRET))).is_err());
    assert!(Receivers::from_settings(&with(&["https://hooks.example.jp/x"], Some("short"))).is_err());
    assert!(Receivers::from_settings(&with(&["not a url"], Some(SECRET))).is_err());
}
