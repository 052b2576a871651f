//! The operator's kit: `/metrics` (token and private listener), `check-config`, and a backup of a
//! busy SQLite database restored into a server that serves it. The CLI tests run the real
//! `madoguchi` binary.
use crate::chat_support::open_hours_at;
use crate::contact::{member, points_inquiry};
use crate::helpers::{fresh_database_url, scratch_dir, spawn_app_on, TestApp};
use crate::hostile::hostile_strings;
use crate::ws::open;
use app::chat::protocol::{ClientMsg, SessionStatus};
use app::infra::limits::{Action, RateLimit};
use app::infra::{Clock, Settings};
use madoguchi_server::startup::Application;
use serde_json::json;
use std::process::Command;
use std::time::Duration;

const TOKEN: &str = "metrics-token-for-the-tests-0123456789";

async fn scrape(app: &TestApp, token: Option<&str>) -> (u16, String) {
    let mut request = reqwest::Client::new().get(format!("{}/metrics", app.address));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("an answer");
    (response.status().as_u16(), response.text().await.unwrap_or_default())
}

/// The value of the series whose line starts with `series` (name and labels as rendered).
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines().find(|l| l.starts_with(series)).and_then(|l| l.rsplit(' ').next()).and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn metrics_need_the_token_and_report_the_queue_requests_and_refusals() {
    let clock = Clock::manual(open_hours_at());
    let app = spawn_app_on(fresh_database_url().await, clock, |s| s.metrics_token = Some(TOKEN.into())).await;
    assert_eq!(scrape(&app, None).await.0, 401);
    assert_eq!(scrape(&app, Some("metrics-token-for-the-tests-012345678")).await.0, 401);
    // A staff session is no scraper.
    app.create_staff("ops-staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("ops-staff@example.jp", "staff-password-1").await.0, 200);
    assert_eq!(staff.http.get(format!("{}/metrics", app.address)).send().await.unwrap().status(), 401);

    let a = member(&app, "metrics-a@example.jp").await;
    let b = member(&app, "metrics-b@example.jp").await;
    for m in [&a, &b] {
        assert_eq!(m.call("chat/join", json!({ "topic": "other" })).await.0, 200);
    }
    // Wrong passwords until the per-account-and-address limit refuses.
    let guesser = app.client();
    let mut refused = false;
    for _ in 0..8 {
        refused |= guesser.login("metrics-a@example.jp", "wrong-password").await.0 == 429;
    }
    assert!(refused, "the login limit refused");

    let (status, text) = scrape(&app, Some(TOKEN)).await;
    assert_eq!(status, 200, "{text}");
    assert_eq!(value(&text, "madoguchi_chat_waiting "), Some(2.0), "{text}");
    assert!(value(&text, "madoguchi_outbox_pending ").is_some(), "{text}");
    assert!(value(&text, "madoguchi_inbound_pending ").is_some(), "{text}");
    assert!(text.contains("madoguchi_rate_limited_total{action=\"login_account_address\"}"), "{text}");
    assert!(text.contains("madoguchi_http_requests_total{route=\"/api/{*fn_name}\",status=\"2xx\"}"), "{text}");
    assert!(text.contains("madoguchi_http_request_duration_seconds_bucket{route=\"/api/{*fn_name}\""), "{text}");
    assert!(text.contains("madoguchi_db_pool_connections{state=\"idle\"}"), "{text}");
    assert!(text.contains("# HELP madoguchi_chat_waiting"), "{text}");
    // Nothing a member typed or who they are is in the figures.
    assert!(!text.contains("metrics-a@example.jp"), "{text}");

    // The hostile corpus as the token and in the query: never in, never a server error.
    let http = reqwest::Client::new();
    // (Longer ones make no valid request line; the live-stream test draws the same line.)
    for value in hostile_strings().into_iter().filter(|v| v.len() <= 6_000) {
        let mut request = http.get(format!("{}/metrics", app.address)).query(&[("q", value.as_str())]);
        if let Ok(header) = reqwest::header::HeaderValue::from_str(&format!("Bearer {value}")) {
            request = request.header(reqwest::header::AUTHORIZATION, header);
        }
        let status = request.send().await.expect("an answer").status().as_u16();
        assert_eq!(status, 401, "for {value:?}");
    }
}

#[tokio::test]
async fn the_metrics_listener_serves_metrics_and_nothing_else() {
    let settings = Settings {
        database_url: fresh_database_url().await,
        bind: "127.0.0.1:0".into(),
        metrics_bind: Some("127.0.0.1:0".into()),
        dist_dir: std::env::temp_dir(),
        files_dir: scratch_dir("files"),
        ..Settings::default()
    };
    let app = Application::build_with_clock(settings, Clock::System).await.expect("server builds");
    let (port, private) = (app.port(), app.metrics_port().expect("a metrics listener"));
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let http = reqwest::Client::new();
    let get = |url: String| {
        let http = http.clone();
        async move { http.get(url).send().await.unwrap().status().as_u16() }
    };
    assert_eq!(get(format!("http://127.0.0.1:{private}/metrics")).await, 200);
    assert_eq!(get(format!("http://127.0.0.1:{private}/healthz")).await, 404);
    assert_eq!(get(format!("http://127.0.0.1:{private}/api/admin/overview")).await, 404);
    // No token set: the public port has no metrics page.
    assert_eq!(get(format!("http://127.0.0.1:{port}/metrics")).await, 404);
}

/// The real binary, run where no `madoguchi.toml` is, with only what a test sets.
fn cli() -> Command {
    let dir = scratch_dir("cli");
    std::fs::create_dir_all(&dir).expect("a working directory");
    let mut command = Command::new(env!("CARGO_BIN_EXE_madoguchi"));
    command.current_dir(dir).env_remove("MADOGUCHI_CONFIG").env_remove("DATABASE_URL");
    command
}

fn madoguchi(args: &[&str], database_url: &str, files_dir: &std::path::Path) -> std::process::Output {
    cli().args(args).env("DATABASE_URL", database_url).env("MADOGUCHI_FILES_DIR", files_dir).output().expect("runs")
}

#[tokio::test]
async fn check_config_names_every_problem_at_once() {
    let out = cli()
        .arg("check-config")
        .env("MADOGUCHI_BIND", "not-an-address")
        .env("MADOGUCHI_SMTP_TLS", "sometimes")
        .env("MADOGUCHI_LIMIT_LOGIN_ADDRESS", "many")
        .env("MADOGUCHI_CHAT_QUEUE_CAP", "twenty")
        .env("MADOGUCHI_SECURE_COOKIES", "true")
        .env("MADOGUCHI_PUBLIC_URL", "http://support.example.jp")
        .env("MADOGUCHI_DIST_DIR", "/nonexistent/site")
        .env("DATABASE_URL", "mysql://user:hunter2@db/x")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    for problem in [
        "bind: not an address:port",
        "smtp_tls must be none, starttls or tls",
        "MADOGUCHI_LIMIT_LOGIN_ADDRESS: expected max/window_secs",
        "MADOGUCHI_CHAT_QUEUE_CAP: cannot parse",
        "secure_cookies is on but public_url is not https",
        "dist_dir: /nonexistent/site has no index.html",
        "database_url: expected sqlite://FILE or postgres://",
    ] {
        assert!(said.contains(problem), "missing {problem:?} in:\n{said}");
    }
    assert!(!said.contains("hunter2"), "a password was printed:\n{said}");

    // A sound configuration passes, and --reach connects to the database and the files.
    let site = scratch_dir("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("index.html"), "<!doctype html>").unwrap();
    let files = scratch_dir("files");
    let out = cli()
        .args(["check-config"])
        .env("MADOGUCHI_DIST_DIR", &site)
        .env("MADOGUCHI_FILES_DIR", &files)
        .env("DATABASE_URL", fresh_database_url().await)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // Nothing listens on port 1: --reach names the SMTP server and the parent site it could not
    // reach.
    let out = cli()
        .args(["check-config", "--reach"])
        .env("MADOGUCHI_DIST_DIR", &site)
        .env("MADOGUCHI_FILES_DIR", &files)
        .env("MADOGUCHI_SMTP_PORT", "1")
        .env("MADOGUCHI_PARENT_API_URL", "http://127.0.0.1:1/")
        .env("MADOGUCHI_PARENT_API_KEY", "check-config-parent-key-0123456789abcdef")
        .env("DATABASE_URL", fresh_database_url().await)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("smtp 127.0.0.1:1:"), "{said}");
    assert!(said.contains("parent site http://127.0.0.1:1/: not reachable"), "{said}");
    assert!(!said.contains("database:") && !said.contains("files:"), "{said}");
}

#[tokio::test]
async fn a_backup_taken_while_members_write_restores_into_a_server_that_serves_it() {
    if std::env::var("MADOGUCHI_TEST_POSTGRES").is_ok_and(|v| !v.is_empty()) {
        // PostgreSQL is backed up with pg_dump (README); this is the embedded default's tool.
        return;
    }
    let database_url = fresh_database_url().await;
    let files = scratch_dir("files");
    let files_for_app = files.clone();
    let app = spawn_app_on(database_url.clone(), Clock::manual(open_hours_at()), move |s| {
        s.files_dir = files_for_app;
        s.limits.set(Action::ContactSubmit, RateLimit::new(10_000, 3600));
    })
    .await;
    let writer = member(&app, "backup-writer@example.jp").await;
    let chatter = member(&app, "backup-chatter@example.jp").await;
    app.create_staff("backup-staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("backup-staff@example.jp", "staff-password-1").await.0, 200);
    let session = chatter.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    assert_eq!(staff.call("chat/staff/take-next", json!({})).await.1, session);
    let mut member_socket = open(&chatter, &app.address, session).await;
    member_socket.status(SessionStatus::Active).await;
    // A socket may send ten at once, then one a second (more would close it).
    const BURST: usize = 8;
    for n in 0..BURST {
        let body = format!("メッセージ {n}");
        member_socket.send(ClientMsg::Send { client_id: format!("backup-{n}"), body, attachments: vec![] }).await;
    }

    // Inquiries and chat messages keep arriving while the backup runs.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let submits = {
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let (status, body) = writer.call("contact/submit", points_inquiry(&format!("backup-key-{n:04}"))).await;
                assert_eq!(status, 200, "{body}");
                n += 1;
            }
            n
        })
    };
    let chatting = {
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut n = BURST;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                tokio::time::sleep(Duration::from_millis(1100)).await;
                let body = format!("メッセージ {n}");
                member_socket
                    .send(ClientMsg::Send { client_id: format!("backup-{n}"), body, attachments: vec![] })
                    .await;
                n += 1;
            }
            n
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let backup = scratch_dir("backup").with_extension("db");
    let made = {
        let (url, files, backup) = (database_url.clone(), files.clone(), backup.clone());
        tokio::task::spawn_blocking(move || madoguchi(&["backup", "--to", backup.to_str().unwrap()], &url, &files))
            .await
            .unwrap()
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (submitted, sent) = (submits.await.unwrap(), chatting.await.unwrap());
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(said.contains("backed up"), "{said}");
    assert!(backup.with_extension("db.files.json").exists());

    // What the copy holds: a moment in the middle of the writing, whole.
    let copy = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", backup.display())).await.unwrap();
    let (in_copy,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiries").fetch_one(&copy).await.unwrap();
    let (messages_in_copy,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_messages").fetch_one(&copy).await.unwrap();
    copy.close().await;
    assert!(in_copy > 0 && in_copy < submitted as i64, "{in_copy} of {submitted} inquiries in the copy");
    assert!(messages_in_copy > 0 && messages_in_copy <= sent as i64, "{messages_in_copy} of {sent} messages");

    // A second backup to the same file is refused: nothing is overwritten.
    let again = madoguchi(&["backup", "--to", backup.to_str().unwrap()], &database_url, &files);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    // Restored to a new place, a server on it serves what the copy held.
    let restored_url = format!("sqlite://{}", scratch_dir("restored").with_extension("db").display());
    let out = madoguchi(&["restore", "--from", backup.to_str().unwrap()], &restored_url, &files);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // …and never over a database that is already there.
    let out = madoguchi(&["restore", "--from", backup.to_str().unwrap()], &restored_url, &files);
    assert!(!out.status.success());
    let files_for_restored = files.clone();
    let restored =
        spawn_app_on(restored_url, Clock::manual(open_hours_at()), move |s| s.files_dir = files_for_restored).await;
    let writer = restored.client();
    assert_eq!(writer.login("backup-writer@example.jp", "password-123").await.0, 200);
    let (status, mine) = writer.call("contact/mine", json!({})).await;
    assert_eq!(status, 200, "{mine}");
    assert_eq!(mine.as_array().map(|a| a.len() as i64), Some(in_copy), "{mine}");
    let chatter = restored.client();
    assert_eq!(chatter.login("backup-chatter@example.jp", "password-123").await.0, 200);
    let (status, transcript) = chatter.call("chat/transcript", json!({ "session_id": session })).await;
    assert_eq!(status, 200, "{transcript}");
    assert!(transcript.to_string().contains("メッセージ 0"), "{transcript}");
}
