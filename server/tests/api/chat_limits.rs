//! The chat socket's limits: floods and garbage end the connection (and only it), a lagging
//! connection misses no message, one queue place per member, ended chats are not live.
use crate::chat::{join, staff};
use crate::chat_support::chat_app;
use crate::contact::member;
use crate::ws::{open, open_with_origin};
use app::chat::protocol::{ChatProblem, ClientMsg, ServerMsg, SessionStatus};
use app::chat::server::{run_connection, Closing, HubEvent, Inbound, SessionEvent, Side};
use futures_util::future::join_all;
use futures_util::StreamExt;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test]
async fn ten_parallel_joins_give_one_queue_place() {
    let (app, _) = chat_app().await;
    let m = member(&app, "eager@example.jp").await;
    let joins = (0..10).map(|_| join(&m, "other"));
    let answers = join_all(joins).await;
    let ids: std::collections::BTreeSet<i64> = answers
        .iter()
        .map(|(s, v)| {
            assert_eq!(*s, 200, "{v}");
            v.as_i64().unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 1, "one chat for all ten: {answers:?}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_sessions WHERE status = 'waiting'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_flood_closes_that_connection_and_other_chats_carry_on() {
    let (app, _) = chat_app().await;
    let flooder = member(&app, "flood@example.jp").await;
    let calm = member(&app, "calm@example.jp").await;
    let s1 = join(&flooder, "other").await.1.as_i64().unwrap();
    let s2 = join(&calm, "other").await.1.as_i64().unwrap();
    let sato = staff(&app, "sato@example.jp").await;
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s1);
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s2);
    let mut bad = open(&flooder, &app.address, s1).await;
    bad.status(SessionStatus::Active).await;
    let mut good = open(&calm, &app.address, s2).await;
    good.status(SessionStatus::Active).await;
    let mut st2 = open(&sato, &app.address, s2).await;
    st2.status(SessionStatus::Active).await;

    let frame =
        serde_json::to_string(&ClientMsg::Send {
            client_id: "x".into(), body: "連打".into(), attachments: Vec::new()
        })
        .unwrap();
    let mut sent = 0;
    for i in 0..10_000 {
        let f = frame.replace("\"x\"", &format!("\"x{i}\""));
        if !bad.send_raw(Message::Text(f.into())).await {
            break;
        }
        sent += 1;
    }
    let (code, problems) = bad.closed().await;
    assert_eq!(code, Some(1008), "policy violation");
    assert!(problems.contains(&ChatProblem::TooFast), "{problems:?}");
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_messages WHERE session_id = $1")
        .bind(s1)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(stored <= 11, "only the burst was stored: {stored} of {sent}");

    good.send(ClientMsg::Send {
        client_id: "c-1".into(),
        body: "こちらは普通に話せます".into(),
        attachments: Vec::new(),
    })
    .await;
    let got = st2.until(|m| if let ServerMsg::Message(m) = m { Some(m.body) } else { None }).await;
    assert_eq!(got, "こちらは普通に話せます");
}

#[tokio::test]
async fn malformed_frames_close_the_connection_after_a_few() {
    let (app, _) = chat_app().await;
    let m = member(&app, "garbage@example.jp").await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let mut socket = open(&m, &app.address, s).await;
    socket.status(SessionStatus::Waiting).await;
    for raw in ["{", "\"Typo\"", "[1,2,3]"] {
        socket.send_raw(Message::Text(raw.into())).await;
    }
    let (code, problems) = socket.closed().await;
    assert_eq!(code, Some(1008));
    assert_eq!(problems.last(), Some(&ChatProblem::Malformed));
}

#[tokio::test]
async fn typing_in_a_waiting_chat_goes_nowhere_and_messages_wait_for_staff() {
    let (app, _) = chat_app().await;
    let m = member(&app, "early@example.jp").await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let mut socket = open(&m, &app.address, s).await;
    socket.status(SessionStatus::Waiting).await;
    socket.send(ClientMsg::Send { client_id: "too-early".into(), body: "まだ?".into(), attachments: Vec::new() }).await;
    let problem = socket.until(|m| if let ServerMsg::Error(p) = m { Some(p) } else { None }).await;
    assert_eq!(problem, ChatProblem::NotActive);
}

