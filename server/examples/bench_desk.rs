//! The desk at a points site's volume (issue #23; not a test): seeds `members` members,
//! `inquiries` inquiries and `messages` thread messages (defaults 200,000 / 1,000,000 /
//! 5,000,000) straight into the database the real release server runs on, then measures over
//! HTTP as a staff member: the inbox's first page in each order, deep pages by keyset, filtered
//! pages, search by reference / address / order number / a Japanese word, the member page, and
//! one answer to 300 inquiries (300 outbox rows).
//!
//! Search documents are written as the app writes them (`search::server::tokens::document`) for
//! every inquiry and member; thread messages draw their words from 8 templates (`BODIES`), so
//! their documents are written once per template and copied by SQL — for every message.
//!
//!     scripts/bench-desk.sh [members] [inquiries] [messages]
#[path = "support/mod.rs"]
mod support;

use app::infra::{Backend, Db};
use app::search::server::tokens::document;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::{pct, rss_kib, seed_users, start_release_server};

/// What members and staff write in threads: eight shapes (each body ends with its number).
const BODIES: [&str; 8] = [
    "ポイントが通帳に記載されていません。確認をお願いします。",
    "楽天市場で買い物をしましたが、まだ判定中のままです。",
    "じゃらんの予約ポイントが否認になりました。理由を教えてください。",
    "注文番号を送ります。ご確認よろしくお願いいたします。",
    "アプリから広告を利用しましたが反映されません。",
    "ご回答ありがとうございます。引き続きよろしくお願いします。",
    "交換申請をしたのにギフト券が届きません。",
    "メールアドレスを変更したいのですが、手順を教えてください。",
];
const SHOPS: [&str; 5] = ["楽天市場", "じゃらん", "Yahoo!ショッピング", "ふるさと納税", "楽天トラベル"];

/// `WITH n(i)` numbering 1..=count, each database its own way (SQLite has no generate_series).
fn series(backend: Backend, count: i64) -> String {
    match backend {
        Backend::Postgres => format!("WITH n(i) AS (SELECT generate_series(1, {count})::bigint)"),
        Backend::Sqlite => format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})"),
    }
}

async fn exec(db: &Db, what: &str, sql: &str) {
    let t = Instant::now();
    sqlx::query(sql).execute(&db.pool).await.unwrap_or_else(|e| panic!("{what}: {e}"));
    println!("  seeded {what} in {:.1} s", t.elapsed().as_secs_f64());
}

async fn scalar(db: &Db, sql: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>(sql).fetch_one(&db.pool).await.expect(sql).0
}

