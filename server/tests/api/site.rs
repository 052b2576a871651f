//! The browser app's files: each client route gets the page of its area (one bundle per area),
//! assets are served as they are, with a precompressed copy when the browser accepts it.
use crate::helpers::spawn_app_with;
use std::path::PathBuf;

fn fake_site() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("madoguchi-site-{}-{}", std::process::id(), rand_suffix()));
    for area in app::Area::ALL {
        let folder = dir.join("a").join(area.slug());
        std::fs::create_dir_all(&folder).expect("site dir");
        std::fs::write(folder.join("index.html"), format!("<p>area {}</p>", area.slug())).expect("page");
    }
    std::fs::write(dir.join("a/contact/frontend-1234.js"), "console.log('contact')").expect("asset");
    std::fs::write(dir.join("a/contact/frontend-1234.js.br"), "brotli bytes").expect("asset");
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

#[tokio::test]
async fn every_client_route_gets_the_page_of_its_area_with_200() {
    let site = fake_site();
    let app = spawn_app_with(|s| s.dist_dir = site.clone()).await;
    let http = reqwest::Client::new();
    for (path, area) in [
        ("/", "home"),
        ("/login", "account"),
        ("/privacy", "home"),
        ("/no/such/page", "home"),
        ("/contact", "contact"),
        ("/contact/history/5?x=1", "history"),
        ("/contact/survey/7", "history"),
        ("/chat", "chat"),
        ("/chat/survey/2", "chat-history"),
        ("/chat/history", "chat-history"),
        ("/ideas/board", "ideas"),
        ("/faq/3", "faq"),
        ("/admin/inquiries", "staff"),
        ("/admin/inquiries/4", "staff-inquiry"),
        ("/admin/incidents/2", "staff"),
        ("/admin/chat", "staff-chat"),
        ("/admin/insights", "staff-admin"),
        ("/admin/two-factor", "staff-admin"),
        ("/admin/faq/new", "staff-content"),
        ("/admin/figures", "staff-figures"),
    ] {
        let res = http.get(format!("{}{path}", app.address)).send().await.expect("request");
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        assert_eq!(res.text().await.expect("body"), format!("<p>area {area}</p>"), "{path}");
    }
}

#[tokio::test]
async fn assets_are_cached_for_good_and_served_precompressed_when_accepted() {
    let site = fake_site();
    let app = spawn_app_with(|s| s.dist_dir = site.clone()).await;
    let http = reqwest::Client::new();
    let url = format!("{}/a/contact/frontend-1234.js", app.address);
    let plain = http.get(&url).header("accept-encoding", "identity").send().await.expect("request");
    assert_eq!(plain.status(), 200);
    assert_eq!(plain.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(plain.text().await.expect("body"), "console.log('contact')");
    let missing = http.get(format!("{}/a/contact/frontend-0000.js", app.address)).send().await.expect("request");
    assert_eq!(missing.status(), 404);
    assert!(missing.headers().get("cache-control").is_none());
    let br = http.get(&url).header("accept-encoding", "br").send().await.expect("request");
    assert_eq!(br.headers().get("content-encoding").map(|v| v.to_str().unwrap_or("")), Some("br"));
    assert_eq!(br.bytes().await.expect("body").as_ref(), b"brotli bytes");
}
