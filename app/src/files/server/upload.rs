//! `POST /api/files?name=…`: the file's bytes are the request body. It is streamed to a spool file
//! (never held whole in memory while it arrives), refused as soon as it passes the size limit or
//! its first bytes are no accepted kind, then re-encoded (images) a few at a time and stored. The
//! answer is the new, still unattached upload. Whatever fails on the way — a refusal, a dropped
//! connection — leaves nothing behind: the spool file goes with the request.
use super::image_work::reencode;
use crate::auth::server::Writer;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::files::{Attachment, FileKind};
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use futures_util::StreamExt;
use rand_core::{OsRng, RngCore};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use tokio::io::AsyncWriteExt;

/// Enough of the start of a file to tell its kind.
const HEAD: usize = 16;
/// Longest kept name, before its extension.
const NAME_MAX: usize = 80;

#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    #[serde(default)]
    name: String,
}

/// 128 random bits, URL-safe: attachment ids and spool names.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The name to show and serve: the last path part, without control or invisible format
/// characters, at most 80 characters, with the extension of what the file really is.
pub fn clean_name(raw: &str, kind: FileKind) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => base,
    };
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    let stem: String = stem.chars().filter(|c| !invisible(*c)).take(NAME_MAX).collect();
    let stem = stem.trim().trim_start_matches('.');
    let stem = if stem.is_empty() { "attachment" } else { stem };
    format!("{stem}.{}", kind.extension())
}

/// The spooled upload; removed when dropped, whatever happened.
struct Spooled {
    path: PathBuf,
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn too_large(state: &AppState) -> AppError {
    let max_mb = state.settings.file_max_bytes.div_ceil(1_000_000);
    AppError::field("file", ValidationError::FileTooLarge { max_mb })
}

pub async fn upload(
    State(state): State<AppState>,
    Writer(user): Writer,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> AppResult<Json<Attachment>> {
    let limit = state.settings.file_max_bytes;
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large(&state));
    }
    rate_limit::take(&state, Action::FileUpload, &user.id.to_string()).await?;
    let (kind, spooled) = receive(&state, body).await?;
    // A few at a time from here on (reading, decoding a large photo takes a few hundred MB and a
    // core, storing): however many arrive together, memory stays bounded.
    let _slot = state.files.slots.acquire().await.map_err(|_| AppError::Busy)?;
    let (kind, bytes, thumb) = state
        .files
        .workers
        .run(move || -> AppResult<(FileKind, Vec<u8>, Option<Vec<u8>>)> {
            let raw = std::fs::read(&spooled.path).map_err(|e| {
                tracing::error!(error = %e, "cannot read the upload spool file");
                AppError::Internal
            })?;
            drop(spooled);
            if !kind.is_image() {
                return Ok((kind, raw, None));
            }
            let done = reencode(kind, &raw).map_err(|e| AppError::field("file", e))?;
            Ok((done.kind, done.bytes, Some(done.thumb)))
        })
        .await??;
    let attachment = save(&state, user.id, kind, &query.name, bytes, thumb).await?;
    tracing::info!(attachment = %attachment.id, user_id = user.id, kind = kind.as_str(), size = attachment.size, "file uploaded");
    Ok(Json(attachment))
}

/// Stores a file that arrived some other way than an upload (a mail's attachment) exactly as an
/// upload is: kind by its bytes, the size limit, images re-encoded. Answers the unattached upload
/// for the caller to attach, or why the file was refused.
pub async fn store_bytes(state: &AppState, uploader: i64, name: &str, raw: Vec<u8>) -> AppResult<Attachment> {
    if raw.len() as u64 > state.settings.file_max_bytes {
        return Err(too_large(state));
    }
    if raw.is_empty() {
        return Err(AppError::field("file", ValidationError::Required));
    }
    let kind = FileKind::detect(&raw[..raw.len().min(HEAD)]).map_err(|e| AppError::field("file", e))?;
    let _slot = state.files.slots.acquire().await.map_err(|_| AppError::Busy)?;
    let (kind, bytes, thumb) = state
        .files
        .workers
        .run(move || -> AppResult<(FileKind, Vec<u8>, Option<Vec<u8>>)> {
            if !kind.is_image() {
                return Ok((kind, raw, None));
            }
            let done = reencode(kind, &raw).map_err(|e| AppError::field("file", e))?;
            Ok((done.kind, done.bytes, Some(done.thumb)))
        })
        .await??;
    save(state, uploader, kind, name, bytes, thumb).await
}

