//! Per-connection limits of the chat socket: a token bucket per kind of frame, and the typing
//! indicator coalesced to one event per interval (each one is a `pg_notify` on PostgreSQL).
use tokio::time::{Duration, Instant};

/// `capacity` frames at once, refilled at `per_sec`.
#[derive(Debug, Clone)]
pub struct Bucket {
    tokens: f64,
    capacity: f64,
    per_sec: f64,
    last: Instant,
}

impl Bucket {
    pub fn new(capacity: u32, per_sec: f64) -> Self {
        Bucket { tokens: f64::from(capacity), capacity: f64::from(capacity), per_sec, last: Instant::now() }
    }

    /// Takes a token; `false` when the bucket is empty.
    pub fn take(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * self.per_sec;
        self.tokens = (self.tokens + refill).min(self.capacity);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The limits one connection lives under.
pub struct Flow {
    /// Messages: a burst of 10 (a pasted list, a resend after reconnect), then one a second.
    pub sends: Bucket,
    /// Typing frames: a fast typist makes about ten a second; the client sends fewer.
    pub typing: Bucket,
    last_typing: Option<Instant>,
    /// Frames that were not protocol; the connection closes at `MALFORMED_MAX`.
    pub malformed: u32,
    /// `Hello` replays what the client missed, once per connection.
    pub greeted: bool,
}

pub const MALFORMED_MAX: u32 = 3;
const TYPING_EVERY: Duration = Duration::from_secs(2);

impl Flow {
    pub fn new() -> Self {
        Flow {
            sends: Bucket::new(10, 1.0),
            typing: Bucket::new(30, 10.0),
            last_typing: None,
            malformed: 0,
            greeted: false,
        }
    }

    /// Whether this typing frame should be passed on: at most one per `TYPING_EVERY`.
    pub fn typing_due(&mut self) -> bool {
        let now = Instant::now();
        if self.last_typing.is_some_and(|t| now.duration_since(t) < TYPING_EVERY) {
            return false;
        }
        self.last_typing = Some(now);
        true
    }
}

impl Default for Flow {
    fn default() -> Self {
        Flow::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_bucket_allows_its_burst_then_refills() {
        let mut b = Bucket::new(3, 1.0);
        assert!(b.take() && b.take() && b.take());
        assert!(!b.take());
        tokio::time::advance(Duration::from_millis(1100)).await;
        assert!(b.take());
        assert!(!b.take());
    }

    #[tokio::test(start_paused = true)]
    async fn typing_is_coalesced() {
        let mut f = Flow::new();
        assert!(f.typing_due());
        assert!(!f.typing_due());
        tokio::time::advance(Duration::from_secs(2)).await;
        assert!(f.typing_due());
    }
}
