//! Staff editing of the help center. Every function starts with `require_staff()`.
use super::markdown::render_markdown;
use super::store::{insert_article, search_text};
use crate::auth::server::require_staff;
use crate::error::{AppError, AppResult};
use crate::faq::{ArticleInput, ArticleSource, ArticleStats};
use crate::infra::http::state;
use sqlx::Row;

/// A click counts as a deflection when the member neither sent an inquiry nor joined the chat
/// queue in the 30 minutes after it.
const DEFLECTION_WINDOW_MS: i64 = 30 * 60 * 1000;

pub async fn article_stats() -> AppResult<Vec<ArticleStats>> {
    require_staff().await?;
    let state = state()?;
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.category_id, a.title_ja, a.published, a.position, a.views,
            (SELECT COUNT(*) FROM faq_votes v WHERE v.article_id = a.id AND v.helpful = 1) AS yes,
            (SELECT COUNT(*) FROM faq_votes v WHERE v.article_id = a.id AND v.helpful = 0) AS no,
            (SELECT COUNT(*) FROM faq_suggestion_clicks k WHERE k.article_id = a.id
                AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.member_id = k.member_id
                  AND i.received_at >= k.clicked_at AND i.received_at <= k.clicked_at + {DEFLECTION_WINDOW_MS})
                AND NOT EXISTS (SELECT 1 FROM chat_sessions c WHERE c.member_id = k.member_id
                  AND c.enqueued_at >= k.clicked_at AND c.enqueued_at <= k.clicked_at + {DEFLECTION_WINDOW_MS})) AS deflections
         FROM faq_articles a JOIN faq_categories c ON c.id = a.category_id
         ORDER BY c.position, a.position, a.id"
    ))
    .fetch_all(&state.db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ArticleStats {
                id: r.try_get("id")?,
                category_id: r.try_get("category_id")?,
                title_ja: r.try_get("title_ja")?,
                published: r.try_get::<i64, _>("published")? != 0,
                position: r.try_get("position")?,
                views: r.try_get("views")?,
                helpful_yes: r.try_get("yes")?,
                helpful_no: r.try_get("no")?,
                deflections: r.try_get("deflections")?,
            })
        })
        .collect()
}

pub async fn article_source(id: i64) -> AppResult<ArticleSource> {
    require_staff().await?;
    let state = state()?;
    let row = sqlx::query(
        "SELECT id, category_id, title_ja, title_en, body_ja, body_en, published, position FROM faq_articles WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(ArticleSource {
        input: ArticleInput {
            id: Some(row.try_get("id")?),
            category_id: row.try_get("category_id")?,
            title_ja: row.try_get("title_ja")?,
            title_en: row.try_get("title_en")?,
            body_ja: row.try_get("body_ja")?,
            body_en: row.try_get("body_en")?,
            published: row.try_get::<i64, _>("published")? != 0,
        },
        position: row.try_get("position")?,
    })
}

/// Creates or updates an article; answers with its id.
pub async fn save_article(input: ArticleInput) -> AppResult<i64> {
    let staff = require_staff().await?;
    let valid = input.validate()?;
    let state = state()?;
    let category: Option<(String,)> = sqlx::query_as("SELECT id FROM faq_categories WHERE id = $1")
        .bind(&input.category_id)
        .fetch_optional(&state.db.pool)
        .await?;
    if category.is_none() {
        return Err(AppError::field("category_id", crate::domain::ValidationError::InvalidChoice));
    }
    let now = state.clock.now_ms();
    let id = match input.id {
        None => {
            let (next,): (i64,) =
                sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM faq_articles WHERE category_id = $1")
                    .bind(&input.category_id)
                    .fetch_one(&state.db.pool)
                    .await?;
            let text = [valid.title_ja.as_str(), &valid.title_en, &valid.body_ja, &valid.body_en];
            insert_article(&state.db, &input.category_id, text, input.published, next, now).await?
        }
        Some(id) => {
            let updated = sqlx::query(
                "UPDATE faq_articles SET category_id = $1, title_ja = $2, title_en = $3, body_ja = $4, body_en = $5,
                    search_title = $6, search_body = $7, published = $8, updated_at = $9 WHERE id = $10",
            )
            .bind(&input.category_id)
            .bind(&valid.title_ja)
            .bind(&valid.title_en)
            .bind(&valid.body_ja)
            .bind(&valid.body_en)
            .bind(search_text(&valid.title_ja, &valid.title_en))
            .bind(search_text(&valid.body_ja, &valid.body_en))
            .bind(i64::from(input.published))
            .bind(now)
            .bind(id)
            .execute(&state.db.pool)
            .await?;
            if updated.rows_affected() == 0 {
                return Err(AppError::NotFound);
            }
            id
        }
    };
    tracing::info!(article_id = id, staff_id = staff.id, "help article saved");
    crate::audit::server::record_here(&staff, crate::audit::AuditAction::ArticleSave, &format!("article:{id}")).await?;
    Ok(id)
}

/// Moves an article one place up or down within its category.
pub async fn move_article(id: i64, up: bool) -> AppResult<()> {
    require_staff().await?;
    let state = state()?;
    let (category, position): (String, i64) =
        sqlx::query_as("SELECT category_id, position FROM faq_articles WHERE id = $1")
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?
            .ok_or(AppError::NotFound)?;
    let neighbour_sql = if up {
        "SELECT id, position FROM faq_articles WHERE category_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1"
    } else {
        "SELECT id, position FROM faq_articles WHERE category_id = $1 AND position > $2 ORDER BY position LIMIT 1"
    };
    let neighbour: Option<(i64, i64)> =
        sqlx::query_as(neighbour_sql).bind(&category).bind(position).fetch_optional(&state.db.pool).await?;
    if let Some((other, other_position)) = neighbour {
        let mut tx = state.db.pool.begin().await?;
        sqlx::query("UPDATE faq_articles SET position = $1 WHERE id = $2")
            .bind(other_position)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE faq_articles SET position = $1 WHERE id = $2")
            .bind(position)
            .bind(other)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}

pub async fn preview(markdown: String) -> AppResult<String> {
    require_staff().await?;
    Ok(render_markdown(&markdown))
}