#[tokio::test]
async fn an_ended_chat_gets_its_final_state_and_a_normal_close() {
    let (app, _) = chat_app().await;
    let m = member(&app, "done@example.jp").await;
    let s = crate::chat_support::ended_chat(&app, &m).await;
    let mut socket = open_with_origin(&m, &app.address, s, &app.address).await.expect("handshake");
    assert_eq!(socket.status(SessionStatus::Ended).await.session_id, s);
    assert_eq!(socket.closed().await.0, Some(1000));
}

#[tokio::test]
async fn a_few_sockets_per_member_and_chat() {
    let (app, _) = chat_app().await;
    let m = member(&app, "tabs@example.jp").await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let mut open_ones = Vec::new();
    for _ in 0..3 {
        let mut socket = open(&m, &app.address, s).await;
        socket.status(SessionStatus::Waiting).await;
        open_ones.push(socket);
    }
    let mut fourth = open_with_origin(&m, &app.address, s, &app.address).await.expect("handshake");
    let (code, problems) = fourth.closed().await;
    assert_eq!((code, problems), (Some(1008), vec![ChatProblem::TooManyConnections]));
    drop(open_ones.pop());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut again = open(&m, &app.address, s).await;
    again.status(SessionStatus::Waiting).await;
}

/// A connection whose client reads nothing falls behind the hub's buffer (64 events); when it
/// reads again, it still gets every message, in order, from the database.
#[tokio::test]
async fn a_lagging_connection_misses_no_message() {
    let (app, _) = chat_app().await;
    let m = member(&app, "slow@example.jp").await;
    let user = m.user_view().await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let sato = staff(&app, "sato@example.jp").await;
    sato.call("chat/staff/take-next", json!({})).await;
    let (out_tx, mut out_rx) = futures_channel::mpsc::channel::<ServerMsg>(0);
    let (in_tx, in_rx) = futures_channel::mpsc::unbounded::<Inbound>();
    let task = tokio::spawn(run_connection(app.state.clone(), user, s, Side::Member, out_tx, in_rx));
    // The first state goes out; then nobody reads while staff send 200 messages.
    assert!(matches!(out_rx.next().await, Some(ServerMsg::State(_))));
    let staff_id: (i64,) = sqlx::query_as("SELECT staff_id FROM chat_sessions WHERE id = $1")
        .bind(s)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    for i in 0..200 {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO chat_messages (session_id, author_id, from_staff, client_id, body, created_at)
             VALUES ($1, $2, 1, $3, $4, $5) RETURNING id",
        )
        .bind(s)
        .bind(staff_id.0)
        .bind(format!("s-{i}"))
        .bind(format!("{i}通目"))
        .bind(app.state.clock.now_ms())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        let message = app::chat::protocol::ChatMessage {
            id,
            client_id: format!("s-{i}"),
            from_staff: true,
            author: "スタッフ 佐藤".into(),
            body: format!("{i}通目"),
            at: app::calendar::Moment::from_millis(app.state.clock.now_ms()),
            attachments: Vec::new(),
        };
        let event = HubEvent::Session { session_id: s, event: SessionEvent::Message(message) };
        app.state.chat.publish(&app.state.db, event).await.unwrap();
    }
    let mut seen = Vec::new();
    while seen.len() < 200 {
        match tokio::time::timeout(std::time::Duration::from_secs(10), out_rx.next()).await {
            Ok(Some(ServerMsg::Message(msg))) => {
                if !seen.contains(&msg.id) {
                    seen.push(msg.id);
                }
            }
            Ok(Some(_)) => {}
            other => panic!("connection ended early after {} messages: {other:?}", seen.len()),
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 200, "every message arrived once");
    drop(in_tx);
    drop(out_rx);
    assert_eq!(task.await.unwrap(), Closing::Gone);
}
