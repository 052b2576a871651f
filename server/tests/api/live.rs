//! Live conditions (`GET /api/live`, server-sent events): the first event is the state now; a
//! queue join on another instance, staff availability and a closure day reach an open stream;
//! each client address holds a bounded number of streams.
use crate::chat_support::open_hours_at;
use crate::contact::member;
use crate::helpers::{fresh_database_url, spawn_app_on, two_instances, Client};
use app::infra::Clock;
use app::live::LiveStatus;
use serde_json::json;
use std::time::Duration;

/// One open event stream, read event by event.
pub struct Live {
    response: reqwest::Response,
    buffer: String,
}

impl Live {
    pub async fn open(client: &Client) -> Result<Live, u16> {
        let response = client.http.get(format!("{}/api/live", client.address)).send().await.expect("request");
        if response.status() != 200 {
            return Err(response.status().as_u16());
        }
        let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(kind.starts_with("text/event-stream"), "{kind}");
        Ok(Live { response, buffer: String::new() })
    }

    /// The next snapshot sent.
    pub async fn next(&mut self) -> LiveStatus {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let data: String = event.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim_start).collect();
                if !data.is_empty() {
                    return serde_json::from_str(&data).expect("a live status");
                }
                continue;
            }
            let chunk = tokio::time::timeout(Duration::from_secs(10), self.response.chunk())
                .await
                .expect("an event within 10 s")
                .expect("stream")
                .expect("still open");
            self.buffer.push_str(std::str::from_utf8(&chunk).expect("utf-8"));
        }
    }

    /// Reads until a snapshot `pick` accepts.
    pub async fn until(&mut self, pick: impl Fn(&LiveStatus) -> bool) -> LiveStatus {
        loop {
            let status = self.next().await;
            if pick(&status) {
                return status;
            }
        }
    }
}

#[tokio::test]
async fn an_open_stream_follows_the_queue_staff_and_closures_from_any_instance() {
    // On PostgreSQL two instances; SQLite runs one.
    let (one, two) = two_instances().await;
    // A visitor on instance two watches.
    let mut live = Live::open(&two.client()).await.expect("visitors may watch");
    let first = live.next().await;
    assert!(first.chat_open && first.desk_open, "{first:?}");
    assert_eq!((first.waiting, first.staff_available, first.line_busy), (0, 0, false));
    // Wednesday noon: an inquiry sent now is answered by Thursday noon (one business day).
    assert_eq!(first.reply_by.to_string(), "2026-11-26T12:00:00+09:00");

    // A member joins on instance one.
    let m = member(&one, "live-member@example.jp").await;
    let chat = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    assert_eq!(live.until(|s| s.waiting == 1).await.waiting, 1);

    // A staff member says they are available.
    one.create_agent("live-staff@example.jp", "staff-password-1").await;
    let staff = one.client();
    assert_eq!(staff.login("live-staff@example.jp", "staff-password-1").await.0, 200);
    assert_eq!(staff.call("chat/staff/presence", json!({ "available": true, "capacity": 2 })).await.0, 200);
    live.until(|s| s.staff_available == 1).await;

    // Taken: nobody waits.
    assert_eq!(staff.call("chat/staff/take-next", json!({})).await.1, chat);
    live.until(|s| s.waiting == 0).await;

    // Today becomes a closure day: chat and the desk close at once, the answer date moves on.
    one.create_staff("live-boss@example.jp", "staff-password-1").await;
    let boss = one.client();
    assert_eq!(boss.login("live-boss@example.jp", "staff-password-1").await.0, 200);
    let closure = json!({ "input": { "day": "2026-11-25", "note": "臨時休業" } });
    assert_eq!(boss.call("admin/closures/add", closure).await.0, 200);
    let closed = live.until(|s| !s.chat_open).await;
    assert!(!closed.desk_open);
    assert_eq!(closed.chat_next_opening.to_string(), "2026-11-26T11:00:00+09:00");
}

#[tokio::test]
async fn a_full_queue_shows_line_busy() {
    let app = spawn_app_on(fresh_database_url().await, Clock::manual(open_hours_at()), |s| s.chat_queue_cap = 1).await;
    let mut live = Live::open(&app.client()).await.expect("stream");
    assert!(!live.next().await.line_busy);
    let m = member(&app, "busy-member@example.jp").await;
    m.call("chat/join", json!({ "topic": "other" })).await;
    let busy = live.until(|s| s.waiting == 1).await;
    assert!(busy.line_busy);
}

#[tokio::test]
async fn each_address_holds_a_bounded_number_of_streams() {
    let app = spawn_app_on(fresh_database_url().await, Clock::manual(open_hours_at()), |s| {
        s.live_streams_per_address = 2;
    })
    .await;
    let visitor = app.client();
    let a = Live::open(&visitor).await.expect("first");
    let _b = Live::open(&visitor).await.expect("second");
    assert_eq!(Live::open(&visitor).await.err(), Some(503), "a third from the same address waits");
    // A closed stream gives its place back.
    drop(a);
    let mut again = None;
    for _ in 0..50 {
        if let Ok(live) = Live::open(&visitor).await {
            again = Some(live);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(again.is_some(), "the place was given back");
}
