//! Inbound mail benchmark (not a test), against the real release server:
//! N reply mails from M members, each to their inquiry's signed reply address, over C SMTP
//! connections at once (one SMTP session each, mail after mail, as a relay does). Prints mails/s
//! accepted (from the first connection to the last "250"), the time from the mail being stored
//! (its "250") to being visible in its inquiry (the worker's commit; both stamped by the server),
//! and the server's RSS before and after.
//!   scripts/bench-inbound.sh [mails=10000] [connections=20] [members=50] [rate=0]
//! With `rate` (mails/s, all connections together) the senders are paced, as a relay delivering a
//! steady stream; 0 sends as fast as the listener takes them (a burst).
#[path = "support/mod.rs"]
mod support;

use app::infra::{Db, Settings};
use app::mail::reply_address::ReplyAddresses;
use std::time::{Duration, Instant};
use support::{free_port, rss_kib, seed_users, start_release_server_with};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const KEY: &str = "bench-reply-key-0123456789abcdef0123456789";

/// Reads one (possibly multi-line) SMTP reply; answers its code.
async fn reply(reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).await.expect("smtp read");
        if line.len() < 4 || line.as_bytes()[3] == b' ' {
            return line.trim_end().to_owned();
        }
    }
}

async fn command(
    reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    writer: &mut tokio::net::tcp::OwnedWriteHalf,
    text: &str,
    code: &str,
) {
    writer.write_all(text.as_bytes()).await.expect("smtp write");
    let answer = reply(reader).await;
    assert!(answer.starts_with(code), "{text:?} → {answer}");
}

fn mail(from: &str, to: &str, id: &str, n: usize) -> String {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Re: [Madoguchi] お問い合わせへのご回答\r\nMessage-ID: <{id}>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         {n}件目の返信です。ポイントがまだ通帳に記載されません。注文番号は RS-{n:06} です。\r\n\r\n\
         2026年11月25日(水) 12:00 Madoguchi サポートセンター <{to}>:\r\n> ご利用日をお知らせください。\r\n> よろしくお願いいたします。\r\n"
    )
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mails: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let connections: usize = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(20);
    let members: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(50);
    let rate: f64 = args.get(4).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    // Each connection sends one mail per `gap` when paced.
    let gap = (rate > 0.0).then(|| Duration::from_secs_f64(connections as f64 / rate));
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let smtp_port = free_port();
    let bind = format!("127.0.0.1:{smtp_port}");
    let (mut server, _base) = start_release_server_with(
        &url,
        &[
            ("MADOGUCHI_INBOUND_SMTP_BIND", bind.as_str()),
            ("MADOGUCHI_REPLY_KEYS", KEY),
            ("MADOGUCHI_INBOUND_POLL_MS", "500"),
        ],
    )
    .await;
    let db = Db::connect(&url).await.expect("db");

    // Members with one answered inquiry each, written straight into the database.
    let run = std::process::id();
    let (ids, _) = seed_users(&db, &format!("in{run}m"), members, "member").await;
    let mut inquiries = Vec::new();
    for (i, member) in ids.iter().enumerate() {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO inquiries (reference, member_id, category_id, fields, status, idempotency_key, received_at, due_at, updated_at)
             VALUES ($1, $2, 'points', '{}', 'answered', $3, 0, 0, 0) RETURNING id",
        )
        .bind(format!("MDG-BENCH-{run}-{i}"))
        .bind(member)
        .bind(format!("bench-{i}"))
        .fetch_one(&db.pool)
        .await
        .expect("inquiry");
        inquiries.push((format!("in{run}m{i}@bench.example"), id));
    }
    let addresses =
        ReplyAddresses::from_settings(&Settings { reply_keys: vec![KEY.into()], ..Settings::default() }).expect("keys");
    let rss_before = rss_kib(server.id());

    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..connections {
        let mine: Vec<(String, String, String)> = (0..mails)
            .filter(|n| n % connections == c)
            .map(|n| {
                let (from, inquiry) = &inquiries[n % inquiries.len()];
                (from.clone(), addresses.address_for(*inquiry), format!("bench-{run}-{n}@bench.example"))
            })
            .collect();
        tasks.spawn(async move {
            let stream = TcpStream::connect(("127.0.0.1", smtp_port)).await.expect("connect");
            stream.set_nodelay(true).expect("nodelay");
            let (read, mut write) = stream.into_split();
            let mut read = BufReader::new(read);
            assert!(reply(&mut read).await.starts_with("220"));
            command(&mut read, &mut write, "EHLO bench\r\n", "250").await;
            let mut accept = Vec::with_capacity(mine.len());
            let begun = Instant::now();
            for (n, (from, to, id)) in mine.into_iter().enumerate() {
                if let Some(gap) = gap {
                    tokio::time::sleep_until((begun + gap * n as u32).into()).await;
                }
                let t = Instant::now();
                command(&mut read, &mut write, &format!("MAIL FROM:<{from}>\r\n"), "250").await;
                command(&mut read, &mut write, &format!("RCPT TO:<{to}>\r\n"), "250").await;
                command(&mut read, &mut write, "DATA\r\n", "354").await;
                let body = mail(&from, &to, &id, n);
                command(&mut read, &mut write, &format!("{body}.\r\n"), "250").await;
                accept.push(t.elapsed());
            }
            command(&mut read, &mut write, "QUIT\r\n", "221").await;
            accept
        });
    }
    let mut accept: Vec<Duration> = Vec::new();
    while let Some(done) = tasks.join_next().await {
        accept.extend(done.expect("connection task"));
    }
    let accepted_in = started.elapsed();
    let rss_accepted = rss_kib(server.id());

    // Until every mail is threaded.
    loop {
        let (pending,): (i64,) =
            sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM inbound_mail WHERE status = 'pending'")
                .fetch_one(&db.pool)
                .await
                .expect("count");
        if pending == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let all_visible_in = started.elapsed();
    let rss_after = rss_kib(server.id());
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT status, processed_at - received_at FROM inbound_mail")
        .fetch_all(&db.pool)
        .await
        .expect("rows");
    let threaded = rows.iter().filter(|(s, _)| s == "threaded").count();
    let mut visible: Vec<Duration> =
        rows.iter().map(|(_, ms)| Duration::from_millis((*ms).max(0) as u64)).collect::<Vec<_>>();
    visible.sort();
    accept.sort();
    let messages: (i64,) = sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM inquiry_messages WHERE via = 'mail'")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    println!(
        "mails={} connections={connections} rate={rate} accepted_in={:.1}s accepted={:.0}/s accept_p50={:.1}ms accept_p99={:.1}ms \
         all_visible_in={:.1}s threaded={threaded} follow_ups={} visible_p50={:.0}ms visible_p99={:.0}ms visible_max={:.0}ms \
         rss_before={}MB rss_after_accept={}MB rss_after={}MB",
        accept.len(),
        accepted_in.as_secs_f64(),
        accept.len() as f64 / accepted_in.as_secs_f64(),
        support::pct(&accept, 0.50),
        support::pct(&accept, 0.99),
        all_visible_in.as_secs_f64(),
        messages.0,
        support::pct(&visible, 0.50),
        support::pct(&visible, 0.99),
        support::pct(&visible, 1.0),
        rss_before / 1024,
        rss_accepted / 1024,
        rss_after / 1024,
    );
    let _ = server.kill();
}
