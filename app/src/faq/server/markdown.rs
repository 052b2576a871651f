//! Markdown to safe HTML. Articles are written by staff, but the output is still sanitized with an
//! allow-list (ammonia): no scripts, no event handlers, no `javascript:` links, whatever the
//! source says.
use pulldown_cmark::{html, Options, Parser};

pub fn render_markdown(source: &str) -> String {
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(source, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn markdown_becomes_html() {
        let html = render_markdown("**強調** と [リンク](https://example.jp)\n\n- 一\n- 二");
        assert!(html.contains("<strong>強調</strong>"));
        assert!(html.contains("<li>一</li>"));
        assert!(html.contains(r#"href="https://example.jp""#));
    }

    #[test]
    fn scripts_event_handlers_and_javascript_links_are_stripped() {
        let html = render_markdown(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">x</a>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("alert(1)</script"), "{html}");
    }
}
