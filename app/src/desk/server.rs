//! `/ws/desk`: the staff event socket, and publishing desk events.
use super::DeskEvent;
use crate::auth::server::Staff;
use crate::chat::server::{HubEvent, QueueEvent};
use crate::infra::origin::same_origin;
use crate::infra::AppState;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use tokio::sync::broadcast::error::RecvError;

/// Sends `event` to staff on every instance. A lost event only delays a badge (pages still load
/// their data when opened), so failures are logged, not returned.
pub async fn publish(state: &AppState, event: DeskEvent) {
    if let Err(e) = state.chat.publish(&state.db, HubEvent::Desk(event)).await {
        tracing::warn!(error = %e, "desk event not published");
    }
}

pub async fn desk_socket(
    State(state): State<AppState>,
    headers: HeaderMap,
    Staff(user): Staff,
    ws: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers, &state.settings.allowed_origins) {
        return (StatusCode::FORBIDDEN, "cross-origin socket refused").into_response();
    }
    // The browser sends nothing but pings and the close; small frames only.
    ws.max_frame_size(1024).max_message_size(1024).on_upgrade(move |socket| serve(socket, state, user.id))
}

async fn serve(socket: WebSocket, state: AppState, me: i64) {
    let (mut sink, mut stream) = socket.split();
    let mut desk = state.chat.subscribe_desk();
    let mut queue = state.chat.subscribe_queue();
    loop {
        let event = tokio::select! {
            frame = stream.next() => match frame {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => continue,
            },
            event = desk.recv() => match event {
                Ok(DeskEvent::StaffEnded { staff_id }) if staff_id == me => {
                    let _ = sink.send(Message::Close(None)).await;
                    return;
                }
                Ok(e) => e,
                // A slow tab missed some: it only shows fewer in its badge.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return,
            },
            event = queue.recv() => match event {
                Ok(QueueEvent::Joined { id }) => DeskEvent::QueueJoined { session_id: id },
                Ok(QueueEvent::Removed { id }) => DeskEvent::QueueLeft { session_id: id },
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return,
            },
        };
        if !event.concerns(me) {
            continue;
        }
        let Ok(json) = serde_json::to_string(&event) else { continue };
        if sink.send(Message::Text(json.into())).await.is_err() {
            return;
        }
    }
}
