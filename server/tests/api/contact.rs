use crate::helpers::{fresh_database_url, spawn_app_on, spawn_app_with, Client, TestApp};
use crate::smtp::SmtpSink;
use app::infra::Clock;
use serde_json::{json, Value};
use std::time::Duration;

const ACK: &str = "[Madoguchi] お問い合わせ受付完了メール";

pub async fn app_with_mail(sink: &SmtpSink) -> TestApp {
    let port = sink.port;
    spawn_app_with(move |s| {
        s.smtp_port = port;
        s.outbox_poll_ms = 200;
    })
    .await
}

/// A member who signed up and opened the verification link: logged in, address verified.
pub async fn member(app: &TestApp, email: &str) -> Client {
    let client = app.client();
    assert_eq!(client.register(email, "password-123", "山田 花子").await.0, 200);
    let (status, user) = client.verify(&app.verification_token(&email.to_lowercase()).await).await;
    assert_eq!(status, 200, "{user}");
    client
}

pub fn points_inquiry(key: &str) -> Value {
    json!({ "input": {
        "category_id": "points",
        "fields": {
            "shop_name": "じゃらん",
            "used_on": "2026-10-01",
            "order_number": "RS-123456",
            "amount": "12,800",
            "passbook_status": "not_shown",
            "message": "10月1日に予約したホテルのポイントが通帳に記載されません。"
        },
        "agree_privacy": true,
        "agree_terms": true,
        "idempotency_key": key
    }})
}

#[tokio::test]
async fn a_submitted_inquiry_gets_a_reference_a_due_date_and_an_acknowledgment_mail() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let hanako = member(&app, "hanako@example.jp").await;
    let (status, form) = hanako.call("contact/form", json!({})).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = form["categories"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["points", "account", "exchange", "withdrawal", "bug", "other"]);

    let (status, done) = hanako.call("contact/submit", points_inquiry("key-0001-aaaa")).await;
    assert_eq!(status, 200, "{done}");
    let reference = done["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("MDG-") && reference.len() == "MDG-20261125-0001".len(), "{reference}");
    assert!(done["due_at"].as_str().unwrap() > done["received_at"].as_str().unwrap());

    let mail = sink.wait_for(Duration::from_secs(15), |m| m.subject == ACK).await;
    assert_eq!(mail.to, ["hanako@example.jp"]);
    assert!(mail.text.contains(&reference), "{}", mail.text);
    assert!(mail.text.contains("ポイント獲得について"));
    assert!(mail.text.contains("12,800円"));
    assert!(mail.text.contains("回答予定"));
}

#[tokio::test]
async fn an_inquiry_without_both_consents_or_with_bad_fields_is_refused_and_nothing_is_stored() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let taro = member(&app, "taro@example.jp").await;
    let mut body = points_inquiry("key-0002-bbbb");
    body["input"]["agree_terms"] = json!(false);
    body["input"]["fields"]["used_on"] = json!("2026-02-30");
    body["input"]["fields"]["message"] = json!("あ".repeat(2001));
    let (status, err) = taro.call("contact/submit", body).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        err["Validation"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["agree_terms", "used_on", "message"]);
    assert_eq!(taro.call("contact/mine", json!({})).await.1, json!([]));
}

#[tokio::test]
async fn a_retried_submit_with_the_same_key_is_stored_and_mailed_once() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let jiro = member(&app, "jiro@example.jp").await;
    let (a, b) = tokio::join!(
        jiro.call("contact/submit", points_inquiry("same-key-1234")),
        jiro.call("contact/submit", points_inquiry("same-key-1234"))
    );
    assert_eq!((a.0, b.0), (200, 200));
    assert_eq!(a.1["reference"], b.1["reference"]);
    let again = jiro.call("contact/submit", points_inquiry("same-key-1234")).await;
    assert_eq!(again.1["reference"], a.1["reference"]);
    assert_eq!(jiro.call("contact/mine", json!({})).await.1.as_array().unwrap().len(), 1);
    sink.wait_for(Duration::from_secs(15), |m| m.subject == ACK).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.received().iter().filter(|m| m.subject == ACK).count(), 1);
}

#[tokio::test]
async fn with_the_mail_server_down_the_submit_succeeds_and_the_mail_goes_out_once_it_is_back() {
    let mut sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let saburo = member(&app, "saburo@example.jp").await;
    sink.stop();
    let (status, done) = saburo.call("contact/submit", points_inquiry("key-down-0001")).await;
    assert_eq!(status, 200, "{done}");
    tokio::time::sleep(Duration::from_millis(1500)).await; // the worker tries and fails meanwhile
    let (attempts,): (i64,) =
        sqlx::query_as("SELECT attempts FROM outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(attempts >= 1, "the worker should have tried");
    sink.restart().await;
    let mail = sink.wait_for(Duration::from_secs(30), |m| m.subject == ACK).await;
    assert!(mail.text.contains(done["reference"].as_str().unwrap()));
}

#[tokio::test]
async fn two_instances_on_one_database_never_send_the_same_mail_twice() {
    let sink = SmtpSink::start().await;
    let url = fresh_database_url().await;
    let port = sink.port;
    let configure = move |s: &mut app::infra::Settings| {
        s.smtp_port = port;
        s.outbox_poll_ms = 50;
    };
    let a = spawn_app_on(url.clone(), Clock::System, configure).await;
    let _b = spawn_app_on(url, Clock::System, configure).await;
    for i in 0..30 {
        sqlx::query(
            "INSERT INTO outbox (to_addr, subject, body, next_attempt_at, created_at) VALUES ($1, $2, 'x', 0, 0)",
        )
        .bind(format!("m{i}@example.jp"))
        .bind(format!("batch {i}"))
        .execute(&a.state.db.pool)
        .await
        .unwrap();
    }
    sink.wait_for(Duration::from_secs(30), |_| sink.received().len() >= 30).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let mut subjects: Vec<String> = sink.received().into_iter().map(|m| m.subject).collect();
    subjects.sort();
    let total = subjects.len();
    subjects.dedup();
    assert_eq!((total, subjects.len()), (30, 30));
}

#[tokio::test]
async fn one_member_cannot_read_or_write_to_another_members_inquiry() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let owner = member(&app, "owner@example.jp").await;
    let other = member(&app, "other@example.jp").await;
    let (_, done) = owner.call("contact/submit", points_inquiry("key-own-0001")).await;
    let id = done["id"].as_i64().unwrap();
    assert_eq!(owner.call("contact/detail", json!({ "id": id })).await.0, 200);
    assert_eq!(other.call("contact/detail", json!({ "id": id })).await, (404, json!("NotFound")));
    let (status, _) = other
        .call(
            "contact/follow-up",
            json!({ "input": { "inquiry_id": id, "body": "のぞき見", "client_key": "test-key-0005" } }),
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(other.call("contact/mine", json!({})).await.1, json!([]));
    assert_eq!(app.client().call("contact/submit", points_inquiry("key-anon-001")).await.0, 401);
}

#[tokio::test]
async fn a_member_is_limited_to_the_configured_number_of_inquiries_an_hour() {
    let app = spawn_app_with(|s| s.limits.contact_submit = app::infra::limits::RateLimit::new(2, 3600)).await;
    let shiro = member(&app, "shiro@example.jp").await;
    assert_eq!(shiro.call("contact/submit", points_inquiry("key-rate-0001")).await.0, 200);
    assert_eq!(shiro.call("contact/submit", points_inquiry("key-rate-0002")).await.0, 200);
    let (status, body) = shiro.call("contact/submit", points_inquiry("key-rate-0003")).await;
    assert_eq!(status, 429, "{body}");
}
