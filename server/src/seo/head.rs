//! The head a public page is served with, and putting it (and a no-script body) into the area's
//! built page.
use super::{base, escape};
use app::i18n::Lang;
use app::infra::AppState;
use app::Area;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub struct Head {
    /// The whole title, as the app sets it (`app::shell::titles::title_text`).
    pub title: String,
    pub description: String,
    /// The path the page is canonically at (`/faq/3`); `?lang=en` is added for English.
    pub path: String,
    pub lang: Lang,
    /// Open Graph type: `article` for a help article, `website` for the rest.
    pub og_type: &'static str,
}

pub fn head_html(base: &str, head: &Head) -> String {
    let en = |p: &str| format!("{base}{p}?lang=en");
    let ja = |p: &str| format!("{base}{p}");
    let canonical = if head.lang == Lang::En { en(&head.path) } else { ja(&head.path) };
    let (title, description, canonical) = (escape(&head.title), escape(&head.description), escape(&canonical));
    let (ja_url, en_url) = (escape(&ja(&head.path)), escape(&en(&head.path)));
    let site = escape(app::i18n::msg::SITE_NAME.get(head.lang));
    let locale = if head.lang == Lang::En { "en_US" } else { "ja_JP" };
    let og_type = head.og_type;
    format!(
        "<title>{title}</title>\n\
         <meta name=\"description\" content=\"{description}\" />\n\
         <link rel=\"canonical\" href=\"{canonical}\" />\n\
         <link rel=\"alternate\" hreflang=\"ja\" href=\"{ja_url}\" />\n\
         <link rel=\"alternate\" hreflang=\"en\" href=\"{en_url}\" />\n\
         <link rel=\"alternate\" hreflang=\"x-default\" href=\"{ja_url}\" />\n\
         <meta property=\"og:type\" content=\"{og_type}\" />\n\
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

/// The area's page with `head` in place of its generic `<title>`, `<html lang>` set to the page's
/// language, and `body` (already escaped or sanitized HTML) in a `<noscript>` at the start of
/// `<body>`.
pub fn fill(page: &str, head: &str, lang: Lang, body: Option<&str>) -> String {
    let mut html = match (page.find("<title>"), page.find("</title>")) {
        (Some(start), Some(end)) => format!("{}{head}{}", &page[..start], &page[end + "</title>".len()..]),
        _ => page.to_owned(),
    };
    if lang != Lang::Ja {
        html = html.replacen("<html lang=\"ja\">", &format!("<html lang=\"{}\">", lang.code()), 1);
    }
    if let (Some(body), Some(at)) = (body, html.find("<body>")) {
        html.insert_str(at + "<body>".len(), &format!("\n<noscript>{body}</noscript>"));
    }
    html
}

/// Serves the page of `area` (as built) with `head` and `body` filled in.
pub async fn serve(state: &AppState, area: Area, head: Head, body: Option<String>) -> Response {
    let path = state.settings.dist_dir.join("a").join(area.slug()).join("index.html");
    let Ok(page) = tokio::fs::read_to_string(&path).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let html = fill(&page, &head_html(&base(state), &head), head.lang, body.as_deref());
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], html).into_response()
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
            og_type: "article",
        };
        let html = head_html("https://support.example.jp", &head);
        assert!(html.contains("<title>&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</title>"), "{html}");
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("content=\"x&quot;&gt;&lt;script&gt;\""));
    }

    #[test]
    fn the_generic_title_is_replaced_and_the_body_added() {
        let page = "<html lang=\"ja\"><head><title>Madoguchi サポートセンター</title></head><body><script></script></body></html>";
        let html = fill(page, "<title>T</title>", Lang::Ja, Some("<p>本文</p>"));
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>T</title>"));
        assert!(html.contains("<body>\n<noscript><p>本文</p></noscript><script>"));
        let english = fill(page, "<title>T</title>", Lang::En, None);
        assert!(english.starts_with("<html lang=\"en\">") && !english.contains("<noscript>"));
    }
}
