use super::markdown::render_markdown;
use super::seed::{ARTICLES, CATEGORIES};
use crate::auth::server::{current_user, require_member, require_verified_member};
use crate::calendar::Moment;
use crate::contact::Localized;
use crate::error::{AppError, AppResult};
use crate::faq::{normalize, Article, ArticleHit, FaqCategory, HelpCenter, SuggestionSource};
use crate::i18n::Lang;
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::{rate_limit, Db};
use sqlx::Row;

/// The normalized text search runs on: both languages together.
pub fn search_text(ja: &str, en: &str) -> String {
    normalize(&format!("{ja}\n{en}"))
}

pub async fn seed_faq(db: &Db, now_ms: i64) -> AppResult<()> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM faq_categories").fetch_one(&db.pool).await?;
    if count > 0 {
        return Ok(());
    }
    for (position, (id, ja, en)) in CATEGORIES.iter().enumerate() {
        sqlx::query("INSERT INTO faq_categories (id, name_ja, name_en, position) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(ja)
            .bind(en)
            .bind(position as i64)
            .execute(&db.pool)
            .await?;
    }
    for (position, (category, title_ja, title_en, body_ja, body_en)) in ARTICLES.iter().enumerate() {
        insert_article(db, category, [title_ja, title_en, body_ja, body_en], true, position as i64, now_ms).await?;
    }
    Ok(())
}

/// Stores a new article; `text` is [title ja, title en, body ja, body en].
pub async fn insert_article(
    db: &Db,
    category: &str,
    text: [&str; 4],
    published: bool,
    position: i64,
    now_ms: i64,
) -> AppResult<i64> {
    let [title_ja, title_en, body_ja, body_en] = text;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO faq_articles (category_id, title_ja, title_en, body_ja, body_en, search_title, search_body, published, position, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(category)
    .bind(title_ja)
    .bind(title_en)
    .bind(body_ja)
    .bind(body_en)
    .bind(search_text(title_ja, title_en))
    .bind(search_text(body_ja, body_en))
    .bind(i64::from(published))
    .bind(position)
    .bind(now_ms)
    .fetch_one(&db.pool)
    .await?;
    Ok(id)
}

pub async fn categories(db: &Db) -> AppResult<Vec<FaqCategory>> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name_ja, name_en FROM faq_categories ORDER BY position").fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(|(id, ja, en)| FaqCategory { id, name: Localized { ja, en } }).collect())
}

/// Every published article by category, for the help center's front page.
pub async fn help_center(lang: Lang) -> AppResult<HelpCenter> {
    let state = state()?;
    let categories = categories(&state.db).await?;
    let title = if lang == Lang::Ja { "title_ja" } else { "title_en" };
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.category_id, a.{title} AS title FROM faq_articles a JOIN faq_categories c ON c.id = a.category_id
         WHERE a.published = 1 ORDER BY c.position, a.position, a.id"
    ))
    .fetch_all(&state.db.pool)
    .await?;
    let articles = rows
        .iter()
        .map(|r| {
            Ok(ArticleHit {
                id: r.try_get("id")?,
                category_id: r.try_get("category_id")?,
                title: vec![(r.try_get("title")?, false)],
                snippet: Vec::new(),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(HelpCenter { categories, articles })
}

/// One published article (staff also see unpublished ones, for preview), counted as a view.
pub async fn article(id: i64, lang: Lang) -> AppResult<Article> {
    let state = state()?;
    let viewer = current_user().await?;
    let is_staff = viewer.as_ref().is_some_and(|u| u.is_staff());
    let row = sqlx::query(
        "SELECT a.id, a.category_id, a.title_ja, a.title_en, a.body_ja, a.body_en, a.published, a.updated_at, c.name_ja, c.name_en
         FROM faq_articles a JOIN faq_categories c ON c.id = a.category_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let published: i64 = row.try_get("published")?;
    if published == 0 && !is_staff {
        return Err(AppError::NotFound);
    }
    // Views count once per slot of the per-address limit: reloading in a loop serves the page
    // but stops moving the figure.
    let parts = parts()?;
    let counted = rate_limit::take(&state, Action::ArticleView, &client_ip(&parts, &state)).await.is_ok();
    if counted && !is_staff {
        sqlx::query("UPDATE faq_articles SET views = views + 1 WHERE id = $1").bind(id).execute(&state.db.pool).await?;
    }
    let my_vote = match &viewer {
        Some(user) => {
            sqlx::query_as::<_, (i64,)>("SELECT helpful FROM faq_votes WHERE article_id = $1 AND member_id = $2")
                .bind(id)
                .bind(user.id)
                .fetch_optional(&state.db.pool)
                .await?
                .map(|(h,)| h != 0)
        }
        None => None,
    };
    let pick = |ja: &str, en: &str| -> AppResult<String> { Ok(row.try_get(if lang == Lang::Ja { ja } else { en })?) };
    Ok(Article {
        id,
        category: FaqCategory {
            id: row.try_get("category_id")?,
            name: Localized { ja: row.try_get("name_ja")?, en: row.try_get("name_en")? },
        },
        title: pick("title_ja", "title_en")?,
        body_html: render_markdown(&pick("body_ja", "body_en")?),
        updated_at: Moment::from_millis(row.try_get("updated_at")?),
        my_vote,
    })
}

/// "Was this helpful?" — one vote per member per article; voting again changes the vote.
pub async fn vote(article_id: i64, helpful: bool) -> AppResult<()> {
    let member = require_verified_member().await?;
    let state = state()?;
    rate_limit::take(&state, Action::FaqVote, &member.id.to_string()).await?;
    let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM faq_articles WHERE id = $1 AND published = 1")
        .bind(article_id)
        .fetch_optional(&state.db.pool)
        .await?;
    exists.ok_or(AppError::NotFound)?;
    sqlx::query(
        "INSERT INTO faq_votes (article_id, member_id, helpful, voted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (article_id, member_id) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at",
    )
    .bind(article_id)
    .bind(member.id)
    .bind(i64::from(helpful))
    .bind(state.clock.now_ms())
    .execute(&state.db.pool)
    .await?;
    Ok(())
}

/// A member opened a suggested article from the contact wizard or the chat entry.
pub async fn record_click(article_id: i64, source: SuggestionSource) -> AppResult<()> {
    let member = require_member().await?;
    let state = state()?;
    rate_limit::take(&state, Action::SuggestionClick, &member.id.to_string()).await?;
    sqlx::query(
        "INSERT INTO faq_suggestion_clicks (article_id, member_id, source, clicked_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(article_id)
    .bind(member.id)
    .bind(source.as_str())
    .bind(state.clock.now_ms())
    .execute(&state.db.pool)
    .await
    .map_err(|e| match e.as_database_error() {
        Some(d) if d.is_foreign_key_violation() => AppError::NotFound,
        _ => e.into(),
    })?;
    Ok(())
}
