//! The chat WebSocket at `/ws/chat?session=ID`: authenticated by the session cookie, Origin
//! checked, allowed only for the chat's member or its staff. The connection logic works on any
//! `Sink`/`Stream` of protocol messages, so tests can drive it with channels.
use super::hub::{estimate_secs, HubEvent, QueueEvent, SessionEvent};
use super::store::{end_session, messages_since, people_ahead, session_row, state_of, store_message};
use crate::auth::server::user_for_token;
use crate::auth::UserView;
use crate::chat::protocol::{ClientMsg, ServerMsg, SessionState, SessionStatus, MESSAGE_MAX};
use crate::domain::check_multiline;
use crate::error::AppResult;
use crate::infra::http::cookie;
use crate::infra::AppState;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Member,
    Staff,
}

#[derive(Deserialize)]
pub struct WsQuery {
    session: i64,
}

pub async fn ws_handler(
    State(state): State<AppState>,
    Query(q): Query<WsQuery>,
    ws: WebSocketUpgrade,
    parts: Parts,
) -> Response {
    // Browsers send Origin on WebSocket handshakes; a foreign page must not ride our cookie.
    let origin = parts.headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).unwrap_or("");
    let host = parts.headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let same = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host);
    if !same && !state.settings.allowed_origins.iter().any(|o| o == origin) {
        return (StatusCode::FORBIDDEN, "cross-origin socket refused").into_response();
    }
    let Some(token) = cookie(&parts, crate::auth::server::SESSION_COOKIE) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let user = match user_for_token(&state, &token).await {
        Ok(Some(user)) => user,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let side = match session_row(&state.db, q.session).await {
        Ok(row) if row.member_id == user.id => Side::Member,
        Ok(row) if user.is_staff() && row.staff_id == Some(user.id) => Side::Staff,
        // Someone else's chat looks exactly like a missing one.
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let session = q.session;
    // Small buffers: chat frames are short, and tungstenite's 128 KiB defaults would dominate the
    // memory of a long queue of idle sockets.
    ws.max_message_size(16 * 1024)
        .read_buffer_size(4 * 1024)
        .write_buffer_size(4 * 1024)
        .on_upgrade(move |socket| serve_socket(socket, state, user, session, side))
}

async fn serve_socket(socket: WebSocket, state: AppState, user: UserView, session: i64, side: Side) {
    let (sink, stream) = socket.split();
    let sink = sink.with(|msg: ServerMsg| async move {
        Ok::<_, axum::Error>(Message::Text(serde_json::to_string(&msg).unwrap_or_default().into()))
    });
    let stream = stream.filter_map(|frame| async move {
        match frame {
            Ok(Message::Text(text)) => serde_json::from_str::<ClientMsg>(&text).ok(),
            _ => None,
        }
    });
    // A close frame or error ends the stream; everything else is ignored by the filter above.
    run_connection(state, user, session, side, Box::pin(sink), Box::pin(stream)).await;
}

/// One connection, member or staff, until either side goes away.
pub async fn run_connection<S, R>(state: AppState, user: UserView, session: i64, side: Side, mut out: S, mut input: R)
where
    S: Sink<ServerMsg> + Unpin,
    R: Stream<Item = ClientMsg> + Unpin,
{
    let mut session_rx = state.chat.subscribe_session(session);
    let mut queue_rx = state.chat.subscribe_queue();
    if side == Side::Member {
        state.chat.connect(session);
    }
    let mut ahead = people_ahead(&state.db, session).await.unwrap_or(0);
    // The last state sent. Queue moves only change `ahead` (and the estimate), so they are
    // answered from here without touching the database: one dequeue costs one broadcast.
    let Ok(mut current) = send_state(&state, session, ahead, &mut out).await else { return };
    let mut resync = tokio::time::interval(std::time::Duration::from_secs(30));
    resync.tick().await;
    loop {
        tokio::select! {
            msg = input.next() => {
                let Some(msg) = msg else { break };
                if handle_client(&state, &user, session, side, current.status, msg, &mut out).await.is_err() {
                    break;
                }
            }
            event = session_rx.recv() => match event {
                Ok(SessionEvent::Message(m)) => {
                    if out.send(ServerMsg::Message(m)).await.is_err() { break; }
                }
                Ok(SessionEvent::Typing { from_staff }) => {
                    if from_staff != (side == Side::Staff) && out.send(ServerMsg::Typing { from_staff }).await.is_err() { break; }
                }
                Ok(SessionEvent::Changed) | Err(RecvError::Lagged(_)) => {
                    match send_state(&state, session, ahead, &mut out).await { Ok(s) => current = s, Err(()) => break }
                }
                Err(RecvError::Closed) => break,
            },
            event = queue_rx.recv(), if current.status == SessionStatus::Waiting => {
                match event {
                    Ok(QueueEvent::Removed { id }) if id < session => ahead = (ahead - 1).max(0),
                    Ok(QueueEvent::Joined { id }) if id < session => ahead += 1,
                    Ok(_) => continue,
                    // Missed events: count again.
                    Err(RecvError::Lagged(_)) => ahead = people_ahead(&state.db, session).await.unwrap_or(ahead),
                    Err(RecvError::Closed) => break,
                }
                current.ahead = Some(ahead);
                current.estimate_secs = estimate_secs(ahead, state.chat.stats());
                if out.send(ServerMsg::State(current.clone())).await.is_err() { break; }
            }
            _ = resync.tick() => {
                // A safety net against lost events (a listener reconnecting, say).
                if current.status == SessionStatus::Waiting {
                    ahead = people_ahead(&state.db, session).await.unwrap_or(ahead);
                }
                match send_state(&state, session, ahead, &mut out).await { Ok(s) => current = s, Err(()) => break }
            }
        }
    }
    if side == Side::Member {
        state.chat.disconnect(session);
        // The grace period counts from now.
        let _ = sqlx::query("UPDATE chat_sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(state.clock.now_ms())
            .bind(session)
            .execute(&state.db.pool)
            .await;
    }
}

async fn send_state<S: Sink<ServerMsg> + Unpin>(
    state: &AppState,
    session: i64,
    ahead: i64,
    out: &mut S,
) -> Result<SessionState, ()> {
    let row = session_row(&state.db, session).await.map_err(|_| ())?;
    let st = state_of(state, session, &row, Some(ahead));
    out.send(ServerMsg::State(st.clone())).await.map_err(|_| ())?;
    Ok(st)
}

async fn handle_client<S: Sink<ServerMsg> + Unpin>(
    state: &AppState,
    user: &UserView,
    session: i64,
    side: Side,
    status: SessionStatus,
    msg: ClientMsg,
    out: &mut S,
) -> Result<(), ()> {
    let result: AppResult<()> = async {
        match msg {
            ClientMsg::Hello { last_seen_id } => {
                for m in messages_since(&state.db, session, last_seen_id).await? {
                    out.send(ServerMsg::Message(m)).await.map_err(|_| crate::error::AppError::Internal)?;
                }
            }
            ClientMsg::Send { client_id, body } => {
                if status != SessionStatus::Active {
                    let _ = out.send(ServerMsg::Error("not_active".into())).await;
                    return Ok(());
                }
                let Ok(body) = check_multiline(&body, 1, MESSAGE_MAX) else {
                    let _ = out.send(ServerMsg::Error("invalid_message".into())).await;
                    return Ok(());
                };
                let client_id: String = client_id.chars().take(64).collect();
                let (message, new) =
                    store_message(state, session, user, side == Side::Staff, &client_id, &body).await?;
                // Stored before acknowledged: the ack means it survives a restart.
                let _ = out.send(ServerMsg::Ack { client_id, id: message.id }).await;
                if new {
                    state
                        .chat
                        .publish(
                            &state.db,
                            HubEvent::Session { session_id: session, event: SessionEvent::Message(message) },
                        )
                        .await?;
                }
            }
            ClientMsg::Typing => {
                state
                    .chat
                    .publish(
                        &state.db,
                        HubEvent::Session {
                            session_id: session,
                            event: SessionEvent::Typing { from_staff: side == Side::Staff },
                        },
                    )
                    .await?;
            }
            ClientMsg::Leave | ClientMsg::End => {
                end_session(state, user, session).await?;
            }
        }
        Ok(())
    }
    .await;
    result.map_err(|e| tracing::warn!(session_id = session, error = %e, "chat socket error"))
}
