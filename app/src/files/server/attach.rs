//! Attaching uploads to where they belong, and reading them back for pages.
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::files::{Attachment, AttachmentIds, FileKind};
use crate::infra::{AppState, Db};
use sqlx::AnyConnection;

/// Where attached files belong.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    /// The inquiry itself (sent with the wizard), or one message of its thread.
    Inquiry {
        inquiry_id: i64,
        message_id: Option<i64>,
    },
    Chat {
        session_id: i64,
        message_id: i64,
    },
}

fn placeholders(from: usize, n: usize) -> String {
    (0..n).map(|i| format!("${}", from + i)).collect::<Vec<_>>().join(", ")
}

/// Attaches the uploader's unattached uploads `ids` to `place`, inside the caller's transaction:
/// all of them or none (the caller's transaction is then dropped, and the message with it). One
/// statement checks ownership, "not attached yet" and the total size, so two messages racing for
/// the same upload cannot both get it.
pub async fn attach(
    conn: &mut AnyConnection,
    state: &AppState,
    uploader: i64,
    ids: &AttachmentIds,
    place: Place,
) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let (now, max_total) = (state.clock.now_ms(), state.settings.message_files_max_bytes);
    let (inquiry, inquiry_message, session, chat_message) = match place {
        Place::Inquiry { inquiry_id, message_id } => (Some(inquiry_id), message_id, None, None),
        Place::Chat { session_id, message_id } => (None, None, Some(session_id), Some(message_id)),
    };
    let list = placeholders(8, ids.len());
    let sql = format!(
        "UPDATE attachments SET inquiry_id = $1, inquiry_message_id = $2, chat_session_id = $3, chat_message_id = $4,
                attached_at = $5
         WHERE uploader_id = $6 AND attached_at IS NULL AND id IN ({list})
           AND (SELECT COALESCE(SUM(size), 0) FROM attachments WHERE uploader_id = $6 AND id IN ({list})) <= $7"
    );
    let mut query =
        sqlx::query(&sql).bind(inquiry).bind(inquiry_message).bind(session).bind(chat_message).bind(now).bind(uploader);
    query = query.bind(max_total as i64);
    for id in ids.as_slice() {
        query = query.bind(id);
    }
    let done = query.execute(&mut *conn).await?;
    if done.rows_affected() == ids.len() as u64 {
        return Ok(());
    }
    // Nothing was attached (or the caller's transaction undoes the part that was); say why.
    let sql = format!(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM attachments
         WHERE uploader_id = $1 AND attached_at IS NULL AND id IN ({})",
        placeholders(2, ids.len())
    );
    let mut query = sqlx::query_as::<_, (i64, i64)>(&sql).bind(uploader);
    for id in ids.as_slice() {
        query = query.bind(id);
    }
    let (count, total) = query.fetch_one(&mut *conn).await?;
    let problem = if count == ids.len() as i64 && total as u64 > max_total {
        ValidationError::FilesTooLarge { max_mb: max_total.div_ceil(1_000_000) }
    } else {
        ValidationError::FileUnavailable
    };
    Err(AppError::field("attachments", problem))
}

fn attachment(id: String, kind: String, name: String, size: i64) -> AppResult<Attachment> {
    let kind = FileKind::parse(&kind).ok_or(AppError::Internal)?;
    Ok(Attachment { id, kind, name, size })
}

/// An inquiry's files, each with the thread message it came with (`None`: the inquiry itself).
pub async fn inquiry_files(db: &Db, inquiry_id: i64) -> AppResult<Vec<(Option<i64>, Attachment)>> {
    let rows: Vec<(Option<i64>, String, String, String, i64)> = sqlx::query_as(
        "SELECT inquiry_message_id, id, kind, name, size FROM attachments WHERE inquiry_id = $1
         ORDER BY attached_at, created_at, id",
    )
    .bind(inquiry_id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter().map(|(m, id, kind, name, size)| Ok((m, attachment(id, kind, name, size)?))).collect()
}

/// A chat's files after message id `after`, each with its message.
pub async fn chat_files(db: &Db, session_id: i64, after: i64) -> AppResult<Vec<(i64, Attachment)>> {
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT chat_message_id, id, kind, name, size FROM attachments WHERE chat_session_id = $1
         AND chat_message_id > $2 ORDER BY created_at, id",
    )
    .bind(session_id)
    .bind(after)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter().map(|(m, id, kind, name, size)| Ok((m, attachment(id, kind, name, size)?))).collect()
}
