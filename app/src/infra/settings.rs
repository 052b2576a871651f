use serde::Deserialize;
use std::path::PathBuf;

/// Typed settings. Defaults here; the server binary layers an optional TOML file and
/// `MADOGUCHI_*` environment variables on top (see `server/src/settings.rs`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `sqlite://…` (embedded default) or `postgres://…` (scale-out).
    pub database_url: String,
    pub bind: String,
    /// Trunk's output, served with an index fallback for client routes.
    pub dist_dir: PathBuf,
    /// Mark the session cookie `Secure` (set when served over TLS).
    pub secure_cookies: bool,
    pub session_ttl_hours: i64,
    /// Failed logins allowed per account and per IP within `login_window_secs`.
    pub login_max_failures: i64,
    pub login_window_secs: i64,
    /// Trust `X-Forwarded-For` for the client address (only behind a proxy you run).
    pub trust_forwarded_for: bool,
    /// Origins allowed on state-changing requests besides the request's own host.
    pub allowed_origins: Vec<String>,
    /// Pin "now" (RFC 3339), for tests and demos. Refused in release builds unless
    /// `allow_fake_now` is set too.
    pub fake_now: Option<String>,
    pub allow_fake_now: bool,
    /// Largest request body accepted, in bytes.
    pub body_limit_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/madoguchi.db".into(),
            bind: "127.0.0.1:3000".into(),
            dist_dir: PathBuf::from("target/site"),
            secure_cookies: false,
            session_ttl_hours: 24 * 14,
            login_max_failures: 5,
            login_window_secs: 300,
            trust_forwarded_for: false,
            allowed_origins: Vec::new(),
            fake_now: None,
            allow_fake_now: false,
            body_limit_bytes: 64 * 1024,
        }
    }
}
