//! Parent-site connector benchmark (not a test), against the real release server and the
//! reference parent site (`madoguchi parent-reference`, its own process). Staff open points
//! inquiries at `rate` per second for `secs` seconds each phase:
//! 1. the inquiry page's own call (`/api/inbox/detail`) alone;
//! 2. the panel's look-up (`/api/parent/inquiry`) cold — every member asked once, nothing cached;
//! 3. the page and the look-ups together, the cache warm: the added latency of the panel;
//! 4. the same with the parent site stalling on every member (ids switched to `stall-…`): the
//!    desk's page must not notice.
//!
//! Each look-up's answer is counted by kind (found / timeout / busy / paused …).
//!
//!     scripts/bench-parent.sh [rate=200] [secs=10] [inquiries=2000]
#[path = "support/mod.rs"]
mod support;

use app::infra::Db;
use std::collections::BTreeMap;
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
/// time and the answers by kind (`found`, the reason a panel is unavailable, or the status).
async fn paced(
    http: &reqwest::Client,
    base: &str,
    endpoint: &str,
    field: &str,
    ids: &[i64],
    rate: u32,
    secs: u64,
) -> Timed {
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
            let kind = match http.post(url).json(&body).send().await {
                Ok(r) if r.status().is_success() => {
                    let text = r.text().await.unwrap_or_default();
                    if text.starts_with("{\"Found\"") {
                        "found".to_owned()
                    } else if let Some(why) = text.strip_prefix("{\"Unavailable\":\"") {
                        why.trim_end_matches("\"}").to_lowercase()
                    } else {
                        "200".to_owned()
                    }
                }
                Ok(r) => r.status().as_u16().to_string(),
                Err(_) => "failed".to_owned(),
            };
            (t.elapsed(), kind)
        });
    }
    let mut times = Vec::new();
    let mut kinds = BTreeMap::new();
    while let Some(done) = tasks.join_next().await {
        let (took, kind) = done.expect("task");
        times.push(took);
        *kinds.entry(kind).or_insert(0) += 1;
    }
    times.sort();
    (times, kinds)
}

/// Each call's time, sorted, and how many answered which way.
type Timed = (Vec<Duration>, BTreeMap<String, usize>);

fn line(name: &str, (times, kinds): &Timed) -> String {
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!("{name}: p50 {:.1} ms, p99 {:.1} ms ({})", pct(times, 0.50), pct(times, 0.99), kinds.join(", "))
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
    // The page and the look-ups together, as staff opening inquiries cause them, the cache warm.
    let together = |ids: Vec<i64>| {
        let (http, base) = (http.clone(), base.clone());
        async move {
            let panels = {
                let (http, base, ids) = (http.clone(), base.clone(), ids.clone());
                tokio::spawn(async move { paced(&http, &base, "parent/inquiry", "inquiry_id", &ids, rate, secs).await })
            };
            let pages = paced(&http, &base, "inbox/detail", "id", &ids, rate, secs).await;
            (pages, panels.await.expect("panels"))
        }
    };
    let (page_healthy, warm) = together(cold_ids.clone()).await;
    // The parent site stalls for every member: look-ups give up at 2 s, are refused as busy, or
    // (after five failures in a row) are paused by the breaker.
    sqlx::query("UPDATE users SET sso_subject = 'stall-' || sso_subject WHERE sso_subject LIKE 'p-bench-%'")
        .execute(&db.pool)
        .await
        .expect("stall");
    let (page_stalled, stalled) = together(cold_ids.clone()).await;
    let rss_after = rss_kib(server.id());
    println!("{}", line("inquiry page alone (inbox/detail)", &page));
    println!("{}", line("panel look-up, cold (parent/inquiry)", &cold));
    println!("{}", line("panel look-up, warm cache, beside the pages", &warm));
    println!("{}", line("inquiry page beside the look-ups, parent healthy", &page_healthy));
    println!("{}", line("inquiry page beside the look-ups, parent stalled", &page_stalled));
    println!("{}", line("panel look-ups, parent stalled", &stalled));
    println!("server RSS {} → {} MiB", rss_before / 1024, rss_after / 1024);
    let _ = server.kill();
    let _ = parent.kill();
    let _ = server.wait();
    let _ = parent.wait();
}
