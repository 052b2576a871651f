use crate::contact::{app_with_mail, member, points_inquiry};
use crate::helpers::{fresh_database_url, spawn_app_on};
use crate::smtp::SmtpSink;
use app::infra::Clock;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn members_cannot_call_any_inbox_function() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let m = member(&app, "m@example.jp").await;
    for (endpoint, body) in [
        (
            "inbox/list",
            json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false } }),
        ),
        ("inbox/detail", json!({ "id": 1 })),
        ("inbox/reply", json!({ "input": { "inquiry_id": 1, "body": "x", "client_key": "test-key-0006" } })),
        ("inbox/note", json!({ "input": { "inquiry_id": 1, "body": "x", "client_key": "test-key-0007" } })),
        ("inbox/status", json!({ "id": 1, "status": "Closed" })),
        ("inbox/assign", json!({ "id": 1 })),
        ("inbox/canned/list", json!({})),
        ("inbox/canned/save", json!({ "input": { "title": "t", "body": "b" } })),
    ] {
        assert_eq!(m.call(endpoint, body).await, (403, json!("Forbidden")), "{endpoint}");
    }
}

#[tokio::test]
async fn staff_reply_is_mailed_and_shown_in_the_members_history_while_notes_stay_internal() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let hanako = member(&app, "hanako@example.jp").await;
    let (_, done) = hanako.call("contact/submit", points_inquiry("key-reply-001")).await;
    let id = done["id"].as_i64().unwrap();
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;

    let (status, page) = staff.call("inbox/list", json!({ "filter": { "status": "New", "category_id": "points", "assignee": "Unassigned", "overdue_only": false } })).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["next"], Value::Null);
    let rows = &page["rows"];
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["member_name"], "山田 花子");
    assert_eq!(rows[0]["overdue"], false);

    let (status, taken) = staff.call("inbox/assign", json!({ "id": id })).await;
    assert_eq!(status, 200);
    assert_eq!(taken["detail"]["summary"]["status"], "InProgress");
    staff
        .call(
            "inbox/note",
            json!({ "input": { "inquiry_id": id, "body": "広告主に照会済み(社内用)", "client_key": "test-key-0008" } }),
        )
        .await;
    let (status, replied) = staff
        .call(
            "inbox/reply",
            json!({ "input": { "inquiry_id": id, "body": "お待たせしました。ポイントを付与いたしました。", "client_key": "test-key-0009" } }),
        )
        .await;
    assert_eq!(status, 200, "{replied}");
    assert_eq!(replied["detail"]["summary"]["status"], "Answered");
    assert_eq!(replied["notes"][0]["body"], "広告主に照会済み(社内用)");

    let (_, mine) = hanako.call("contact/detail", json!({ "id": id })).await;
    assert_eq!(mine["summary"]["status"], "Answered");
    assert_eq!(mine["thread"][0]["body"], "お待たせしました。ポイントを付与いたしました。");
    assert_eq!(mine["thread"][0]["from_staff"], true);
    assert!(!mine.to_string().contains("社内用"), "internal notes must never reach the member");

    let mail = sink.wait_for(Duration::from_secs(15), |m| m.subject.contains("ご回答")).await;
    assert_eq!(mail.to, ["hanako@example.jp"]);
    assert!(mail.text.contains("ポイントを付与いたしました"));

    // A follow-up sends it back to the desk.
    let (status, after) = hanako
        .call(
            "contact/follow-up",
            json!({ "input": { "inquiry_id": id, "body": "ありがとうございました。もう一点…", "client_key": "test-key-0010" } }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(after["summary"]["status"], "InProgress");
}

#[tokio::test]
async fn an_inquiry_unanswered_past_one_business_day_is_overdue() {
    let url = fresh_database_url().await;
    // Wednesday 2026-11-25 12:00 JST: due Thursday 12:00.
    let clock = Clock::manual(chrono::DateTime::parse_from_rfc3339("2026-11-25T12:00:00+09:00").unwrap().to_utc());
    let app = spawn_app_on(url, clock.clone(), |_| {}).await;
    let m = member(&app, "late@example.jp").await;
    let (_, done) = m.call("contact/submit", points_inquiry("key-late-0001")).await;
    assert_eq!(done["due_at"], "2026-11-26T12:00:00+09:00");
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    let overdue =
        json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": true } });
    assert_eq!(staff.call("inbox/list", overdue.clone()).await.1, json!({ "rows": [], "next": null }));
    clock.advance(chrono::Duration::hours(25));
    // Staff sessions last 12 hours: a day later the desk logs in again.
    assert_eq!(staff.call("inbox/list", overdue.clone()).await.0, 401);
    staff.login("staff@example.jp", "staff-password-1").await;
    let (_, page) = staff.call("inbox/list", overdue).await;
    let rows = &page["rows"];
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["overdue"], true);
}

