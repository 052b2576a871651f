//! Tags: the list (staff read it, supervisors change it) and tagging inquiries. Names are unique
//! by the table's constraint, so two supervisors creating the same tag at once make one; an
//! inquiry holds a tag once by its key, so tagging twice at once tags once.
use super::staff::staff_view;
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::{require_staff, require_supervisor};
use crate::contact::tags::{Tag, TagChange, TagName};
use crate::contact::StaffInquiry;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::infra::Db;
use sqlx::AnyConnection;

pub async fn list() -> AppResult<Vec<Tag>> {
    require_staff().await?;
    all(&state()?.db).await
}

async fn all(db: &Db) -> AppResult<Vec<Tag>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM tags ORDER BY name, id").fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(|(id, name)| Tag { id, name }).collect())
}

fn duplicate() -> AppError {
    AppError::field("name", crate::domain::ValidationError::Duplicate)
}

fn name(raw: &str) -> AppResult<TagName> {
    TagName::parse(raw).map_err(|e| AppError::field("name", e))
}

pub async fn change(change: TagChange) -> AppResult<Vec<Tag>> {
    let boss = require_supervisor().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let ip = audit::request_ip(&state);
    let mut tx = state.db.pool.begin().await?;
    let target = match &change {
        TagChange::Create { name: raw } => {
            let name = name(raw)?;
            let made: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO tags (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id",
            )
            .bind(name.as_str())
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let (id,) = made.ok_or_else(duplicate)?;
            format!("tag:{id} create {}", name.as_str())
        }
        TagChange::Rename { id, name: raw } => {
            let name = name(raw)?;
            let renamed = sqlx::query("UPDATE tags SET name = $1 WHERE id = $2")
                .bind(name.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await;
            match renamed {
                Ok(r) if r.rows_affected() == 1 => format!("tag:{id} rename {}", name.as_str()),
                Ok(_) => return Err(AppError::NotFound),
                Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => return Err(duplicate()),
                Err(e) => return Err(e.into()),
            }
        }
        TagChange::Delete { id } => {
            // Off every inquiry first (the foreign key would, on a connection that enforces it).
            sqlx::query("DELETE FROM inquiry_tags WHERE tag_id = $1").bind(id).execute(&mut *tx).await?;
            let gone = sqlx::query("DELETE FROM tags WHERE id = $1").bind(id).execute(&mut *tx).await?;
            if gone.rows_affected() != 1 {
                return Err(AppError::NotFound);
            }
            format!("tag:{id} delete")
        }
    };
    audit::record(&mut *tx, boss.id, AuditAction::TagsManage, &target, &ip, now).await?;
    tx.commit().await?;
    all(&state.db).await
}

/// Tags one inquiry (or takes the tag off) and answers with it as it now stands.
pub async fn tag_one(id: i64, tag_id: i64, on: bool) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    let state = state()?;
    let now = state.clock.now_ms();
    let ip = audit::request_ip(&state);
    let mut tx = state.db.pool.begin().await?;
    if set(&mut tx, id, tag_id, on, now).await? {
        let target = format!("inquiry:{id} tag:{tag_id} {}", if on { "on" } else { "off" });
        audit::record(&mut *tx, staff.id, AuditAction::Tag, &target, &ip, now).await?;
    }
    tx.commit().await?;
    staff_view(id).await
}

/// Puts the tag on (or takes it off) inside the caller's transaction; true when that changed
/// something. An unknown inquiry or tag is `NotFound`; tagging what is tagged changes nothing.
pub(super) async fn set(tx: &mut AnyConnection, id: i64, tag_id: i64, on: bool, now: i64) -> AppResult<bool> {
    // Touch the inquiry first: it exists, its last activity moves, and (its row on PostgreSQL,
    // the write lock on SQLite) nothing else changes it before this transaction ends.
    let touched =
        sqlx::query("UPDATE inquiries SET updated_at = $1 WHERE id = $2").bind(now).bind(id).execute(&mut *tx).await?;
    if touched.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let changed = if on {
        sqlx::query(
            "INSERT INTO inquiry_tags (inquiry_id, tag_id, tagged_at) SELECT $1, id, $3 FROM tags WHERE id = $2
             ON CONFLICT (tag_id, inquiry_id) DO NOTHING",
        )
        .bind(id)
        .bind(tag_id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
    } else {
        sqlx::query("DELETE FROM inquiry_tags WHERE inquiry_id = $1 AND tag_id = $2")
            .bind(id)
            .bind(tag_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
    };
    if changed == 0 {
        let exists: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM tags WHERE id = $1").bind(tag_id).fetch_optional(&mut *tx).await?;
        if exists.is_none() {
            return Err(AppError::field("tag_id", crate::domain::ValidationError::InvalidChoice));
        }
    }
    Ok(changed > 0)
}

/// The tags of these inquiries, by inquiry (for a page of the inbox or one inquiry).
pub(crate) async fn tags_of(db: &Db, ids: &[i64]) -> AppResult<std::collections::HashMap<i64, Vec<Tag>>> {
    let mut out: std::collections::HashMap<i64, Vec<Tag>> = std::collections::HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    // Numbered placeholders, one per id (at most a page): no id is ever written into the text.
    let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT t.inquiry_id, g.id, g.name FROM inquiry_tags t JOIN tags g ON g.id = t.tag_id
         WHERE t.inquiry_id IN ({}) ORDER BY g.name, g.id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as::<_, (i64, i64, String)>(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    for (inquiry_id, id, name) in query.fetch_all(&db.pool).await? {
        out.entry(inquiry_id).or_default().push(Tag { id, name });
    }
    Ok(out)
}
