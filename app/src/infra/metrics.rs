//! What the app itself counts for the operator's `GET /metrics` (the server renders them; see
//! `server/src/ops/metrics.rs`). Only what happens inside one instance is recorded here: queue
//! lengths and the outbox are read from the database at scrape time, so every instance reports
//! the same shared figures without keeping a copy that could drift.
//!
//! The names are constants so a typo cannot make a second, silent series.
use metrics::{counter, gauge};

/// Open long-lived connections on this instance, by `kind` (`chat_socket`, `desk_socket`,
/// `live_stream`).
pub const OPEN_CONNECTIONS: &str = "madoguchi_open_connections";
/// Requests refused by a rate limit, by `action` (the limit's name).
pub const RATE_LIMITED: &str = "madoguchi_rate_limited_total";
/// Password hashes waiting for a hashing slot, and those refused after waiting too long.
pub const HASHING_WAITING: &str = "madoguchi_hashing_waiting";
pub const HASHING_REFUSED: &str = "madoguchi_hashing_refused_total";
/// Mails handed to the inbound SMTP listener, by outcome (stored, duplicate).
pub const INBOUND_MAILS: &str = "madoguchi_inbound_mails_total";
/// Inbound SMTP connections refused (too many at once).
pub const INBOUND_REFUSED: &str = "madoguchi_inbound_refused_total";

/// One open connection of `kind`, counted until dropped (however the connection ends).
pub struct OpenConnection(&'static str);

impl OpenConnection {
    pub fn new(kind: &'static str) -> OpenConnection {
        gauge!(OPEN_CONNECTIONS, "kind" => kind).increment(1.0);
        OpenConnection(kind)
    }
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        gauge!(OPEN_CONNECTIONS, "kind" => self.0).decrement(1.0);
    }
}

/// A request refused by the limit named `action`.
pub fn rate_limited(action: &str) {
    // The label set is the fixed list of limits (`limits::Action`), never the subject.
    counter!(RATE_LIMITED, "action" => action.to_owned()).increment(1);
}

/// A request waiting for a hashing slot, counted until it has one or gives up.
pub struct HashingWait;

impl HashingWait {
    pub fn start() -> HashingWait {
        gauge!(HASHING_WAITING).increment(1.0);
        HashingWait
    }
}

impl Drop for HashingWait {
    fn drop(&mut self) {
        gauge!(HASHING_WAITING).decrement(1.0);
    }
}

pub fn hashing_refused() {
    counter!(HASHING_REFUSED).increment(1);
}
