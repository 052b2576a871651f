//! The instance's live snapshot and `GET /api/live` (server-sent events).
//!
//! One task per instance recomputes the snapshot (a handful of queries) when the chat queue
//! moves, when staff availability or closure days change (`HubEvent::LiveChanged`, so across
//! instances on PostgreSQL), and every `REFRESH` as time passes (hours open and close). Viewers
//! only read the shared snapshot from a `watch` channel.
use super::LiveStatus;
use crate::calendar::store::load_closures;
use crate::calendar::BusinessCalendar;
use crate::chat::server::{estimate_secs, HubEvent};
use crate::error::AppResult;
use crate::infra::http::client_ip;
use crate::infra::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast::error::RecvError, watch};

/// Recomputed at least this often, for the clock's sake.
const REFRESH: Duration = Duration::from_secs(15);
/// Queue moves arriving together are folded into one recomputation.
const SETTLE: Duration = Duration::from_millis(100);

pub struct LiveBoard {
    snapshot: watch::Sender<Option<Arc<LiveStatus>>>,
    /// Open streams per client address on this instance, and in total.
    streams: Mutex<HashMap<String, usize>>,
}

impl LiveBoard {
    pub fn new() -> Arc<LiveBoard> {
        Arc::new(LiveBoard { snapshot: watch::channel(None).0, streams: Mutex::new(HashMap::new()) })
    }

    pub fn current(&self) -> Option<Arc<LiveStatus>> {
        self.snapshot.borrow().clone()
    }

    /// A place for one more stream from `address`, or `None` past the caps.
    fn open(self: &Arc<Self>, address: String, per_address: usize, total: usize) -> Option<StreamSlot> {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        let all: usize = streams.values().sum();
        let mine = streams.entry(address.clone()).or_default();
        if *mine >= per_address || all >= total {
            return None;
        }
        *mine += 1;
        Some(StreamSlot {
            board: self.clone(),
            address,
            _open: crate::infra::metrics::OpenConnection::new("live_stream"),
        })
    }
}

/// One open stream, counted until dropped (the viewer went away).
struct StreamSlot {
    board: Arc<LiveBoard>,
    address: String,
    _open: crate::infra::metrics::OpenConnection,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut streams = self.board.streams.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = streams.get_mut(&self.address) {
            *n -= 1;
            if *n == 0 {
                streams.remove(&self.address);
            }
        }
    }
}

/// The conditions now, from the database and the hub's queue statistics.
pub async fn compute(state: &AppState) -> AppResult<LiveStatus> {
    let now = state.clock.now();
    let closures = load_closures(&state.db).await?;
    let chat = BusinessCalendar::chat(closures.clone());
    let desk = BusinessCalendar::mail_desk(closures);
    let (waiting,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_sessions WHERE status = 'waiting'").fetch_one(&state.db.pool).await?;
    let (staff_available,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM staff_presence p JOIN users u ON u.id = p.staff_id
         WHERE p.available = 1 AND u.deactivated_at IS NULL",
    )
    .fetch_one(&state.db.pool)
    .await?;
    Ok(LiveStatus {
        chat_open: chat.is_open_at(&now),
        chat_next_opening: chat.next_opening(&now).into(),
        waiting,
        // Someone joining now has everyone waiting ahead of them.
        estimate_secs: estimate_secs(waiting, state.chat.stats()),
        line_busy: waiting >= state.settings.chat_queue_cap,
        staff_available,
        desk_open: desk.is_open_at(&now),
        desk_next_opening: desk.next_opening(&now).into(),
        reply_by: desk.add_business_days(&now, 1).into(),
    })
}

/// Recomputes and publishes if it changed (viewers hear only real changes).
pub async fn refresh(state: &AppState) {
    match compute(state).await {
        Ok(status) => {
            state.live.snapshot.send_if_modified(|current| {
                let changed = current.as_deref() != Some(&status);
                if changed {
                    *current = Some(Arc::new(status));
                }
                changed
            });
        }
        Err(e) => tracing::warn!(error = %e, "live conditions not refreshed"),
    }
}

/// Tells every instance that staff availability or closures changed.
pub async fn conditions_changed(state: &AppState) {
    if let Err(e) = state.chat.publish(&state.db, HubEvent::LiveChanged).await {
        tracing::warn!(error = %e, "live change not published");
    }
}

pub fn spawn_live_task(state: AppState) {
    tokio::spawn(async move {
        let mut queue = state.chat.subscribe_queue();
        let mut changes = state.chat.subscribe_live();
        let mut tick = tokio::time::interval(REFRESH);
        loop {
            refresh(&state).await;
            tokio::select! {
                _ = tick.tick() => continue,
                event = queue.recv() => if matches!(event, Err(RecvError::Closed)) { return },
                event = changes.recv() => if matches!(event, Err(RecvError::Closed)) { return },
            }
            // Let a burst of moves land, then count once.
            tokio::time::sleep(SETTLE).await;
            while queue.try_recv().is_ok() || changes.try_recv().is_ok() {}
        }
    });
}

/// `GET /api/live`: the snapshot now, then every change, as server-sent events (`data:` JSON).
/// Public: visitors see the corner too. Capped per client address and per instance, since each
/// stream holds a connection open.
pub async fn live_stream(State(state): State<AppState>, request: axum::extract::Request) -> Response {
    let (parts, _) = request.into_parts();
    let address = client_ip(&parts, &state);
    let settings = &state.settings;
    let Some(slot) = state.live.open(address, settings.live_streams_per_address, settings.live_streams_max) else {
        let mut refused = (StatusCode::SERVICE_UNAVAILABLE, "too many live streams").into_response();
        refused.headers_mut().insert("retry-after", HeaderValue::from_static("30"));
        return refused;
    };
    if state.live.current().is_none() {
        refresh(&state).await;
    }
    let updates = state.live.snapshot.subscribe();
    let mut response =
        Sse::new(events(updates, slot)).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))).into_response();
    // Proxies must pass events on as they come.
    response.headers_mut().insert("cache-control", HeaderValue::from_static("no-store"));
    response.headers_mut().insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

fn events(
    mut updates: watch::Receiver<Option<Arc<LiveStatus>>>,
    slot: StreamSlot,
) -> impl Stream<Item = Result<Event, Infallible>> {
    updates.mark_changed();
    stream::unfold((updates, slot), |(mut updates, slot)| async move {
        loop {
            updates.changed().await.ok()?;
            let current = updates.borrow_and_update().clone();
            if let Some(status) = current {
                let event = Event::default().json_data(&*status).unwrap_or_default();
                return Some((Ok(event), (updates, slot)));
            }
        }
    })
}
