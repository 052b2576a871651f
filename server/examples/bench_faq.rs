//! Help-center search benchmark (not a test): fills a fresh database with 5,000 generated
//! Japanese articles, starts the real server on it, and times searches over HTTP.
//!   DATABASE_URL=sqlite:///tmp/faq.db cargo run --release -p server --example bench_faq
use app::infra::{Clock, Db, Settings};
use madoguchi_server::startup::Application;
use std::time::{Duration, Instant};

const WORDS: [&str; 40] = [
    "ポイント",
    "通帳",
    "判定中",
    "退会",
    "メール",
    "パスワード",
    "交換",
    "手数料",
    "キャンペーン",
    "ショップ",
    "広告主",
    "注文番号",
    "ログイン",
    "有効期限",
    "登録情報",
    "電子マネー",
    "銀行振込",
    "ギフト券",
    "確認",
    "反映",
    "お問い合わせ",
    "チャット",
    "受付時間",
    "スマートフォン",
    "アプリ",
    "会員ランク",
    "ボーナス",
    "紹介",
    "アンケート",
    "ゲーム",
    "レシート",
    "クレジットカード",
    "旅行",
    "予約",
    "キャンセル",
    "返品",
    "条件",
    "対象外",
    "付与",
    "失効",
];
const GLUE: [&str; 8] = ["について", "の場合は", "を", "が", "に", "から", "は", "と"];

/// A small deterministic generator, so every run benchmarks the same corpus.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for _ in 0..words {
            s.push_str(WORDS[self.next(WORDS.len())]);
            s.push_str(GLUE[self.next(GLUE.len())]);
        }
        s.push('。');
        s
    }
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let articles: usize = std::env::var("FAQ_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let db = Db::connect(&url).await.expect("database");
    app::faq::server::seed_faq(&db, 0).await.expect("seed");
    let mut rng = Lcg(42);
    let started = Instant::now();
    let categories = ["points", "account", "exchange", "support", "ideas", "withdrawal"];
    for i in 0..articles {
        let title = format!("{}({i})", rng.sentence(2));
        let body: String = (0..6).map(|_| rng.sentence(5)).collect::<Vec<_>>().join("\n\n");
        let cat = categories[i % categories.len()];
        app::faq::server::insert_article(&db, cat, [&title, "Generated", &body, "Generated body"], true, i as i64, 0)
            .await
            .expect("insert");
    }
    eprintln!("inserted {articles} articles in {:.1}s", started.elapsed().as_secs_f64());

    let mut settings = Settings { database_url: url, bind: "127.0.0.1:0".into(), ..Settings::default() };
    // Every query comes from one address; the per-address look-up limit is not what is measured.
    settings.limits.lookup = app::infra::limits::RateLimit::new(1_000_000, 60);
    let app = Application::build_with_clock(settings, Clock::System).await.expect("server");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = reqwest::Client::new();
    let queries = [
        "ポイント",
        "退会",
        "通帳",
        "メール",
        "交換 手数料",
        "ぱすわーど",
        "判定中",
        "ログイン 確認",
        "旅行 予約 キャンセル",
        "存在しない",
    ];
    let mut samples: Vec<Duration> = Vec::new();
    for round in 0..60 {
        for q in queries {
            let t = Instant::now();
            let r = client
                .post(format!("{base}/api/faq/search"))
                .header("origin", &base)
                .json(&serde_json::json!({ "query": q, "lang": "Ja" }))
                .send()
                .await
                .expect("search");
            assert!(r.status().is_success());
            let _ = r.bytes().await;
            if round > 0 {
                samples.push(t.elapsed()); // round 0 warms caches
            }
        }
    }
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 * p).ceil() as usize).saturating_sub(1)].as_secs_f64() * 1000.0;
    println!(
        "articles={articles} searches={} p50={:.2}ms p90={:.2}ms p99={:.2}ms max={:.2}ms",
        samples.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0)
    );
}
