//! The chat hub: one broadcast channel for the queue and one per chat session. On PostgreSQL every
//! event goes through `pg_notify` and each instance's listener hands it to its local channels,
//! so a member on instance A and staff on instance B see the same events.
use crate::chat::protocol::ChatMessage;
use crate::error::AppResult;
use crate::infra::{Backend, Db};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::broadcast;

pub const NOTIFY_CHANNEL: &str = "madoguchi_chat";

/// Queue changes, by session id (ids are issued in arrival order). Each waiting connection keeps
/// its own count of people ahead and adjusts it from these, so a dequeue costs one broadcast, not
/// one query per waiting member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueEvent {
    Joined { id: i64 },
    Removed { id: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionEvent {
    Message(ChatMessage),
    Typing {
        from_staff: bool,
    },
    /// Status or staff changed: connections reload the session's state.
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HubEvent {
    Queue(QueueEvent),
    Session {
        session_id: i64,
        event: SessionEvent,
    },
    /// For the staff event sockets (`crate::desk`).
    Desk(crate::desk::DeskEvent),
    /// Staff availability or closure days changed: live conditions are recomputed (`crate::live`).
    LiveChanged,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct QueueStats {
    /// Mean handle time of recent chats, once there are enough of them.
    pub avg_handle_secs: Option<f64>,
    /// Concurrent chats the available staff can take (at least 1).
    pub capacity: i64,
}

pub struct ChatHub {
    distributed: bool,
    queue: broadcast::Sender<QueueEvent>,
    desk: broadcast::Sender<crate::desk::DeskEvent>,
    live: broadcast::Sender<()>,
    sessions: Mutex<HashMap<i64, broadcast::Sender<SessionEvent>>>,
    /// Sessions with a member socket open on this instance (for the presence heartbeat).
    connected: Mutex<HashMap<i64, usize>>,
    /// Open sockets per (session, user) on this instance, to cap tabs per chat.
    sockets: Mutex<HashMap<(i64, i64), usize>>,
    stats: RwLock<QueueStats>,
}

impl ChatHub {
    pub fn new(backend: Backend) -> Arc<ChatHub> {
        let (queue, _) = broadcast::channel(4096);
        let (desk, _) = broadcast::channel(1024);
        let (live, _) = broadcast::channel(16);
        Arc::new(ChatHub {
            distributed: backend == Backend::Postgres,
            queue,
            desk,
            live,
            sessions: Mutex::new(HashMap::new()),
            connected: Mutex::new(HashMap::new()),
            sockets: Mutex::new(HashMap::new()),
            stats: RwLock::new(QueueStats { avg_handle_secs: None, capacity: 1 }),
        })
    }

    pub fn subscribe_queue(&self) -> broadcast::Receiver<QueueEvent> {
        self.queue.subscribe()
    }

    pub fn subscribe_desk(&self) -> broadcast::Receiver<crate::desk::DeskEvent> {
        self.desk.subscribe()
    }

    pub fn subscribe_live(&self) -> broadcast::Receiver<()> {
        self.live.subscribe()
    }

    pub fn subscribe_session(&self, id: i64) -> broadcast::Receiver<SessionEvent> {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        // Drop channels nobody listens to any more, so the map does not grow without bound.
        sessions.retain(|_, tx| tx.receiver_count() > 0);
        sessions.entry(id).or_insert_with(|| broadcast::channel(64).0).subscribe()
    }

    /// Sends an event to every connection that cares, on every instance.
    pub async fn publish(&self, db: &Db, event: HubEvent) -> AppResult<()> {
        if self.distributed {
            let payload = serde_json::to_string(&event).map_err(|_| crate::error::AppError::Internal)?;
            sqlx::query("SELECT pg_notify($1, $2)").bind(NOTIFY_CHANNEL).bind(payload).execute(&db.pool).await?;
        } else {
            self.dispatch(event);
        }
        Ok(())
    }

    /// Hands an event to this instance's connections.
    pub fn dispatch(&self, event: HubEvent) {
        match event {
            HubEvent::Queue(e) => {
                let _ = self.queue.send(e);
            }
            HubEvent::Desk(e) => {
                let _ = self.desk.send(e);
            }
            HubEvent::LiveChanged => {
                let _ = self.live.send(());
            }
            HubEvent::Session { session_id, event } => {
                let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(tx) = sessions.get(&session_id) {
                    let _ = tx.send(event);
                }
            }
        }
    }

    pub fn stats(&self) -> QueueStats {
        *self.stats.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_stats(&self, stats: QueueStats) {
        *self.stats.write().unwrap_or_else(|e| e.into_inner()) = stats;
    }

    pub fn connect(&self, session: i64) {
        *self.connected.lock().unwrap_or_else(|e| e.into_inner()).entry(session).or_default() += 1;
    }

    pub fn disconnect(&self, session: i64) {
        let mut connected = self.connected.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = connected.get_mut(&session) {
            *n -= 1;
            if *n == 0 {
                connected.remove(&session);
            }
        }
    }

    /// A place for one more socket of `user` on `session`, or `None` past `max` on this instance.
    /// The place is given back when the returned slot is dropped.
    pub fn open_socket(self: &Arc<Self>, session: i64, user: i64, max: usize) -> Option<SocketSlot> {
        let mut sockets = self.sockets.lock().unwrap_or_else(|e| e.into_inner());
        let open = sockets.entry((session, user)).or_default();
        if *open >= max {
            return None;
        }
        *open += 1;
        Some(SocketSlot { hub: self.clone(), key: (session, user) })
    }

    pub fn connected_sessions(&self) -> Vec<i64> {
        self.connected.lock().unwrap_or_else(|e| e.into_inner()).keys().copied().collect()
    }
}

/// One open chat socket, counted until dropped.
pub struct SocketSlot {
    hub: Arc<ChatHub>,
    key: (i64, i64),
}

impl Drop for SocketSlot {
    fn drop(&mut self) {
        let mut sockets = self.hub.sockets.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = sockets.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                sockets.remove(&self.key);
            }
        }
    }
}

/// Estimated wait for someone with `ahead` people in front: whole rounds of the staff's capacity,
/// each taking the recent mean handle time.
pub fn estimate_secs(ahead: i64, stats: QueueStats) -> Option<i64> {
    let avg = stats.avg_handle_secs?;
    let rounds = (ahead / stats.capacity.max(1)) + 1;
    Some((rounds as f64 * avg).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_estimate_without_history_and_rounds_of_capacity_with_it() {
        assert_eq!(estimate_secs(5, QueueStats { avg_handle_secs: None, capacity: 3 }), None);
        let stats = QueueStats { avg_handle_secs: Some(300.0), capacity: 3 };
        assert_eq!(estimate_secs(0, stats), Some(300));
        assert_eq!(estimate_secs(2, stats), Some(300));
        assert_eq!(estimate_secs(3, stats), Some(600));
    }

    #[test]
    fn sockets_per_user_and_chat_are_capped_and_given_back() {
        let hub = ChatHub::new(Backend::Sqlite);
        let a = hub.open_socket(1, 7, 2);
        let b = hub.open_socket(1, 7, 2);
        assert!(a.is_some() && b.is_some());
        assert!(hub.open_socket(1, 7, 2).is_none());
        assert!(hub.open_socket(1, 8, 2).is_some(), "another user is not affected");
        drop(a);
        assert!(hub.open_socket(1, 7, 2).is_some());
    }

    #[tokio::test]
    async fn session_events_reach_only_that_sessions_subscribers() {
        let hub = ChatHub::new(Backend::Sqlite);
        let mut one = hub.subscribe_session(1);
        let mut two = hub.subscribe_session(2);
        hub.dispatch(HubEvent::Session { session_id: 1, event: SessionEvent::Changed });
        assert_eq!(one.recv().await.unwrap(), SessionEvent::Changed);
        assert!(two.try_recv().is_err());
    }
}