#[tokio::test]
async fn staff_save_canned_replies() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    let (status, list) = staff
        .call(
            "inbox/canned/save",
            json!({ "input": { "title": "付与のお知らせ", "body": "ポイントを付与いたしました。" } }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["title"], "付与のお知らせ");
    let (status, _) = staff.call("inbox/canned/save", json!({ "input": { "title": "", "body": "" } })).await;
    assert_eq!(status, 422);
}

/// 250 inquiries page by 100 in due order; every one appears exactly once, also when new ones
/// arrive between pages, and filters combine with the cursor.
#[tokio::test]
async fn the_inbox_pages_by_keyset_without_skipping_or_repeating() {
    let app = crate::helpers::spawn_app().await;
    let m = member(&app, "many@example.jp").await;
    let (_, done) = m.call("contact/submit", points_inquiry("key-many-0000")).await;
    let member_id: (i64,) = sqlx::query_as("SELECT member_id FROM inquiries WHERE id = $1")
        .bind(done["id"].as_i64().unwrap())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // Written straight into the database: 249 more, due times with ties (ten per minute).
    let insert = |n: i64, due: i64| {
        let pool = app.state.db.pool.clone();
        async move {
            sqlx::query(
                "INSERT INTO inquiries (reference, member_id, category_id, fields, status, idempotency_key, received_at, due_at, updated_at)
                 VALUES ($1, $2, 'points', '{}', 'new', $3, 0, $4, 0)",
            )
            .bind(format!("MDG-PAGE-{n:04}"))
            .bind(member_id.0)
            .bind(format!("page-{n}"))
            .bind(due)
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    for n in 1..250 {
        insert(n, 1_900_000_000_000 + (n / 10) * 60_000).await;
    }
    app.create_staff("pager@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("pager@example.jp", "staff-password-1").await;
    let mut filter = json!({ "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false });
    let mut seen: Vec<(i64, i64)> = Vec::new();
    let mut pages = 0;
    loop {
        let (status, page) = staff.call("inbox/list", json!({ "filter": filter })).await;
        assert_eq!(status, 200, "{page}");
        pages += 1;
        for row in page["rows"].as_array().unwrap() {
            let due = chrono::DateTime::parse_from_rfc3339(row["summary"]["due_at"].as_str().unwrap()).unwrap();
            seen.push((due.timestamp_millis(), row["summary"]["id"].as_i64().unwrap()));
        }
        if pages == 1 {
            assert_eq!(page["rows"].as_array().unwrap().len(), 100);
            // One arriving after the first page, due before everything: a later page never
            // shows it (it sorts before the cursor) and nothing shifts.
            insert(9_999, 0).await;
        }
        if page["next"].is_null() {
            break;
        }
        filter["after"] = page["next"].clone();
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 250, "every inquiry once");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "in due order, no repeats");
    // The cursor combines with filters: only unassigned, from the middle.
    let middle = json!({ "key": seen[149].0, "id": seen[149].1 });
    let (_, rest) = staff
        .call("inbox/list", json!({ "filter": { "status": "New", "category_id": "points", "assignee": "Unassigned", "overdue_only": false, "after": middle } }))
        .await;
    assert_eq!(rest["rows"].as_array().unwrap().len(), 100);
    assert_eq!(rest["rows"][0]["summary"]["id"].as_i64().unwrap(), seen[150].1);
}
