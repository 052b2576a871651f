//! Chat for a team: internal notes, handing a chat to a colleague (only to one available with
//! room, also when two hand-overs race), and the transcript mailed to the member once.
use crate::chat_support::{chat_app, ended_chat};
use crate::contact::member;
use crate::helpers::{Client, TestApp};
use crate::ws::open;
use app::chat::protocol::SessionStatus;
use serde_json::json;

async fn staff(app: &TestApp, email: &str) -> (Client, i64) {
    app.create_agent(email, "staff-password-1").await;
    let client = app.client();
    assert_eq!(client.login(email, "staff-password-1").await.0, 200);
    let id = client.call("auth/me", json!({})).await.1["id"].as_i64().unwrap();
    (client, id)
}

/// A member's chat, taken by `taker`.
async fn active_chat(app: &TestApp, email: &str, taker: &Client) -> (Client, i64) {
    let m = member(app, email).await;
    let chat = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    assert_eq!(taker.call("chat/staff/take-next", json!({})).await.1, chat);
    (m, chat)
}

#[tokio::test]
async fn notes_on_a_chat_are_for_staff_and_audited() {
    let (app, _) = chat_app().await;
    let (sato, _) = staff(&app, "notes-sato@example.jp").await;
    let (suzuki, _) = staff(&app, "notes-suzuki@example.jp").await;
    let (m, chat) = active_chat(&app, "notes-member@example.jp", &sato).await;
    let note = json!({ "input": { "session_id": chat, "body": "<b>返金済み</b>の可能性あり" } });
    let (status, notes) = sato.call("chat/staff/note", note).await;
    assert_eq!(status, 200, "{notes}");
    // Another staff member reads it, as it was written (the page shows it as text).
    let (_, seen) = suzuki.call("chat/staff/notes", json!({ "session_id": chat })).await;
    assert_eq!(seen[0]["body"], "<b>返金済み</b>の可能性あり");
    // The member never does.
    assert_eq!(m.call("chat/staff/notes", json!({ "session_id": chat })).await.0, 403);
    let (_, transcript) = m.call("chat/transcript", json!({ "session_id": chat })).await;
    assert!(!transcript.to_string().contains("返金済み"));
    let (status, answer) = sato.call("chat/staff/note", json!({ "input": { "session_id": chat, "body": "  " } })).await;
    assert_eq!((status, answer["Validation"][0]["field"].as_str()), (422, Some("body")));
    assert_eq!(sato.call("chat/staff/notes", json!({ "session_id": 999_999 })).await.0, 404);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'note' AND target = $1")
        .bind(format!("chat:{chat}"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_chat_goes_to_an_available_colleague_and_the_member_sees_who() {
    let (app, _) = chat_app().await;
    let (sato, _) = staff(&app, "hand-sato@example.jp").await;
    let (suzuki, suzuki_id) = staff(&app, "hand-suzuki@example.jp").await;
    // Told apart by name (the test helper names every staff member the same).
    assert_eq!(suzuki.call("account/name", json!({ "display_name": "スタッフ 鈴木" })).await.0, 200);
    let (m, chat) = active_chat(&app, "hand-member@example.jp", &sato).await;
    let mut member_socket = open(&m, &app.address, chat).await;
    let before = member_socket.status(SessionStatus::Active).await;
    assert_eq!(before.staff_name.as_deref(), Some("スタッフ 佐藤"));
    let mut sato_socket = open(&sato, &app.address, chat).await;
    sato_socket.status(SessionStatus::Active).await;

    // Suzuki is not available yet: refused, and not listed.
    assert_eq!(sato.call("chat/staff/colleagues", json!({})).await.1, json!([]));
    let (status, answer) = sato.call("chat/staff/transfer", json!({ "session_id": chat, "to": suzuki_id })).await;
    assert_eq!((status, answer), (409, json!("ColleagueUnavailable")));

    assert_eq!(suzuki.call("chat/staff/presence", json!({ "available": true, "capacity": 1 })).await.0, 200);
    let (_, listed) = sato.call("chat/staff/colleagues", json!({})).await;
    assert_eq!(listed[0]["id"], suzuki_id);
    let (status, answer) = sato.call("chat/staff/transfer", json!({ "session_id": chat, "to": suzuki_id })).await;
    assert_eq!(status, 200, "{answer}");
    // The member sees the new name; Sato's socket on the chat closes; it is Suzuki's now.
    let state = member_socket.state_where(|s| s.staff_name.as_deref() == Some("スタッフ 鈴木")).await;
    assert_eq!(state.status, SessionStatus::Active);
    sato_socket.closed().await;
    let (_, console) = suzuki.call("chat/staff/console", json!({})).await;
    assert_eq!(console["chats"][0]["session_id"], chat);
    // Only the chat's own staff member hands it on.
    let (status, _) = sato.call("chat/staff/transfer", json!({ "session_id": chat, "to": suzuki_id })).await;
    assert_eq!(status, 404);
    // Suzuki's socket on it opens and shows the chat as theirs.
    let mut suzuki_socket = open(&suzuki, &app.address, chat).await;
    let theirs = suzuki_socket.status(SessionStatus::Active).await;
    assert_eq!(theirs.staff_name.as_deref(), Some("スタッフ 鈴木"));
}

#[tokio::test]
async fn two_chats_handed_to_the_last_place_at_once_give_it_to_one() {
    let (app, _) = chat_app().await;
    let (sato, _) = staff(&app, "race-sato@example.jp").await;
    let (suzuki, _) = staff(&app, "race-suzuki@example.jp").await;
    let (takahashi, takahashi_id) = staff(&app, "race-takahashi@example.jp").await;
    let (_, first) = active_chat(&app, "race-one@example.jp", &sato).await;
    let (_, second) = active_chat(&app, "race-two@example.jp", &suzuki).await;
    assert_eq!(takahashi.call("chat/staff/presence", json!({ "available": true, "capacity": 1 })).await.0, 200);
    let (a, b) = tokio::join!(
        sato.call("chat/staff/transfer", json!({ "session_id": first, "to": takahashi_id })),
        suzuki.call("chat/staff/transfer", json!({ "session_id": second, "to": takahashi_id })),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
    let (taken,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_sessions WHERE staff_id = $1 AND status = 'active'")
            .bind(takahashi_id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(taken, 1);
}

#[tokio::test]
async fn the_transcript_is_mailed_once_to_the_chats_own_member() {
    let (app, _) = chat_app().await;
    let m = member(&app, "transcript-member@example.jp").await;
    let chat = ended_chat(&app, &m).await;
    let other = member(&app, "transcript-other@example.jp").await;
    assert_eq!(other.call("chat/transcript-mail", json!({ "session_id": chat })).await.0, 404);
    // Five clicks at once: one mail.
    let calls = (0..5).map(|_| m.call("chat/transcript-mail", json!({ "session_id": chat })));
    for (status, answer) in futures_util::future::join_all(calls).await {
        assert_eq!(status, 200, "{answer}");
    }
    let mails: Vec<(String, String)> =
        sqlx::query_as("SELECT subject, body FROM outbox WHERE to_addr = $1 AND subject LIKE '%チャットの記録%'")
            .bind("transcript-member@example.jp")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].1.contains(&format!("/chat/history/{chat}")), "{}", mails[0].1);
}
