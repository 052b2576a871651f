//! What the server puts into the idea lab's public pages for clients that run no script
//! (crawlers, link previews): the same ideas a visitor's browser would list, hidden ones never.
use super::rows::{view, IDEA_COLUMNS};
use crate::error::AppResult;
use crate::ideas::IdeaView;
use crate::infra::Db;

/// How many ideas the no-script board lists: the newest, as the board opens with.
pub const PUBLIC_BOARD_SIZE: i64 = 50;

/// `/ideas` (adopted, newest decision first) or `/ideas/board` (newest first), as a visitor sees them.
pub async fn public_ideas(db: &Db, adopted_only: bool) -> AppResult<Vec<IdeaView>> {
    let sql = if adopted_only {
        format!(
            "SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.hidden = 0 AND i.status = 'adopted'
             ORDER BY i.status_changed_at DESC, i.id DESC LIMIT {PUBLIC_BOARD_SIZE}"
        )
    } else {
        format!(
            "SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.hidden = 0
             ORDER BY i.created_at DESC, i.id DESC LIMIT {PUBLIC_BOARD_SIZE}"
        )
    };
    let rows = sqlx::query(&sql).bind(0_i64).fetch_all(&db.pool).await?;
    rows.iter().map(|r| view(r, 0)).collect()
}
