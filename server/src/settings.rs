//! Settings are layered: built-in defaults, then an optional TOML file (`MADOGUCHI_CONFIG`, or
//! `madoguchi.toml` when present), then environment variables (`MADOGUCHI_*`, and the usual
//! `DATABASE_URL`).
use app::infra::client_addr::Network;
use app::infra::limits::{Action, RateLimit};
use app::infra::Settings;
use std::env;

pub fn load() -> Result<Settings, String> {
    let (settings, problems) = load_all();
    if problems.is_empty() {
        Ok(settings)
    } else {
        Err(problems.join("; "))
    }
}

/// The settings and every problem found reading them (not only the first), for `check-config`.
/// A setting that cannot be read keeps its earlier value, so the rest can still be checked.
pub fn load_all() -> (Settings, Vec<String>) {
    let mut problems = Vec::new();
    let path = env::var("MADOGUCHI_CONFIG")
        .ok()
        .or_else(|| std::path::Path::new("madoguchi.toml").exists().then(|| "madoguchi.toml".to_owned()));
    let mut settings = match path {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).unwrap_or_else(|e| {
                problems.push(format!("parsing {path}: {e}"));
                Settings::default()
            }),
            Err(e) => {
                problems.push(format!("reading {path}: {e}"));
                Settings::default()
            }
        },
        None => Settings::default(),
    };
    overlay_env(&mut settings, &mut problems);
    (settings, problems)
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.is_empty())
}

/// A typed environment value; a value that does not parse is a problem, and `None`.
fn parse<T: std::str::FromStr>(name: &str, problems: &mut Vec<String>) -> Option<T> {
    let v = var(name)?;
    v.parse().map_err(|_| problems.push(format!("{name}: cannot parse {v:?}"))).ok()
}

fn networks(name: &str, raw: &str, problems: &mut Vec<String>) -> Option<Vec<Network>> {
    let parsed: Result<Vec<_>, String> = raw
        .split(',')
        .filter(|n| !n.trim().is_empty())
        .map(|n| Network::parse(n).ok_or_else(|| format!("{name}: not an address or block: {n:?}")))
        .collect();
    parsed.map_err(|e| problems.push(e)).ok()
}

