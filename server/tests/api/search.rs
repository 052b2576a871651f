//! Staff search, the member page and the past chats list (issue #23), on whichever database the
//! run uses (`scripts/test.sh` runs the suite on SQLite and on PostgreSQL).
use crate::chat_support::open_hours_at;
use crate::contact::member;
use crate::helpers::{fresh_database_url, spawn_app_on, Client};
use crate::matrix::{world, A_EMAIL};
use crate::ws::open;
use app::chat::protocol::{ClientMsg, ServerMsg, SessionStatus};
use serde_json::{json, Value};

async fn search(staff: &Client, q: &str) -> Value {
    let (status, found) = staff.call("search", json!({ "q": q })).await;
    assert_eq!(status, 200, "{q}: {found}");
    found
}

fn ids(found: &Value, group: &str) -> Vec<i64> {
    let id = |hit: &Value| hit["summary"]["id"].as_i64().or_else(|| hit["id"].as_i64()).unwrap();
    found[group].as_array().unwrap().iter().map(id).collect()
}

fn marked(hit: &Value) -> Vec<String> {
    hit["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p[1] == true)
        .map(|p| p[0].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn staff_find_an_inquiry_by_its_fields_words_and_reference_and_a_member_by_address_or_name() {
    let w = world().await;
    let inquiry = w.ids.inquiry;
    // The order number as typed, in full width, and a part of it.
    for q in ["RS-123456", "ＲＳ－１２３４５６", "3456", "じゃらん", "ジャラン", "ｼﾞｬﾗﾝ", "秘密", "12,800"]
    {
        let found = search(&w.staff, q).await;
        assert_eq!(ids(&found, "inquiries"), vec![inquiry], "{q}: {found}");
    }
    let found = search(&w.staff, "RS-123456").await;
    assert_eq!(marked(&found["inquiries"][0]), vec!["RS", "123456"], "{found}");
    assert_eq!(found["inquiries"][0]["member_name"], "山田 花子");
    // The reference, typed in lower case, names the inquiry exactly.
    let reference = found["inquiries"][0]["summary"]["reference"].as_str().unwrap().to_owned();
    assert_eq!(ids(&search(&w.staff, &reference.to_lowercase()).await, "inquiries"), vec![inquiry]);

    // Members: by address (exactly, or by a piece), by name.
    let a = search(&w.staff, A_EMAIL).await;
    assert_eq!(a["members"].as_array().unwrap().len(), 1, "{a}");
    assert_eq!(a["members"][0]["email"], A_EMAIL);
    assert_eq!(search(&w.staff, "owner-a").await["members"][0]["email"], A_EMAIL);
    assert_eq!(ids(&search(&w.staff, "花子").await, "members").len(), 2);

    // Every word must match; nothing matches nothing.
    assert!(ids(&search(&w.staff, "じゃらん 楽天").await, "inquiries").is_empty());
    let none = search(&w.staff, "存在しない言葉").await;
    assert!(ids(&none, "inquiries").is_empty() && ids(&none, "members").is_empty() && ids(&none, "chats").is_empty());
    assert!(ids(&search(&w.staff, "   ").await, "inquiries").is_empty());
}

#[tokio::test]
async fn follow_ups_and_staff_replies_are_found_as_they_are_written() {
    let w = world().await;
    let inquiry = w.ids.inquiry;
    assert!(ids(&search(&w.staff, "領収書").await, "inquiries").is_empty());
    let (status, _) = w
        .a
        .call(
            "contact/follow-up",
            json!({ "input": { "inquiry_id": inquiry, "body": "領収書の写しを添付します。", "client_key": "search-follow-1" } }),
        )
        .await;
    assert_eq!(status, 200);
    let found = search(&w.staff, "領収書").await;
    assert_eq!(ids(&found, "inquiries"), vec![inquiry]);
    assert_eq!(marked(&found["inquiries"][0]), vec!["領収書"]);
    let (status, replied) = w
        .staff
        .call(
            "inbox/reply",
            json!({ "input": { "inquiry_id": inquiry, "body": "広告主へ照会いたしました。", "client_key": "search-reply-1" } }),
        )
        .await;
    assert_eq!(status, 200, "{replied}");
    assert_eq!(ids(&search(&w.staff, "照会").await, "inquiries"), vec![inquiry]);
}

#[tokio::test]
async fn chat_messages_are_found_and_lead_to_the_chat_and_its_member() {
    let clock = app::infra::Clock::manual(open_hours_at());
    let app = spawn_app_on(fresh_database_url().await, clock, |_| {}).await;
    let hanako = member(&app, "hanako@example.jp").await;
    let s = hanako.call("chat/join", json!({ "topic": "exchange" })).await.1.as_i64().unwrap();
    app.create_staff("sato@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("sato@example.jp", "staff-password-1").await;
    assert_eq!(staff.call("chat/staff/take-next", json!({})).await.1, s);
    let mut h = open(&hanako, &app.address, s).await;
    h.status(SessionStatus::Active).await;
    h.send(ClientMsg::Send {
        client_id: "h-1".into(),
        body: "ドットマネーへの交換が反映されません".into(),
        attachments: Vec::new(),
    })
    .await;
    h.until(|m| if let ServerMsg::Ack { client_id, .. } = m { (client_id == "h-1").then_some(()) } else { None }).await;
    let found = search(&staff, "ドットマネー").await;
    assert_eq!(ids(&found, "chats"), vec![s], "{found}");
    assert_eq!(found["chats"][0]["member_name"], "山田 花子");
    assert_eq!(marked(&found["chats"][0]), vec!["ドットマネー"]);
    let hanako_id = found["chats"][0]["member_id"].as_i64().unwrap();

    // Ended, it is in the past chats list, and on the member's page.
    h.send(ClientMsg::End).await;
    h.status(SessionStatus::Ended).await;
    let (status, past) = staff.call("chat/staff/past", json!({ "before": null })).await;
    assert_eq!(status, 200, "{past}");
    assert_eq!(past["rows"][0]["id"], s);
    assert_eq!(past["rows"][0]["messages"], 1);
    assert_eq!(past["next"], Value::Null);
    let (status, page) = staff.call("admin/members/get", json!({ "id": hanako_id })).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["chats"][0]["id"], s);
    assert_eq!(page["chats"][0]["ended"], true);
}

#[tokio::test]
async fn search_text_is_only_ever_a_bound_value() {
    let w = world().await;
    for q in [
        "\"",
        "'",
        "' OR 1=1 --",
        "\" OR \"\"=\"",
        "NEAR(じゃらん 通帳)",
        "じゃらん* OR -通帳",
        "じゃらん:* | !通帳",
        "^tokens:じゃらん",
        "\\",
        "%_%",
        "(((((",
        "じゃらん\0",
    ] {
        let (status, found) = w.staff.call("search", json!({ "q": q })).await;
        assert_eq!(status, 200, "{q}: {found}");
    }
    // The words inside the operators still count as words, and only as words.
    assert_eq!(ids(&search(&w.staff, "\"じゃらん\" (秘密*)").await, "inquiries"), vec![w.ids.inquiry]);
    assert!(ids(&search(&w.staff, "じゃらん OR 楽天").await, "inquiries").is_empty());
    // Too long is refused with the field named; what was typed is the browser's to keep.
    let (status, refused) = w.staff.call("search", json!({ "q": "あ".repeat(201) })).await;
    assert_eq!(status, 422, "{refused}");
}

#[tokio::test]
async fn the_member_page_shows_everything_of_one_member_and_its_opening_is_audited() {
    let w = world().await;
    let found = search(&w.staff, A_EMAIL).await;
    let a_id = found["members"][0]["id"].as_i64().unwrap();
    let (status, page) = w.staff.call("admin/members/get", json!({ "id": a_id })).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["email"], A_EMAIL);
    assert_eq!(page["inquiries"][0]["id"], w.ids.inquiry);
    assert_eq!(page["chats"][0]["id"], w.ids.chat);
    assert_eq!(page["ideas"][0]["id"], w.ids.idea);
    let kinds: Vec<&str> = page["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"Joined") && kinds.contains(&"AddressVerified"), "{kinds:?}");
    assert_eq!(page["mail_failing"], Value::Null);
    // An agent may open it too; either way it is in the audit log.
    assert_eq!(w.agent.call("admin/members/get", json!({ "id": a_id })).await.0, 200);
    let (_, log) = w
        .staff
        .call(
            "admin/audit/list",
            json!({ "filter": { "actor_id": null, "action": "ViewMember", "from": null, "to": null, "before_id": null } }),
        )
        .await;
    let targets: Vec<&str> = log["entries"].as_array().unwrap().iter().map(|r| r["target"].as_str().unwrap()).collect();
    assert_eq!(targets, vec![format!("member:{a_id}"), format!("member:{a_id}")], "{log}");
    // Staff accounts and unknown ids are not member pages; members cannot open any.
    assert_eq!(w.staff.call("admin/members/get", json!({ "id": 999_999 })).await.0, 404);
    assert_eq!(w.a.call("admin/members/get", json!({ "id": a_id })).await.0, 403);
    assert_eq!(w.a.call("search", json!({ "q": "じゃらん" })).await.0, 403);
}

#[tokio::test]
async fn a_withdrawn_member_leaves_nothing_findable() {
    let w = world().await;
    assert_eq!(ids(&search(&w.staff, "RS-123456").await, "inquiries"), vec![w.ids.inquiry]);
    let (status, _) = w.staff.call("admin/members/withdraw", json!({ "email": A_EMAIL })).await;
    assert_eq!(status, 200);
    for q in ["RS-123456", "秘密", A_EMAIL, "owner-a"] {
        let found = search(&w.staff, q).await;
        assert!(ids(&found, "inquiries").is_empty() && ids(&found, "members").is_empty(), "{q}: {found}");
    }
}

/// Rows stored before search existed (simulated: their documents removed and the backfill's
/// range reset) are indexed by the backfill — also when two instances run it at once.
#[tokio::test]
async fn the_backfill_indexes_older_rows_once_even_when_two_run_at_once() {
    let w = world().await;
    let pool = &w.app.state.db.pool;
    let (before,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM search_docs").fetch_one(pool).await.unwrap();
    sqlx::query("DELETE FROM search_docs").execute(pool).await.unwrap();
    assert!(ids(&search(&w.staff, "じゃらん").await, "inquiries").is_empty());
    for (source, table) in
        [("inquiry", "inquiries"), ("message", "inquiry_messages"), ("chat", "chat_messages"), ("member", "users")]
    {
        sqlx::query(&format!(
            "UPDATE search_backfill SET done_through = 0, upto = (SELECT COALESCE(MAX(id), 0) FROM {table}) WHERE source = $1"
        ))
        .bind(source)
        .execute(pool)
        .await
        .unwrap();
    }
    let run = |state: app::infra::AppState| async move {
        while app::search::server::backfill::step(&state).await.expect("backfill step") {}
    };
    tokio::join!(run(w.app.state.clone()), run(w.app.state.clone()));
    let (after,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM search_docs").fetch_one(pool).await.unwrap();
    assert_eq!(after, before);
    assert_eq!(ids(&search(&w.staff, "じゃらん").await, "inquiries"), vec![w.ids.inquiry]);
    assert_eq!(search(&w.staff, "owner-a").await["members"][0]["email"], A_EMAIL);
}
