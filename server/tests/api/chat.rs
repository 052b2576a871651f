use crate::contact::member;
use crate::helpers::{fresh_database_url, spawn_app_on, Client, TestApp};
use crate::ws::{open, open_with_origin};
use app::chat::protocol::{ClientMsg, ServerMsg, SessionStatus};
use app::infra::{Clock, Settings};
use serde_json::json;

/// Wednesday 2026-11-25 12:00 in Tokyo: chat is open.
pub fn open_hours() -> Clock {
    Clock::manual(chrono::DateTime::parse_from_rfc3339("2026-11-25T12:00:00+09:00").unwrap().to_utc())
}

async fn chat_app(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_on(fresh_database_url().await, open_hours(), configure).await
}

pub async fn staff(app: &TestApp, email: &str) -> Client {
    app.create_staff(email, "staff-password-1").await;
    let staff = app.client();
    staff.login(email, "staff-password-1").await;
    assert_eq!(staff.call("chat/staff/presence", json!({ "available": true, "capacity": 3 })).await.0, 200);
    staff
}

pub async fn join(client: &Client, topic: &str) -> (u16, serde_json::Value) {
    client.call("chat/join", json!({ "topic": topic })).await
}

#[tokio::test]
async fn two_members_queue_staff_take_them_and_messages_flow_both_ways() {
    let app = chat_app(|_| {}).await;
    let hanako = member(&app, "hanako@example.jp").await;
    let taro = member(&app, "taro@example.jp").await;
    let s1 = join(&hanako, "how_to_use").await.1.as_i64().unwrap();
    let s2 = join(&taro, "exchange").await.1.as_i64().unwrap();
    assert_eq!(join(&hanako, "how_to_use").await.1, s1, "joining twice keeps the same place");

    let mut h = open(&hanako, &app.address, s1).await;
    let mut t = open(&taro, &app.address, s2).await;
    assert_eq!(h.status(SessionStatus::Waiting).await.ahead, Some(0));
    assert_eq!(t.status(SessionStatus::Waiting).await.ahead, Some(1));

    let sato = staff(&app, "sato@example.jp").await;
    let (_, console) = sato.call("chat/staff/console", json!({})).await;
    assert_eq!(console["queue"].as_array().unwrap().len(), 2);
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s1);
    let active = h.status(SessionStatus::Active).await;
    assert_eq!(active.staff_name.as_deref(), Some("スタッフ 佐藤"));
    assert_eq!(t.state_where(|s| s.ahead == Some(0)).await.status, SessionStatus::Waiting);

    let mut st = open(&sato, &app.address, s1).await;
    st.status(SessionStatus::Active).await;
    h.send(ClientMsg::Send {
        client_id: "h-1".into(),
        body: "ポイント交換の方法を教えてください".into(),
        attachments: Vec::new(),
    })
    .await;
    let id = h
        .until(|m| if let ServerMsg::Ack { client_id, id } = m { (client_id == "h-1").then_some(id) } else { None })
        .await;
    let got = st.until(|m| if let ServerMsg::Message(m) = m { Some(m) } else { None }).await;
    assert_eq!((got.id, got.from_staff, got.body.as_str()), (id, false, "ポイント交換の方法を教えてください"));
    st.send(ClientMsg::Typing).await;
    h.until(|m| matches!(m, ServerMsg::Typing { from_staff: true }).then_some(())).await;
    st.send(ClientMsg::Send {
        client_id: "s-1".into(),
        body: "交換ページからお手続きいただけます。".into(),
        attachments: Vec::new(),
    })
    .await;
    let reply = h.until(|m| if let ServerMsg::Message(m) = m { m.from_staff.then_some(m) } else { None }).await;
    assert_eq!(reply.author, "スタッフ 佐藤");

    // A resend with the same client id (after a reconnect, say) is stored once.
    h.send(ClientMsg::Send {
        client_id: "h-1".into(),
        body: "ポイント交換の方法を教えてください".into(),
        attachments: Vec::new(),
    })
    .await;
    let again = h
        .until(|m| if let ServerMsg::Ack { client_id, id } = m { (client_id == "h-1").then_some(id) } else { None })
        .await;
    assert_eq!(again, id);
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_messages WHERE session_id = $1")
        .bind(s1)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(count, 2);

    st.send(ClientMsg::End).await;
    h.status(SessionStatus::Ended).await;
    let (_, past) = hanako.call("chat/mine", json!({})).await;
    assert_eq!(past[0]["status"], "Ended");
}