fn overlay_env(s: &mut Settings, problems: &mut Vec<String>) {
    if let Some(v) = var("MADOGUCHI_DATABASE_URL").or_else(|| var("DATABASE_URL")) {
        s.database_url = v;
    }
    if let Some(v) = var("MADOGUCHI_BIND") {
        s.bind = v;
    }
    if let Some(v) = var("MADOGUCHI_DIST_DIR") {
        s.dist_dir = v.into();
    }
    if let Some(v) = var("MADOGUCHI_FAKE_NOW") {
        s.fake_now = Some(v);
    }
    if let Some(v) = var("MADOGUCHI_ALLOWED_ORIGINS") {
        s.allowed_origins = v.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect();
    }
    if let Some(v) = parse("MADOGUCHI_SECURE_COOKIES", problems) {
        s.secure_cookies = v;
    }
    if let Some(v) = parse("MADOGUCHI_ALLOW_FAKE_NOW", problems) {
        s.allow_fake_now = v;
    }
    if let Some(v) = var("MADOGUCHI_TRUSTED_PROXIES") {
        s.trusted_proxies = networks("MADOGUCHI_TRUSTED_PROXIES", &v, problems).unwrap_or_default();
    }
    if let Some(v) = var("MADOGUCHI_LOGIN_EXEMPT_NETWORKS") {
        s.login_exempt_networks = networks("MADOGUCHI_LOGIN_EXEMPT_NETWORKS", &v, problems).unwrap_or_default();
    }
    for action in Action::ALL {
        let name = format!("MADOGUCHI_LIMIT_{}", action.name().to_uppercase());
        if let Some(v) = var(&name) {
            match RateLimit::parse(&v) {
                Some(limit) => s.limits.set(action, limit),
                None => problems.push(format!("{name}: expected max/window_secs, got {v:?}")),
            }
        }
    }
    if let Some(v) = parse("MADOGUCHI_HASHING_CONCURRENCY", problems) {
        s.hashing_concurrency = v;
    }
    if let Some(v) = parse("MADOGUCHI_STAFF_SESSION_TTL_HOURS", problems) {
        s.staff_session_ttl_hours = v;
    }
    s.sso_jwt_secret = var("MADOGUCHI_SSO_JWT_SECRET").or(s.sso_jwt_secret.take());
    if let Some(v) = var("MADOGUCHI_SSO_JWT_PUBLIC_KEY") {
        // The PEM itself, or the path of a file holding it.
        if v.trim_start().starts_with("-----BEGIN") {
            s.sso_jwt_public_key = Some(v);
        } else {
            match std::fs::read_to_string(&v) {
                Ok(pem) => s.sso_jwt_public_key = Some(pem),
                Err(e) => problems.push(format!("MADOGUCHI_SSO_JWT_PUBLIC_KEY: {v}: {e}")),
            }
        }
    }
    s.sso_jwt_audience = var("MADOGUCHI_SSO_JWT_AUDIENCE").or(s.sso_jwt_audience.take());
    s.sso_jwt_issuer = var("MADOGUCHI_SSO_JWT_ISSUER").or(s.sso_jwt_issuer.take());
    s.sso_login_url = var("MADOGUCHI_SSO_LOGIN_URL").or(s.sso_login_url.take());
    if let Some(v) = var("MADOGUCHI_CARRIER_MAIL_DOMAINS") {
        s.carrier_mail_domains =
            v.split(',').map(|d| d.trim().to_ascii_lowercase()).filter(|d| !d.is_empty()).collect();
    }
    if let Some(v) = parse("MADOGUCHI_LOCAL_SIGNUP", problems) {
        s.local_signup = v;
    }
    if let Some(v) = parse("MADOGUCHI_STAFF_TWO_FACTOR", problems) {
        s.staff_two_factor = v;
    }
    if let Some(v) = parse("MADOGUCHI_STAFF_IDLE_MINUTES", problems) {
        s.staff_idle_minutes = v;
    }
    if let Some(v) = parse("MADOGUCHI_AUDIT_RETENTION_DAYS", problems) {
        s.audit_retention_days = v;
    }
    if let Some(v) = parse("MADOGUCHI_OUTBOX_RETENTION_DAYS", problems) {
        s.outbox_retention_days = v;
    }
    if let Some(v) = parse("MADOGUCHI_SESSION_TTL_HOURS", problems) {
        s.session_ttl_hours = v;
    }
    if let Some(v) = parse("MADOGUCHI_BODY_LIMIT_BYTES", problems) {
        s.body_limit_bytes = v;
    }
    if let Some(v) = var("MADOGUCHI_SMTP_HOST") {
        s.smtp_host = v;
    }
    if let Some(v) = parse("MADOGUCHI_SMTP_PORT", problems) {
        s.smtp_port = v;
    }
    if let Some(v) = var("MADOGUCHI_SMTP_TLS") {
        s.smtp_tls = v;
    }
    if let Some(v) = var("MADOGUCHI_SMTP_USERNAME") {
        s.smtp_username = Some(v);
    }
    if let Some(v) = var("MADOGUCHI_SMTP_PASSWORD") {
        s.smtp_password = Some(v);
    }
    if let Some(v) = var("MADOGUCHI_MAIL_FROM") {
        s.mail_from = v;
    }
    if let Some(v) = var("MADOGUCHI_PUBLIC_URL") {
        s.public_url = v;
    }
    if let Some(v) = parse("MADOGUCHI_OUTBOX_POLL_MS", problems) {
        s.outbox_poll_ms = v;
    }
    if let Some(v) = parse("MADOGUCHI_CHAT_QUEUE_CAP", problems) {
        s.chat_queue_cap = v;
    }
    if let Some(v) = parse("MADOGUCHI_LIVE_STREAMS_PER_ADDRESS", problems) {
        s.live_streams_per_address = v;
    }
    if let Some(v) = parse("MADOGUCHI_LIVE_STREAMS_MAX", problems) {
        s.live_streams_max = v;
    }
    if let Some(v) = parse("MADOGUCHI_CHAT_PC_ONLY", problems) {
        s.chat_pc_only = v;
    }
    if let Some(v) = parse("MADOGUCHI_CHAT_GRACE_SECS", problems) {
        s.chat_grace_secs = v;
    }
    if let Some(v) = parse("MADOGUCHI_FILE_MAX_BYTES", problems) {
        s.file_max_bytes = v;
    }
    if let Some(v) = parse("MADOGUCHI_MESSAGE_FILES_MAX_BYTES", problems) {
        s.message_files_max_bytes = v;
    }
    if let Some(v) = var("MADOGUCHI_FILES_DIR") {
        s.files_dir = v.into();
    }
    if let Some(v) = parse("MADOGUCHI_IMAGE_CONCURRENCY", problems) {
        s.image_concurrency = v;
    }
    s.s3_bucket = var("MADOGUCHI_S3_BUCKET").or(s.s3_bucket.take());
    s.s3_endpoint = var("MADOGUCHI_S3_ENDPOINT").or(s.s3_endpoint.take());
    if let Some(v) = var("MADOGUCHI_S3_REGION") {
        s.s3_region = v;
    }
    s.s3_access_key_id = var("MADOGUCHI_S3_ACCESS_KEY_ID").or(s.s3_access_key_id.take());
    s.s3_secret_access_key = var("MADOGUCHI_S3_SECRET_ACCESS_KEY").or(s.s3_secret_access_key.take());
    s.metrics_bind = var("MADOGUCHI_METRICS_BIND").or(s.metrics_bind.take());
    s.metrics_token = var("MADOGUCHI_METRICS_TOKEN").or(s.metrics_token.take());
    s.inbound_smtp_bind = var("MADOGUCHI_INBOUND_SMTP_BIND").or(s.inbound_smtp_bind.take());
    if let Some(v) = var("MADOGUCHI_REPLY_KEYS") {
        s.reply_keys = v.split(',').map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()).collect();
    }
    s.reply_domain = var("MADOGUCHI_REPLY_DOMAIN").or(s.reply_domain.take());
    if let Some(v) = parse("MADOGUCHI_INBOUND_MAX_BYTES", problems) {
        s.inbound_max_bytes = v;
    }
    if let Some(v) = parse("MADOGUCHI_INBOUND_CONNECTIONS_PER_CLIENT", problems) {
        s.inbound_connections_per_client = v;
    }
    if let Some(v) = parse("MADOGUCHI_INBOUND_POLL_MS", problems) {
        s.inbound_poll_ms = v;
    }
    if let Some(v) = parse("MADOGUCHI_RULES_POLL_MS", problems) {
        s.rules_poll_ms = v;
    }
    if let Some(v) = parse("MADOGUCHI_INBOUND_RETENTION_DAYS", problems) {
        s.inbound_retention_days = v;
    }
    s.parent_api_url = var("MADOGUCHI_PARENT_API_URL").or(s.parent_api_url.take());
    s.parent_api_key = var("MADOGUCHI_PARENT_API_KEY").or(s.parent_api_key.take());
    if let Some(v) = parse("MADOGUCHI_PARENT_API_TIMEOUT_MS", problems) {
        s.parent_api_timeout_ms = v;
    }
    if let Some(v) = parse("MADOGUCHI_PARENT_API_WINDOW_DAYS", problems) {
        s.parent_api_window_days = v;
    }
    if let Some(v) = parse("MADOGUCHI_PARENT_API_CACHE_SECS", problems) {
        s.parent_api_cache_secs = v;
    }
    if let Some(v) = parse("MADOGUCHI_PARENT_API_CONCURRENCY", problems) {
        s.parent_api_concurrency = v;
    }
    if let Some(v) = var("MADOGUCHI_WEBHOOK_URLS") {
        s.webhook_urls = v.split(',').map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()).collect();
    }
    s.webhook_secret = var("MADOGUCHI_WEBHOOK_SECRET").or(s.webhook_secret.take());
    if let Some(v) = parse("MADOGUCHI_WEBHOOK_MEMBER_SUBJECT", problems) {
        s.webhook_member_subject = v;
    }
}
