//! Parent-site connector benchmark (not a test), against the real release server and the
//! reference parent site (`madoguchi parent-reference`, its own process):
//! staff open points inquiries at `rate` look-ups per second for `secs` seconds each phase and
//! the panel's look-up (`/api/parent/inquiry`) is timed — cold (every member asked once, nothing
//! cached), warm (the same again, from the cache) — beside the inquiry page's own call
//! (`/api/inbox/detail`). Then every member's parent-site id is switched to one the reference
//! site stalls on, and the inquiry page is timed again while the look-ups pile up against it.
//!   scripts/bench-parent.sh [rate=200] [secs=10] [inquiries=2000]
#[path = "support/mod.rs"]
mod support;

use app::infra::Db;
use std::time::{Duration, Instant};
use support::{free_port, pct, rss_kib, seed_users, start_release_server_with};

const KEY: &str = "bench-parent-key-0123456789abcdef0123456789";

fn client(base: &str, cookie: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse().expect("origin"));
    headers.insert(reqwest::header::COOKIE, cookie.parse().expect("cookie"));
    reqwest::Client::builder().default_headers(headers).pool_max_idle_per_host(512).build().expect("client")
}

/// `rate` calls per second for `secs`, each to `endpoint` with the next id; returns each call's
/// time and how many answered 200.
async fn paced(
    http: &reqwest::Client,
    base: &str,
    endpoint: &str,
    field: &str,
    ids: &[i64],
    rate: u32,
    secs: u64,
) -> (Vec<Duration>, usize) {
    let total = rate as u64 * secs;
    let gap = Duration::from_secs_f64(1.0 / f64::from(rate));
    let begun = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..total {
        tokio::time::sleep_until((begun + gap * n as u32).into()).await;
        let (http, url) = (http.clone(), format!("{base}/api/{endpoint}"));
        let body = serde_json::json!({ field: ids[n as usize % ids.len()] });
        tasks.spawn(async move {
            let t = Instant::now();
            let ok = http.post(url).json(&body).send().await.is_ok_and(|r| r.status().is_success());
            (t.elapsed(), ok)
        });
    }
    let mut times = Vec::new();
    let mut ok = 0;
    while let Some(done) = tasks.join_next().await {
        let (took, good) = done.expect("task");
        times.push(took);
        ok += usize::from(good);
    }
    times.sort();
    (times, ok)
}

fn line(name: &str, (times, ok): &(Vec<Duration>, usize)) -> String {
    format!("{name}: p50 {:.1} ms, p99 {:.1} ms ({ok}/{} ok)", pct(times, 0.50), pct(times, 0.99), times.len())
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rate: u32 = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(200);
    let secs: u64 = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(10);
    let count: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(2000);
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let exe = std::env::current_exe().unwrap();
    let release = exe.parent().and_then(|p| p.parent()).unwrap().join("madoguchi");
    let parent_port = free_port();
    let mut parent = std::process::Command::new(&release)
        .args(["parent-reference", "--bind", &format!("127.0.0.1:{parent_port}")])
        .env("MADOGUCHI_PARENT_API_KEY", KEY)
        .env("MADOGUCHI_FAKE_NOW", "2026-11-25T12:00:00+09:00")
        .env("RUST_LOG", "error")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("reference parent site");
    let parent_url = format!("http://127.0.0.1:{parent_port}/");
    let (mut server, base) = start_release_server_with(
        &url,
        &[("MADOGUCHI_PARENT_API_URL", parent_url.as_str()), ("MADOGUCHI_PARENT_API_KEY", KEY)],
    )
    .await;
    let db = Db::connect(&url).await.expect("db");
    let run = std::process::id();
    let (members, _) = seed_users(&db, &format!("pa{run}m"), count, "member").await;
    let (_, staff_cookies) = seed_users(&db, &format!("pa{run}s"), 1, "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'supervisor', totp_confirmed_at = 1 WHERE email LIKE $1")
        .bind(format!("pa{run}s%"))
        .execute(&db.pool)
        .await
        .expect("staff role");
    let mut inquiries = Vec::with_capacity(count);
    let mut tx = db.pool.begin().await.expect("tx");
    for (i, member) in members.iter().enumerate() {
        sqlx::query("UPDATE users SET sso_subject = $1 WHERE id = $2")
            .bind(format!("p-bench-{run}-{i}"))
            .bind(member)
            .execute(&mut *tx)
            .await
            .expect("link");
        let day = 1 + i % 24;
        let fields =
            format!(r#"{{"shop_name":"楽天市場","used_on":"2026-11-{day:02}","message":"ポイントが付きません。"}}"#);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO inquiries (reference, member_id, category_id, fields, status, idempotency_key, received_at, due_at, updated_at)
             VALUES ($1, $2, 'points', $3, 'new', $4, 0, 0, 0) RETURNING id",
        )
        .bind(format!("MDG-PBENCH-{run}-{i}"))
        .bind(member)
        .bind(fields)
        .bind(format!("pbench-{i}"))
        .fetch_one(&mut *tx)
        .await
        .expect("inquiry");
        inquiries.push(id);
    }
    tx.commit().await.expect("commit");
    let http = client(&base, &staff_cookies[0]);
    let probe = http
        .post(format!("{base}/api/parent/inquiry"))
        .json(&serde_json::json!({ "inquiry_id": inquiries[0] }))
        .send()
        .await
        .expect("probe");
    assert!(probe.status().is_success(), "probe: {} {}", probe.status(), probe.text().await.unwrap_or_default());
    let rss_before = rss_kib(server.id());

    let page = paced(&http, &base, "inbox/detail", "id", &inquiries, rate, secs).await;
    // Cold: each inquiry asked once (the cache holds nothing for them yet).
    let cold_ids: Vec<i64> = inquiries.iter().copied().skip(1).take(rate as usize * secs as usize).collect();
    let cold = paced(&http, &base, "parent/inquiry", "inquiry_id", &cold_ids, rate, secs).await;
    let warm = paced(&http, &base, "parent/inquiry", "inquiry_id", &cold_ids, rate, secs).await;
    // The parent site stalls for every member: look-ups give up at 2 s or are refused as busy.
    sqlx::query("UPDATE users SET sso_subject = 'stall-' || sso_subject WHERE sso_subject LIKE 'p-bench-%'")
        .execute(&db.pool)
        .await
        .expect("stall");
    let stalled_http = http.clone();
    let (base2, ids2) = (base.clone(), inquiries.clone());
    let stalls =
        tokio::spawn(
            async move { paced(&stalled_http, &base2, "parent/inquiry", "inquiry_id", &ids2, rate, secs).await },
        );
    let page_during_stall = paced(&http, &base, "inbox/detail", "id", &inquiries, rate, secs).await;
    let stalled = stalls.await.expect("stalls");
    let rss_after = rss_kib(server.id());
    println!("{}", line("inquiry page (inbox/detail)", &page));
    println!("{}", line("panel look-up, cold (parent/inquiry)", &cold));
    println!("{}", line("panel look-up, warm cache", &warm));
    println!("{}", line("inquiry page while the parent site stalls", &page_during_stall));
    println!("{}", line("panel look-ups while it stalls (timeout/busy answers)", &stalled));
    println!("server RSS {} → {} MiB", rss_before / 1024, rss_after / 1024);
    let _ = server.kill();
    let _ = parent.kill();
    let _ = server.wait();
    let _ = parent.wait();
}
