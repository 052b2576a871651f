//! The desk's corrections and exports (issue #23): the first-reply target fixed on arrival,
//! recategorizing, and the inquiry CSV.
use crate::chat_support::open_hours_at;
use crate::contact::{member, points_inquiry};
use crate::helpers::{fresh_database_url, spawn_app_on, Client, TestApp};
use app::infra::Clock;
use serde_json::json;

async fn desk(clock: Clock) -> (TestApp, Client, Client) {
    let app = spawn_app_on(fresh_database_url().await, clock, |_| {}).await;
    let m = member(&app, "figures@example.jp").await;
    app.create_staff("figures-boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    assert_eq!(boss.login("figures-boss@example.jp", "staff-password-1").await.0, 200);
    (app, m, boss)
}

async fn submit(m: &Client, key: &str) -> i64 {
    let (status, body) = m.call("contact/submit", points_inquiry(key)).await;
    assert_eq!(status, 200, "{body}");
    body["id"].as_i64().unwrap()
}

async fn reply(boss: &Client, id: i64, key: &str) {
    let body = json!({ "input": { "inquiry_id": id, "body": "ご連絡ありがとうございます。", "client_key": key } });
    let (status, answer) = boss.call("inbox/reply", body).await;
    assert_eq!(status, 200, "{answer}");
}

#[tokio::test]
async fn answered_in_time_is_judged_against_the_target_fixed_on_arrival_and_skips_what_is_not_due() {
    let clock = Clock::manual(open_hours_at());
    let (_app, m, boss) = desk(clock.clone()).await;
    // Wednesday noon: A arrives (first reply due Thursday noon, one business day).
    let a = submit(&m, "figures-inquiry-a").await;
    // Friday noon: A is answered late; the member writes again, which moves A's due time on.
    clock.advance(chrono::Duration::days(2));
    // (A staff session lasts 12 hours: a new day, a new login.)
    assert_eq!(boss.login("figures-boss@example.jp", "staff-password-1").await.0, 200);
    reply(&boss, a, "figures-reply-a").await;
    let follow = json!({ "input": { "inquiry_id": a, "body": "まだです。", "client_key": "figures-follow-a" } });
    assert_eq!(m.call("contact/follow-up", follow).await.0, 200);
    // B arrives and is answered at once; C arrives and is not due yet.
    let b = submit(&m, "figures-inquiry-b").await;
    reply(&boss, b, "figures-reply-b").await;
    submit(&m, "figures-inquiry-c").await;
    let (status, d) = boss.call("insights/summary", json!({ "from": "2026-11-25", "to": "2026-11-27" })).await;
    assert_eq!(status, 200, "{d}");
    // A late (its target did not move with the follow-up), B in time, C not judged: 1 of 2.
    assert_eq!(d["mail"]["answered_in_time"], 0.5, "{d}");
}

#[tokio::test]
async fn staff_move_an_inquiry_to_another_category_and_the_members_answers_stay_as_sent() {
    let (app, m, boss) = desk(Clock::manual(open_hours_at())).await;
    let id = submit(&m, "figures-inquiry-r").await;
    let (status, moved) = boss.call("inbox/recategorize", json!({ "id": id, "category_id": "account" })).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["category_id"], "account");
    assert_ne!(moved["detail"]["summary"]["category"]["ja"], "ポイント獲得について(ポイント付与・通帳記載)");
    // The member's answers keep the labels of the form they filled in.
    let labels: Vec<&str> =
        moved["detail"]["fields"].as_array().unwrap().iter().map(|f| f["label"]["ja"].as_str().unwrap()).collect();
    assert!(labels.contains(&"ショップ・広告主名"), "{labels:?}");
    let (original, audited): (Option<String>, i64) = sqlx::query_as(
        "SELECT original_category_id, (SELECT COUNT(*) FROM audit_log WHERE action = 'recategorize') FROM inquiries WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((original.as_deref(), audited), (Some("points"), 1));
    // Moving it again keeps the member's own choice as the original; the same category is no move.
    boss.call("inbox/recategorize", json!({ "id": id, "category_id": "other" })).await;
    boss.call("inbox/recategorize", json!({ "id": id, "category_id": "other" })).await;
    let (original, audited): (Option<String>, i64) = sqlx::query_as(
        "SELECT original_category_id, (SELECT COUNT(*) FROM audit_log WHERE action = 'recategorize') FROM inquiries WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((original.as_deref(), audited), (Some("points"), 2));
    // A category that does not exist: a field error, nothing moved.
    let (status, refused) = boss.call("inbox/recategorize", json!({ "id": id, "category_id": "nope" })).await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(boss.call("inbox/recategorize", json!({ "id": 999_999, "category_id": "other" })).await.0, 404);
}

#[tokio::test]
async fn supervisors_export_the_inquiries_of_a_period_without_what_members_wrote() {
    let (app, m, boss) = desk(Clock::manual(open_hours_at())).await;
    let id = submit(&m, "figures-inquiry-x").await;
    reply(&boss, id, "figures-reply-x").await;
    let url = format!("{}/api/admin/inquiries.csv?from=2026-11-25&to=2026-11-25", app.address);
    let csv = boss.http.get(&url).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("\u{FEFF}reference,received_at,category"), "{text}");
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].starts_with("MDG-"), "{text}");
    assert!(lines[1].contains(",points,,answered,normal,") && lines[1].contains(",yes,"), "{text}");
    for private in ["figures@example.jp", "山田", "じゃらん", "RS-123456", "ご連絡ありがとう"] {
        assert!(!text.contains(private), "{private} in the export");
    }
    let (audited,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target = 'inquiries.csv'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
    app.create_agent("figures-agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("figures-agent@example.jp", "agent-password-1").await.0, 200);
    assert_eq!(agent.http.get(&url).send().await.unwrap().status(), 403);
}

#[tokio::test]
async fn canned_replies_are_edited_and_deleted_by_their_author_or_a_supervisor_only() {
    let (app, _m, boss) = desk(Clock::manual(open_hours_at())).await;
    app.create_agent("figures-a1@example.jp", "agent-password-1").await;
    app.create_agent("figures-a2@example.jp", "agent-password-1").await;
    let (a1, a2) = (app.client(), app.client());
    assert_eq!(a1.login("figures-a1@example.jp", "agent-password-1").await.0, 200);
    assert_eq!(a2.login("figures-a2@example.jp", "agent-password-1").await.0, 200);
    let (status, list) = a1
        .call("inbox/canned/save", json!({ "input": { "title": "判定中のご案内", "body": "{{member_name}} 様" } }))
        .await;
    assert_eq!(status, 200, "{list}");
    let id = list[0]["id"].as_i64().unwrap();
    let edit = |title: &str| json!({ "id": id, "input": { "title": title, "body": "{{member_name}} 様、{{reference}} の件" } });
    // Another agent may use it, not change it.
    assert_eq!(a2.call("inbox/canned/update", edit("横取り")).await.0, 403);
    assert_eq!(a2.call("inbox/canned/delete", json!({ "id": id })).await.0, 403);
    // The author and a supervisor may; bad input keeps the old text.
    let (status, list) = a1.call("inbox/canned/update", edit("判定中のご案内(改)")).await;
    assert_eq!((status, list[0]["title"].as_str()), (200, Some("判定中のご案内(改)")), "{list}");
    assert_eq!(a1.call("inbox/canned/update", edit("")).await.0, 422);
    assert_eq!(boss.call("inbox/canned/update", edit("監修済み")).await.1[0]["title"], "監修済み");
    let (status, list) = boss.call("inbox/canned/delete", json!({ "id": id })).await;
    assert_eq!((status, list), (200, json!([])));
    assert_eq!(a1.call("inbox/canned/delete", json!({ "id": id })).await.0, 404);
}

#[tokio::test]
async fn the_inbox_counts_down_in_business_time() {
    let clock = Clock::manual(open_hours_at());
    let (_app, m, boss) = desk(clock.clone()).await;
    // Wednesday noon: due Thursday noon, 360 minutes of desk time away (12–17, then 11–12).
    submit(&m, "figures-inquiry-t").await;
    let filter =
        json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false } });
    let (status, page) = boss.call("inbox/list", filter.clone()).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["rows"][0]["due_in_minutes"], 360, "{page}");
    // Past the close the clock stops: at 20:00 the same hour is left as at 17:00.
    clock.advance(chrono::Duration::hours(8));
    assert_eq!(boss.login("figures-boss@example.jp", "staff-password-1").await.0, 200);
    assert_eq!(boss.call("inbox/list", filter.clone()).await.1["rows"][0]["due_in_minutes"], 60);
    // Overdue: no countdown, the overdue mark instead.
    clock.advance(chrono::Duration::hours(17));
    assert_eq!(boss.login("figures-boss@example.jp", "staff-password-1").await.0, 200);
    let row = &boss.call("inbox/list", filter).await.1["rows"][0];
    assert_eq!((row["due_in_minutes"].clone(), row["overdue"].clone()), (json!(null), json!(true)));
}
