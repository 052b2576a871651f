//! Live chat benchmark (not a test). In one run on this machine:
//!  (a) N member/staff socket pairs exchange messages through Madoguchi: relay latency p50/p99
//!      and messages/s, against a bare axum WebSocket broadcast server in the same harness;
//!  (b) W members wait in the queue: time until every socket has its new place after one dequeue;
//!  (c) memory per connected socket (the server process's RSS growth over the W waiting sockets).
//! The real `madoguchi` binary and the bare baseline each run as their own process; this one is
//! the load generator.
//!   scripts/bench-chat.sh [pairs=2000] [waiting=10000]
#[path = "support/mod.rs"]
mod support;

use axum::extract::ws::{Message as AxMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::routing::get;
use futures_util::{SinkExt, StreamExt};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;
use tokio_tungstenite::tungstenite::Message;

use support::{active_chat, connect, free_port, pct, read_text, rss_kib, seed_users, start_release_server, Ws};

const MESSAGES_PER_PAIR: usize = 5;

/// (a) One pair per task: the member sends, the clock stops when the staff socket has it.
async fn relay_round(
    pairs: Vec<(Ws, Ws)>,
    make_msg: fn(usize, usize) -> String,
    matches: fn(&str, usize, usize) -> bool,
) -> (Vec<Duration>, Duration) {
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, (mut sender, mut receiver)) in pairs.into_iter().enumerate() {
        tasks.spawn(async move {
            let mut lat = Vec::new();
            for k in 0..MESSAGES_PER_PAIR {
                let t = Instant::now();
                sender.send(Message::Text(make_msg(i, k).into())).await.unwrap();
                loop {
                    let text = read_text(&mut receiver).await;
                    if matches(&text, i, k) {
                        break;
                    }
                }
                lat.push(t.elapsed());
            }
            lat
        });
    }
    let mut all = Vec::new();
    while let Some(l) = tasks.join_next().await {
        all.extend(l.unwrap());
    }
    all.sort();
    (all, started.elapsed())
}

// ---- the bare baseline: rooms of a broadcast channel, nothing else ---------------------------

type Rooms = Arc<Mutex<HashMap<u64, broadcast::Sender<String>>>>;