#[tokio::test]
async fn a_reconnecting_member_gets_what_they_missed() {
    let app = chat_app(|_| {}).await;
    let m = member(&app, "m@example.jp").await;
    let s = join(&m, "campaign").await.1.as_i64().unwrap();
    let sato = staff(&app, "sato@example.jp").await;
    sato.call("chat/staff/take-next", json!({})).await;
    let mut st = open(&sato, &app.address, s).await;
    let mut first = open(&m, &app.address, s).await;
    first.status(SessionStatus::Active).await;
    st.send(ClientMsg::Send { client_id: "s-1".into(), body: "一通目".into(), attachments: Vec::new() }).await;
    let seen = first.until(|m| if let ServerMsg::Message(m) = m { Some(m.id) } else { None }).await;
    drop(first);
    st.send(ClientMsg::Send { client_id: "s-2".into(), body: "切断中の二通目".into(), attachments: Vec::new() }).await;
    st.until(|m| matches!(m, ServerMsg::Ack { .. }).then_some(())).await;
    let mut again = crate::ws::open_with_origin(&m, &app.address, s, &app.address).await.unwrap();
    again.send(ClientMsg::Hello { last_seen_id: seen }).await;
    let missed = again.until(|m| if let ServerMsg::Message(m) = m { Some(m) } else { None }).await;
    assert_eq!(missed.body, "切断中の二通目");
}