/// Rows of search documents in batches (one statement each), as the app writes them.
async fn insert_docs(db: &Db, rows: &[(String, i64, i64, Option<i64>, String)]) {
    for chunk in rows.chunks(500) {
        let marks: Vec<String> = (0..chunk.len())
            .map(|k| format!("(${}, ${}, ${}, ${}, ${})", 5 * k + 1, 5 * k + 2, 5 * k + 3, 5 * k + 4, 5 * k + 5))
            .collect();
        let sql = format!(
            "INSERT INTO search_docs (kind, source_id, member_id, inquiry_id, tokens) VALUES {}",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for (kind, source, member, inquiry, tokens) in chunk {
            q = q.bind(kind.as_str()).bind(*source).bind(*member).bind(*inquiry).bind(tokens.as_str());
        }
        q.execute(&db.pool).await.expect("search docs");
    }
}

async fn seed(db: &Db, members: i64, inquiries: i64, messages: i64) -> (i64, i64) {
    let b = db.backend;
    let first_member = scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM users").await;
    exec(
        db,
        &format!("{members} members"),
        &format!(
            "{} INSERT INTO users (email, password_hash, display_name, role, created_at)
             SELECT 'desk' || i || '@bench.example', 'x', '会員 ' || i, 'member', 0 FROM n",
            series(b, members)
        ),
    )
    .await;
    let first_inquiry = scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM inquiries").await;
    // Spread over a year of arrivals; a tenth still open (new or in progress), the rest answered
    // or closed, as a desk that keeps up looks; due times, activity and priorities varied.
    let shops = SHOPS.iter().enumerate().map(|(k, s)| format!("WHEN {k} THEN '{s}'")).collect::<Vec<_>>().join(" ");
    exec(
        db,
        &format!("{inquiries} inquiries"),
        &format!(
            "{} INSERT INTO inquiries (reference, member_id, category_id, fields, status, idempotency_key, received_at, due_at,
                                       updated_at, priority, first_reply_due_at, shop_key, used_on)
             SELECT 'MDG-BENCH-' || i, {first_member} + (i % {members}), 'points',
                    '{{\"shop_name\":\"' || (CASE i % 5 {shops} END) || '\",\"used_on\":\"2026-11-' || (10 + i % 18)
                        || '\",\"order_number\":\"RS-' || (1000000 + i) || '\",\"amount\":\"' || (i % 9000 + 100)
                        || '\",\"message\":\"ポイントが通帳に記載されません。\"}}',
                    CASE WHEN i % 10 = 0 THEN 'new' WHEN i % 10 = 1 THEN 'in_progress' WHEN i % 10 < 5 THEN 'answered' ELSE 'closed' END,
                    'bench-' || i, 1764000000000 + i * 31536, 1764086400000 + i * 31536 + (i % 7) * 3600000,
                    1764000000000 + i * 31536 + (i % 13) * 600000,
                    CASE i % 20 WHEN 0 THEN 'urgent' WHEN 1 THEN 'high' WHEN 2 THEN 'low' ELSE 'normal' END,
                    1764086400000 + i * 31536, CASE i % 5 {} END, '2026-11-' || (10 + i % 18)
             FROM n",
            series(b, inquiries),
            SHOPS.iter().enumerate().map(|(k, s)| format!("WHEN {k} THEN '{}'", app::incidents::shop_key(s))).collect::<Vec<_>>().join(" ")
        ),
    )
    .await;
    let bodies = BODIES.iter().enumerate().map(|(k, s)| format!("WHEN {k} THEN '{s}'")).collect::<Vec<_>>().join(" ");
    // Five per inquiry on average: member and staff in turn, the member first.
    exec(
        db,
        &format!("{messages} messages"),
        &format!(
            "{} INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at)
             SELECT {first_inquiry} + (i % {inquiries}), {first_member} + ((i % {inquiries} + 1) % {members}), (i / {inquiries}) % 2,
                    (CASE i % 8 {bodies} END) || ' (' || i || ')', 1764000000000 + (i % {inquiries}) * 31536 + (i / {inquiries}) * 3600000
             FROM n",
            series(b, messages)
        ),
    )
    .await;

    // Search documents: members and inquiries one by one as the app writes them, in batches.
    // (PostgreSQL's GIN index is built once after the load rather than kept up row by row.)
    if db.backend == Backend::Postgres {
        sqlx::query("DROP INDEX search_docs_lexemes").execute(&db.pool).await.expect("drop index");
    }
    let t = Instant::now();
    let mut rows = Vec::with_capacity(50_000);
    for k in 0..members {
        let id = first_member + k;
        let (email, name) = (format!("desk{}@bench.example", k + 1), format!("会員 {}", k + 1));
        rows.push(("member".to_owned(), id, id, None, document(&[&email, &name])));
        if rows.len() == 50_000 {
            insert_docs(db, &rows).await;
            rows.clear();
        }
    }
    insert_docs(db, &rows).await;
    rows.clear();
    for k in 0..inquiries {
        let (id, n) = (first_inquiry + k, k + 1);
        let member = first_member + (n % members);
        let day = format!("2026-11-{}", 10 + n % 18);
        let texts = [
            SHOPS[(n % 5) as usize].to_owned(),
            day,
            format!("RS-{}", 1_000_000 + n),
            (n % 9000 + 100).to_string(),
            "ポイントが通帳に記載されません。".to_owned(),
            format!("MDG-BENCH-{n}"),
        ];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        rows.push(("inquiry".to_owned(), id, member, Some(id), document(&refs)));
        if rows.len() == 50_000 {
            insert_docs(db, &rows).await;
            rows.clear();
        }
    }
    insert_docs(db, &rows).await;
    println!(
        "  seeded {} member and inquiry search documents in {:.1} s",
        members + inquiries,
        t.elapsed().as_secs_f64()
    );
    // Messages: the template's tokens plus the number that ends each body, copied by SQL.
    sqlx::query("CREATE TABLE bench_bodies (k BIGINT PRIMARY KEY, tokens TEXT NOT NULL)")
        .execute(&db.pool)
        .await
        .expect("bodies");
    for (k, body) in BODIES.iter().enumerate() {
        sqlx::query("INSERT INTO bench_bodies (k, tokens) VALUES ($1, $2)")
            .bind(k as i64)
            .bind(document(&[body]))
            .execute(&db.pool)
            .await
            .expect("body tokens");
    }
    exec(
        db,
        &format!("{messages} message search documents"),
        "INSERT INTO search_docs (kind, source_id, member_id, inquiry_id, tokens)
         SELECT 'message', m.id, i.member_id, m.inquiry_id, b.tokens FROM inquiry_messages m
         JOIN inquiries i ON i.id = m.inquiry_id JOIN bench_bodies b ON b.k = m.id % 8
         WHERE i.reference LIKE 'MDG-BENCH-%'",
    )
    .await;
    sqlx::query("DROP TABLE bench_bodies").execute(&db.pool).await.expect("drop");
    // Nothing older is waiting for the background backfill.
    sqlx::query("UPDATE search_backfill SET done_through = upto").execute(&db.pool).await.expect("backfill");
    if db.backend == Backend::Postgres {
        exec(
            db,
            "the full-text index (built once, after the load)",
            "CREATE INDEX search_docs_lexemes ON search_docs USING gin (lexemes)",
        )
        .await;
    }
    exec(db, "ANALYZE", "ANALYZE").await;
    (first_member, first_inquiry)
}

