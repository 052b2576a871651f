//! What crawlers and link previews get: the article's own head and body on `/faq/:id` (published
//! only), the generic head otherwise, escaping in every tag, the sitemap and robots.txt.
use crate::helpers::{spawn_app_with, TestApp};
use std::collections::BTreeSet;

const PAGE: &str = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\" />\
<title>Madoguchi サポートセンター</title><script type=\"module\">boot()</script></head><body></body></html>";

/// A stand-in for the built site: each area's page, as Trunk writes it (one per test process).
pub fn site_dir() -> std::path::PathBuf {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("madoguchi-seo-{}", std::process::id()));
        for area in ["home", "faq", "ideas", "contact", "chat"] {
            let folder = dir.join("a").join(area);
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("index.html"), PAGE).unwrap();
        }
        dir
    })
    .clone()
}

async fn app() -> TestApp {
    spawn_app_with(move |s| {
        s.dist_dir = site_dir();
        s.public_url = "https://support.example.jp".into();
    })
    .await
}

async fn get(app: &TestApp, path: &str) -> (u16, String) {
    let r = reqwest::get(format!("{}{path}", app.address)).await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn title_of(app: &TestApp, id: i64) -> String {
    let (t,): (String,) = sqlx::query_as("SELECT title_ja FROM faq_articles WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    t
}

#[tokio::test]
async fn a_published_article_has_its_own_head_and_body() {
    let app = app().await;
    let title = title_of(&app, 1).await;
    let (status, html) = get(&app, "/faq/1").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("<title>{title} | よくある質問 | Madoguchi サポートセンター</title>")), "{html}");
    assert_eq!(html.matches("<title>").count(), 1);
    assert!(html.contains("<meta name=\"description\" content=\""));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://support.example.jp/faq/1\" />"));
    assert!(html.contains("hreflang=\"en\" href=\"https://support.example.jp/faq/1?lang=en\""));
    assert!(html.contains(&format!("<meta property=\"og:title\" content=\"{title} | よくある質問")));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\" />"));
    assert!(html.contains("<noscript><article class=\"article-body\">"), "the body for clients without script");
    assert!(html.contains("<script type=\"module\">boot()</script>"), "the app still boots");
    let (_, english) = get(&app, "/faq/1?lang=en").await;
    assert!(english.contains("| Frequently asked questions | Madoguchi Support Center</title>"), "{english}");
}

#[tokio::test]
async fn unpublished_and_unknown_articles_get_the_generic_head() {
    let app = app().await;
    let hidden = title_of(&app, 2).await;
    sqlx::query("UPDATE faq_articles SET published = 0 WHERE id = 2").execute(&app.state.db.pool).await.unwrap();
    for path in ["/faq/2", "/faq/999999", "/faq/abc", "/faq"] {
        let (status, html) = get(&app, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("<title>よくある質問 | Madoguchi サポートセンター</title>"), "{path}: {html}");
        assert!(!html.contains(&hidden) && !html.contains("<noscript>"), "{path}");
    }
}

#[tokio::test]
async fn titles_are_escaped_in_every_tag() {
    let app = app().await;
    sqlx::query("UPDATE faq_articles SET title_ja = $1 WHERE id = 1")
        .bind("<b>\"ポイント\" & 'キャッシュ'</b>")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let (_, html) = get(&app, "/faq/1").await;
    let escaped = "&lt;b&gt;&quot;ポイント&quot; &amp; &#39;キャッシュ&#39;&lt;/b&gt;";
    assert_eq!(html.matches(escaped).count(), 3, "title, og:title, twitter:title: {html}");
    assert!(!html.contains("<b>"));
}

