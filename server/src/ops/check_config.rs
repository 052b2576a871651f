//! `madoguchi check-config [--reach]`: every problem with the settings, named, before a start
//! finds them one at a time. `--reach` also connects to the database, the SMTP server and the
//! bucket as the server would.
use crate::startup::clock_from;
use app::files::server::FileStore;
use app::infra::Settings;
use app::mail::SmtpMailer;
use app::parent::Unavailable;
use std::net::SocketAddr;
use std::time::Duration;

/// How long each reachability check may take.
const REACH_TIMEOUT: Duration = Duration::from_secs(10);

/// Problems found in settings that did load (reading problems come from `settings::load_all`).
pub fn problems(s: &Settings) -> Vec<String> {
    let mut out = Vec::new();
    let mut need = |ok: bool, problem: String| {
        if !ok {
            out.push(problem);
        }
    };
    need(
        s.database_url.starts_with("sqlite:")
            || s.database_url.starts_with("postgres://")
            || s.database_url.starts_with("postgresql://"),
        format!("database_url: expected sqlite://FILE or postgres://…, got {:?}", scheme_only(&s.database_url)),
    );
    need(s.bind.parse::<SocketAddr>().is_ok(), format!("bind: not an address:port: {:?}", s.bind));
    if let Some(bind) = &s.metrics_bind {
        need(bind.parse::<SocketAddr>().is_ok(), format!("metrics_bind: not an address:port: {bind:?}"));
        need(bind != &s.bind, "metrics_bind: must differ from bind (the metrics listener is private)".into());
    }
    if let Some(token) = &s.metrics_token {
        need(token.chars().count() >= 24, "metrics_token: use at least 24 random characters".into());
    }
    let public_https = s.public_url.starts_with("https://");
    need(
        public_https || s.public_url.starts_with("http://"),
        format!("public_url: expected http(s)://host, got {:?}", s.public_url),
    );
    need(
        !s.secure_cookies || public_https,
        "secure_cookies is on but public_url is not https: browsers would drop the session cookie".into(),
    );
    for origin in &s.allowed_origins {
        let rest = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
        need(
            rest.is_some_and(|r| !r.is_empty() && !r.contains('/')),
            format!("allowed_origins: {origin:?} is not scheme://host[:port]"),
        );
    }
    if let Some(bind) = &s.inbound_smtp_bind {
        need(bind.parse::<SocketAddr>().is_ok(), format!("inbound_smtp_bind: not an address:port: {bind:?}"));
        need(
            !s.reply_keys.is_empty(),
            "inbound_smtp_bind is set but reply_keys is empty: no reply address could be trusted".into(),
        );
    }
    for key in &s.reply_keys {
        need(key.chars().count() >= 32, "reply_keys: each key needs at least 32 random characters".into());
    }
    if let Err(e) = app::parent::server::Connector::from_settings(s) {
        need(false, e);
    }
    if let Err(e) = app::webhooks::server::Receivers::from_settings(s) {
        need(false, e);
    }
    if let Err(e) = SmtpMailer::from_settings(s) {
        need(false, format!("mail: {e}"));
    }
    if let Err(e) = clock_from(s) {
        need(false, e.to_string());
    }
    let index = s.dist_dir.join("index.html");
    need(
        index.is_file(),
        format!(
            "dist_dir: {} has no index.html (build the browser app: scripts/build-frontend.sh)",
            s.dist_dir.display()
        ),
    );
    if s.s3_bucket.is_some() {
        need(
            s.s3_access_key_id.is_some() == s.s3_secret_access_key.is_some(),
            "s3: set both the access key id and the secret, or neither".into(),
        );
    }
    if let Some(pem) = &s.sso_jwt_public_key {
        need(pem.trim_start().starts_with("-----BEGIN"), "sso_jwt_public_key: not a PEM public key".into());
    }
    for (name, value, least) in [
        ("hashing_concurrency", s.hashing_concurrency as i64, 1),
        ("image_concurrency", s.image_concurrency as i64, 1),
        ("session_ttl_hours", s.session_ttl_hours, 1),
        ("staff_session_ttl_hours", s.staff_session_ttl_hours, 1),
        ("staff_idle_minutes", s.staff_idle_minutes, 1),
        ("outbox_retention_days", s.outbox_retention_days, 1),
        ("audit_retention_days", s.audit_retention_days, 1),
        ("body_limit_bytes", s.body_limit_bytes as i64, 1024),
        ("outbox_poll_ms", s.outbox_poll_ms as i64, 50),
        ("chat_queue_cap", s.chat_queue_cap, 1),
        ("chat_grace_secs", s.chat_grace_secs, 0),
        ("live_streams_per_address", s.live_streams_per_address as i64, 1),
        ("live_streams_max", s.live_streams_max as i64, 1),
        ("file_max_bytes", s.file_max_bytes as i64, 1),
    ] {
        need(value >= least, format!("{name}: must be at least {least}, is {value}"));
    }
    need(
        s.message_files_max_bytes >= s.file_max_bytes,
        "message_files_max_bytes: smaller than file_max_bytes, so no file of the largest size could be sent".into(),
    );
    out
}

