//! `/robots.txt` and `/sitemap.xml`.
use super::{base, escape, pages::PUBLIC_PATHS};
use app::faq::server::published_index;
use app::infra::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Crawlers stay out of staff pages, the API and sockets, and everything that is someone's own.
pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /ws/\nDisallow: /account\n\
         Disallow: /login\nDisallow: /register\nDisallow: /sso/\nDisallow: /contact/history\n\
         Disallow: /chat/history\nDisallow: /chat/survey\nDisallow: /ideas/mine\nDisallow: /ideas/new\n\n\
         Sitemap: {}/sitemap.xml\n",
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
    for page in PUBLIC_PATHS.iter().chain(&["/faq", "/ideas", "/ideas/board"]) {
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
