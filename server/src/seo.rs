//! What crawlers and link previews read: `/robots.txt`, `/sitemap.xml`, and a filled-in head (title,
//! description, Open Graph and Twitter card, canonical, hreflang) plus the article as plain HTML in
//! `<noscript>` on the help center's pages. Script-running browsers see the same app as before.
//! Everything from the database is escaped for HTML/XML; article bodies are the sanitized HTML
//! the app itself shows.
use app::faq::server::{published_article, published_index, PublicArticle};
use app::i18n::Lang;
use app::infra::AppState;
use app::Area;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

const SITE_JA: &str = "Madoguchi サポートセンター";
const SITE_EN: &str = "Madoguchi Support Center";

/// Escapes text for an HTML attribute or element, and for XML.
pub fn escape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn base(state: &AppState) -> String {
    state.settings.public_url.trim_end_matches('/').to_owned()
}

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /ws/\nDisallow: /account\n\
         Disallow: /login\nDisallow: /register\nDisallow: /sso/\nDisallow: /contact/history\n\
         Disallow: /chat/history\nDisallow: /chat/survey\nDisallow: /ideas/mine\n\nSitemap: {}/sitemap.xml\n",
        base(&state)
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// The public pages, and every published article with the day it last changed.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    let articles = match published_index(&state.db).await {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let base = escape(&base(&state));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in ["/", "/faq", "/ideas", "/ideas/board", "/contact", "/chat", "/privacy", "/terms"] {
        xml.push_str(&format!("  <url><loc>{base}{page}</loc></url>\n"));
    }
    for (id, updated) in articles {
        let day = chrono::DateTime::from_timestamp_millis(updated)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        xml.push_str(&format!("  <url><loc>{base}/faq/{id}</loc><lastmod>{day}</lastmod></url>\n"));
    }
    xml.push_str("</urlset>\n");
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response()
}

#[derive(Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    lang: Option<String>,
}

struct Head {
    title: String,
    description: String,
    /// The path the page is canonically at (`/faq/3`); `?lang=en` is added for English.
    path: String,
    lang: Lang,
}

fn head_html(base: &str, head: &Head) -> String {
    let en = |p: &str| format!("{base}{p}?lang=en");
    let ja = |p: &str| format!("{base}{p}");
    let canonical = if head.lang == Lang::En { en(&head.path) } else { ja(&head.path) };
    let (title, description, canonical) = (escape(&head.title), escape(&head.description), escape(&canonical));
    let (ja_url, en_url) = (escape(&ja(&head.path)), escape(&en(&head.path)));
    let site = escape(if head.lang == Lang::En { SITE_EN } else { SITE_JA });
    let locale = if head.lang == Lang::En { "en_US" } else { "ja_JP" };
    format!(
        "<title>{title}</title>\n\
         <meta name=\"description\" content=\"{description}\" />\n\
         <link rel=\"canonical\" href=\"{canonical}\" />\n\
         <link rel=\"alternate\" hreflang=\"ja\" href=\"{ja_url}\" />\n\
         <link rel=\"alternate\" hreflang=\"en\" href=\"{en_url}\" />\n\
         <link rel=\"alternate\" hreflang=\"x-default\" href=\"{ja_url}\" />\n\
         <meta property=\"og:type\" content=\"article\" />\n\
         <meta property=\"og:site_name\" content=\"{site}\" />\n\
         <meta property=\"og:locale\" content=\"{locale}\" />\n\
         <meta property=\"og:title\" content=\"{title}\" />\n\
         <meta property=\"og:description\" content=\"{description}\" />\n\
         <meta property=\"og:url\" content=\"{canonical}\" />\n\
         <meta name=\"twitter:card\" content=\"summary\" />\n\
         <meta name=\"twitter:title\" content=\"{title}\" />\n\
         <meta name=\"twitter:description\" content=\"{description}\" />"
    )
}

/// The help area's page with `head` in place of its generic `<title>`, and `body` (sanitized
/// HTML) in a `<noscript>` at the start of `<body>`.
fn fill(page: &str, head: &str, body: Option<&str>) -> String {
    let mut html = match (page.find("<title>"), page.find("</title>")) {
        (Some(start), Some(end)) => format!("{}{head}{}", &page[..start], &page[end + "</title>".len()..]),
        _ => page.to_owned(),
    };
    if let (Some(body), Some(at)) = (body, html.find("<body>")) {
        html.insert_str(
            at + "<body>".len(),
            &format!("\n<noscript><article class=\"article-body\">{body}</article></noscript>"),
        );
    }
    html
}

async fn help_page(state: &AppState, head: Head, body: Option<String>) -> Response {
    let path = state.settings.dist_dir.join("a").join(Area::Help.slug()).join("index.html");
    let Ok(page) = tokio::fs::read_to_string(&path).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let html = fill(&page, &head_html(&base(state), &head), body.as_deref());
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], html).into_response()
}

fn lang_of(query: &LangQuery) -> Lang {
    query.lang.as_deref().and_then(Lang::from_code).unwrap_or_default()
}

fn help_center_head(lang: Lang) -> Head {
    let (title, description) = match lang {
        Lang::Ja => (
            format!("よくある質問 | {SITE_JA}"),
            "ポイント・キャッシュバックについてのよくあるご質問と回答を検索できます。",
        ),
        Lang::En => (format!("FAQ | {SITE_EN}"), "Search answers to common questions about points and cashback."),
    };
    Head { title, description: description.into(), path: "/faq".into(), lang }
}

pub async fn help_center(State(state): State<AppState>, Query(query): Query<LangQuery>) -> Response {
    help_page(&state, help_center_head(lang_of(&query)), None).await
}

/// `/faq/:id`: the article's own head and body when it is published; otherwise the help center's
/// generic head (the app then shows "not found" as before).
pub async fn help_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let lang = lang_of(&query);
    let article = match id.parse::<i64>() {
        Ok(id) => published_article(&state.db, id, lang).await.ok().flatten(),
        Err(_) => None,
    };
    match article {
        Some(PublicArticle { id, title, description, body_html, .. }) => {
            let (faq, site) = if lang == Lang::En { ("FAQ", SITE_EN) } else { ("よくある質問", SITE_JA) };
            let head =
                Head { title: format!("{title} | {faq} | {site}"), description, path: format!("/faq/{id}"), lang };
            help_page(&state, head, Some(body_html)).await
        }
        None => help_page(&state, help_center_head(lang), None).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_escapes_what_it_is_given() {
        let head = Head {
            title: "<b>\"A&B\"</b>".into(),
            description: "x\"><script>".into(),
            path: "/faq/1".into(),
            lang: Lang::Ja,
        };
        let html = head_html("https://support.example.jp", &head);
        assert!(html.contains("<title>&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</title>"), "{html}");
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("content=\"x&quot;&gt;&lt;script&gt;\""));
    }

    #[test]
    fn the_generic_title_is_replaced_and_the_body_added() {
        let page = "<html><head><title>Madoguchi サポートセンター</title></head><body><script></script></body></html>";
        let html = fill(page, "<title>T</title>", Some("<p>本文</p>"));
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>T</title>"));
        assert!(
            html.contains("<body>\n<noscript><article class=\"article-body\"><p>本文</p></article></noscript><script>")
        );
    }
}
