//! Address change (link to the new address, notice to the old, switch only on the link), mails in
//! the member's language, and the unread-reply badge.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, TestApp};
use serde_json::{json, Value};

async fn mails_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body FROM outbox WHERE to_addr = $1 ORDER BY id")
        .bind(to)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

fn token_in(body: &str, page: &str) -> String {
    body.split(&format!("{page}?token=")).nth(1).and_then(|r| r.split_whitespace().next()).expect("a link").to_owned()
}

#[tokio::test]
async fn a_new_address_counts_only_once_its_link_is_opened() {
    let app = spawn_app().await;
    let me = member(&app, "old-address@example.jp").await;
    let change = |password: &str| json!({ "change": { "new_email": "new-address@example.jp", "password": password } });
    assert_eq!(me.call("account/email", change("wrong-password")).await.0, 422);
    assert_eq!(me.call("account/email", change("password-123")).await, (200, Value::Null));
    let to_new = mails_to(&app, "new-address@example.jp").await;
    assert_eq!(to_new.len(), 1);
    let notice = mails_to(&app, "old-address@example.jp").await;
    assert!(notice.iter().any(|(s, b)| s.contains("メールアドレス変更のお申し込み") && b.contains("ne***@example.jp")));
    // Nothing changed yet.
    assert_eq!(app.client().login("new-address@example.jp", "password-123").await.0, 401);

    let token = token_in(&to_new[0].1, "/account/email");
    let stranger = app.client();
    assert_eq!(stranger.call("account/email/confirm", json!({ "token": token })).await, (200, Value::Null));
    assert_eq!(app.client().login("new-address@example.jp", "password-123").await.0, 200);
    assert_eq!(app.client().login("old-address@example.jp", "password-123").await.0, 401);
    assert_eq!(me.me().await["email"], "new-address@example.jp", "the session carries on");
    assert!(mails_to(&app, "old-address@example.jp")
        .await
        .iter()
        .any(|(s, _)| s.contains("メールアドレスを変更しました")));
    assert_eq!(stranger.call("account/email/confirm", json!({ "token": token })).await, (410, json!("InvalidLink")));
}

#[tokio::test]
async fn an_address_taken_meanwhile_is_refused_at_the_link() {
    let app = spawn_app().await;
    let me = member(&app, "mover@example.jp").await;
    let body = json!({ "change": { "new_email": "wanted@example.jp", "password": "password-123" } });
    assert_eq!(me.call("account/email", body).await.0, 200);
    let token = token_in(&mails_to(&app, "wanted@example.jp").await[0].1, "/account/email");
    member(&app, "wanted@example.jp").await;
    let (status, answer) = me.call("account/email/confirm", json!({ "token": token })).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer.to_string().contains("EmailInUse"));
    assert_eq!(me.me().await["email"], "mover@example.jp");
}

#[tokio::test]
async fn mails_are_written_in_the_members_language() {
    let app = spawn_app().await;
    let english = app.client();
    let body = json!({ "input": { "email": "en@example.jp", "password": "password-123", "display_name": "Pat", "lang": "En" } });
    assert_eq!(english.call("auth/register", body).await.0, 200);
    let mails = mails_to(&app, "en@example.jp").await;
    assert_eq!(mails[0].0, "[Madoguchi] Confirm your email address");
    assert!(!mails[0].1.contains("様"), "English only: {}", mails[0].1);

    let japanese = member(&app, "ja@example.jp").await;
    assert!(mails_to(&app, "ja@example.jp").await[0].0.contains("メールアドレスの確認"));
    let (status, settings) =
        japanese.call("account/mail-settings", json!({ "change": { "lang": "En", "idea_decisions": false } })).await;
    assert_eq!((status, settings), (200, json!({ "lang": "En", "idea_decisions": false })));
    assert_eq!(japanese.call("account/mail-settings", json!({ "change": null })).await.1["lang"], "En");
    assert_eq!(app.client().call("auth/reset/request", json!({ "email": "ja@example.jp" })).await.0, 200);
    assert_eq!(mails_to(&app, "ja@example.jp").await.last().unwrap().0, "[Madoguchi] Reset your password");
}

#[tokio::test]
async fn a_reply_is_unread_until_the_member_opens_the_inquiry() {
    let app = spawn_app().await;
    let me = member(&app, "reader@example.jp").await;
    let (_, submitted) = me.call("contact/submit", points_inquiry("unread-key-01")).await;
    let id = submitted["id"].as_i64().unwrap();
    assert_eq!(me.me().await["unread_replies"], 0);
    app.create_staff("desk@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("desk@example.jp", "staff-password-1").await.0, 200);
    let reply = json!({ "input": { "inquiry_id": id, "body": "確認しました。", "client_key": "reply-key-0001" } });
    assert_eq!(staff.call("inbox/reply", reply).await.0, 200);
    assert_eq!(me.me().await["unread_replies"], 1);
    assert_eq!(me.call("contact/mine", json!({})).await.1[0]["unread"], true);
    assert_eq!(me.call("contact/detail", json!({ "id": id })).await.0, 200);
    assert_eq!(me.me().await["unread_replies"], 0);
    assert_eq!(me.call("contact/mine", json!({})).await.1[0]["unread"], false);
}

#[tokio::test]
async fn one_change_link_opened_twice_at_once_switches_once() {
    let app = spawn_app().await;
    let me = member(&app, "racer@example.jp").await;
    let body = json!({ "change": { "new_email": "raced@example.jp", "password": "password-123" } });
    assert_eq!(me.call("account/email", body).await.0, 200);
    let token = token_in(&mails_to(&app, "raced@example.jp").await[0].1, "/account/email");
    let (a, b) = (app.client(), app.client());
    let (x, y) = tokio::join!(
        a.call("account/email/confirm", json!({ "token": token })),
        b.call("account/email/confirm", json!({ "token": token }))
    );
    let mut statuses = [x.0, y.0];
    statuses.sort();
    assert_eq!(statuses, [200, 410]);
    let done = mails_to(&app, "racer@example.jp").await;
    assert_eq!(done.iter().filter(|(s, _)| s.contains("メールアドレスを変更しました")).count(), 1, "told once");
}
