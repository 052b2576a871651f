//! What crawlers and link previews get: the article's own head and body on `/faq/:id` (published
//! only), the generic head otherwise, escaping in every tag, the sitemap and robots.txt.
use crate::helpers::{spawn_app_with, TestApp};
use std::collections::BTreeSet;

const PAGE: &str = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\" />\
<title>Madoguchi サポートセンター</title><script type=\"module\">boot()</script></head><body></body></html>";

async fn app() -> TestApp {
    let dir =
        std::env::temp_dir().join(format!("madoguchi-seo-{}-{:?}", std::process::id(), std::thread::current().id()));
    let folder = dir.join("a").join("faq");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("index.html"), PAGE).unwrap();
    spawn_app_with(move |s| {
        s.dist_dir = dir;
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
    assert!(english.contains("| FAQ | Madoguchi Support Center</title>"), "{english}");
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
