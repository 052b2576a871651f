use crate::calendar::Moment;
use crate::error::{AppError, AppResult};
use crate::ideas::{IdeaStatus, IdeaView};
use crate::infra::Db;
use sqlx::any::AnyRow;
use sqlx::Row;

/// The columns `view` reads; `$1` is the viewer's id (0 for a visitor).
pub const IDEA_COLUMNS: &str =
    "i.id, i.member_id, i.title, i.body, i.status, i.staff_note, i.status_changed_at, i.duplicate_of,
    i.hidden, i.created_at,
    (SELECT COUNT(*) FROM idea_votes v WHERE v.idea_id = i.id) AS votes,
    (SELECT COUNT(*) FROM idea_votes v WHERE v.idea_id = i.id AND v.member_id = $1) AS voted";

pub fn view(row: &AnyRow, viewer: i64) -> AppResult<IdeaView> {
    let status: String = row.try_get("status")?;
    let member_id: i64 = row.try_get("member_id")?;
    Ok(IdeaView {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        status: IdeaStatus::parse(&status).unwrap_or(IdeaStatus::Open),
        votes: row.try_get("votes")?,
        created_at: Moment::from_millis(row.try_get("created_at")?),
        staff_note: row.try_get("staff_note")?,
        status_changed_at: row.try_get::<Option<i64>, _>("status_changed_at")?.map(Moment::from_millis),
        duplicate_of: row.try_get("duplicate_of")?,
        voted_by_me: row.try_get::<i64, _>("voted")? > 0,
        mine: viewer != 0 && member_id == viewer,
        hidden: row.try_get::<i64, _>("hidden")? != 0,
    })
}

/// One idea as `viewer` sees it; hidden ones only when `include_hidden`.
pub async fn load(db: &Db, id: i64, viewer: i64, include_hidden: bool) -> AppResult<IdeaView> {
    let row = sqlx::query(&format!("SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.id = $2"))
        .bind(viewer)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let idea = view(&row, viewer)?;
    if idea.hidden && !include_hidden {
        return Err(AppError::NotFound);
    }
    Ok(idea)
}
