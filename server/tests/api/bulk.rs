//! Acting on many inquiries (issue #23): one answer to many with placeholders, skipping a thread
//! that moved on; overlapping bulk closes; assign and priority — on whichever database the run
//! uses.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, Client, TestApp};
use serde_json::{json, Value};

async fn desk() -> (TestApp, Client, Client) {
    let app = spawn_app().await;
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    assert_eq!(boss.login("boss@example.jp", "staff-password-1").await.0, 200);
    let m = member(&app, "hanako@example.jp").await;
    (app, boss, m)
}

async fn submit(m: &Client, n: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    for k in 0..n {
        let mut inquiry = points_inquiry(&format!("test-key-bulk-{k:04}"));
        inquiry["input"]["fields"]["order_number"] = json!(format!("RS-{k}000"));
        let (status, done) = m.call("contact/submit", inquiry).await;
        assert_eq!(status, 200, "{done}");
        ids.push(done["id"].as_i64().unwrap());
    }
    ids
}

/// The selection as the search page makes it: each hit with the newest message it showed.
async fn selection(staff: &Client, q: &str) -> Vec<Value> {
    let (status, found) = staff.call("search", json!({ "q": q })).await;
    assert_eq!(status, 200, "{found}");
    found["inquiries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| json!({ "inquiry_id": h["summary"]["id"], "seen_message_id": h["last_message_id"] }))
        .collect()
}

async fn bulk(staff: &Client, items: &[Value], action: Value, key: &str) -> (u16, Value) {
    staff.call("inbox/bulk", json!({ "input": { "items": items, "action": action, "client_key": key } })).await
}

fn ids(list: &Value) -> Vec<i64> {
    let mut v: Vec<i64> =
        list.as_array().unwrap().iter().map(|x| x.as_i64().or(x["inquiry_id"].as_i64()).unwrap()).collect();
    v.sort();
    v
}

#[tokio::test]
async fn one_answer_goes_to_each_as_its_own_mail_with_placeholders_and_a_thread_that_moved_on_is_skipped() {
    let (app, boss, m) = desk().await;
    let inquiries = submit(&m, 3).await;
    let items = selection(&boss, "じゃらん").await;
    assert_eq!(items.len(), 3);
    // The member writes into one after the staff member looked.
    let moved = inquiries[1];
    let input = json!({ "input": { "inquiry_id": moved, "body": "追記です。", "client_key": "test-key-bulk-follow" } });
    assert_eq!(m.call("contact/follow-up", input).await.0, 200);

    let action = json!({ "Answer": { "body": "{{member_name}} 様\n{{reference}}(注文番号 {{order_number}})を確認しました。", "close": false } });
    let (status, report) = bulk(&boss, &items, action.clone(), "bulk-answer-key-1").await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(ids(&report["done"]), vec![inquiries[0], inquiries[2]]);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"][0]["inquiry_id"], moved);
    assert_eq!(report["skipped"][0]["reason"], "MovedOn");

    // Each got its own mail, its own values filled in.
    let mails: Vec<(String, String)> =
        sqlx::query_as("SELECT subject, body FROM outbox WHERE subject LIKE '%ご回答%' ORDER BY id")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(mails.len(), 2);
    for n in [0, 2] {
        let filled = format!("(注文番号 RS-{n}000)を確認しました。");
        let (subject, body) = mails.iter().find(|(_, b)| b.contains(&filled)).expect("its own mail");
        assert!(body.contains("----\n山田 花子 様\nMDG-"), "{body}");
        assert!(subject.contains("MDG-"), "{subject}");
    }
    let (status, detail) = boss.call("inbox/detail", json!({ "id": inquiries[0] })).await;
    assert_eq!(status, 200);
    assert_eq!(detail["detail"]["summary"]["status"], "Answered");
    let (_, detail) = boss.call("inbox/detail", json!({ "id": moved })).await;
    assert_eq!(detail["detail"]["summary"]["status"], "New");

    // The same request again (a retry): nobody is answered twice.
    let (status, again) = bulk(&boss, &items, action, "bulk-answer-key-1").await;
    assert_eq!(status, 200, "{again}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%ご回答%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 2);
}

#[tokio::test]
async fn two_supervisors_closing_overlapping_selections_close_each_inquiry_once() {
    let (app, boss, m) = desk().await;
    app.create_staff("boss2@example.jp", "staff-password-1").await;
    let boss2 = app.client();
    assert_eq!(boss2.login("boss2@example.jp", "staff-password-1").await.0, 200);
    let i = submit(&m, 4).await;
    let item = |id: i64| json!({ "inquiry_id": id, "seen_message_id": 0 });
    let a = [item(i[0]), item(i[1]), item(i[2])];
    let b = [item(i[1]), item(i[2]), item(i[3])];
    let ((sa, ra), (sb, rb)) =
        tokio::join!(bulk(&boss, &a, json!("Close"), "bulk-close-a"), bulk(&boss2, &b, json!("Close"), "bulk-close-b"));
    assert_eq!((sa, sb), (200, 200), "{ra} {rb}");
    let mut closed = ids(&ra["done"]);
    closed.extend(ids(&rb["done"]));
    closed.sort();
    assert_eq!(closed, i, "each closed by exactly one of them");
    let skipped = ra["skipped"].as_array().unwrap().len() + rb["skipped"].as_array().unwrap().len();
    assert_eq!(skipped, 2);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'status'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 4);
}

#[tokio::test]
async fn staff_assign_many_to_a_colleague_and_set_a_priority_and_members_cannot() {
    let (app, boss, m) = desk().await;
    app.create_agent("agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("agent@example.jp", "agent-password-1").await.0, 200);
    let i = submit(&m, 2).await;
    let items: Vec<Value> = i.iter().map(|id| json!({ "inquiry_id": id, "seen_message_id": 0 })).collect();
    let (_, staff) = agent.call("inbox/staff", json!({})).await;
    let boss_id = staff.as_array().unwrap().iter().find(|s| s["name"] != "agent").unwrap()["id"].as_i64().unwrap();
    let mut desk = app.state.chat.subscribe_desk();
    let (status, report) = agent.call("inbox/bulk", json!({ "input": { "items": items, "action": { "Assign": { "staff_id": boss_id } }, "client_key": "bulk-assign-1" } })).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(ids(&report["done"]), i);
    // The colleague's desk hears of it.
    let heard = tokio::time::timeout(std::time::Duration::from_secs(2), desk.recv()).await.unwrap().unwrap();
    assert!(matches!(heard, app::desk::DeskEvent::Assigned { staff_id, .. } if staff_id == boss_id), "{heard:?}");
    let (status, _) = bulk(&agent, &items, json!({ "Priority": "Urgent" }), "bulk-priority-1").await;
    assert_eq!(status, 200);
    let (_, found) = boss.call("search", json!({ "q": "じゃらん" })).await;
    assert!(found["inquiries"].as_array().unwrap().iter().all(|h| h["priority"] == "Urgent"), "{found}");

    // Refusals: nobody by that id, a placeholder that is no key, too many; members.
    assert_eq!(bulk(&boss, &items, json!({ "Assign": { "staff_id": 999_999 } }), "bulk-assign-2").await.0, 422);
    let (status, refused) =
        bulk(&boss, &items, json!({ "Answer": { "body": "{{お名前}} 様", "close": false } }), "bulk-bad-1").await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["Validation"][0]["field"], "body");
    let many: Vec<Value> = (0..501).map(|k| json!({ "inquiry_id": k, "seen_message_id": 0 })).collect();
    assert_eq!(bulk(&boss, &many, json!("Close"), "bulk-many-1").await.0, 422);
    assert_eq!(bulk(&m, &items, json!("Close"), "bulk-member-1").await.0, 403);
    assert_eq!(m.call("inbox/staff", json!({})).await.0, 403);
}
