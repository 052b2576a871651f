//! Chat soak run (not a test): P member/staff pairs (2P sockets) talk for M minutes through the
//! real release server, each side sending a message every 2 s (inside the per-connection limit of
//! one a second) and the other side waiting for it. Every minute it prints the messages relayed,
//! relay latency p50/p99, errors (a socket closed, a message not delivered within 10 s) and the
//! server's RSS, so flat memory and zero errors are visible over the whole run.
//!   scripts/bench-soak.sh [pairs=125] [minutes=10]   (125 chats = 500 sockets)
#[path = "support/mod.rs"]
mod support;

use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{active_chat, connect, pct, read_text, rss_kib, seed_users, start_release_server, Ws};
use tokio_tungstenite::tungstenite::Message;

#[derive(Default)]
struct Tally {
    relayed: AtomicU64,
    errors: AtomicU64,
    latencies: Mutex<Vec<Duration>>,
}

/// One direction of one chat: `from` sends every `every`, `to` must see each message.
async fn talk(mut from: Ws, mut to: Ws, tag: String, every: Duration, until: Instant, tally: Arc<Tally>) {
    let mut k = 0u64;
    let mut tick = tokio::time::interval(every);
    while Instant::now() < until {
        tick.tick().await;
        k += 1;
        let client_id = format!("{tag}-{k}");
        let frame = format!(r#"{{"Send":{{"client_id":"{client_id}","body":"ソーク {k}"}}}}"#);
        let started = Instant::now();
        if from.send(Message::Text(frame.into())).await.is_err() {
            tally.errors.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let needle = format!(r#""client_id":"{client_id}""#);
        let seen = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                let text = read_text(&mut to).await;
                if text.starts_with(r#"{"Message""#) && text.contains(&needle) {
                    return;
                }
            }
        })
        .await;
        match seen {
            Ok(()) => {
                tally.relayed.fetch_add(1, Ordering::Relaxed);
                tally.latencies.lock().unwrap().push(started.elapsed());
            }
            Err(_) => {
                tally.errors.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
        // The sender's own copy and ack are read too, so its buffer never fills.
        while let Ok(Some(Ok(_))) = tokio::time::timeout(Duration::from_millis(1), from.next()).await {}
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pairs: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(125);
    let minutes: u64 = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(10);
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let db = app::infra::Db::connect(&url).await.unwrap();
    let (mut server, base) = start_release_server(&url).await;
    let ws_base = base.replace("http://", "ws://");
    let pid = server.id();

    let (members, member_cookies) = seed_users(&db, "sm", pairs, "member").await;
    let (staff, staff_cookies) = seed_users(&db, "ss", pairs, "staff").await;
    let until = Instant::now() + Duration::from_secs(minutes * 60);
    let tally = Arc::new(Tally::default());
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..pairs {
        let id = active_chat(&db, members[i], staff[i]).await;
        let u = format!("{ws_base}/ws/chat?session={id}");
        // Two sockets per side: one sends, one listens; the member talks, staff answer.
        let member_out = connect(&u, &base, Some(&member_cookies[i])).await;
        let staff_in = connect(&u, &base, Some(&staff_cookies[i])).await;
        let staff_out = connect(&u, &base, Some(&staff_cookies[i])).await;
        let member_in = connect(&u, &base, Some(&member_cookies[i])).await;
        let every = Duration::from_millis(2000);
        tasks.spawn(talk(member_out, staff_in, format!("m{i}"), every, until, tally.clone()));
        tasks.spawn(talk(staff_out, member_in, format!("s{i}"), every, until, tally.clone()));
    }
    let sockets = pairs * 4;
    let rss_start = rss_kib(pid);
    println!("soak: {pairs} chats, {sockets} sockets, {minutes} min; server RSS at start {} MiB", rss_start / 1024);
    let mut peak = rss_start;
    let mut minute = 0;
    while Instant::now() < until {
        tokio::time::sleep(Duration::from_secs(60).min(until.saturating_duration_since(Instant::now()))).await;
        minute += 1;
        let mut lat = std::mem::take(&mut *tally.latencies.lock().unwrap());
        lat.sort();
        let rss = rss_kib(pid);
        peak = peak.max(rss);
        let (p50, p99) = if lat.is_empty() { (0.0, 0.0) } else { (pct(&lat, 0.5), pct(&lat, 0.99)) };
        println!(
            "minute {minute:>2}: relayed {:>6} (total {:>7})  p50 {p50:>6.1} ms  p99 {p99:>6.1} ms  errors {}  RSS {} MiB",
            lat.len(),
            tally.relayed.load(Ordering::Relaxed),
            tally.errors.load(Ordering::Relaxed),
            rss / 1024
        );
    }
    while tasks.join_next().await.is_some() {}
    let rss_end = rss_kib(pid);
    println!(
        "total relayed {}  errors {}  RSS start {} MiB, peak {} MiB, end {} MiB",
        tally.relayed.load(Ordering::Relaxed),
        tally.errors.load(Ordering::Relaxed),
        rss_start / 1024,
        peak / 1024,
        rss_end / 1024
    );
    let _ = server.kill();
    let _ = server.wait();
}
