use crate::contact::{default_categories, Category};
use crate::error::{AppError, AppResult};
use crate::infra::Db;

/// Seeds the default categories into an empty table (first start).
pub async fn seed_categories(db: &Db) -> AppResult<()> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiry_categories").fetch_one(&db.pool).await?;
    if count > 0 {
        return Ok(());
    }
    for (position, category) in default_categories().into_iter().enumerate() {
        let definition = serde_json::to_string(&category).map_err(|_| AppError::Internal)?;
        sqlx::query(
            "INSERT INTO inquiry_categories (id, position, definition) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&category.id)
        .bind(position as i64)
        .bind(definition)
        .execute(&db.pool)
        .await?;
    }
    Ok(())
}

/// The active categories in display order.
pub async fn load_categories(db: &Db) -> AppResult<Vec<Category>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT definition FROM inquiry_categories WHERE active = 1 ORDER BY position")
            .fetch_all(&db.pool)
            .await?;
    rows.into_iter()
        .map(|(json,)| {
            serde_json::from_str(&json).map_err(|e| {
                tracing::error!(error = %e, "stored category definition does not parse");
                AppError::Internal
            })
        })
        .collect()
}
