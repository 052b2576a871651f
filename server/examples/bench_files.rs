//! Attachment upload load (not a test): N members each upload a ~5 MB photo at the same moment to
//! the real release server, while its RSS is sampled every 20 ms. Prints answers by status, upload
//! time p50/p99/max and RSS before, at peak and after. RSS must stay bounded: uploads stream to a
//! spool file and only `image_concurrency` images are decoded at once.
//!   scripts/bench-files.sh [members=50] [sqlite|postgres]
#[path = "support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::io::Cursor;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{pct, rss_kib, seed_users, start_release_server_with};

/// A photo-like JPEG (noise compresses about as badly as a real photo) of about `target` bytes.
fn photo(target: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut side = 1200u32;
    loop {
        let img = image::RgbImage::from_fn(side * 4 / 3, side, |x, y| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = (state & 0x3f) as u8;
            image::Rgb([((x / 7) as u8).wrapping_add(n), ((y / 5) as u8).wrapping_add(n), 128u8.wrapping_add(n)])
        });
        let mut out = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        let bytes = out.into_inner();
        if bytes.len() >= target || side > 4000 {
            return bytes;
        }
        side = (side as f64 * ((target as f64 / bytes.len() as f64).sqrt()) * 1.02) as u32;
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let members: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(50);
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let files_dir = std::env::var("MADOGUCHI_FILES_DIR").expect("MADOGUCHI_FILES_DIR");
    let db = app::infra::Db::connect(&database_url).await.expect("database");
    let (ids, cookies) = seed_users(&db, "uploader", members, "member").await;
    for id in &ids {
        sqlx::query("UPDATE users SET email_verified_at = 0 WHERE id = $1").bind(id).execute(&db.pool).await.unwrap();
    }
    let body = Arc::new(photo(5_000_000));
    println!("photo: {:.2} MB JPEG", body.len() as f64 / 1e6);
    let (mut server, base) =
        start_release_server_with(&database_url, &[("MADOGUCHI_FILES_DIR", files_dir.as_str())]).await;
    let pid = server.id();
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
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, cookie) in cookies.into_iter().enumerate() {
        let (base, body) = (base.clone(), body.clone());
        tasks.spawn(async move {
            let client = reqwest::Client::new();
            let t = Instant::now();
            let status = client
                .post(format!("{base}/api/files?name=photo-{i}.jpg"))
                .header("origin", &base)
                .header("cookie", cookie)
                .body(body.as_ref().clone())
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0);
            (status, t.elapsed())
        });
    }
    let mut statuses = BTreeMap::new();
    let mut times = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let (status, took) = done.unwrap();
        *statuses.entry(status).or_insert(0usize) += 1;
        times.push(took);
    }
    let wall = started.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    sampling.store(false, Ordering::Relaxed);
    let _ = sampler.await;
    let after = rss_kib(pid);
    times.sort();
    println!(
        "{members} uploads at once: {statuses:?}  p50 {:.0} ms  p99 {:.0} ms  max {:.0} ms  all done in {:.1} s",
        pct(&times, 0.5),
        pct(&times, 0.99),
        times.last().unwrap().as_secs_f64() * 1000.0,
        wall.as_secs_f64()
    );
    println!(
        "server RSS: before {} MiB, peak {} MiB, after {} MiB (growth at peak {} MiB; {} MiB of photos were sent)",
        before / 1024,
        peak.load(Ordering::Relaxed) / 1024,
        after / 1024,
        peak.load(Ordering::Relaxed).saturating_sub(before) / 1024,
        members * body.len() / (1024 * 1024)
    );
    let _ = server.kill();
}
