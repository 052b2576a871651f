//! Withdrawal and data export: the member's own download holds their data and nobody else's;
//! closing the account (by the member with the password, or by staff on request) ends the
//! sessions, refuses login, erases the personal data, keeps the anonymized rows statistics count,
//! and mails a confirmation to the address before it goes.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, Client, TestApp};
use serde_json::{json, Value};

async fn export(app: &TestApp, client: &Client) -> (u16, Option<String>, Value) {
    let r = client.http.get(format!("{}/api/account/export.json", app.address)).send().await.unwrap();
    let status = r.status().as_u16();
    let disposition = r.headers().get("content-disposition").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (status, disposition, r.json().await.unwrap_or(Value::Null))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

#[tokio::test]
async fn the_export_holds_the_members_own_data_and_nobody_elses() {
    let app = spawn_app().await;
    let me = member(&app, "export-me@example.jp").await;
    let other = member(&app, "export-other@example.jp").await;
    assert_eq!(me.call("contact/submit", points_inquiry("export-1")).await.0, 200);
    let mut theirs = points_inquiry("export-2");
    theirs["input"]["fields"]["message"] = json!("ほかの会員の秘密");
    assert_eq!(other.call("contact/submit", theirs).await.0, 200);
    let (status, _) =
        me.call("ideas/post", json!({ "input": { "title": "ポイント履歴のCSV", "body": "ほしいです" } })).await;
    assert_eq!(status, 200);

    let (status, disposition, data) = export(&app, &me).await;
    assert_eq!(status, 200);
    assert_eq!(disposition.as_deref(), Some("attachment; filename=\"madoguchi-data.json\""));
    assert_eq!(data["profile"]["email"], "export-me@example.jp");
    assert_eq!(data["inquiries"].as_array().unwrap().len(), 1);
    assert_eq!(data["inquiries"][0]["answers"]["order_number"], "RS-123456");
    assert_eq!(data["ideas"][0]["title"], "ポイント履歴のCSV");
    let text = data.to_string();
    assert!(!text.contains("ほかの会員の秘密") && !text.contains("export-other"), "{text}");
    assert_eq!(export(&app, &app.client()).await.0, 401, "visitors get nothing");
}

#[tokio::test]
async fn withdrawal_erases_personal_data_keeps_statistics_and_mails_first() {
    let app = spawn_app().await;
    let me = member(&app, "leaving@example.jp").await;
    let laptop = app.client();
    assert_eq!(laptop.login("leaving@example.jp", "password-123").await.0, 200);
    let (status, submitted) = me.call("contact/submit", points_inquiry("leave-key-01")).await;
    assert_eq!(status, 200, "{submitted}");
    let inquiry = submitted["id"].as_i64().unwrap();
    let follow =
        json!({ "input": { "inquiry_id": inquiry, "body": "追記の個人的な話", "client_key": "leave-key-0001" } });
    assert_eq!(me.call("contact/follow-up", follow).await.0, 200);
    let id = me.me().await["id"].as_i64().unwrap();

    let (status, body) = me.call("account/withdraw", json!({ "password": "not-my-password" })).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(me.call("account/withdraw", json!({ "password": "password-123" })).await, (200, Value::Null));

    assert!(me.me().await.is_null() && laptop.me().await.is_null(), "every session ended");
    assert_eq!(app.client().login("leaving@example.jp", "password-123").await.0, 401);
    let (email, name): (String, String) = sqlx::query_as("SELECT email, display_name FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(name, "退会済みの会員");
    assert!(!email.contains("leaving"), "{email}");
    // The inquiry still counts; what the member wrote does not survive.
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM inquiries WHERE member_id = {id}")).await, 1);
    let fields: (String,) = sqlx::query_as("SELECT fields FROM inquiries WHERE id = $1")
        .bind(inquiry)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(fields.0, "{}");
    let written = count(&app, "SELECT COUNT(*) FROM inquiry_messages WHERE body LIKE '%個人的な話%'").await;
    assert_eq!(written, 0);
    // The confirmation is the only mail left for the address.
    let mails: Vec<(String,)> = sqlx::query_as("SELECT subject FROM outbox WHERE to_addr = 'leaving@example.jp'")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].0.contains("退会手続きが完了しました"));
    // The address is free to sign up again, as a new account.
    let again = member(&app, "leaving@example.jp").await;
    assert_ne!(again.me().await["id"].as_i64().unwrap(), id);
}

#[tokio::test]
async fn staff_close_an_account_on_request_once() {
    let app = spawn_app().await;
    let asking = member(&app, "asks-to-leave@example.jp").await;
    app.create_staff("desk@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("desk@example.jp", "staff-password-1").await.0, 200);
    let staff_id = staff.me().await["id"].as_i64().unwrap();
    // Two clicks at once close it once.
    let body = json!({ "email": " Asks-To-Leave@example.jp " });
    let (a, b) =
        tokio::join!(staff.call("admin/members/withdraw", body.clone()), staff.call("admin/members/withdraw", body));
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 404]);
    assert!(asking.me().await.is_null());
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM users WHERE withdrawn_by = {staff_id}")).await,
        1,
        "recorded with the staff member"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox WHERE to_addr = 'asks-to-leave@example.jp'").await, 1);
    // Staff accounts are not closed from here.
    let (status, _) = staff.call("admin/members/withdraw", json!({ "email": "desk@example.jp" })).await;
    assert_eq!(status, 404);
}