#[tokio::test]
async fn the_sitemap_lists_exactly_the_published_articles_and_robots_keeps_crawlers_out() {
    let app = app().await;
    sqlx::query("UPDATE faq_articles SET published = 0 WHERE id = 3").execute(&app.state.db.pool).await.unwrap();
    let (status, xml) = get(&app, "/sitemap.xml").await;
    assert_eq!(status, 200);
    let listed: BTreeSet<i64> = xml
        .split("<loc>https://support.example.jp/faq/")
        .skip(1)
        .filter_map(|rest| rest.split('<').next().and_then(|id| id.parse().ok()))
        .collect();
    let published: BTreeSet<i64> = sqlx::query_as::<_, (i64,)>("SELECT id FROM faq_articles WHERE published <> 0")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|(id,)| id)
        .collect();
    assert_eq!(listed, published);
    assert!(!listed.contains(&3));
    assert!(xml.contains("<loc>https://support.example.jp/faq</loc>"));
    assert!(xml.contains("<lastmod>"));
    let (status, robots) = get(&app, "/robots.txt").await;
    assert_eq!(status, 200);
    for line in
        ["Disallow: /admin", "Disallow: /api/", "Disallow: /ws/", "Disallow: /account", "Disallow: /contact/history"]
    {
        assert!(robots.contains(line), "{line}");
    }
    assert!(robots.contains("Sitemap: https://support.example.jp/sitemap.xml"));
}

async fn idea(app: &TestApp, member: i64, title: &str, status: &str, hidden: bool) {
    sqlx::query(
        "INSERT INTO ideas (member_id, title, body, search_title, status, staff_note, hidden, created_at, status_changed_at)
         VALUES ($1, $2, $3, $2, $4, $5, $6, $7, $7)",
    )
    .bind(member)
    .bind(title)
    .bind(format!("{title} の本文"))
    .bind(status)
    .bind((status == "adopted").then_some("対応しました"))
    .bind(i64::from(hidden))
    .bind(1_700_000_000_000_i64)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_idea_boards_list_their_visible_ideas_as_text() {
    let app = app().await;
    app.create_staff("seo-ideas@example.jp", "とても長いパスワード").await;
    let (member,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = 'seo-ideas@example.jp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    idea(&app, member, "採用された<b>案</b> & \"引用\"", "adopted", false).await;
    idea(&app, member, "検討中の案", "open", false).await;
    idea(&app, member, "隠された案", "adopted", true).await;

    let (status, adopted) = get(&app, "/ideas").await;
    assert_eq!(status, 200);
    assert!(adopted.contains("<title>反映されたご意見 | ご意見ラボ | Madoguchi サポートセンター</title>"), "{adopted}");
    assert!(adopted.contains("<link rel=\"canonical\" href=\"https://support.example.jp/ideas\" />"));
    assert!(adopted.contains("<h2>採用された&lt;b&gt;案&lt;/b&gt; &amp; &quot;引用&quot;</h2>"), "{adopted}");
    assert!(adopted.contains("対応しました"));
    assert!(!adopted.contains("検討中の案") && !adopted.contains("隠された案") && !adopted.contains("<b>案"));

    let (status, board) = get(&app, "/ideas/board?lang=en").await;
    assert_eq!(status, 200);
    assert!(board.contains("<title>All ideas | Idea lab | Madoguchi Support Center</title>"), "{board}");
    assert!(board.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(board.contains("検討中の案") && board.contains("採用された&lt;b&gt;"));
    assert!(!board.contains("隠された案"));
}

#[tokio::test]
async fn every_public_page_has_its_title_and_description() {
    let app = app().await;
    for (path, title) in [
        ("/", "カスタマーサービスコーナー | Madoguchi サポートセンター"),
        ("/contact", "お問い合わせ | Madoguchi サポートセンター"),
        ("/chat", "チャットで相談する | Madoguchi サポートセンター"),
        ("/privacy", "個人情報の取り扱いについて | Madoguchi サポートセンター"),
        ("/terms", "利用規約 | Madoguchi サポートセンター"),
    ] {
        let (status, html) = get(&app, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(&format!("<title>{title}</title>")), "{path}: {html}");
        assert!(html.contains("<meta name=\"description\" content=\""), "{path}");
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"https://support.example.jp{path}\" />")),
            "{path}"
        );
        let (_, english) = get(&app, &format!("{path}?lang=en")).await;
        assert!(
            english.contains("| Madoguchi Support Center</title>") && english.contains("<html lang=\"en\">"),
            "{path}"
        );
    }
    // Routes of the same areas that are not public keep the page as built.
    let (status, history) = get(&app, "/contact/history").await;
    assert!(status == 200 || status == 404, "{status}");
    assert!(!history.contains("<meta name=\"description\""));
}
