//! Security headers for every response. The Content-Security-Policy allows scripts from this site
//! only, WebAssembly compilation, and the one inline script Trunk writes into each area's page
//! (the loader that starts the wasm), by its SHA-256: no other inline script can run, so markup
//! that slipped through somewhere could not execute.
use axum::http::{header, HeaderName, HeaderValue};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// `'sha256-…'` for each inline `<script>` (one without `src`) in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else { break };
        let body = &after[body_start..body_start + close];
        if !tag.contains(" src=") {
            hashes.push(format!("'sha256-{}'", STANDARD.encode(Sha256::digest(body.as_bytes()))));
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// The policy for the pages built into `dist` (every area's `index.html`).
pub fn content_security_policy(dist: &Path) -> String {
    let mut hashes: Vec<String> = std::fs::read_dir(dist.join("a"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|area| std::fs::read_to_string(area.path().join("index.html")).ok())
        .flat_map(|html| inline_script_hashes(&html))
        .collect();
    hashes.sort();
    hashes.dedup();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'",
        hashes.join(" ")
    )
}

/// The headers every response carries; HSTS only when the site is served over TLS (the
/// secure-cookie setting says so), since a browser would then refuse plain HTTP for a year.
pub fn security_headers(dist: &Path, tls: bool) -> Vec<(HeaderName, HeaderValue)> {
    let mut headers = vec![
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ),
    ];
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(dist)) {
        headers.push((header::CONTENT_SECURITY_POLICY, csp));
    }
    if tls {
        headers
            .push((header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains")));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::inline_script_hashes;

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<head><script src="/a.js"></script><script type="module">boot()</script></head>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        // echo -n 'boot()' | openssl dgst -sha256 -binary | base64
        assert_eq!(hashes[0], "'sha256-MeZS89WlF0u+o0hCvHTBt4q1WHU+U+sJKgbdRUc36mY='");
    }
}
