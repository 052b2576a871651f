//! What the server puts into the HTML of public help pages for clients that run no script
//! (crawlers, link previews on LINE, X or Slack): published articles only.
use super::markdown::render_markdown;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::infra::Db;

/// A published article in one language, ready for the page head and a no-script body.
pub struct PublicArticle {
    pub id: i64,
    pub title: String,
    /// The start of the article as plain text (for `description`), at most 120 characters.
    pub description: String,
    /// Sanitized HTML (the same renderer and allow-list as the page shows).
    pub body_html: String,
    pub updated_at_ms: i64,
}

/// Plain text of Markdown, squeezed to one line: enough for a description.
fn plain_text(markdown: &str, max: usize) -> String {
    // Emphasis marks go; marks that separate (headings, quotes, tables, links) become spaces.
    let stripped: String = markdown
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .map(|c| if matches!(c, '#' | '>' | '[' | ']' | '|') { ' ' } else { c })
        .collect();
    let words: Vec<&str> = stripped.split_whitespace().collect();
    let line = words.join(" ");
    if line.chars().count() <= max {
        line
    } else {
        format!("{}…", line.chars().take(max - 1).collect::<String>())
    }
}

/// The article if it exists and is published; hidden and draft articles are `None`.
pub async fn published_article(db: &Db, id: i64, lang: Lang) -> AppResult<Option<PublicArticle>> {
    let row: Option<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT title_ja, title_en, body_ja, body_en, updated_at FROM faq_articles WHERE id = $1 AND published <> 0",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(title_ja, title_en, body_ja, body_en, updated_at_ms)| {
        let (title, body) = match lang {
            Lang::Ja => (title_ja, body_ja),
            Lang::En => (title_en, body_en),
        };
        PublicArticle {
            id,
            title,
            description: plain_text(&body, 120),
            body_html: render_markdown(&body),
            updated_at_ms,
        }
    }))
}

/// Every published article's id and last change, for the sitemap.
pub async fn published_index(db: &Db) -> AppResult<Vec<(i64, i64)>> {
    Ok(sqlx::query_as("SELECT id, updated_at FROM faq_articles WHERE published <> 0 ORDER BY id")
        .fetch_all(&db.pool)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn descriptions_are_one_plain_line() {
        assert_eq!(plain_text("## 見出し\n\n**太字**の説明です。\n- 一", 120), "見出し 太字の説明です。 - 一");
        assert_eq!(plain_text(&"あ".repeat(200), 10), format!("{}…", "あ".repeat(9)));
    }
}
