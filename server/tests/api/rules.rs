//! The desk rules (issue #23): auto-close on the business calendar with its mail, a member's reply
//! winning over the rule, due alerts once per due time, auto-assign in turn and once — on
//! whichever database the run uses.
use crate::chat_support::open_hours_at;
use crate::contact::{member, points_inquiry};
use crate::helpers::{fresh_database_url, spawn_app_on, Client, TestApp};
use app::desk::DeskEvent;
use app::infra::Clock;
use app::rules::server::runner::run_once;
use serde_json::{json, Value};

/// Wednesday 2026-11-25 12:00 in Tokyo; the background runner is kept out of the way (the test
/// runs the rules itself).
async fn rules_app() -> (TestApp, Clock) {
    let clock = Clock::manual(open_hours_at());
    let app = spawn_app_on(fresh_database_url().await, clock.clone(), |s| s.rules_poll_ms = 3_600_000).await;
    (app, clock)
}

async fn supervisor(app: &TestApp) -> Client {
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let c = app.client();
    assert_eq!(c.login("boss@example.jp", "staff-password-1").await.0, 200);
    c
}

async fn submit(m: &Client, key: &str) -> i64 {
    let (status, done) = m.call("contact/submit", points_inquiry(key)).await;
    assert_eq!(status, 200, "{done}");
    done["id"].as_i64().unwrap()
}

async fn answer(staff: &Client, id: i64, key: &str) {
    let input = json!({ "input": { "inquiry_id": id, "body": "ご確認ください。", "client_key": key } });
    let (status, body) = staff.call("inbox/reply", input).await;
    assert_eq!(status, 200, "{body}");
}

