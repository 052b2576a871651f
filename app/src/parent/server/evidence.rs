//! What staff saw when they answered: the newest look-up on an inquiry, made by the replying
//! staff member shortly before, is tied to the reply in the reply's own transaction.
use crate::calendar::Moment;
use crate::error::AppResult;
use crate::infra::Db;
use crate::parent::ReplyEvidence;

/// A look-up older than this when the reply is sent is not what the reply was based on.
const FRESH_MS: i64 = 2 * 3_600_000;

pub async fn tie_to_reply(
    conn: &mut sqlx::AnyConnection,
    inquiry_id: i64,
    staff_id: i64,
    message_id: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE parent_lookups SET message_id = $1
         WHERE id = (SELECT MAX(id) FROM parent_lookups
                     WHERE inquiry_id = $2 AND staff_id = $3 AND purpose = 'inquiry' AND message_id IS NULL
                       AND created_at >= $4)",
    )
    .bind(message_id)
    .bind(inquiry_id)
    .bind(staff_id)
    .bind(now - FRESH_MS)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    message_id: i64,
    created_at: i64,
    staff_name: String,
    summary: String,
}

/// Every reply on the inquiry that has evidence, oldest first.
pub async fn for_inquiry(db: &Db, inquiry_id: i64) -> AppResult<Vec<ReplyEvidence>> {
    let rows: Vec<EvidenceRow> = sqlx::query_as(
        "SELECT l.message_id, l.created_at, s.display_name AS staff_name, l.summary
         FROM parent_lookups l JOIN users s ON s.id = l.staff_id
         WHERE l.inquiry_id = $1 AND l.message_id IS NOT NULL ORDER BY l.id",
    )
    .bind(inquiry_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ReplyEvidence {
            message_id: r.message_id,
            looked_up_at: Moment::from_millis(r.created_at),
            staff: r.staff_name,
            summary: r.summary,
        })
        .collect())
}
