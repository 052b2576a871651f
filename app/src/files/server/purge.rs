//! What goes: uploads never attached (after a day), the files of a withdrawn member (with their
//! data), and blobs nothing refers to any more.
use super::storage::FileStore;
use crate::error::AppResult;
use crate::infra::AppState;
use sqlx::AnyConnection;
use std::time::{Duration, SystemTime};

const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FilesPurged {
    pub uploads: u64,
    pub blobs: u64,
}

type Hashes = Vec<(String, Option<String>)>;

/// Unattached uploads older than a day go, then every blob no row refers to that was written
/// more than `grace` ago. (An upload in flight has written its blob but not yet its row; an hour
/// of grace covers it. Blob times are the store's real time, not the app's clock.)
pub async fn purge_files(state: &AppState, grace: Duration) -> AppResult<FilesPurged> {
    let cutoff = state.clock.now_ms() - DAY_MS;
    let gone: Hashes = sqlx::query_as(
        "DELETE FROM attachments WHERE attached_at IS NULL AND created_at < $1 RETURNING sha256, thumb_sha256",
    )
    .bind(cutoff)
    .fetch_all(&state.db.pool)
    .await?;
    let uploads = gone.len() as u64;
    let mut blobs = forget_blobs(state, gone).await?;
    blobs += collect_garbage(state, grace).await?;
    clear_spool(&state.files, grace);
    Ok(FilesPurged { uploads, blobs })
}

/// Deletes every blob in the store that no attachment refers to and that is older than `grace`.
pub async fn collect_garbage(state: &AppState, grace: Duration) -> AppResult<u64> {
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
    let mut deleted = 0;
    for (hash, written) in state.files.blobs.list().await? {
        if !FileStore::is_blob_name(&hash) || written > now - grace.as_millis() as i64 {
            continue;
        }
        if !referenced(state, &hash).await? {
            state.files.blobs.delete(&hash).await?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

async fn referenced(state: &AppState, hash: &str) -> AppResult<bool> {
    let used: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM attachments WHERE sha256 = $1 OR thumb_sha256 = $1 LIMIT 1")
            .bind(hash)
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(used.is_some())
}

/// Deletes these blobs unless another attachment still uses one (the same content uploaded
/// again is the same blob).
async fn forget_blobs(state: &AppState, hashes: Hashes) -> AppResult<u64> {
    let mut deleted = 0;
    for hash in hashes.into_iter().flat_map(|(file, thumb)| std::iter::once(file).chain(thumb)) {
        if !referenced(state, &hash).await? {
            state.files.blobs.delete(&hash).await?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

/// Spool files of uploads cut short by a crash (a running upload removes its own).
fn clear_spool(files: &FileStore, grace: Duration) {
    let Ok(entries) = std::fs::read_dir(&files.spool) else { return };
    for entry in entries.flatten() {
        let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if old.is_some_and(|age| age >= grace.max(Duration::from_secs(3600))) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the rows of every file a withdrawing member uploaded or that belongs to their
/// inquiries and chats (staff screenshots of their account included), inside the withdrawal's
/// transaction; answers the blobs to delete once it has committed (`erase_member_blobs`).
pub async fn erase_member_files(conn: &mut AnyConnection, member_id: i64) -> AppResult<ErasedBlobs> {
    let gone: Hashes = sqlx::query_as(
        "DELETE FROM attachments WHERE uploader_id = $1
            OR inquiry_id IN (SELECT id FROM inquiries WHERE member_id = $1)
            OR chat_session_id IN (SELECT id FROM chat_sessions WHERE member_id = $1)
         RETURNING sha256, thumb_sha256",
    )
    .bind(member_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(ErasedBlobs(gone))
}

/// The blobs of erased rows, deleted after the transaction that erased them committed.
#[must_use]
pub struct ErasedBlobs(Hashes);

impl ErasedBlobs {
    pub async fn delete(self, state: &AppState) -> AppResult<u64> {
        forget_blobs(state, self.0).await
    }
}