async fn call(http: &reqwest::Client, base: &str, endpoint: &str, body: &Value) -> (Duration, Value) {
    let t = Instant::now();
    let r = http.post(format!("{base}/api/{endpoint}")).json(body).send().await.expect("request");
    let status = r.status();
    let value: Value = r.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{endpoint}: {status} {value}");
    (t.elapsed(), value)
}

/// `n` calls one after another; p50 and p99 in ms.
async fn timed(http: &reqwest::Client, base: &str, endpoint: &str, bodies: &[Value], n: usize) -> (f64, f64, Value) {
    let mut times = Vec::with_capacity(n);
    let mut last = Value::Null;
    for k in 0..n {
        let (took, v) = call(http, base, endpoint, &bodies[k % bodies.len()]).await;
        times.push(took);
        last = v;
    }
    times.sort();
    (pct(&times, 0.50), pct(&times, 0.99), last)
}

fn line(name: &str, (p50, p99, _): &(f64, f64, Value)) -> String {
    format!("{name}: p50 {p50:.1} ms, p99 {p99:.1} ms")
}

fn filter(extra: Value) -> Value {
    let mut f = json!({ "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false });
    for (k, v) in extra.as_object().unwrap() {
        f[k] = v.clone();
    }
    json!({ "filter": f })
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let members: i64 = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let inquiries: i64 = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let messages: i64 = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(5_000_000);
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    // The server creates and migrates the database; the seed goes in beside it.
    let (mut server, base) = start_release_server(&url).await;
    let db = Db::connect(&url).await.expect("db");
    let t = Instant::now();
    let (first_member, first_inquiry) = seed(&db, members, inquiries, messages).await;
    println!("seeded in {:.0} s", t.elapsed().as_secs_f64());
    let run = std::process::id();
    let (_, cookies) = seed_users(&db, &format!("dk{run}s"), 1, "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'supervisor', totp_confirmed_at = 1 WHERE email LIKE $1")
        .bind(format!("dk{run}s%"))
        .execute(&db.pool)
        .await
        .expect("staff role");
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse().expect("origin"));
    headers.insert(reqwest::header::COOKIE, cookies[0].parse().expect("cookie"));
    let http = reqwest::Client::builder().default_headers(headers).build().expect("client");
    let rss_before = rss_kib(server.id());
    let n = 200;
    let mut report = Vec::new();

    for (name, extra) in [
        ("inbox first page, due order", json!({})),
        ("inbox first page, last activity", json!({ "sort": "LastActivity" })),
        ("inbox first page, priority", json!({ "sort": "Priority" })),
        ("inbox, open ones overdue", json!({ "overdue_only": true })),
        ("inbox, new + urgent + points", json!({ "status": "New", "priority": "Urgent", "category_id": "points" })),
    ] {
        report.push(line(name, &timed(&http, &base, "inbox/list", &[filter(extra)], n).await));
    }
    // Deep pages: walk 60 pages (6,000 rows) by keyset in the due order, each page timed.
    let mut f = filter(json!({}));
    let mut times = Vec::new();
    for _ in 0..60 {
        let (took, page) = call(&http, &base, "inbox/list", &f).await;
        times.push(took);
        f["filter"]["after"] = page["next"].clone();
    }
    // And a page from the far end of the list (the keyset makes it as cheap as the first).
    let last_due: i64 = scalar(&db, "SELECT MAX(due_at) FROM inquiries").await;
    let deep = filter(json!({ "after": { "key": last_due - 86_400_000, "id": 0 } }));
    let (far50, far99, _) = timed(&http, &base, "inbox/list", &[deep], n).await;
    times.sort();
    report.push(format!(
        "inbox pages 1–60 by keyset: p50 {:.1} ms, p99 {:.1} ms; a page near the end of {inquiries}: p50 {far50:.1} ms, p99 {far99:.1} ms",
        pct(&times, 0.5),
        pct(&times, 0.99)
    ));
    let refs: Vec<Value> = (0..n).map(|k| json!({ "q": format!("MDG-BENCH-{}", 1 + k * 4999) })).collect();
    report.push(line("search, a reference", &timed(&http, &base, "search", &refs, n).await));
    let emails: Vec<Value> = (0..n).map(|k| json!({ "q": format!("desk{}@bench.example", 1 + k * 997) })).collect();
    report.push(line("search, an address", &timed(&http, &base, "search", &emails, n).await));
    let orders: Vec<Value> = (0..n).map(|k| json!({ "q": format!("RS-{}", 1_000_001 + k * 4999) })).collect();
    report.push(line("search, an order number", &timed(&http, &base, "search", &orders, n).await));
    let words: Vec<Value> =
        ["ギフト券", "否認", "判定中", "交換申請", "注文番号"].iter().map(|w| json!({ "q": w })).collect();
    report.push(line(
        "search, a Japanese word (in 1 of 8 message shapes)",
        &timed(&http, &base, "search", &words, n).await,
    ));
    let pages: Vec<Value> = (0..n as i64).map(|k| json!({ "id": first_member + k * 997 % members })).collect();
    report.push(line(
        "member page (5 inquiries of 5 messages)",
        &timed(&http, &base, "admin/members/get", &pages, n).await,
    ));

    // One answer to 300 open inquiries, as the inbox's bulk bar sends it.
    let (_, page) = call(&http, &base, "inbox/list", &filter(json!({ "status": "New" }))).await;
    let mut items: Vec<Value> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!({ "inquiry_id": r["summary"]["id"], "seen_message_id": r["last_message_id"] }))
        .collect();
    let mut after = page["next"].clone();
    while items.len() < 300 {
        let (_, page) = call(&http, &base, "inbox/list", &filter(json!({ "status": "New", "after": after }))).await;
        items.extend(
            page["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| json!({ "inquiry_id": r["summary"]["id"], "seen_message_id": r["last_message_id"] })),
        );
        after = page["next"].clone();
    }
    items.truncate(300);
    let outbox_before = scalar(&db, "SELECT COUNT(*) FROM outbox").await;
    let body = json!({ "input": { "items": items, "action": { "Answer": { "body": "{{member_name}} 様\n{{reference}}(注文 {{order_number}})は確認のうえ反映いたします。", "close": false } }, "client_key": format!("bench-bulk-{run}") } });
    let (took, done) = call(&http, &base, "inbox/bulk", &body).await;
    let outbox_after = scalar(&db, "SELECT COUNT(*) FROM outbox").await;
    report.push(format!(
        "one answer to 300 inquiries: {:.2} s, {} answered, {} skipped, {} outbox rows",
        took.as_secs_f64(),
        done["done"].as_array().map_or(0, Vec::len),
        done["skipped"].as_array().map_or(0, Vec::len),
        outbox_after - outbox_before
    ));
    let rss_after = rss_kib(server.id());
    let _ = first_inquiry;
    for line in report {
        println!("{line}");
    }
    println!("server RSS {} → {} MiB", rss_before / 1024, rss_after / 1024);
    print_plans(&db, &format!("dk{run}s%")).await;
    let _ = server.kill();
    let _ = server.wait();
}

/// The plans the figures rely on, from the app's own statements (the README prints them).
async fn print_plans(db: &Db, staff_email: &str) {
    let staff_id: (i64,) = sqlx::query_as("SELECT id FROM users WHERE email LIKE $1")
        .bind(staff_email)
        .fetch_one(&db.pool)
        .await
        .expect("staff id");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
    for (name, extra) in [
        ("inbox, due order", json!({})),
        ("inbox, last activity", json!({ "sort": "LastActivity" })),
        ("inbox, priority", json!({ "sort": "Priority" })),
    ] {
        let filter: app::contact::InboxFilter =
            serde_json::from_value(filter(extra)["filter"].clone()).expect("filter");
        println!("plan — {name}:");
        for step in app::contact::server::inbox_plan(db, &filter, staff_id.0, now).await.expect("plan") {
            println!("    {step}");
        }
    }
    for word in ["ギフト券", "RS-1000001"] {
        println!("plan — search documents for {word}:");
        for step in app::search::server::query::plans(db, word).await.expect("plan") {
            println!("    {step}");
        }
    }
}
