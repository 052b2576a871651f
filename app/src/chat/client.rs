//! The browser end of the chat socket: connects, says which message it saw last, resends what
//! was not acknowledged, and reconnects with backoff when the line drops (a reload, a network
//! blip, a server restart).
use super::protocol::{ChatMessage, ChatProblem, ClientMsg, ServerMsg, SessionState, SessionStatus};
use futures_channel::mpsc::{unbounded, UnboundedSender};
use futures_util::{select, FutureExt, SinkExt, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::Message;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct ChatConnection {
    pub session: i64,
    pub state: RwSignal<Option<SessionState>>,
    pub messages: RwSignal<Vec<ChatMessage>>,
    /// Sent but not yet acknowledged: (client id, text, attachment ids). Resent after a reconnect.
    pub pending: RwSignal<Vec<(String, String, Vec<String>)>>,
    pub other_typing: RwSignal<bool>,
    pub connected: RwSignal<bool>,
    /// The last problem the server reported, shown above the form.
    pub problem: RwSignal<Option<ChatProblem>>,
    /// When the last typing frame went out (ms): the server passes on one per 2 s anyway.
    last_typing: StoredValue<f64>,
    outbox: StoredValue<UnboundedSender<ClientMsg>, LocalStorage>,
}

impl ChatConnection {
    pub fn send(&self, body: String, attachments: Vec<String>) {
        let client_id = random_id();
        self.pending.update(|p| p.push((client_id.clone(), body.clone(), attachments.clone())));
        self.push(ClientMsg::Send { client_id, body, attachments });
    }

    /// Tells the other side we are typing, at most once every two seconds.
    pub fn typing(&self) {
        let now = js_sys::Date::now();
        if now - self.last_typing.get_value() >= 2000.0 {
            self.last_typing.set_value(now);
            self.push(ClientMsg::Typing);
        }
    }

    pub fn push(&self, msg: ClientMsg) {
        self.outbox.with_value(|tx| {
            let _ = tx.unbounded_send(msg);
        });
    }
}

fn random_id() -> String {
    let mut bytes = [0u8; 12];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}-{}", js_sys::Date::now())
}

fn socket_url(session: i64) -> String {
    let location = web_sys::window().map(|w| w.location());
    let host = location.as_ref().and_then(|l| l.host().ok()).unwrap_or_default();
    let secure = location.and_then(|l| l.protocol().ok()).is_some_and(|p| p == "https:");
    format!("{}://{host}/ws/chat?session={session}", if secure { "wss" } else { "ws" })
}

/// Opens the chat for `session` and keeps it open until the component goes away.
pub fn connect(session: i64) -> ChatConnection {
    let (tx, mut rx) = unbounded::<ClientMsg>();
    let conn = ChatConnection {
        session,
        state: RwSignal::new(None),
        messages: RwSignal::new(Vec::new()),
        pending: RwSignal::new(Vec::new()),
        other_typing: RwSignal::new(false),
        connected: RwSignal::new(false),
        problem: RwSignal::new(None),
        last_typing: StoredValue::new(0.0),
        outbox: StoredValue::new_local(tx),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let stop_on_cleanup = stop.clone();
    on_cleanup(move || stop_on_cleanup.store(true, Ordering::SeqCst));
    leptos::task::spawn_local(async move {
        let mut backoff = 500u64;
        while !stop.load(Ordering::SeqCst) {
            if let Ok(socket) = WebSocket::open(&socket_url(session)) {
                let (mut sink, mut stream) = socket.split();
                let last_seen = conn.messages.with_untracked(|m| m.last().map(|m| m.id).unwrap_or(0));
                let mut hello = vec![ClientMsg::Hello { last_seen_id: last_seen }];
                hello.extend(
                    conn.pending.get_untracked().into_iter().map(|(client_id, body, attachments)| ClientMsg::Send {
                        client_id,
                        body,
                        attachments,
                    }),
                );
                let mut ok = true;
                for msg in hello {
                    ok &= sink.send(Message::Text(serde_json::to_string(&msg).unwrap_or_default())).await.is_ok();
                }
                if ok {
                    conn.connected.set(true);
                    backoff = 500;
                }
                while ok && !stop.load(Ordering::SeqCst) {
                    select! {
                        frame = stream.next().fuse() => match frame {
                            Some(Ok(Message::Text(text))) => {
                                if let Ok(msg) = serde_json::from_slice::<ServerMsg>(text.as_bytes()) { apply(&conn, msg); }
                            }
                            Some(Ok(_)) => {}
                            _ => ok = false,
                        },
                        out = rx.next() => match out {
                            Some(msg) => ok = sink.send(Message::Text(serde_json::to_string(&msg).unwrap_or_default())).await.is_ok(),
                            None => ok = false,
                        },
                    }
                }
                conn.connected.set(false);
            }
            let finished = conn.state.with_untracked(|s| {
                s.as_ref().is_some_and(|s| matches!(s.status, SessionStatus::Ended | SessionStatus::Left))
            });
            if finished || stop.load(Ordering::SeqCst) {
                break;
            }
            sleep_ms(backoff).await;
            backoff = (backoff * 2).min(5000);
        }
    });
    conn
}

fn apply(conn: &ChatConnection, msg: ServerMsg) {
    match msg {
        ServerMsg::State(s) => conn.state.set(Some(s)),
        ServerMsg::Message(m) => {
            conn.pending.update(|p| p.retain(|(id, _, _)| *id != m.client_id));
            conn.messages.update(|list| {
                if !list.iter().any(|x| x.id == m.id) {
                    list.push(m);
                    list.sort_by_key(|x| x.id);
                }
            });
        }
        ServerMsg::Ack { client_id, .. } => conn.pending.update(|p| p.retain(|(id, _, _)| *id != client_id)),
        ServerMsg::Error(ChatProblem::FileUnavailable) => {
            // Refused, not stored: resending it would only be refused again.
            conn.pending.update(|p| p.retain(|(_, _, files)| files.is_empty()));
            conn.problem.set(Some(ChatProblem::FileUnavailable));
        }
        ServerMsg::Typing { .. } => {
            conn.other_typing.set(true);
            let flag = conn.other_typing;
            set_timeout(move || flag.set(false), Duration::from_secs(3));
        }
        ServerMsg::Error(problem) => conn.problem.set(Some(problem)),
    }
}

/// Waits `ms` milliseconds in the browser (also used by the staff event socket).
pub(crate) async fn sleep_ms(ms: u64) {
    let (tx, rx) = futures_channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = tx.send(());
        },
        Duration::from_millis(ms),
    );
    let _ = rx.await;
}
