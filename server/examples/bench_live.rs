//! Live-conditions benchmark (not a test): V visitors watch the corner's live status
//! (`/api/live`, server-sent events) and S staff tabs hold the desk socket (`/ws/desk`) on the
//! real release server; a staff member takes the next member from the queue R times. Each round
//! reports how long until every viewer saw the new count and every staff tab heard the queue
//! leave (p50 / p99 / max), and the server's memory per live stream.
//!   scripts/bench-live.sh [viewers=1000] [staff=50] [rounds=10]
#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};
use support::{connect, pct, read_text, rss_kib, seed_users, start_release_server_with};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

type Lines = tokio::io::Lines<BufReader<TcpStream>>;

/// Opens one event stream with a plain HTTP/1.1 request, as a browser's `EventSource` does.
async fn open_stream(addr: &str) -> Lines {
    let mut tcp = TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET /api/live HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    tcp.write_all(request.as_bytes()).await.unwrap();
    let mut lines = BufReader::new(tcp).lines();
    let status = lines.next_line().await.unwrap().unwrap_or_default();
    assert!(status.contains(" 200 "), "live stream refused: {status}");
    lines
}

/// The `waiting` count of the next snapshot on the stream (chunk-size lines are skipped).
async fn next_waiting(lines: &mut Lines) -> i64 {
    loop {
        let line = lines.next_line().await.unwrap().expect("stream open");
        if let Some(json) = line.strip_prefix("data: ") {
            let v: serde_json::Value = serde_json::from_str(json).expect("json");
            return v["waiting"].as_i64().unwrap();
        }
    }
}

fn report(what: &str, mut lat: Vec<Duration>) -> Duration {
    lat.sort();
    let max = *lat.last().unwrap();
    println!(
        "    {what}: {} reached, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        lat.len(),
        pct(&lat, 0.5),
        pct(&lat, 0.99),
        max.as_secs_f64() * 1000.0
    );
    max
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().unwrap()).collect();
    let viewers_n = *args.first().unwrap_or(&1000);
    let staff_n = *args.get(1).unwrap_or(&50);
    let rounds = *args.get(2).unwrap_or(&10);
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let (mut server, base) = start_release_server_with(
        &url,
        &[("MADOGUCHI_LIVE_STREAMS_PER_ADDRESS", "100000"), ("MADOGUCHI_LIVE_STREAMS_MAX", "100000")],
    )
    .await;
    let db = app::infra::Db::connect(&url).await.unwrap();
    let server_pid = server.id();
    let addr = base.trim_start_matches("http://").to_owned();
    let ws_base = base.replace("http://", "ws://");

    // The queue: `rounds` members waiting (written straight in; their places never time out).
    let (waiters, _) = seed_users(&db, "lw", rounds, "member").await;
    for w in &waiters {
        sqlx::query(
            "INSERT INTO chat_sessions (member_id, topic, status, enqueued_at, last_seen_at) VALUES ($1, 'other', 'waiting', 1, 9999999999999)",
        )
        .bind(w)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    // Queue rows written behind the server's back: a staff presence change makes every instance
    // recompute its snapshot (and lets the taker take them all).
    let (_, taker) = seed_users(&db, "taker", 1, "staff").await;
    let http = reqwest::Client::new();
    let call = |path: &str, body: serde_json::Value| {
        http.post(format!("{base}/api/{path}")).header("origin", &base).header("cookie", &taker[0]).json(&body).send()
    };
    assert!(call("chat/staff/presence", serde_json::json!({ "available": true, "capacity": 10 }))
        .await
        .unwrap()
        .status()
        .is_success());

    let rss_before = rss_kib(server_pid);
    let started = Instant::now();
    let mut streams = Vec::with_capacity(viewers_n);
    for _ in 0..viewers_n {
        let mut s = open_stream(&addr).await;
        // The snapshot already counts the whole queue (or is about to).
        let mut w = next_waiting(&mut s).await;
        while w != rounds as i64 {
            w = next_waiting(&mut s).await;
        }
        streams.push(s);
    }
    let rss_after = rss_kib(server_pid);
    println!(
        "{viewers_n} live streams open in {:.1} s; server RSS +{} KiB = {:.1} KiB per stream",
        started.elapsed().as_secs_f64(),
        rss_after.saturating_sub(rss_before),
        rss_after.saturating_sub(rss_before) as f64 / viewers_n as f64
    );
    let (_, staff_cookies) = seed_users(&db, "ls", staff_n, "staff").await;
    let mut tabs = Vec::with_capacity(staff_n);
    for cookie in &staff_cookies {
        tabs.push(connect(&format!("{ws_base}/ws/desk"), &base, Some(cookie)).await);
    }
    println!("{staff_n} staff desk sockets open");

    let mut worst = Duration::ZERO;
    for round in 1..=rounds {
        let expect = (rounds - round) as i64;
        let mut readers = tokio::task::JoinSet::new();
        for mut s in streams.drain(..) {
            readers.spawn(async move {
                while next_waiting(&mut s).await != expect {}
                (Instant::now(), Some(s), None)
            });
        }
        for mut ws in tabs.drain(..) {
            readers.spawn(async move {
                while !read_text(&mut ws).await.contains("QueueLeft") {}
                (Instant::now(), None, Some(ws))
            });
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        let t0 = Instant::now();
        let taken = call("chat/staff/take-next", serde_json::json!({})).await.unwrap();
        assert!(taken.status().is_success());
        let (mut viewer_lat, mut staff_lat) = (Vec::new(), Vec::new());
        while let Some(done) = readers.join_next().await {
            let (at, stream, tab) = done.unwrap();
            if let Some(s) = stream {
                viewer_lat.push(at - t0);
                streams.push(s);
            }
            if let Some(ws) = tab {
                staff_lat.push(at - t0);
                tabs.push(ws);
            }
        }
        println!("round {round}: queue {} -> {expect}", expect + 1);
        worst = worst.max(report("viewers", viewer_lat));
        worst = worst.max(report("staff tabs", staff_lat));
    }
    println!(
        "slowest delivery over {rounds} rounds: {:.1} ms ({})",
        worst.as_secs_f64() * 1000.0,
        if worst <= Duration::from_secs(1) { "every one within 1 s" } else { "OVER 1 s" }
    );
    let _ = server.kill();
}
