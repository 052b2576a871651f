//! The one rule for "this request comes from our own pages" (CSRF defence), used by the HTTP
//! middleware for every state-changing request and by the chat socket's handshake.
use axum::http::{header, HeaderMap};

/// True when `Origin` names this host (any scheme of it) or one of `allowed`. A missing Origin or
/// `null` is refused: browsers send one on POST and on WebSocket handshakes.
pub fn same_origin(headers: &HeaderMap, allowed: &[String]) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    origin_allowed(origin, host, allowed)
}

fn origin_allowed(origin: Option<&str>, host: Option<&str>, allowed: &[String]) -> bool {
    let Some(origin) = origin else { return false };
    if allowed.iter().any(|a| a == origin) {
        return true;
    }
    let Some(host) = host else { return false };
    let without_scheme = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
    without_scheme == Some(host)
}

#[cfg(test)]
mod tests {
    use super::origin_allowed;

    #[test]
    fn same_host_origin_is_allowed_and_others_are_not() {
        assert!(origin_allowed(Some("http://127.0.0.1:3000"), Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(Some("http://evil.example"), Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(Some("http://127.0.0.1:3000.evil.example"), Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(None, Some("127.0.0.1:3000"), &[]));
        assert!(!origin_allowed(Some("null"), Some("127.0.0.1:3000"), &[]));
        assert!(origin_allowed(
            Some("https://support.example.jp"),
            Some("10.0.0.5:3000"),
            &["https://support.example.jp".into()]
        ));
    }
}
