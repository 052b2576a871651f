//! Shared set-up for the chat, survey and insights tests.
use crate::helpers::{fresh_database_url, spawn_app_on, Client, TestApp};
use crate::ws::open;
use app::chat::protocol::{ClientMsg, SessionStatus};
use app::infra::Clock;
use serde_json::json;

pub fn open_hours_at() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T12:00:00+09:00").unwrap().to_utc()
}

pub fn open_hours_ms() -> i64 {
    open_hours_at().timestamp_millis()
}

/// An app whose clock stands at Wednesday noon in Tokyo (chat open) and can be moved on.
pub async fn chat_app() -> (TestApp, Clock) {
    let clock = Clock::manual(open_hours_at());
    (spawn_app_on(fresh_database_url().await, clock.clone(), |_| {}).await, clock)
}

/// A chat of `member` that staff took and ended, the real way (HTTP and sockets).
pub async fn ended_chat(app: &TestApp, member: &Client) -> i64 {
    let s = member.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    let staff = app.client();
    if staff.login("ender@example.jp", "staff-password-1").await.0 != 200 {
        app.create_staff("ender@example.jp", "staff-password-1").await;
        staff.login("ender@example.jp", "staff-password-1").await;
    }
    assert_eq!(staff.call("chat/staff/take-next", json!({})).await.1, s);
    let mut socket = open(&staff, &app.address, s).await;
    socket.status(SessionStatus::Active).await;
    socket.send(ClientMsg::End).await;
    socket.status(SessionStatus::Ended).await;
    s
}
