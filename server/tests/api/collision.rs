//! Two staff members on one inquiry: a reply written against an older thread is refused (nothing
//! stored, nothing mailed, the draft stays in the browser), and two replies sent at the same
//! moment against the same thread store and mail exactly one.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, Client, TestApp};
use serde_json::{json, Value};

async fn staff(app: &TestApp, email: &str) -> Client {
    app.create_agent(email, "staff-password-1").await;
    let client = app.client();
    assert_eq!(client.login(email, "staff-password-1").await.0, 200);
    client
}

fn reply(id: i64, key: &str, seen: &Value) -> Value {
    json!({ "input": { "inquiry_id": id, "body": "ご回答します", "client_key": key, "seen_message_id": seen } })
}

async fn staff_replies(app: &TestApp, id: i64) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiry_messages WHERE inquiry_id = $1 AND from_staff = 1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn a_reply_against_an_older_thread_is_refused_and_two_at_once_send_one() {
    let app = spawn_app().await;
    let m = member(&app, "collide-member@example.jp").await;
    let (_, inquiry) = m.call("contact/submit", points_inquiry("collide-inquiry")).await;
    let id = inquiry["id"].as_i64().unwrap();
    let (s1, s2) = (staff(&app, "desk-one@example.jp").await, staff(&app, "desk-two@example.jp").await);
    let (_, view) = s1.call("inbox/detail", json!({ "id": id })).await;
    let seen = view["last_message_id"].clone();

    // The member adds a line after desk one opened the inquiry.
    let follow =
        json!({ "input": { "inquiry_id": id, "body": "注文番号を追記します", "client_key": "collide-follow-1" } });
    assert_eq!(m.call("contact/follow-up", follow).await.0, 200);
    assert_eq!(s1.call("inbox/reply", reply(id, "collide-reply-01", &seen)).await, (409, json!("StaleThread")));
    assert_eq!(staff_replies(&app, id).await, 0);

    // Both desks reload and answer at the same moment: one reply goes out.
    let (_, fresh) = s1.call("inbox/detail", json!({ "id": id })).await;
    let seen = fresh["last_message_id"].clone();
    assert!(seen.as_i64() > view["last_message_id"].as_i64(), "{fresh}");
    let (a, b) = tokio::join!(
        s1.call("inbox/reply", reply(id, "collide-reply-02", &seen)),
        s2.call("inbox/reply", reply(id, "collide-reply-03", &seen))
    );
    let statuses = [a.0, b.0];
    assert!(statuses.contains(&200) && statuses.contains(&409), "{a:?} {b:?}");
    assert_eq!(staff_replies(&app, id).await, 1);
    let (mails,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM outbox WHERE to_addr = 'collide-member@example.jp' AND subject LIKE '%回答%'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(mails, 1);
    // The winner's retry (same key) answers as before and stores nothing new.
    let (winner, key) = if a.0 == 200 { (&s1, "collide-reply-02") } else { (&s2, "collide-reply-03") };
    assert_eq!(winner.call("inbox/reply", reply(id, key, &seen)).await.0, 200);
    assert_eq!(staff_replies(&app, id).await, 1);
    // The page shows who has it.
    let (_, after) = s2.call("inbox/detail", json!({ "id": id })).await;
    assert!(after["assignee_id"].is_i64(), "{after}");
}