/// Keeps the checked bytes (and thumbnail) in the blob store and records the upload.
async fn save(
    state: &AppState,
    uploader: i64,
    kind: FileKind,
    name: &str,
    bytes: Vec<u8>,
    thumb: Option<Vec<u8>>,
) -> AppResult<Attachment> {
    let size = bytes.len() as i64;
    let hash = hex_sha256(&bytes);
    state.files.blobs.put(&hash, bytes).await?;
    let thumb_hash = match thumb {
        Some(thumb) => {
            let thumb_hash = hex_sha256(&thumb);
            state.files.blobs.put(&thumb_hash, thumb).await?;
            Some(thumb_hash)
        }
        None => None,
    };
    let attachment = Attachment { id: random_id(), kind, name: clean_name(name, kind), size };
    sqlx::query(
        "INSERT INTO attachments (id, uploader_id, kind, name, size, sha256, thumb_sha256, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&attachment.id)
    .bind(uploader)
    .bind(kind.as_str())
    .bind(&attachment.name)
    .bind(size)
    .bind(&hash)
    .bind(&thumb_hash)
    .bind(state.clock.now_ms())
    .execute(&state.db.pool)
    .await?;
    Ok(attachment)
}

/// Streams the body to a spool file, refusing it as soon as it is too large or its first bytes
/// are no accepted kind; answers the kind and the spool file.
async fn receive(state: &AppState, body: Body) -> AppResult<(FileKind, Spooled)> {
    let spooled = Spooled { path: state.files.spool.join(random_id()) };
    let mut file = tokio::fs::File::create(&spooled.path).await.map_err(|e| {
        tracing::error!(error = %e, "cannot create the upload spool file");
        AppError::Internal
    })?;
    // Each write waits for the one before; no upload holds more than this in memory.
    file.set_max_buf_size(64 * 1024);
    let mut stream = body.into_data_stream();
    let mut head: Vec<u8> = Vec::with_capacity(HEAD);
    let mut kind = None;
    let mut total: u64 = 0;
    while let Some(chunk) = stream.next().await {
        // The client went away or sent more than the route's own body limit.
        let chunk = chunk.map_err(|_| too_large(state))?;
        total += chunk.len() as u64;
        if total > state.settings.file_max_bytes {
            return Err(too_large(state));
        }
        if kind.is_none() {
            head.extend(chunk.iter().take(HEAD - head.len()));
            if head.len() == HEAD {
                kind = Some(FileKind::detect(&head).map_err(|e| AppError::field("file", e))?);
            }
        }
        file.write_all(&chunk).await.map_err(|e| {
            tracing::error!(error = %e, "cannot write the upload spool file");
            AppError::Internal
        })?;
    }
    if total == 0 {
        return Err(AppError::field("file", ValidationError::Required));
    }
    let kind = match kind {
        Some(kind) => kind,
        None => FileKind::detect(&head).map_err(|e| AppError::field("file", e))?,
    };
    file.flush().await.map_err(|_| AppError::Internal)?;
    Ok((kind, spooled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_take_the_real_extension() {
        assert_eq!(clean_name("レシート.pdf", FileKind::Jpeg), "レシート.jpg");
        assert_eq!(clean_name("C:\\Users\\me\\Desktop\\注文.PNG", FileKind::Png), "注文.png");
        assert_eq!(clean_name("../../etc/passwd", FileKind::Pdf), "passwd.pdf");
        assert_eq!(clean_name("", FileKind::Png), "attachment.png");
        assert_eq!(clean_name("evil\u{202e}gnp.exe", FileKind::Png), "evilgnp.png");
        assert_eq!(clean_name(".htaccess", FileKind::Png), "htaccess.png");
        assert_eq!(clean_name(&"長".repeat(300), FileKind::Gif).chars().count(), 84);
    }
}
