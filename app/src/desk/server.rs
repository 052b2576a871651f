//! `/ws/desk`: the staff event socket, and publishing desk events.
use super::{DeskClientMsg, DeskEvent, PRESENCE_EVERY_SECS};
use crate::auth::server::Staff;
use crate::auth::UserView;
use crate::chat::server::{HubEvent, QueueEvent};
use crate::infra::origin::same_origin;
use crate::infra::AppState;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use std::time::{Duration, Instant};
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
    // The browser sends only which inquiry it shows and that its staff member types: small frames.
    ws.max_frame_size(1024).max_message_size(1024).on_upgrade(move |socket| serve(socket, state, user))
}

/// Client frames allowed per `FRAME_WINDOW`; a tab past it is misbehaving and is closed.
const FRAME_BUDGET: u32 = 40;
const FRAME_WINDOW: Duration = Duration::from_secs(10);
/// Typing is passed on at most this often per socket.
const TYPING_EVERY: Duration = Duration::from_millis(1500);

/// One staff tab's socket: what it views (for presence), and its frame budget.
struct Tab {
    me: i64,
    /// Supervisors also hear of overdue inquiries that are not theirs.
    supervisor: bool,
    name: String,
    viewing: Option<i64>,
    frames: u32,
    window_start: Instant,
    last_typing: Option<Instant>,
}

impl Tab {
    fn presence(&self, inquiry_id: i64, typing: bool, hello: bool) -> DeskEvent {
        DeskEvent::Presence { inquiry_id, staff_id: self.me, name: self.name.clone(), typing, hello }
    }

    /// Counts a frame; `false` once the tab is over its budget.
    fn spend(&mut self) -> bool {
        if self.window_start.elapsed() > FRAME_WINDOW {
            self.window_start = Instant::now();
            self.frames = 0;
        }
        self.frames += 1;
        self.frames <= FRAME_BUDGET
    }
}

async fn serve(socket: WebSocket, state: AppState, user: UserView) {
    let _open = crate::infra::metrics::OpenConnection::new("desk_socket");
    let (mut sink, mut stream) = socket.split();
    let mut desk = state.chat.subscribe_desk();
    let mut queue = state.chat.subscribe_queue();
    let mut tab = Tab {
        me: user.id,
        supervisor: user.is_supervisor(),
        name: user.display_name,
        viewing: None,
        frames: 0,
        window_start: Instant::now(),
        last_typing: None,
    };
    let mut heartbeat = tokio::time::interval(Duration::from_secs(PRESENCE_EVERY_SECS));
    heartbeat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let event = tokio::select! {
            frame = stream.next() => match frame {
                Some(Ok(Message::Text(text))) => {
                    if !tab.spend() {
                        tracing::warn!(staff_id = tab.me, "desk socket flooding; closed");
                        break;
                    }
                    if let Ok(msg) = serde_json::from_str::<DeskClientMsg>(&text) {
                        heard(&state, &mut tab, msg).await;
                    }
                    continue;
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => continue,
            },
            _ = heartbeat.tick() => {
                if let Some(id) = tab.viewing {
                    publish(&state, tab.presence(id, false, false)).await;
                }
                continue;
            }
            event = desk.recv() => match event {
                Ok(DeskEvent::StaffEnded { staff_id }) if staff_id == tab.me => {
                    let _ = sink.send(Message::Close(None)).await;
                    break;
                }
                Ok(e) => e,
                // A slow tab missed some: it only shows fewer in its badge.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => break,
            },
            event = queue.recv() => match event {
                Ok(QueueEvent::Joined { id }) => DeskEvent::QueueJoined { session_id: id },
                Ok(QueueEvent::Removed { id }) => DeskEvent::QueueLeft { session_id: id },
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => break,
            },
        };
        if !event.concerns(tab.me, tab.supervisor) {
            continue;
        }
        // Presence only for the inquiry this tab shows; someone new there hears us at once.
        if let Some(about) = event.presence_of() {
            if tab.viewing != Some(about) {
                continue;
            }
            if matches!(event, DeskEvent::Presence { hello: true, .. }) {
                publish(&state, tab.presence(about, false, false)).await;
            }
        }
        let Ok(json) = serde_json::to_string(&event) else { continue };
        if sink.send(Message::Text(json.into())).await.is_err() {
            break;
        }
    }
    if let Some(inquiry_id) = tab.viewing {
        publish(&state, DeskEvent::Away { inquiry_id, staff_id: tab.me }).await;
    }
}

/// A frame from the tab: it opened or left an inquiry, or its staff member types.
async fn heard(state: &AppState, tab: &mut Tab, msg: DeskClientMsg) {
    match msg {
        DeskClientMsg::Viewing { inquiry_id } => {
            if tab.viewing == inquiry_id {
                return;
            }
            if let Some(old) = tab.viewing {
                publish(state, DeskEvent::Away { inquiry_id: old, staff_id: tab.me }).await;
            }
            tab.viewing = inquiry_id;
            if let Some(id) = inquiry_id {
                publish(state, tab.presence(id, false, true)).await;
            }
        }
        DeskClientMsg::Typing => {
            let Some(id) = tab.viewing else { return };
            if tab.last_typing.is_some_and(|at| at.elapsed() < TYPING_EVERY) {
                return;
            }
            tab.last_typing = Some(Instant::now());
            publish(state, tab.presence(id, true, false)).await;
        }
    }
}
