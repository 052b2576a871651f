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

#[tokio::test]
async fn the_desk_figures_count_business_minutes_reopens_and_the_backlog_day_by_day() {
    let clock = Clock::manual(open_hours_at());
    let (app, m, boss) = desk(clock.clone()).await;
    let hour = chrono::Duration::hours(1);
    // Wednesday 12:00: A arrives; answered at 13:00, closed at 14:00, reopened at 15:00 by staff.
    let a = submit(&m, "desk-figures-a").await;
    clock.advance(hour);
    reply(&boss, a, "desk-figures-reply-a").await;
    clock.advance(hour);
    // Wednesday 14:00: B arrives and is never answered.
    submit(&m, "desk-figures-b").await;
    assert_eq!(boss.call("inbox/status", json!({ "id": a, "status": "Closed" })).await.0, 200);
    clock.advance(hour);
    assert_eq!(boss.call("inbox/status", json!({ "id": a, "status": "InProgress" })).await.0, 200);
    // Thursday 12:00: A closed again (Wednesday 12:00 to here: 5 + 1 business hours).
    clock.advance(chrono::Duration::hours(21));
    assert_eq!(boss.login("figures-boss@example.jp", "staff-password-1").await.0, 200);
    assert_eq!(boss.call("inbox/status", json!({ "id": a, "status": "Closed" })).await.0, 200);
    // Friday 12:00: C arrives, not due yet.
    clock.advance(chrono::Duration::hours(24));
    assert_eq!(boss.login("figures-boss@example.jp", "staff-password-1").await.0, 200);
    submit(&m, "desk-figures-c").await;

    let (status, d) = boss.call("insights/desk", json!({ "from": "2026-11-25", "to": "2026-11-27" })).await;
    assert_eq!(status, 200, "{d}");
    let all = &d["overall"];
    assert_eq!(all["received"], 3, "{d}");
    assert_eq!(all["first_response"], json!({ "count": 1, "p50": 60, "p90": 60 }), "{d}");
    // A in time, B late (its target passed unanswered), C not due: 1 of 2.
    assert_eq!(all["within_promise"], 0.5, "{d}");
    assert_eq!(all["resolution"], json!({ "count": 1, "p50": 360, "p90": 360 }), "{d}");
    assert_eq!(all["reopened"], 1, "{d}");
    assert_eq!(d["per_category"][0]["received"], 3, "{d}");
    // The agent who answered first and is assigned A (replying assigns).
    assert_eq!(d["per_agent"].as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d["per_agent"][0]["first_response"]["count"], 1, "{d}");
    assert_eq!(d["per_agent"][0]["received"], 1, "{d}");
    assert_eq!(d["per_week"][0]["label"]["ja"], "2026-11-23", "{d}");
    // Wednesday is row 2: A at 12:00, B at 14:00; Friday (row 4) C at 12:00.
    assert_eq!(
        (d["heatmap"][2][12].as_i64(), d["heatmap"][2][14].as_i64(), d["heatmap"][4][12].as_i64()),
        (Some(1), Some(1), Some(1))
    );
    // Open at the end of each day: A (reopened) and B; B; B and C.
    let open: Vec<i64> = d["backlog"].as_array().unwrap().iter().map(|p| p["open"].as_i64().unwrap()).collect();
    assert_eq!(open, [2, 1, 2], "{d}");
    // The times were recorded as they happened.
    let (closes, reopens): (i64, i64) = sqlx::query_as(
        "SELECT SUM(CASE WHEN kind = 'closed' THEN 1 ELSE 0 END), SUM(CASE WHEN kind = 'reopened' THEN 1 ELSE 0 END)
         FROM inquiry_lifecycle WHERE inquiry_id = $1",
    )
    .bind(a)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((closes, reopens), (2, 1));

    // A period longer than a year is refused with a field error; agents see the figures too.
    let (status, refused) = boss.call("insights/desk", json!({ "from": "2024-01-01", "to": "2026-11-27" })).await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused.to_string().contains("period"), "{refused}");
    app.create_agent("figures-desk-agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("figures-desk-agent@example.jp", "agent-password-1").await.0, 200);
    assert_eq!(agent.call("insights/desk", json!({ "from": null, "to": null })).await.0, 200);
}

#[tokio::test]
async fn a_canned_reply_may_be_for_one_category_which_must_exist() {
    let (_app, _m, boss) = desk(Clock::manual(open_hours_at())).await;
    let save = |category: serde_json::Value| json!({ "input": { "title": "判定のご案内", "body": "{{member_name}} 様", "category_id": category } });
    let (status, refused) = boss.call("inbox/canned/save", save(json!("no-such-category"))).await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(boss.call("inbox/canned/list", json!({})).await.1, json!([]));
    let (status, list) = boss.call("inbox/canned/save", save(json!("points"))).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list[0]["category_id"], "points");
    // Saved without one (as every client before categories did): offered everywhere.
    let id = list[0]["id"].as_i64().unwrap();
    let general = json!({ "id": id, "input": { "title": "判定のご案内", "body": "{{member_name}} 様" } });
    let (status, list) = boss.call("inbox/canned/update", general).await;
    assert_eq!((status, &list[0]["category_id"]), (200, &serde_json::Value::Null), "{list}");
}
