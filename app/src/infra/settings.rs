use super::client_addr::Network;
use super::limits::Limits;
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
    /// Staff sessions end sooner than members'.
    pub staff_session_ttl_hours: i64,
    /// …and after this long without a request.
    pub staff_idle_minutes: i64,
    /// Staff cannot use any staff page or function until they set up two-factor.
    pub staff_two_factor: bool,
    /// Sign-in from the parent site (`GET /sso/jwt?token=…`): the HS256 shared secret…
    pub sso_jwt_secret: Option<String>,
    /// …and/or the parent's public key (PEM, RSA for RS256 or EC P-256 for ES256).
    pub sso_jwt_public_key: Option<String>,
    /// Checked against the token's `aud` / `iss` when set.
    pub sso_jwt_audience: Option<String>,
    pub sso_jwt_issuer: Option<String>,
    /// When set, "log in" sends members to the parent site (staff still log in here).
    pub sso_login_url: Option<String>,
    /// Members may sign up here (off when the parent site is the only way in).
    pub local_signup: bool,
    /// Mail domains, besides the built-in carriers, whose members are told to allow our sender.
    pub carrier_mail_domains: Vec<String>,
    /// Every rate limit (see `limits.rs`).
    pub limits: Limits,
    /// Our own reverse proxies: when the socket peer is one of these, the client is the
    /// rightmost `X-Forwarded-For` hop that is not (see `client_addr.rs`).
    pub trusted_proxies: Vec<Network>,
    /// Networks (the office, a VPN) where the per-account login ceiling does not apply, so no
    /// stranger's guessing can keep staff out from their own network.
    pub login_exempt_networks: Vec<Network>,
    /// Password hashes computed at once (argon2id takes 19 MiB each); more wait in line.
    pub hashing_concurrency: usize,
    /// How long a request waits for a hashing slot before it is refused (busy).
    pub hashing_wait_ms: u64,
    /// Sent mails are kept this many days (they hold personal data), then purged.
    pub outbox_retention_days: i64,
    /// Audit-log rows are kept this many days, then purged (the only deletion of audit rows).
    pub audit_retention_days: i64,
    /// Origins allowed on state-changing requests besides the request's own host.
    pub allowed_origins: Vec<String>,
    /// Pin "now" (RFC 3339), for tests and demos. Refused in release builds unless
    /// `allow_fake_now` is set too.
    pub fake_now: Option<String>,
    pub allow_fake_now: bool,
    /// Largest request body accepted, in bytes.
    pub body_limit_bytes: usize,
    /// Outgoing mail (the outbox worker's SMTP server).
    pub smtp_host: String,
    pub smtp_port: u16,
    /// `none` (plain, for a local relay), `starttls`, or `tls` (implicit TLS).
    pub smtp_tls: String,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub mail_from: String,
    /// The address members use to reach the site, for links in mails.
    pub public_url: String,
    /// How often the outbox worker looks for due mail when nothing woke it.
    pub outbox_poll_ms: u64,
    /// Waiting members at which new ones get "line busy".
    pub chat_queue_cap: i64,
    /// Live-conditions streams (`/api/live`) one client address may hold open, and all of them,
    /// per instance.
    pub live_streams_per_address: usize,
    pub live_streams_max: usize,
    /// Chat from PCs only (phones and tablets are sent to the contact form).
    pub chat_pc_only: bool,
    /// How long a waiting member keeps their place after their connection drops.
    pub chat_grace_secs: i64,
    /// Attachments: largest file, and largest total of one message's files, in bytes.
    pub file_max_bytes: u64,
    pub message_files_max_bytes: u64,
    /// Where attachments are kept without a bucket (content-addressed), and where uploads are
    /// spooled while they arrive (with either backend).
    pub files_dir: PathBuf,
    /// An S3-compatible bucket instead of `files_dir` (for several instances): set the bucket
    /// to use it. No endpoint means AWS itself.
    pub s3_bucket: Option<String>,
    pub s3_endpoint: Option<String>,
    pub s3_region: String,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<String>,
    /// Images decoded and re-encoded at once (each can take a few hundred MB for a large photo);
    /// more uploads wait their turn, so memory stays bounded however many arrive together.
    pub image_concurrency: usize,
    /// `GET /metrics` (Prometheus text) on a listener of its own at this address, for a scraper
    /// on a private network; never on the public port without `metrics_token`.
    pub metrics_bind: Option<String>,
    /// …and/or on the public port for a scraper that sends `Authorization: Bearer <token>`.
    /// Neither set: no metrics are served anywhere.
    pub metrics_token: Option<String>,
    /// Inbound mail (members replying to our mail): the SMTP listener's address, for the
    /// organization's MX or relay to hand mail to. Off when unset.
    pub inbound_smtp_bind: Option<String>,
    /// Keys that sign reply addresses (`reply+<inquiry>.<mac>@<domain>`): the first signs, all
    /// verify, so a key can be rotated by putting the new one first and keeping the old a while.
    /// Empty: mails carry no reply address and say replies are not read.
    pub reply_keys: Vec<String>,
    /// The domain of reply addresses (its MX points at the listener); default: `mail_from`'s.
    pub reply_domain: Option<String>,
    /// The largest mail the listener takes (SMTP `SIZE`); bigger ones are refused with 552.
    pub inbound_max_bytes: usize,
    /// Open SMTP connections one client address may hold at once.
    pub inbound_connections_per_client: usize,
    /// Raw inbound mails hold personal data: they are deleted this many days after arriving.
    pub inbound_retention_days: i64,
    /// How often the inbound worker looks for mail stored by other instances.
    pub inbound_poll_ms: u64,
    /// How often the desk rules run (auto-close, due alerts, auto-assign; `rules`).
    pub rules_poll_ms: u64,
    /// The parent site's member-activity API (`parent`, contract in `docs/parent-api.yaml`):
    /// its base URL (HTTPS; plain HTTP only on a loopback address, for the reference server)…
    pub parent_api_url: Option<String>,
    /// …and the shared key both sides sign with. Both unset: every parent-site panel is hidden.
    pub parent_api_key: Option<String>,
    /// A look-up that takes longer is abandoned (the desk and the wizard never wait more).
    pub parent_api_timeout_ms: u64,
    /// Clicks this many days either side of the date of use count as matching.
    pub parent_api_window_days: i64,
    /// Answers are reused this long per member and question.
    pub parent_api_cache_secs: u64,
    /// Look-ups in flight at once per instance; more are answered "busy" at once.
    pub parent_api_concurrency: usize,
    /// Events out (`webhooks`): every URL gets every event, signed with `webhook_secret`.
    pub webhook_urls: Vec<String>,
    pub webhook_secret: Option<String>,
    /// Put the member's parent-site id in events (off: only our own member number).
    pub webhook_member_subject: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/madoguchi.db".into(),
            bind: "127.0.0.1:3000".into(),
            dist_dir: PathBuf::from("target/site"),
            secure_cookies: false,
            session_ttl_hours: 24 * 14,
            staff_session_ttl_hours: 12,
            staff_idle_minutes: 60,
            staff_two_factor: true,
            sso_jwt_secret: None,
            sso_jwt_public_key: None,
            sso_jwt_audience: None,
            sso_jwt_issuer: None,
            sso_login_url: None,
            local_signup: true,
            carrier_mail_domains: Vec::new(),
            limits: Limits::default(),
            trusted_proxies: Vec::new(),
            login_exempt_networks: Vec::new(),
            hashing_concurrency: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
            hashing_wait_ms: 10_000,
            outbox_retention_days: 30,
            audit_retention_days: 730,
            allowed_origins: Vec::new(),
            fake_now: None,
            allow_fake_now: false,
            body_limit_bytes: 64 * 1024,
            smtp_host: "127.0.0.1".into(),
            smtp_port: 25,
            smtp_tls: "none".into(),
            smtp_username: None,
            smtp_password: None,
            mail_from: "Madoguchi サポートセンター <support@madoguchi.example>".into(),
            public_url: "http://127.0.0.1:3000".into(),
            outbox_poll_ms: 2000,
            chat_queue_cap: 20,
            live_streams_per_address: 50,
            live_streams_max: 10_000,
            chat_pc_only: true,
            chat_grace_secs: 60,
            file_max_bytes: 10 * 1_000_000,
            message_files_max_bytes: 20 * 1_000_000,
            files_dir: PathBuf::from("data/files"),
            s3_bucket: None,
            s3_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_access_key_id: None,
            s3_secret_access_key: None,
            image_concurrency: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
            metrics_bind: None,
            metrics_token: None,
            inbound_smtp_bind: None,
            reply_keys: Vec::new(),
            reply_domain: None,
            inbound_max_bytes: 20_000_000,
            inbound_connections_per_client: 20,
            inbound_retention_days: 90,
            inbound_poll_ms: 2_000,
            rules_poll_ms: 30_000,
            parent_api_url: None,
            parent_api_key: None,
            parent_api_timeout_ms: 2_000,
            parent_api_window_days: 3,
            parent_api_cache_secs: 60,
            parent_api_concurrency: 16,
            webhook_urls: Vec::new(),
            webhook_secret: None,
            webhook_member_subject: false,
        }
    }
}
