//! Search over the normalized title and body columns with `LIKE`, which behaves the same on
//! SQLite and PostgreSQL and needs no extension: every word must appear; a word in the title
//! weighs ten times one in the body. One- and two-character queries (退会, 通帳) work because
//! nothing is tokenized: the normalized text is searched as it is.
use crate::error::AppResult;
use crate::faq::{highlight, search_terms, suggestion_terms, ArticleHit, SuggestInput};
use crate::i18n::Lang;
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use sqlx::any::AnyRow;
use sqlx::Row;

const TITLE_WEIGHT: i64 = 10;
const SNIPPET_CHARS: usize = 90;

fn like_pattern(term: &str) -> String {
    let escaped = term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// Anonymous look-ups (search, suggestions, similar ideas) take a slot per client address.
pub async fn take_lookup() -> AppResult<()> {
    let state = state()?;
    let parts = parts()?;
    rate_limit::take(&state, Action::Lookup, &client_ip(&parts, &state)).await
}

pub async fn search(query: String, lang: Lang) -> AppResult<Vec<ArticleHit>> {
    take_lookup().await?;
    let terms = search_terms(&query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let state = state()?;
    let score: Vec<String> = (1..=terms.len())
        .map(|k| {
            format!(
                "(CASE WHEN search_title LIKE ${k} ESCAPE '\\' THEN {TITLE_WEIGHT} ELSE 0 END + CASE WHEN search_body LIKE ${k} ESCAPE '\\' THEN 1 ELSE 0 END)"
            )
        })
        .collect();
    let all_match: Vec<String> = (1..=terms.len())
        .map(|k| format!("(search_title LIKE ${k} ESCAPE '\\' OR search_body LIKE ${k} ESCAPE '\\')"))
        .collect();
    let sql = format!(
        "SELECT id, category_id, title_ja, title_en, body_ja, body_en, {} AS score FROM faq_articles
         WHERE published = 1 AND {} ORDER BY score DESC, position, id LIMIT 20",
        score.join(" + "),
        all_match.join(" AND ")
    );
    let mut q = sqlx::query(&sql);
    for term in &terms {
        q = q.bind(like_pattern(term));
    }
    let rows = q.fetch_all(&state.db.pool).await?;
    rows.iter().map(|r| hit(r, &terms, lang)).collect()
}

/// Up to three articles for what a member is about to ask: keywords from their text, with a lift
/// for the help category that matches where they are (contact category or chat).
pub async fn suggest(input: SuggestInput, lang: Lang) -> AppResult<Vec<ArticleHit>> {
    take_lookup().await?;
    let state = state()?;
    let category = match input.context.as_str() {
        "points" | "account" | "exchange" | "withdrawal" => input.context.as_str(),
        _ => "support",
    };
    let terms = suggestion_terms(&input.text);
    let n = terms.len();
    let score: String = (1..=n)
        .map(|k| {
            format!(
                "CASE WHEN search_title LIKE ${k} ESCAPE '\\' THEN 3 ELSE 0 END + CASE WHEN search_body LIKE ${k} ESCAPE '\\' THEN 1 ELSE 0 END + "
            )
        })
        .collect();
    let sql = format!(
        "SELECT id, category_id, title_ja, title_en, body_ja, body_en,
                {score} CASE WHEN category_id = ${c} THEN 2 ELSE 0 END AS score
         FROM faq_articles WHERE published = 1 ORDER BY score DESC, position, id LIMIT 3",
        c = n + 1
    );
    let mut q = sqlx::query(&sql);
    for term in &terms {
        q = q.bind(like_pattern(term));
    }
    let rows = q.bind(category).fetch_all(&state.db.pool).await?;
    rows.iter().map(|r| hit(r, &terms, lang)).collect()
}

fn hit(row: &AnyRow, terms: &[String], lang: Lang) -> AppResult<ArticleHit> {
    let (title_col, body_col) = if lang == Lang::Ja { ("title_ja", "body_ja") } else { ("title_en", "body_en") };
    let title: String = row.try_get(title_col)?;
    let body: String = row.try_get(body_col)?;
    Ok(ArticleHit {
        id: row.try_get("id")?,
        category_id: row.try_get("category_id")?,
        title: highlight(&title, terms),
        snippet: highlight(&snippet(&plain(&body), terms), terms),
    })
}

/// Markdown reduced to readable text for snippets.
fn plain(markdown: &str) -> String {
    markdown
        .lines()
        .map(|l| {
            l.trim_start_matches(['#', '-', ' ', '>']).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace("**", "")
        .trim()
        .to_owned()
}

/// About `SNIPPET_CHARS` characters around the first match (or the start).
fn snippet(text: &str, terms: &[String]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let norm: String = crate::faq::normalize(text);
    let first =
        terms.iter().filter_map(|t| norm.find(t.as_str()).map(|byte| norm[..byte].chars().count())).min().unwrap_or(0);
    let start = first.saturating_sub(20);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}
