//! What the load generators share: connecting sockets, seeding users with sessions, reading a
//! process's memory, percentiles, starting points. Included by each example with `#[path]`.
#![allow(dead_code)] // each example uses a different part
use base64::Engine;
use futures_util::StreamExt;
use sha2::Digest;
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

pub type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

pub fn pct(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1).min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

pub async fn connect(url: &str, origin: &str, cookie: Option<&str>) -> Ws {
    let mut req = url.into_client_request().unwrap();
    req.headers_mut().insert("origin", origin.parse().unwrap());
    if let Some(c) = cookie {
        req.headers_mut().insert("cookie", c.parse().unwrap());
    }
    for attempt in 0..20 {
        match tokio_tungstenite::connect_async(req.clone()).await {
            Ok((ws, _)) => return ws,
            Err(e) if attempt < 19 => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(e) => panic!("connect {url}: {e}"),
        }
    }
    unreachable!()
}

/// Users with sessions written straight into the database: hashing 10,000 passwords would measure
/// argon2, not chat. Returns the cookie of each user, in order. The sessions are "seen" in the far
/// future, so staff ones never count as idle during a run.
pub async fn seed_users(db: &app::infra::Db, prefix: &str, n: usize, role: &str) -> (Vec<i64>, Vec<String>) {
    let mut ids = Vec::with_capacity(n);
    let mut cookies = Vec::with_capacity(n);
    let mut tx = db.pool.begin().await.unwrap();
    for i in 0..n {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, password_hash, display_name, role, created_at) VALUES ($1, 'x', $2, $3, 0) RETURNING id",
        )
        .bind(format!("{prefix}{i}@bench.example"))
        .bind(format!("{prefix} {i}"))
        .bind(role)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        let token = format!("{prefix}-token-{i}-benchmark-only");
        let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(token.as_bytes()));
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, 0, 9999999999999, 9999999999999)",
        )
        .bind(digest)
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
        ids.push(id);
        cookies.push(format!("madoguchi_session={token}"));
    }
    tx.commit().await.unwrap();
    (ids, cookies)
}

pub async fn read_text(ws: &mut Ws) -> String {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(t))) => return t.to_string(),
            Some(Ok(_)) => continue,
            other => panic!("socket ended: {other:?}"),
        }
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub async fn wait_healthy(base: &str) {
    for _ in 0..200 {
        if reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("server at {base} did not come up");
}

/// The real release server (built next to this example) on a free port over `database_url`, its
/// clock pinned to a Wednesday noon in Tokyo so chat is open. Returns the process and its base URL
/// once `/healthz` answers.
pub async fn start_release_server(database_url: &str) -> (std::process::Child, String) {
    start_release_server_with(database_url, &[]).await
}

/// As [`start_release_server`], with more settings (`MADOGUCHI_*` variables).
pub async fn start_release_server_with(database_url: &str, extra: &[(&str, &str)]) -> (std::process::Child, String) {
    let exe = std::env::current_exe().unwrap();
    let release_dir = exe.parent().and_then(|p| p.parent()).unwrap().to_path_buf();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let server = std::process::Command::new(release_dir.join("madoguchi"))
        .env("DATABASE_URL", database_url)
        .env("MADOGUCHI_BIND", format!("127.0.0.1:{port}"))
        .env("MADOGUCHI_FAKE_NOW", "2026-11-25T12:00:00+09:00")
        .env("MADOGUCHI_ALLOW_FAKE_NOW", "true")
        .env("MADOGUCHI_CHAT_QUEUE_CAP", "1000000")
        // Load generators sign staff in by seeding sessions, not through the two-factor form.
        .env("MADOGUCHI_STAFF_TWO_FACTOR", "false")
        .env("RUST_LOG", "error")
        .envs(extra.iter().copied())
        .spawn()
        .expect("release server binary (cargo build --release -p server)");
    wait_healthy(&base).await;
    (server, base)
}

/// A chat already taken by `staff`, written straight into the database (no queue, no hashing).
pub async fn active_chat(db: &app::infra::Db, member: i64, staff: i64) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO chat_sessions (member_id, topic, status, enqueued_at, last_seen_at, staff_id, taken_at)
         VALUES ($1, 'other', 'active', 0, 0, $2, 0) RETURNING id",
    )
    .bind(member)
    .bind(staff)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    id
}
