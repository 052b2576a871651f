//! What crawlers and link previews read: `/robots.txt`, `/sitemap.xml`, and for the public pages
//! a filled-in head (title, description, Open Graph and Twitter card, canonical, hreflang), plus
//! the content as plain HTML in `<noscript>` where the page shows data (help articles, the idea
//! lab's boards). Script-running browsers see the same app as before: the head is the one the
//! app would set itself, and `<noscript>` is ignored by them.
//!
//! Everything from the database is escaped for HTML/XML; article bodies are the sanitized HTML
//! the app itself shows.
mod crawl;
mod head;
mod help;
mod ideas;
mod pages;

pub use crawl::{robots, sitemap};
pub use help::{help_article, help_center};
pub use ideas::{adopted_board, idea_board};
pub use pages::public_page;

use app::i18n::Lang;
use app::infra::AppState;
use serde::Deserialize;

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

/// `?lang=en` picks the English page (what `hreflang` points to); anything else is Japanese.
#[derive(Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::from_code).unwrap_or_default()
    }
}