async fn status_of(app: &TestApp, id: i64) -> String {
    let (s,): (String,) = sqlx::query_as("SELECT status FROM inquiries WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    s
}

async fn closing_mails(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%対応完了のお知らせ%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn an_answered_inquiry_closes_after_five_business_days_without_a_reply_once_with_a_mail() {
    let (app, clock) = rules_app().await;
    let boss = supervisor(&app).await;
    let m = member(&app, "hanako@example.jp").await;
    let id = submit(&m, "test-key-auto-close-1").await;
    answer(&boss, id, "auto-close-answer-1").await;
    // Answered Wed 11/25 12:00: five business days later is Wed 12/2 12:00 (a weekend between).
    clock.advance(chrono::Duration::days(7) - chrono::Duration::minutes(1));
    assert_eq!(run_once(&app.state, "a").await.unwrap().closed, 0);
    assert_eq!(status_of(&app, id).await, "answered");
    clock.advance(chrono::Duration::minutes(2));
    let report = run_once(&app.state, "a").await.unwrap();
    assert_eq!(report.closed, 1, "{report:?}");
    assert_eq!(status_of(&app, id).await, "closed");
    assert_eq!(closing_mails(&app).await, 1);
    // Again: nothing more, no second mail.
    assert_eq!(run_once(&app.state, "a").await.unwrap().closed, 0);
    assert_eq!(closing_mails(&app).await, 1);
    // The member's history says it can still be answered; a reply reopens it on the desk.
    let (_, detail) = m.call("contact/detail", json!({ "id": id })).await;
    assert_eq!(detail["reopens"], true);
    let input = json!({ "input": { "inquiry_id": id, "body": "まだ付与されていません。", "client_key": "auto-close-reply-1" } });
    let (status, reopened) = m.call("contact/follow-up", input).await;
    assert_eq!(status, 200, "{reopened}");
    assert_eq!(reopened["summary"]["status"], "InProgress");
    assert_eq!(reopened["reopens"], false);
}

#[tokio::test]
async fn a_member_reply_racing_the_rule_always_wins_and_staff_closed_ones_stay_closed() {
    let (app, clock) = rules_app().await;
    let boss = supervisor(&app).await;
    let m = member(&app, "hanako@example.jp").await;
    let mut ids = Vec::new();
    for k in 0..4 {
        let id = submit(&m, &format!("test-key-race-{k:04}")).await;
        answer(&boss, id, &format!("race-answer-{k}")).await;
        ids.push(id);
    }
    clock.advance(chrono::Duration::days(8));
    let replies = async {
        for (k, id) in ids.iter().enumerate() {
            let input = json!({ "input": { "inquiry_id": id, "body": "追加の連絡です。", "client_key": format!("race-reply-{k}") } });
            let (status, body) = m.call("contact/follow-up", input).await;
            assert_eq!(status, 200, "{body}");
        }
    };
    let (_, ran) = tokio::join!(replies, run_once(&app.state, "a"));
    ran.unwrap();
    for id in &ids {
        assert_eq!(status_of(&app, *id).await, "in_progress", "inquiry {id}");
    }
    // Closed by staff, a follow-up is still refused. (Eight days on, the staff session has ended.)
    assert_eq!(boss.login("boss@example.jp", "staff-password-1").await.0, 200);
    let id = ids[0];
    assert_eq!(boss.call("inbox/status", json!({ "id": id, "status": "Closed" })).await.0, 200);
    let input = json!({ "input": { "inquiry_id": id, "body": "もう一度", "client_key": "race-after-close" } });
    assert_eq!(m.call("contact/follow-up", input).await.0, 422);
}

#[tokio::test]
async fn due_alerts_go_once_per_due_time_to_the_desk() {
    let (app, clock) = rules_app().await;
    let m = member(&app, "hanako@example.jp").await;
    let id = submit(&m, "test-key-due-0001").await;
    let mut desk = app.state.chat.subscribe_desk();
    // Due Thu 11/26 12:00. At 11:30 it is due within a business hour.
    clock.advance(chrono::Duration::hours(23) + chrono::Duration::minutes(30));
    let r = run_once(&app.state, "a").await.unwrap();
    assert_eq!((r.due_soon, r.overdue), (1, 0));
    assert_eq!(run_once(&app.state, "a").await.unwrap().due_soon, 0, "once");
    clock.advance(chrono::Duration::hours(1));
    let r = run_once(&app.state, "a").await.unwrap();
    assert_eq!((r.due_soon, r.overdue), (0, 1));
    assert_eq!(run_once(&app.state, "a").await.unwrap().overdue, 0, "once");
    let mut seen = Vec::new();
    while let Ok(Ok(event)) = tokio::time::timeout(std::time::Duration::from_secs(2), desk.recv()).await {
        if matches!(event, DeskEvent::DueSoon { .. } | DeskEvent::Overdue { .. }) {
            seen.push(event);
        }
        if seen.len() == 2 {
            break;
        }
    }
    assert_eq!(
        seen,
        vec![
            DeskEvent::DueSoon { inquiry_id: id, assignee_id: None },
            DeskEvent::Overdue { inquiry_id: id, assignee_id: None }
        ]
    );
}

#[tokio::test]
async fn auto_assign_hands_new_inquiries_in_turn_each_once_and_only_when_switched_on() {
    let (app, _clock) = rules_app().await;
    let boss = supervisor(&app).await;
    app.create_agent("agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("agent@example.jp", "agent-password-1").await.0, 200);
    for c in [&boss, &agent] {
        assert_eq!(c.call("chat/staff/presence", json!({ "available": true, "capacity": 1 })).await.0, 200);
    }
    let m = member(&app, "hanako@example.jp").await;
    let mut ids = Vec::new();
    for k in 0..4 {
        ids.push(submit(&m, &format!("test-key-assign-{k:04}")).await);
    }
    // Off by default.
    assert_eq!(run_once(&app.state, "a").await.unwrap().assigned, 0);
    let (status, saved) = boss
        .call("admin/rules/save", json!({ "rules": { "auto_close_days": 5, "auto_assign": true, "assign_limit": 30 } }))
        .await;
    assert_eq!(status, 200, "{saved}");
    // Two runs at once (as if the lease were shared): every inquiry is assigned exactly once.
    let (a, b) = tokio::join!(run_once(&app.state, "a"), run_once(&app.state, "a"));
    assert_eq!(a.unwrap().assigned + b.unwrap().assigned, 4);
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as("SELECT id, assignee_id FROM inquiries ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert!(rows.iter().all(|(_, a)| a.is_some()), "{rows:?}");
    let first = rows[0].1;
    let to_first = rows.iter().filter(|(_, a)| *a == first).count();
    assert_eq!(to_first, 2, "in turn: {rows:?}");
}

#[tokio::test]
async fn only_supervisors_change_the_rules_within_their_bounds_and_it_is_audited() {
    let (app, _clock) = rules_app().await;
    let boss = supervisor(&app).await;
    app.create_agent("agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    agent.login("agent@example.jp", "agent-password-1").await;
    let (status, rules) = boss.call("admin/rules", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(rules, json!({ "auto_close_days": 5, "auto_assign": false, "assign_limit": 30 }));
    let bad = json!({ "rules": { "auto_close_days": 31, "auto_assign": false, "assign_limit": 0 } });
    let (status, refused) = boss.call("admin/rules/save", bad).await;
    assert_eq!(status, 422, "{refused}");
    let fields: Vec<Value> = refused["Validation"].as_array().unwrap().iter().map(|e| e["field"].clone()).collect();
    assert_eq!(fields, vec![json!("auto_close_days"), json!("assign_limit")]);
    let ok = json!({ "rules": { "auto_close_days": 0, "auto_assign": false, "assign_limit": 10 } });
    assert_eq!(agent.call("admin/rules/save", ok.clone()).await.0, 403);
    assert_eq!(boss.call("admin/rules/save", ok).await.0, 200);
    let (_, log) = boss
        .call(
            "admin/audit/list",
            json!({ "filter": { "actor_id": null, "action": "RulesSave", "from": null, "to": null, "before_id": null } }),
        )
        .await;
    assert_eq!(log["entries"][0]["target"], "auto_close_days=0 auto_assign=false assign_limit=10");
}