async fn baseline_ws(
    State(rooms): State<Rooms>,
    Query(q): Query<HashMap<String, u64>>,
    ws: WebSocketUpgrade,
) -> axum::response::Response {
    let room = q.get("room").copied().unwrap_or(0);
    ws.on_upgrade(move |socket: WebSocket| async move {
        let tx = rooms.lock().unwrap().entry(room).or_insert_with(|| broadcast::channel(64).0).clone();
        let mut rx = tx.subscribe();
        let (mut sink, mut stream) = socket.split();
        loop {
            tokio::select! {
                m = stream.next() => match m { Some(Ok(AxMessage::Text(t))) => { let _ = tx.send(t.to_string()); } Some(Ok(_)) => {} _ => break },
                m = rx.recv() => match m { Ok(t) => if sink.send(AxMessage::Text(t.into())).await.is_err() { break }, Err(_) => break },
            }
        }
    })
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--baseline-server") {
        let port: u16 = args[2].parse().unwrap();
        let rooms: Rooms = Arc::new(Mutex::new(HashMap::new()));
        let bare = axum::Router::new().route("/ws", get(baseline_ws)).with_state(rooms);
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        axum::serve(listener, bare).await.unwrap();
        return;
    }
    let pairs_n: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(2000);
    let waiting_n: usize = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(10000);
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let db = app::infra::Db::connect(&url).await.unwrap();
    let exe = std::env::current_exe().unwrap();
    let (mut server, base) = start_release_server(&url).await;
    let ws_base = base.replace("http://", "ws://");
    let server_pid = server.id();
    let bare_port = free_port();
    let mut baseline =
        std::process::Command::new(&exe).args(["--baseline-server", &bare_port.to_string()]).spawn().unwrap();

    // ---- (a) relay ----
    let (members, member_cookies) = seed_users(&db, "pm", pairs_n, "member").await;
    let (staff, staff_cookies) = seed_users(&db, "ps", pairs_n, "staff").await;
    let mut sessions = Vec::new();
    for i in 0..pairs_n {
        let id = active_chat(&db, members[i], staff[i]).await;
        sessions.push(id);
    }
    let mut pairs = Vec::new();
    for i in 0..pairs_n {
        let u = format!("{ws_base}/ws/chat?session={}", sessions[i]);
        let mut m = connect(&u, &base, Some(&member_cookies[i])).await;
        let mut s = connect(&u, &base, Some(&staff_cookies[i])).await;
        read_text(&mut m).await; // initial state
        read_text(&mut s).await;
        pairs.push((m, s));
    }
    fn chat_msg(i: usize, k: usize) -> String {
        format!(r#"{{"Send":{{"client_id":"b-{i}-{k}","body":"ベンチマーク {k}"}}}}"#)
    }
    fn chat_match(t: &str, i: usize, k: usize) -> bool {
        t.starts_with(r#"{"Message""#) && t.contains(&format!(r#""client_id":"b-{i}-{k}""#))
    }
    let (lat, wall) = relay_round(pairs, chat_msg, chat_match).await;
    let total = lat.len();
    let (m50, m99) = (pct(&lat, 0.5), pct(&lat, 0.99));
    println!(
        "(a) madoguchi: pairs={pairs_n} messages={total} p50={m50:.2}ms p99={m99:.2}ms throughput={:.0} msg/s",
        total as f64 / wall.as_secs_f64()
    );

    let mut bare_pairs = Vec::new();
    for i in 0..pairs_n {
        let u = format!("ws://127.0.0.1:{bare_port}/ws?room={i}");
        let m = connect(&u, &base, None).await;
        let s = connect(&u, &base, None).await;
        bare_pairs.push((m, s));
    }
    fn bare_msg(i: usize, k: usize) -> String {
        format!("{i}-{k}")
    }
    fn bare_match(t: &str, i: usize, k: usize) -> bool {
        t == format!("{i}-{k}")
    }
    let (blat, bwall) = relay_round(bare_pairs, bare_msg, bare_match).await;
    let (b50, b99) = (pct(&blat, 0.5), pct(&blat, 0.99));
    println!(
        "(a) bare axum: pairs={pairs_n} messages={} p50={b50:.2}ms p99={b99:.2}ms throughput={:.0} msg/s",
        blat.len(),
        blat.len() as f64 / bwall.as_secs_f64()
    );
    println!(
        "(a) ratio madoguchi/bare: p50 x{:.1}, p99 x{:.1}, throughput x{:.2}",
        m50 / b50,
        m99 / b99,
        (total as f64 / wall.as_secs_f64()) / (blat.len() as f64 / bwall.as_secs_f64())
    );

    // ---- (b) and (c): a long queue ----
    let (waiters, waiter_cookies) = seed_users(&db, "w", waiting_n, "member").await;
    let mut queue_ids = Vec::new();
    let mut tx = db.pool.begin().await.unwrap();
    for w in &waiters {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO chat_sessions (member_id, topic, status, enqueued_at, last_seen_at) VALUES ($1, 'other', 'waiting', 1, 9999999999999) RETURNING id",
        )
        .bind(w)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        queue_ids.push(id);
    }
    tx.commit().await.unwrap();
    let rss_before = rss_kib(server_pid);
    let connect_started = Instant::now();
    let mut sockets = Vec::with_capacity(waiting_n);
    for i in 0..waiting_n {
        let mut ws =
            connect(&format!("{ws_base}/ws/chat?session={}", queue_ids[i]), &base, Some(&waiter_cookies[i])).await;
        read_text(&mut ws).await;
        sockets.push(ws);
    }
    let rss_after = rss_kib(server_pid);
    println!(
        "(c) memory: {waiting_n} waiting sockets connected in {:.1}s, server RSS +{} KiB = {:.1} KiB per socket",
        connect_started.elapsed().as_secs_f64(),
        rss_after - rss_before,
        (rss_after - rss_before) as f64 / waiting_n as f64
    );
    // Every socket now waits for its next state; one dequeue should move all of them up by one.
    let (_, staff_cookie) = seed_users(&db, "taker", 1, "staff").await;
    let client = reqwest::Client::new();
    let mut readers = tokio::task::JoinSet::new();
    for (i, mut ws) in sockets.into_iter().enumerate() {
        readers.spawn(async move {
            loop {
                let t = read_text(&mut ws).await;
                if t.contains(&format!(r#""ahead":{}"#, i.saturating_sub(1)))
                    || (i == 0 && t.contains(r#""status":"Active""#))
                {
                    return Instant::now();
                }
            }
        });
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let t0 = Instant::now();
    let r = client
        .post(format!("{base}/api/chat/staff/take-next"))
        .header("origin", &base)
        .header("cookie", &staff_cookie[0])
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let mut last = t0;
    while let Some(done) = readers.join_next().await {
        last = last.max(done.unwrap());
    }
    println!(
        "(b) queue: {waiting_n} waiting, one dequeue → every socket had its new place after {:.0} ms",
        (last - t0).as_secs_f64() * 1000.0
    );
    for child in [&mut server, &mut baseline] {
        let _ = child.kill();
        let _ = child.wait();
    }
}
