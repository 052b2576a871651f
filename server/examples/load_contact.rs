//! Load run for the contact wizard's submit against a running server (not a test):
//!   cargo run --release -p server --example load_contact -- http://127.0.0.1:3000 200 5 MAIL_DIR
//! signs up N members (the server must allow that many sign-ups per hour:
//! MADOGUCHI_LIMIT_REGISTER) and opens each one's verification link from the mails the SMTP sink
//! wrote into MAIL_DIR, then has all of them submit K inquiries each at once, and prints the
//! submit latency percentiles and throughput.
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let base = args.get(1).cloned().unwrap_or_else(|| "http://127.0.0.1:3000".into());
    let members: usize = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(200);
    let per_member: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(5);
    let mail_dir = std::path::PathBuf::from(args.get(4).cloned().unwrap_or_else(|| "mail".into()));
    let run = std::process::id();

    let started = Instant::now();
    let mut clients = Vec::new();
    let mut registering = tokio::task::JoinSet::new();
    for i in 0..members {
        let base = base.clone();
        registering.spawn(async move {
            let client = client(&base);
            let email = format!("load{run}.{i}@example.jp");
            let body = json!({ "input": { "email": email, "password": "load-password-1", "display_name": format!("負荷 {i}") } });
            let r = client.post(format!("{base}/api/auth/register")).json(&body).send().await.expect("register");
            assert!(r.status().is_success(), "register failed: {}", r.status());
            (email, client)
        });
    }
    let mut pending = Vec::new();
    while let Some(c) = registering.join_next().await {
        pending.push(c.expect("task"));
    }
    for (email, client) in pending {
        let token = wait_for_token(&mail_dir, &email).await;
        let r = client
            .post(format!("{base}/api/auth/verify"))
            .json(&json!({ "token": token }))
            .send()
            .await
            .expect("verify");
        assert!(r.status().is_success(), "verify failed: {}", r.status());
        clients.push(client);
    }
    eprintln!("registered {members} members in {:.1}s", started.elapsed().as_secs_f64());

    let started = Instant::now();
    let mut submitting = tokio::task::JoinSet::new();
    for (i, client) in clients.into_iter().enumerate() {
        let base = base.clone();
        submitting.spawn(async move {
            let mut latencies = Vec::new();
            for k in 0..per_member {
                let body = json!({ "input": {
                    "category_id": "points",
                    "fields": { "shop_name": "じゃらん", "used_on": "2026-10-01", "amount": "12,800", "passbook_status": "not_shown",
                                "message": "ポイントが通帳に記載されません。".repeat(10) },
                    "agree_privacy": true, "agree_terms": true,
                    "idempotency_key": format!("load-{run}-{i}-{k}")
                }});
                let t = Instant::now();
                let r = client.post(format!("{base}/api/contact/submit")).json(&body).send().await.expect("submit");
                let status = r.status();
                let _ = r.bytes().await;
                assert!(status.is_success(), "submit failed: {status}");
                latencies.push(t.elapsed());
            }
            latencies
        });
    }
    let mut all: Vec<Duration> = Vec::new();
    while let Some(l) = submitting.join_next().await {
        all.extend(l.expect("task"));
    }
    let wall = started.elapsed();
    all.sort();
    let pct = |p: f64| {
        all[((all.len() as f64 * p).ceil() as usize).saturating_sub(1).min(all.len() - 1)].as_secs_f64() * 1000.0
    };
    println!(
        "submits={} concurrency={members} wall={:.2}s throughput={:.0}/s p50={:.1}ms p90={:.1}ms p99={:.1}ms max={:.1}ms",
        all.len(),
        wall.as_secs_f64(),
        all.len() as f64 / wall.as_secs_f64(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
}

/// The token in the verification mail to `email`, as the SMTP sink wrote it (one JSON file each).
async fn wait_for_token(dir: &std::path::Path, email: &str) -> String {
    for _ in 0..600 {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
            let Ok(mail) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
            if mail["to"][0] != email {
                continue;
            }
            if let Some(rest) = mail["text"].as_str().and_then(|t| t.split("/verify?token=").nth(1)) {
                return rest.split_whitespace().next().unwrap_or_default().to_owned();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no verification mail for {email}");
}

fn client(base: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse().expect("origin"));
    reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .pool_max_idle_per_host(1)
        .build()
        .expect("client")
}
