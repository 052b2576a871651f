//! Password-hashing flood (not a test): N sign-ups at once, then N logins at once (half of them
//! with a wrong password), against a running release server, while its RSS is sampled every
//! 20 ms. Prints the answers by status, latency p50/p99 and RSS before, at peak and after.
//!   scripts/bench-flood.sh [n=200]
#[path = "support/mod.rs"]
mod support;

use serde_json::json;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{pct, rss_kib};

async fn burst(
    base: &str,
    n: usize,
    body: impl Fn(usize) -> (String, serde_json::Value),
) -> (BTreeMap<u16, usize>, Vec<Duration>) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let (endpoint, payload) = body(i);
        let url = format!("{base}/api/{endpoint}");
        let origin = base.to_owned();
        tasks.spawn(async move {
            let client = reqwest::Client::new();
            let started = Instant::now();
            let status = client
                .post(url)
                .header("origin", origin)
                .json(&payload)
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0);
            (status, started.elapsed())
        });
    }
    let mut statuses = BTreeMap::new();
    let mut latencies = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let (status, took) = done.unwrap();
        *statuses.entry(status).or_insert(0) += 1;
        latencies.push(took);
    }
    latencies.sort();
    (statuses, latencies)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let base = args.get(1).cloned().unwrap_or_else(|| "http://127.0.0.1:3000".into());
    let pid: u32 = args.get(2).and_then(|v| v.parse().ok()).expect("server pid");
    let n: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(200);
    let run = std::process::id();
    let peak = Arc::new(AtomicU64::new(0));
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, sampling) = (peak.clone(), sampling.clone());
        tokio::spawn(async move {
            while sampling.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };
    let before = rss_kib(pid);
    let (sign_ups, sign_up_lat) = burst(&base, n, |i| {
        ("auth/register".into(), json!({ "input": { "email": format!("flood{run}.{i}@example.jp"), "password": "flood-password-1", "display_name": "洪水" } }))
    })
    .await;
    let (logins, login_lat) = burst(&base, n, |i| {
        let password = if i % 2 == 0 { "flood-password-1" } else { "wrong-password-1" };
        (
            "auth/login".into(),
            json!({ "input": { "email": format!("flood{run}.{i}@example.jp"), "password": password } }),
        )
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    sampling.store(false, Ordering::Relaxed);
    let _ = sampler.await;
    let after = rss_kib(pid);
    println!(
        "sign-ups x{n}: {sign_ups:?}  p50 {:.0} ms  p99 {:.0} ms",
        pct(&sign_up_lat, 0.5),
        pct(&sign_up_lat, 0.99)
    );
    println!("logins  x{n}: {logins:?}  p50 {:.0} ms  p99 {:.0} ms", pct(&login_lat, 0.5), pct(&login_lat, 0.99));
    println!(
        "server RSS: before {} MiB, peak {} MiB, after {} MiB (growth at peak {} MiB)",
        before / 1024,
        peak.load(Ordering::Relaxed) / 1024,
        after / 1024,
        (peak.load(Ordering::Relaxed).saturating_sub(before)) / 1024
    );
}