#[tokio::test]
async fn the_queue_cap_answers_line_busy() {
    let app = chat_app(|s| s.chat_queue_cap = 1).await;
    let a = member(&app, "a@example.jp").await;
    let b = member(&app, "b@example.jp").await;
    assert_eq!(join(&a, "other").await.0, 200);
    assert_eq!(join(&b, "other").await, (503, json!("LineBusy")));
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_refusals").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn chat_refuses_closed_hours_phones_and_topics_for_the_contact_form() {
    let saturday = Clock::manual(chrono::DateTime::parse_from_rfc3339("2026-11-28T12:00:00+09:00").unwrap().to_utc());
    let app = spawn_app_on(fresh_database_url().await, saturday.clone(), |_| {}).await;
    let m = member(&app, "m@example.jp").await;
    let (_, entry) = m.call("chat/entry", json!({})).await;
    assert_eq!(entry["open_now"], false);
    assert_eq!(entry["next_opening"], "2026-11-30T11:00:00+09:00");
    assert_eq!(join(&m, "other").await, (409, json!("Closed")));
    saturday.advance(chrono::Duration::days(2)); // Monday 12:00
    assert_eq!(join(&m, "points_missing").await.0, 422, "points go to the contact form");
    let phone = m
        .http
        .post(format!("{}/api/chat/join", app.address))
        .header("content-type", "application/json")
        .header("user-agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148")
        .body(json!({ "topic": "other" }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(phone.status().as_u16(), 409);
    assert_eq!(join(&m, "other").await.0, 200);
}

#[tokio::test]
async fn two_staff_taking_at_once_never_get_the_same_member() {
    let app = chat_app(|_| {}).await;
    for i in 0..2 {
        let m = member(&app, &format!("m{i}@example.jp")).await;
        join(&m, "other").await;
    }
    let a = staff(&app, "a@example.jp").await;
    let b = staff(&app, "b@example.jp").await;
    let (x, y) = tokio::join!(a.call("chat/staff/take-next", json!({})), b.call("chat/staff/take-next", json!({})));
    assert!(x.1.is_i64() && y.1.is_i64(), "{x:?} {y:?}");
    assert_ne!(x.1, y.1);
    assert_eq!(a.call("chat/staff/take-next", json!({})).await.1, json!(null), "nobody left");
}

#[tokio::test]
async fn one_staff_member_pressing_take_next_in_many_tabs_stays_within_capacity() {
    let app = chat_app(|_| {}).await;
    for i in 0..6 {
        let m = member(&app, &format!("cap{i}@example.jp")).await;
        join(&m, "other").await;
    }
    let sato = staff(&app, "cap-staff@example.jp").await;
    // Room for two: six tabs press at once.
    let (status, _) = sato.call("chat/staff/presence", json!({ "available": true, "capacity": 2 })).await;
    assert_eq!(status, 200);
    let presses = (0..6).map(|_| sato.call("chat/staff/take-next", json!({})));
    let taken = futures_util::future::join_all(presses).await;
    assert_eq!(taken.iter().filter(|(_, id)| id.is_i64()).count(), 2, "{taken:?}");
    let (active,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_sessions WHERE status = 'active'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(active, 2);
}

#[tokio::test]
async fn sockets_are_only_for_the_chats_own_member_and_staff_and_our_origin() {
    let app = chat_app(|_| {}).await;
    let owner = member(&app, "owner@example.jp").await;
    let other = member(&app, "other@example.jp").await;
    let s = join(&owner, "other").await.1.as_i64().unwrap();
    assert_eq!(open_with_origin(&other, &app.address, s, &app.address).await.err(), Some(404));
    assert_eq!(open_with_origin(&app.client(), &app.address, s, &app.address).await.err(), Some(401));
    assert_eq!(open_with_origin(&owner, &app.address, s, "http://evil.example").await.err(), Some(403));
    let not_assigned = staff(&app, "x@example.jp").await;
    assert_eq!(open_with_origin(&not_assigned, &app.address, s, &app.address).await.err(), Some(404));
    assert_eq!(other.call("chat/staff/take-next", json!({})).await.0, 403);
}

#[tokio::test]
async fn leaving_the_queue_moves_everyone_behind_up() {
    let app = chat_app(|_| {}).await;
    let a = member(&app, "a@example.jp").await;
    let b = member(&app, "b@example.jp").await;
    let sa = join(&a, "other").await.1.as_i64().unwrap();
    let sb = join(&b, "other").await.1.as_i64().unwrap();
    let mut wa = open(&a, &app.address, sa).await;
    let mut wb = open(&b, &app.address, sb).await;
    wb.state_where(|s| s.ahead == Some(1)).await;
    wa.send(ClientMsg::Leave).await;
    wa.status(SessionStatus::Left).await;
    wb.state_where(|s| s.ahead == Some(0)).await;
}

#[tokio::test]
async fn on_postgresql_a_member_on_one_instance_and_staff_on_another_still_chat() {
    if std::env::var("MADOGUCHI_TEST_POSTGRES").map(|v| v.is_empty()).unwrap_or(true) {
        return; // Several instances need the shared database (PostgreSQL).
    }
    let url = fresh_database_url().await;
    let a = spawn_app_on(url.clone(), open_hours(), |_| {}).await;
    let b = spawn_app_on(url, open_hours(), |_| {}).await;
    let m = member(&a, "m@example.jp").await;
    let early = member(&a, "early@example.jp").await;
    let s0 = join(&early, "other").await.1.as_i64().unwrap();
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let mut ms = open(&m, &a.address, s).await;
    ms.state_where(|st| st.ahead == Some(1)).await;
    let sato = staff(&b, "sato@example.jp").await;
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s0);
    // The dequeue on B reaches the member's socket on A.
    ms.state_where(|st| st.ahead == Some(0)).await;
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s);
    ms.status(SessionStatus::Active).await;
    let mut ss = open(&sato, &b.address, s).await;
    ms.send(ClientMsg::Send { client_id: "x".into(), body: "Aから".into(), attachments: Vec::new() }).await;
    let got = ss.until(|m| if let ServerMsg::Message(m) = m { Some(m.body) } else { None }).await;
    assert_eq!(got, "Aから");
    ss.send(ClientMsg::Send { client_id: "y".into(), body: "Bから".into(), attachments: Vec::new() }).await;
    let got = ms.until(|m| if let ServerMsg::Message(m) = m { m.from_staff.then_some(m.body) } else { None }).await;
    assert_eq!(got, "Bから");
}

#[tokio::test]
async fn a_waiting_member_keeps_their_place_for_the_grace_period_only_while_away() {
    let clock = open_hours();
    let app = spawn_app_on(fresh_database_url().await, clock.clone(), |s| s.chat_grace_secs = 60).await;
    let away = member(&app, "away@example.jp").await;
    let here = member(&app, "here@example.jp").await;
    let s_away = join(&away, "other").await.1.as_i64().unwrap();
    let s_here = join(&here, "other").await.1.as_i64().unwrap();
    let mut socket = open(&here, &app.address, s_here).await;
    socket.status(SessionStatus::Waiting).await;
    clock.advance(chrono::Duration::seconds(30));
    app::chat::server::heartbeat_and_sweep(&app.state).await.unwrap();
    let status = |id: i64| {
        let pool = app.state.db.pool.clone();
        async move {
            let (s,): (String,) = sqlx::query_as("SELECT status FROM chat_sessions WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
            s
        }
    };
    assert_eq!(status(s_away).await, "waiting", "30 s away: still in line");
    clock.advance(chrono::Duration::seconds(31));
    app::chat::server::heartbeat_and_sweep(&app.state).await.unwrap();
    assert_eq!(status(s_away).await, "left", "61 s away: the place is given up");
    assert_eq!(status(s_here).await, "waiting", "a connected member keeps their place");
    // The member still connected moves up.
    assert_eq!(socket.state_where(|s| s.ahead == Some(0)).await.status, SessionStatus::Waiting);
}

#[tokio::test]
async fn the_connection_logic_runs_over_plain_channels() {
    use app::chat::server::{run_connection, Side};
    use futures_util::StreamExt;
    let app = chat_app(|_| {}).await;
    let m = member(&app, "chan@example.jp").await;
    let user = m.user_view().await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let (out_tx, mut out_rx) = futures_channel::mpsc::unbounded::<ServerMsg>();
    let (in_tx, in_rx) = futures_channel::mpsc::unbounded::<app::chat::server::Inbound>();
    let task = tokio::spawn(run_connection(app.state.clone(), user, s, Side::Member, out_tx, in_rx));
    let first = out_rx.next().await.unwrap();
    assert!(
        matches!(first, ServerMsg::State(ref st) if st.status == SessionStatus::Waiting && st.ahead == Some(0)),
        "{first:?}"
    );
    in_tx.unbounded_send(ClientMsg::Leave.into()).unwrap();
    loop {
        if let Some(ServerMsg::State(st)) = out_rx.next().await {
            if st.status == SessionStatus::Left {
                break;
            }
        }
    }
    drop(in_tx);
    task.await.unwrap();
}

#[tokio::test]
async fn members_read_their_own_past_chats_only() {
    let app = chat_app(|_| {}).await;
    let m = member(&app, "m@example.jp").await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let sato = staff(&app, "sato@example.jp").await;
    sato.call("chat/staff/take-next", json!({})).await;
    let mut st = open(&sato, &app.address, s).await;
    st.status(SessionStatus::Active).await;
    st.send(ClientMsg::Send { client_id: "k".into(), body: "記録に残ります".into(), attachments: Vec::new() }).await;
    st.until(|m| matches!(m, ServerMsg::Ack { .. }).then_some(())).await;
    let (status, t) = m.call("chat/transcript", json!({ "session_id": s })).await;
    assert_eq!(status, 200);
    assert_eq!(t["messages"][0]["body"], "記録に残ります");
    let other = member(&app, "other@example.jp").await;
    assert_eq!(other.call("chat/transcript", json!({ "session_id": s })).await.0, 404);
}

#[tokio::test]
async fn two_members_racing_for_the_last_place_do_not_both_get_it() {
    let app = chat_app(|s| s.chat_queue_cap = 1).await;
    let a = member(&app, "a@example.jp").await;
    let b = member(&app, "b@example.jp").await;
    let (x, y) = tokio::join!(join(&a, "other"), join(&b, "other"));
    let mut statuses = [x.0, y.0];
    statuses.sort();
    assert_eq!(statuses, [200, 503]);
}

#[tokio::test]
async fn the_wait_estimate_appears_once_there_is_enough_history() {
    let app = chat_app(|_| {}).await;
    let sato = staff(&app, "sato@example.jp").await;
    let _ = sato;
    let m = member(&app, "m@example.jp").await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let mut ws = open(&m, &app.address, s).await;
    assert_eq!(ws.status(SessionStatus::Waiting).await.estimate_secs, None, "no history yet");
    // Three past chats of five minutes each.
    let past = member(&app, "past@example.jp").await;
    let _ = past;
    for i in 0..3 {
        sqlx::query(
            "INSERT INTO chat_sessions (member_id, topic, status, enqueued_at, last_seen_at, taken_at, ended_at) VALUES (1, 'other', 'ended', 0, 0, $1, $2)",
        )
        .bind(i * 1000)
        .bind(i * 1000 + 300_000)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    app::chat::server::refresh_stats(&app.state).await.unwrap();
    let other = member(&app, "later@example.jp").await;
    join(&other, "other").await; // a queue event makes the first socket send its state again
    let later = join(&other, "other").await.1.as_i64().unwrap();
    let mut ws2 = open(&other, &app.address, later).await;
    let st = ws2.status(SessionStatus::Waiting).await;
    assert_eq!((st.ahead, st.estimate_secs), (Some(1), Some(300)), "capacity 3: one round of five minutes");
}
