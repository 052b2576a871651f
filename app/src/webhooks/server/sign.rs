//! The webhook signature, as receivers check it: `X-Madoguchi-Signature: t=<unix seconds>,v1=<hex>`
//! where the hex is HMAC-SHA256 with the shared secret over `"<t>.<body>"` (the scheme Stripe and
//! others use, so receivers' libraries handle it). Receivers should refuse a `t` more than five
//! minutes away from their clock.
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const SIGNATURE_HEADER: &str = "x-madoguchi-signature";
pub const EVENT_ID_HEADER: &str = "x-madoguchi-event-id";
pub const EVENT_TYPE_HEADER: &str = "x-madoguchi-event";

fn mac(secret: &[u8], timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

pub fn signature(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let hex: String = mac(secret, timestamp, body).finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

/// The receiver's side, for our tests and as a reference: the header is valid for the body.
pub fn verify(secret: &[u8], header: &str, body: &[u8], now_secs: i64) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => t = value.parse::<i64>().ok(),
            Some(("v1", value)) => v1 = Some(value.to_owned()),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else { return false };
    if (now_secs - t).abs() > 300 {
        return false;
    }
    // Constant time: the HMAC type compares.
    let bytes: Option<Vec<u8>> =
        (0..v1.len()).step_by(2).map(|i| v1.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect();
    bytes.is_some_and(|b| mac(secret, t, body).verify_slice(&b).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_for_its_body_and_time_only() {
        let secret = b"a webhook secret of thirty-two bytes!";
        let header = signature(secret, 1_000, b"{\"a\":1}");
        assert!(verify(secret, &header, b"{\"a\":1}", 1_100));
        assert!(!verify(secret, &header, b"{\"a\":2}", 1_100));
        assert!(!verify(b"another secret, thirty-two bytes long", &header, b"{\"a\":1}", 1_100));
        assert!(!verify(secret, &header, b"{\"a\":1}", 1_000 + 301));
        assert!(!verify(secret, "t=1000,v1=zz", b"{\"a\":1}", 1_000));
        assert!(!verify(secret, "nonsense", b"", 1_000));
    }
}
