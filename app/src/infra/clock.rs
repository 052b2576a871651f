use crate::calendar::JST;
use chrono::{DateTime, FixedOffset, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Where "now" comes from. Business hours, holidays and due dates all read this clock, so tests
/// and the browser suite can pin a moment (`MADOGUCHI_FAKE_NOW`) and time still moves on from
/// there.
#[derive(Debug, Clone)]
pub enum Clock {
    System,
    Pinned {
        at: DateTime<Utc>,
        started: Instant,
    },
    /// Moves only when told to (`advance`): for tests that need "a day later".
    Manual(Arc<AtomicI64>),
}

impl Clock {
    pub fn pinned(at: DateTime<Utc>) -> Self {
        Clock::Pinned { at, started: Instant::now() }
    }

    pub fn manual(at: DateTime<Utc>) -> Self {
        Clock::Manual(Arc::new(AtomicI64::new(at.timestamp_millis())))
    }

    /// Moves a manual clock forward; other clocks ignore it.
    pub fn advance(&self, by: chrono::Duration) {
        if let Clock::Manual(ms) = self {
            ms.fetch_add(by.num_milliseconds(), Ordering::SeqCst);
        }
    }

    pub fn now_utc(&self) -> DateTime<Utc> {
        match self {
            Clock::Manual(ms) => DateTime::from_timestamp_millis(ms.load(Ordering::SeqCst)).unwrap_or_default(),
            Clock::System => Utc::now(),
            Clock::Pinned { at, started } => *at + chrono::Duration::from_std(started.elapsed()).unwrap_or_default(),
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now_utc().with_timezone(&JST)
    }

    /// Milliseconds since the epoch: how every timestamp is stored (portable across SQLite and
    /// PostgreSQL, and sortable).
    pub fn now_ms(&self) -> i64 {
        self.now_utc().timestamp_millis()
    }
}
