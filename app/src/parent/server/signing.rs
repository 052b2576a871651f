//! The contract's signatures (`docs/parent-api.yaml`, "Signing"), used by both sides: we sign
//! each request and check the parent site's signature on its answer; the reference parent site
//! (`madoguchi parent-reference`) does the reverse with the same functions.
//!
//! A signature is HMAC-SHA256 with the shared key over
//! `"<direction>\n<method or status>\n<path?query>\n<unix seconds>\n<hex SHA-256 of the body>"`,
//! sent as `X-Madoguchi-Signature: v1=<hex>` beside `X-Madoguchi-Timestamp`. The direction keeps a
//! request's signature from being replayed as an answer; the timestamp bounds replays to
//! ±5 minutes.
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

pub const TIMESTAMP_HEADER: &str = "x-madoguchi-timestamp";
pub const SIGNATURE_HEADER: &str = "x-madoguchi-signature";
/// Signatures older or newer than this (clock skew included) are refused.
pub const REPLAY_WINDOW_SECS: i64 = 5 * 60;

/// Which way the signed message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Us → parent: the method is signed.
    Request,
    /// Parent → us: the status is signed, with the path of the request it answers.
    Response,
}

impl Direction {
    fn tag(self) -> &'static str {
        match self {
            Direction::Request => "v1-request",
            Direction::Response => "v1-response",
        }
    }
}

/// What is signed, besides the timestamp.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pub direction: Direction,
    /// The request's method, or the answer's status code.
    pub verb: &'a str,
    /// The request's path and query exactly as sent (percent-encoded).
    pub path_and_query: &'a str,
    pub body: &'a [u8],
}

fn mac(key: &[u8], m: &Message, timestamp: i64) -> HmacSha256 {
    let body_hash: String = Sha256::digest(m.body).iter().map(|b| format!("{b:02x}")).collect();
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(format!("{}\n{}\n{}\n{timestamp}\n{body_hash}", m.direction.tag(), m.verb, m.path_and_query).as_bytes());
    mac
}

/// The `X-Madoguchi-Signature` value.
pub fn sign(key: &[u8], m: &Message, timestamp: i64) -> String {
    let tag = mac(key, m, timestamp).finalize().into_bytes();
    format!("v1={}", tag.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// Why a signature was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Missing,
    /// Outside the replay window (or not a number).
    Stale,
    Mismatch,
}

/// Checks the headers' values against the message, in constant time.
pub fn verify(
    key: &[u8],
    m: &Message,
    timestamp: Option<&str>,
    signature: Option<&str>,
    now_secs: i64,
) -> Result<(), Refused> {
    let (Some(timestamp), Some(signature)) = (timestamp, signature) else { return Err(Refused::Missing) };
    let timestamp: i64 = timestamp.trim().parse().map_err(|_| Refused::Stale)?;
    if (now_secs - timestamp).abs() > REPLAY_WINDOW_SECS {
        return Err(Refused::Stale);
    }
    let hex = signature.trim().strip_prefix("v1=").ok_or(Refused::Mismatch)?;
    let bytes = decode_hex(hex).ok_or(Refused::Mismatch)?;
    mac(key, m, timestamp).verify_slice(&bytes).map_err(|_| Refused::Mismatch)
}

/// Seconds since the epoch on the real clock: the other side checks our timestamp against its
/// own clock, so a pinned test clock (`fake_now`) must not leak in here.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";
    const PATH: &str = "/v1/members/a/clicks?from=2026-11-01";

    fn msg<'a>(direction: Direction, verb: &'a str, path: &'a str, body: &'a [u8]) -> Message<'a> {
        Message { direction, verb, path_and_query: path, body }
    }

    #[test]
    fn a_signature_verifies_only_for_its_message_direction_and_window() {
        let sig = sign(KEY, &msg(Direction::Request, "GET", PATH, b""), 1_000);
        let check = |m: Message, ts: &str, now| verify(KEY, &m, Some(ts), Some(&sig), now);
        assert_eq!(check(msg(Direction::Request, "GET", PATH, b""), "1000", 1_100), Ok(()));
        assert_eq!(
            check(msg(Direction::Request, "GET", "/v1/members/b/clicks?from=2026-11-01", b""), "1000", 1_100),
            Err(Refused::Mismatch)
        );
        assert_eq!(check(msg(Direction::Request, "POST", PATH, b""), "1000", 1_100), Err(Refused::Mismatch));
        assert_eq!(check(msg(Direction::Response, "GET", PATH, b""), "1000", 1_100), Err(Refused::Mismatch));
        assert_eq!(check(msg(Direction::Request, "GET", PATH, b"x"), "1000", 1_100), Err(Refused::Mismatch));
        assert_eq!(check(msg(Direction::Request, "GET", PATH, b""), "1001", 1_100), Err(Refused::Mismatch));
        assert_eq!(check(msg(Direction::Request, "GET", PATH, b""), "1000", 1_301), Err(Refused::Stale));
        assert_eq!(check(msg(Direction::Request, "GET", PATH, b""), "1000", 699), Err(Refused::Stale));
        let m = msg(Direction::Request, "GET", PATH, b"");
        assert_eq!(verify(KEY, &m, None, Some(&sig), 1_000), Err(Refused::Missing));
        assert_eq!(verify(KEY, &m, Some("1000"), Some("v1=zz"), 1_000), Err(Refused::Mismatch));
        let other = sign(b"another key, also thirty-two bytes", &m, 1_000);
        assert_eq!(verify(KEY, &m, Some("1000"), Some(&other), 1_000), Err(Refused::Mismatch));
    }
}
