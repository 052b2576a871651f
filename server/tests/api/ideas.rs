use crate::contact::{app_with_mail, member};
use crate::helpers::{spawn_app, Client, TestApp};
use crate::smtp::SmtpSink;
use serde_json::{json, Value};
use std::time::Duration;

async fn post(client: &Client, title: &str) -> i64 {
    let (status, idea) =
        client.call("ideas/post", json!({ "input": { "title": title, "body": "詳しくは\n二行目" } })).await;
    assert_eq!(status, 200, "{idea}");
    idea["id"].as_i64().unwrap()
}

async fn staff(app: &TestApp) -> Client {
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    staff
}

async fn votes(client: &Client, id: i64) -> i64 {
    let (_, board) = client.call("ideas/board", json!({ "filter": { "status": null, "sort": "Newest" } })).await;
    board.as_array().unwrap().iter().find(|i| i["id"] == id).map(|i| i["votes"].as_i64().unwrap()).unwrap_or(-1)
}

fn change(id: i64, status: &str, note: &str, dup: Option<i64>) -> Value {
    json!({ "change": { "idea_id": id, "status": status, "note": note, "duplicate_of": dup } })
}

#[tokio::test]
async fn a_member_votes_once_and_can_take_the_vote_back() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    let b = member(&app, "b@example.jp").await;
    let id = post(&a, "ダークモードがほしい").await;
    b.call("ideas/vote", json!({ "idea_id": id, "vote": true })).await;
    let (_, idea) = b.call("ideas/vote", json!({ "idea_id": id, "vote": true })).await;
    assert_eq!((idea["votes"].as_i64(), idea["voted_by_me"].as_bool()), (Some(1), Some(true)));
    let (_, idea) = b.call("ideas/vote", json!({ "idea_id": id, "vote": false })).await;
    assert_eq!(idea["votes"], 0);
    assert_eq!(app.client().call("ideas/vote", json!({ "idea_id": id, "vote": true })).await.0, 401);
    // Visitors read the board; text comes back as stored, line breaks kept.
    let (_, board) =
        app.client().call("ideas/board", json!({ "filter": { "status": null, "sort": "MostVotes" } })).await;
    assert_eq!(board[0]["body"], "詳しくは\n二行目");
}

#[tokio::test]
async fn marking_a_duplicate_moves_its_votes_to_the_original_exactly_once() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    let b = member(&app, "b@example.jp").await;
    let c = member(&app, "c@example.jp").await;
    let d = member(&app, "d@example.jp").await;
    let original = post(&a, "ポイント交換の手数料を無料に").await;
    let dup = post(&b, "交換手数料をなくしてほしい").await;
    c.call("ideas/vote", json!({ "idea_id": original, "vote": true })).await;
    c.call("ideas/vote", json!({ "idea_id": dup, "vote": true })).await;
    d.call("ideas/vote", json!({ "idea_id": dup, "vote": true })).await;
    let staff = staff(&app).await;
    let (status, marked) = staff.call("ideas/admin/status", change(dup, "Duplicate", "", Some(original))).await;
    assert_eq!(status, 200, "{marked}");
    assert_eq!((marked["status"].as_str(), marked["votes"].as_i64()), (Some("Duplicate"), Some(0)));
    assert_eq!(votes(&a, original).await, 2, "c counted once, d moved over");
    // A duplicate takes no new votes.
    assert_eq!(d.call("ideas/vote", json!({ "idea_id": dup, "vote": true })).await.0, 422);
    assert_eq!(staff.call("ideas/admin/status", change(original, "Duplicate", "", Some(original))).await.0, 422);
}

#[tokio::test]
async fn hidden_ideas_vanish_from_the_board_but_are_kept_for_staff() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    let spam = post(&a, "宣伝です http://spam.example").await;
    let staff = staff(&app).await;
    assert_eq!(staff.call("ideas/admin/hide", json!({ "idea_id": spam, "hidden": true })).await.0, 200);
    assert_eq!(votes(&a, spam).await, -1);
    assert_eq!(a.call("ideas/vote", json!({ "idea_id": spam, "vote": true })).await.0, 404);
    let (_, all) = staff.call("ideas/admin/list", json!({})).await;
    assert_eq!(all[0]["hidden"], true);
}

#[tokio::test]
async fn members_cannot_review_ideas() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    let id = post(&a, "自分で採用したい").await;
    assert_eq!(a.call("ideas/admin/list", json!({})).await.0, 403);
    assert_eq!(a.call("ideas/admin/status", change(id, "Adopted", "自分で", None)).await.0, 403);
    assert_eq!(a.call("ideas/admin/hide", json!({ "idea_id": id, "hidden": true })).await.0, 403);
}

#[tokio::test]
async fn a_member_may_post_five_ideas_a_day() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    for i in 0..5 {
        post(&a, &format!("アイデア{i}")).await;
    }
    let (status, _) = a.call("ideas/post", json!({ "input": { "title": "六つ目", "body": "" } })).await;
    assert_eq!(status, 429);
    let (status, body) = a.call("ideas/post", json!({ "input": { "title": "　", "body": "" } })).await;
    assert_eq!((status, body["Validation"][0]["error"].clone()), (422, json!("Required")));
}

#[tokio::test]
async fn similar_ideas_are_found_across_katakana_and_hiragana() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    post(&a, "ポイント交換の手数料を無料に").await;
    post(&a, "アプリに通知がほしい").await;
    let (_, found) = app.client().call("ideas/similar", json!({ "title": "ぽいんと交換が高い" })).await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["title"], "ポイント交換の手数料を無料に");
}

#[tokio::test]
async fn adopting_puts_the_idea_on_the_adopted_board_and_mails_author_and_voters_who_want_it() {
    let sink = SmtpSink::start().await;
    let app = app_with_mail(&sink).await;
    let author = member(&app, "author@example.jp").await;
    let voter = member(&app, "voter@example.jp").await;
    let quiet = member(&app, "quiet@example.jp").await;
    let id = post(&author, "検索で表記ゆれを吸収してほしい").await;
    voter.call("ideas/vote", json!({ "idea_id": id, "vote": true })).await;
    quiet.call("ideas/vote", json!({ "idea_id": id, "vote": true })).await;
    assert_eq!(quiet.call("ideas/mail-pref", json!({ "enabled": false })).await.1, false);
    let staff = staff(&app).await;
    assert_eq!(staff.call("ideas/admin/status", change(id, "Adopted", "", None)).await.0, 422, "a note is required");
    let (status, _) = staff
        .call(
            "ideas/admin/status",
            change(id, "Adopted", "よくある質問の検索でカタカナとひらがなを区別しなくなりました。", None),
        )
        .await;
    assert_eq!(status, 200);
    let (_, adopted) = app.client().call("ideas/adopted", json!({})).await;
    assert_eq!(adopted[0]["staff_note"], "よくある質問の検索でカタカナとひらがなを区別しなくなりました。");
    let decisions = || sink.received().into_iter().filter(|m| m.subject.contains("採用")).collect::<Vec<_>>();
    sink.wait_for(Duration::from_secs(15), |_| decisions().len() >= 2).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut to: Vec<String> = decisions().into_iter().flat_map(|m| m.to).collect();
    to.sort();
    assert_eq!(to, ["author@example.jp", "voter@example.jp"]);
}
