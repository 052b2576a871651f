//! The staff event socket: a new inquiry, a queue join and a follow-up reach a staff tab, on
//! PostgreSQL from another instance (LISTEN/NOTIFY); members and visitors cannot open it; a
//! deactivated staff member's socket closes.
use crate::contact::{member, points_inquiry};
use crate::helpers::{two_instances, Client, TestApp};
use app::chat::protocol::ClientMsg;
use app::desk::{DeskClientMsg, DeskEvent};
use futures_util::StreamExt;
use serde_json::json;
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

pub type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub async fn open(client: &Client, app: &TestApp) -> Result<Socket, u16> {
    let url = format!("{}/ws/desk", app.address.replace("http://", "ws://"));
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert("cookie", client.cookie_header().parse().expect("cookie"));
    request.headers_mut().insert("origin", app.address.parse().expect("origin"));
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => Err(response.status().as_u16()),
        Err(e) => panic!("socket: {e}"),
    }
}

/// The next event, or `None` when the server closed the socket.
pub async fn next(socket: &mut Socket) -> Option<DeskEvent> {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(10), socket.next()).await.expect("an event within 10 s");
        match frame {
            Some(Ok(Message::Text(text))) => return Some(serde_json::from_str(&text).expect("a desk event")),
            Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return None,
            Some(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn staff_hear_inquiries_queue_joins_and_follow_ups_from_any_instance() {
    // On PostgreSQL two instances; SQLite runs one.
    let (writer, reader) = two_instances().await;
    reader.create_agent("listener@example.jp", "staff-password-1").await;
    let staff = reader.client();
    assert_eq!(staff.login("listener@example.jp", "staff-password-1").await.0, 200);
    let mut socket = open(&staff, &reader).await.expect("staff open the desk socket");

    let m = member(&writer, "desk-member@example.jp").await;
    assert_eq!(open(&m, &writer).await.err(), Some(403), "members are refused");
    assert_eq!(open(&writer.client(), &writer).await.err(), Some(401), "visitors are refused");

    let (_, inquiry) = m.call("contact/submit", points_inquiry("desk-inquiry")).await;
    let id = inquiry["id"].as_i64().unwrap();
    assert_eq!(next(&mut socket).await, Some(DeskEvent::NewInquiry { inquiry_id: id }));
    let chat = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    assert_eq!(next(&mut socket).await, Some(DeskEvent::QueueJoined { session_id: chat }));
    let follow = json!({ "input": { "inquiry_id": id, "body": "追記です", "client_key": "desk-follow-1" } });
    assert_eq!(m.call("contact/follow-up", follow).await.0, 200);
    assert_eq!(next(&mut socket).await, Some(DeskEvent::FollowUp { inquiry_id: id, assignee_id: None }));

    // Deactivated, the staff member's socket closes at once.
    writer.create_staff("desk-boss@example.jp", "staff-password-1").await;
    let boss = writer.client();
    assert_eq!(boss.login("desk-boss@example.jp", "staff-password-1").await.0, 200);
    let (listener_id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = 'listener@example.jp'")
        .fetch_one(&writer.state.db.pool)
        .await
        .unwrap();
    assert_eq!(boss.call("admin/team/active", json!({ "user_id": listener_id, "active": false })).await.0, 200);
    assert_eq!(next(&mut socket).await, None);
}

/// The next `n` events, in any order (two publishers' events may interleave).
async fn next_n(socket: &mut Socket, n: usize) -> Vec<DeskEvent> {
    let mut events = Vec::new();
    for _ in 0..n {
        events.push(next(socket).await.expect("an event"));
    }
    events
}

#[tokio::test]
async fn the_chat_console_hears_queue_leaves_its_chats_and_their_messages_without_polling() {
    // On PostgreSQL two instances; SQLite runs one.
    let (writer, reader) = two_instances().await;
    reader.create_agent("console@example.jp", "staff-password-1").await;
    reader.create_agent("other-console@example.jp", "staff-password-1").await;
    let staff = reader.client();
    assert_eq!(staff.login("console@example.jp", "staff-password-1").await.0, 200);
    let other = reader.client();
    assert_eq!(other.login("other-console@example.jp", "staff-password-1").await.0, 200);
    let mut mine = open(&staff, &reader).await.expect("socket");
    let mut theirs = open(&other, &reader).await.expect("socket");
    let staff_id = staff.call("auth/me", json!({})).await.1["id"].as_i64().unwrap();

    let m = member(&writer, "console-member@example.jp").await;
    let chat = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    assert_eq!(next(&mut mine).await, Some(DeskEvent::QueueJoined { session_id: chat }));
    assert_eq!(next(&mut theirs).await, Some(DeskEvent::QueueJoined { session_id: chat }));

    // Taken: everyone's queue shrinks; only the taker's chat list grows.
    assert_eq!(staff.call("chat/staff/take-next", json!({})).await.1, chat);
    let taken = next_n(&mut mine, 2).await;
    assert!(taken.contains(&DeskEvent::QueueLeft { session_id: chat }), "{taken:?}");
    assert!(taken.contains(&DeskEvent::ChatChanged { session_id: chat, staff_id }), "{taken:?}");
    assert_eq!(next(&mut theirs).await, Some(DeskEvent::QueueLeft { session_id: chat }));

    // The member writes: the chat's staff member is told, nobody else.
    let mut member_socket = crate::ws::open(&m, &writer.address, chat).await;
    member_socket
        .send(ClientMsg::Send {
            client_id: "c-1".into(), body: "ポイントについて".into(), attachments: Vec::new()
        })
        .await;
    assert_eq!(next(&mut mine).await, Some(DeskEvent::ChatMessage { session_id: chat, staff_id }));
    member_socket.send(ClientMsg::End).await;
    assert_eq!(next(&mut mine).await, Some(DeskEvent::ChatChanged { session_id: chat, staff_id }));
    // The other staff member heard nothing of that chat: the next thing they hear is a new inquiry.
    let (_, inquiry) = m.call("contact/submit", points_inquiry("console-inquiry")).await;
    let id = inquiry["id"].as_i64().unwrap();
    assert_eq!(next(&mut theirs).await, Some(DeskEvent::NewInquiry { inquiry_id: id }));
}

/// Sends a frame from the staff tab.
async fn say(socket: &mut Socket, msg: DeskClientMsg) {
    use futures_util::SinkExt;
    socket.send(Message::Text(serde_json::to_string(&msg).unwrap().into())).await.expect("sent");
}

#[tokio::test]
async fn staff_on_one_inquiry_see_each_other_and_who_types_across_instances() {
    // On PostgreSQL two instances; SQLite runs one.
    let (one, two) = two_instances().await;
    one.create_agent("sato@example.jp", "staff-password-1").await;
    one.create_agent("suzuki@example.jp", "staff-password-1").await;
    let sato = one.client();
    assert_eq!(sato.login("sato@example.jp", "staff-password-1").await.0, 200);
    let suzuki = two.client();
    assert_eq!(suzuki.login("suzuki@example.jp", "staff-password-1").await.0, 200);
    let sato_id = sato.call("auth/me", json!({})).await.1["id"].as_i64().unwrap();
    let suzuki_id = suzuki.call("auth/me", json!({})).await.1["id"].as_i64().unwrap();
    let sato_name = sato.call("auth/me", json!({})).await.1["display_name"].as_str().unwrap().to_owned();
    let suzuki_name = suzuki.call("auth/me", json!({})).await.1["display_name"].as_str().unwrap().to_owned();
    let m = member(&one, "presence-member@example.jp").await;
    let (_, inquiry) = m.call("contact/submit", points_inquiry("presence-inquiry")).await;
    let id = inquiry["id"].as_i64().unwrap();

    let mut a = open(&sato, &one).await.expect("socket");
    let mut b = open(&suzuki, &two).await.expect("socket");
    say(&mut a, DeskClientMsg::Viewing { inquiry_id: Some(id) }).await;
    // Skip what the inquiry itself caused (raced with opening the sockets).
    let wanted = |e: &DeskEvent| e.presence_of().is_some();
    say(&mut b, DeskClientMsg::Viewing { inquiry_id: Some(id) }).await;
    let seen_by_a = next_where(&mut a, wanted).await;
    assert_eq!(
        seen_by_a,
        DeskEvent::Presence { inquiry_id: id, staff_id: suzuki_id, name: suzuki_name, typing: false, hello: true }
    );
    // Sato was there first and answers Suzuki's hello at once (not after the next repeat).
    let seen_by_b = next_where(&mut b, wanted).await;
    assert!(
        matches!(&seen_by_b, DeskEvent::Presence { staff_id, name, .. } if *staff_id == sato_id && *name == sato_name),
        "{seen_by_b:?}"
    );

    say(&mut b, DeskClientMsg::Typing).await;
    let typing = next_where(&mut a, |e| matches!(e, DeskEvent::Presence { typing: true, .. })).await;
    assert!(matches!(typing, DeskEvent::Presence { staff_id, .. } if staff_id == suzuki_id));

    // Another inquiry's presence does not reach a tab on this one.
    let (_, other) = m.call("contact/submit", points_inquiry("presence-other")).await;
    let other_id = other["id"].as_i64().unwrap();
    // A repeat sent just before the move may still be on its way: only repeats are skipped.
    let news = |e: &DeskEvent| {
        e.presence_of().is_some() && !matches!(e, DeskEvent::Presence { hello: false, typing: false, .. })
    };
    say(&mut b, DeskClientMsg::Viewing { inquiry_id: Some(other_id) }).await;
    assert_eq!(next_where(&mut a, news).await, DeskEvent::Away { inquiry_id: id, staff_id: suzuki_id });
    say(&mut b, DeskClientMsg::Viewing { inquiry_id: Some(id) }).await;
    // Nothing about the other inquiry came in between: the next news is Suzuki's return.
    let back = next_where(&mut a, wanted).await;
    assert!(matches!(back, DeskEvent::Presence { inquiry_id, hello: true, .. } if inquiry_id == id), "{back:?}");

    // Closing the tab says goodbye at once.
    drop(b);
    assert_eq!(next_where(&mut a, news).await, DeskEvent::Away { inquiry_id: id, staff_id: suzuki_id });
}

#[tokio::test]
async fn a_desk_socket_that_floods_is_closed() {
    let app = crate::helpers::spawn_app().await;
    app.create_agent("flood@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("flood@example.jp", "staff-password-1").await.0, 200);
    let mut socket = open(&staff, &app).await.expect("socket");
    for i in 0..200 {
        use futures_util::SinkExt;
        let frame = serde_json::to_string(&DeskClientMsg::Viewing { inquiry_id: Some(i) }).unwrap();
        // Sends start failing once the server has closed.
        if socket.send(Message::Text(frame.into())).await.is_err() {
            break;
        }
    }
    // Skips what presence the flood itself caused, until the close.
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(10), socket.next()).await.expect("closed within 10 s");
        match frame {
            Some(Ok(Message::Text(_))) | Some(Ok(Message::Ping(_))) => continue,
            _ => break,
        }
    }
}

/// The next event `pick` accepts, skipping others.
async fn next_where(socket: &mut Socket, pick: impl Fn(&DeskEvent) -> bool) -> DeskEvent {
    loop {
        let event = next(socket).await.expect("an event");
        if pick(&event) {
            return event;
        }
    }
}
