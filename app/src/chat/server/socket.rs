//! The chat WebSocket at `/ws/chat?session=ID`: the caller comes from the shared `Member` guard,
//! the Origin from the shared rule, and only the chat's member or its staff get in. Frames are
//! small (16 KiB at most); a few sockets per user and chat; an ended chat gets its final state and
//! a normal close. The connection itself lives in `connection.rs`.
use super::connection::{run_connection, Closing, Inbound};
use super::store::{session_row, state_of};
use crate::auth::server::Member;
use crate::chat::protocol::{ClientMsg, ServerMsg, SessionStatus};
use crate::infra::origin::same_origin;
use crate::infra::AppState;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::stream::SplitSink;
use futures_util::{Sink, SinkExt, StreamExt};
use serde::Deserialize;
use std::pin::Pin;
use std::task::{Context, Poll};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Member,
    Staff,
}

/// Frames and messages larger than this are refused by the WebSocket layer itself (a chat message
/// is at most 1,000 characters: about 4 KiB of JSON).
const FRAME_MAX: usize = 16 * 1024;
/// Open sockets per user and chat on one instance (a few tabs, a reconnect overlapping the old one).
const SOCKETS_PER_USER: usize = 3;

/// How long a closing connection waits for the client's answering close frame.
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Deserialize)]
pub struct WsQuery {
    session: i64,
}

pub async fn ws_handler(
    State(state): State<AppState>,
    headers: HeaderMap,
    Member(user): Member,
    Query(q): Query<WsQuery>,
    ws: WebSocketUpgrade,
) -> Response {
    // Browsers send Origin on WebSocket handshakes; a foreign page must not ride our cookie.
    if !same_origin(&headers, &state.settings.allowed_origins) {
        return (StatusCode::FORBIDDEN, "cross-origin socket refused").into_response();
    }
    let row = match session_row(&state.db, q.session).await {
        Ok(row) => row,
        Err(e) => return e.into_response(),
    };
    let side = if row.member_id == user.id {
        Side::Member
    } else if user.is_staff() && row.staff_id == Some(user.id) {
        Side::Staff
    } else {
        // Someone else's chat looks exactly like a missing one.
        return StatusCode::NOT_FOUND.into_response();
    };
    let session = q.session;
    // Small buffers: chat frames are short, and tungstenite's 128 KiB defaults would dominate the
    // memory of a long queue of idle sockets.
    let ws =
        ws.max_message_size(FRAME_MAX).max_frame_size(FRAME_MAX).read_buffer_size(4 * 1024).write_buffer_size(4 * 1024);
    if matches!(row.status, SessionStatus::Ended | SessionStatus::Left) {
        // Nothing live here any more: tell the client how it ended and close.
        let last = state_of(&state, session, &row, None);
        return ws.on_upgrade(move |mut socket| async move {
            let _ = socket.send(text(&ServerMsg::State(last))).await;
            let _ = socket.send(Message::Close(Some(CloseFrame { code: 1000, reason: "ended".into() }))).await;
        });
    }
    let Some(slot) = state.chat.open_socket(session, user.id, SOCKETS_PER_USER) else {
        tracing::warn!(session_id = session, user_id = user.id, "too many sockets for one chat");
        return ws.on_upgrade(|socket| refuse(socket, crate::chat::protocol::ChatProblem::TooManyConnections));
    };
    ws.on_upgrade(move |socket| async move {
        let _open = crate::infra::metrics::OpenConnection::new("chat_socket");
        serve_socket(socket, state, user, session, side).await;
        drop(slot);
    })
}

fn text(msg: &ServerMsg) -> Message {
    Message::Text(serde_json::to_string(msg).unwrap_or_default().into())
}

/// 1008: policy violation, the code for "you broke the rules of this endpoint".
fn policy_close(reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame { code: 1008, reason: reason.into() }))
}

async fn refuse(mut socket: WebSocket, problem: crate::chat::protocol::ChatProblem) {
    let _ = socket.send(text(&ServerMsg::Error(problem))).await;
    let _ = socket.send(policy_close("refused")).await;
}

async fn serve_socket(socket: WebSocket, state: AppState, user: crate::auth::UserView, session: i64, side: Side) {
    let (mut sink, stream) = socket.split();
    let stream = stream.filter_map(|frame| async move {
        match frame {
            Ok(Message::Text(raw)) => Some(match serde_json::from_str::<ClientMsg>(&raw) {
                Ok(msg) => Inbound::Msg(msg),
                Err(_) => Inbound::Malformed,
            }),
            Ok(Message::Binary(_)) => Some(Inbound::Malformed),
            // Pings are answered by axum; a close or an error ends the stream.
            Ok(Message::Ping(_) | Message::Pong(_)) => None,
            Ok(Message::Close(_)) | Err(_) => Some(Inbound::Gone),
        }
    });
    let mut stream = Box::pin(stream);
    let closing = run_connection(state, user, session, side, JsonFrames(&mut sink), &mut stream).await;
    let reason = match closing {
        Closing::Gone => return,
        Closing::Flooding => "too fast",
        Closing::Malformed => "malformed frames",
    };
    if sink.send(policy_close(reason)).await.is_ok() {
        // The closing handshake: read (and drop) what the client still sends until it answers
        // the close, for a moment at most. Closing the TCP connection at once would make the
        // client's kernel throw away our close frame unread when more of its frames arrive.
        let _ = tokio::time::timeout(CLOSE_WAIT, async { while stream.next().await.is_some() {} }).await;
    }
}

/// Protocol messages out as JSON text frames, borrowing the socket's sink so the caller can still
/// send the close frame afterwards.
struct JsonFrames<'a>(&'a mut SplitSink<WebSocket, Message>);

impl Sink<ServerMsg> for JsonFrames<'_> {
    type Error = axum::Error;

    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Pin::new(&mut *self.0).poll_ready(cx)
    }

    fn start_send(mut self: Pin<&mut Self>, item: ServerMsg) -> Result<(), Self::Error> {
        Pin::new(&mut *self.0).start_send(text(&item))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Pin::new(&mut *self.0).poll_flush(cx)
    }

    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Pin::new(&mut *self.0).poll_close(cx)
    }
}