/// Never print a database password: the scheme is enough to say what is wrong.
fn scheme_only(url: &str) -> String {
    url.split_once(':').map(|(scheme, _)| format!("{scheme}:…")).unwrap_or_else(|| "…".into())
}

/// Connects to what the server would: the database (without migrating it), SMTP, the bucket.
pub async fn reach(s: &Settings) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(file) = crate::ops::backup::sqlite_file(&s.database_url) {
        // The embedded database is created on first start: what must work is its folder.
        if !file.exists() {
            let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            if let Err(e) = std::fs::create_dir_all(folder) {
                out.push(format!("database: cannot create {}: {e}", folder.display()));
            }
            return reach_mail_and_files(s, out).await;
        }
    }
    let db = async {
        sqlx::any::install_default_drivers();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&s.database_url).await?;
        sqlx::query("SELECT 1").execute(&mut conn).await?;
        <sqlx::AnyConnection as sqlx::Connection>::close(conn).await
    };
    match tokio::time::timeout(REACH_TIMEOUT, db).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => out.push(format!("database: {e}")),
        Err(_) => out.push("database: no answer within 10 s".into()),
    }
    reach_mail_and_files(s, out).await
}

async fn reach_mail_and_files(s: &Settings, mut out: Vec<String>) -> Vec<String> {
    if let Ok(mailer) = SmtpMailer::from_settings(s) {
        match tokio::time::timeout(REACH_TIMEOUT, mailer.check()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => out.push(format!("smtp {}:{}: {e}", s.smtp_host, s.smtp_port)),
            Err(_) => out.push(format!("smtp {}:{}: no answer within 10 s", s.smtp_host, s.smtp_port)),
        }
    }
    if let Ok(Some(parent)) = app::parent::server::Connector::from_settings(s) {
        let url = s.parent_api_url.as_deref().unwrap_or_default();
        match parent.reach().await {
            Ok(()) => {}
            Err(why) => out.push(format!(
                "parent site {url}: {}",
                match why {
                    Unavailable::Timeout => "no answer in time",
                    Unavailable::Failed => "not reachable, or answered with an error (a wrong key is refused with 401)",
                    Unavailable::Invalid => "its answer broke the contract (signature, size or shape)",
                    Unavailable::Busy | Unavailable::Paused => "busy",
                }
            )),
        }
    }
    match FileStore::from_settings(s) {
        Err(e) => out.push(format!("files: {e}")),
        Ok(store) => match tokio::time::timeout(REACH_TIMEOUT, store.blobs.list()).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => out.push(format!("files: {e}")),
            Err(_) => out.push("files: the bucket did not answer within 10 s".into()),
        },
    }
    out
}
