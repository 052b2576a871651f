//! `GET /files/{id}` and `GET /files/{id}/thumb`. Every request is checked: staff, the uploader,
//! and the member whose inquiry or chat holds the file may have it; anyone else logged in gets
//! 404, the same as for a file that does not exist, so ids cannot be probed. The response can only
//! ever be the file: its own type with `nosniff`, a CSP that allows nothing to run, images inline
//! and PDFs always as a download.
use crate::auth::server::Member;
use crate::auth::UserView;
use crate::error::{AppError, AppResult};
use crate::files::{AttachmentIds, FileKind};
use crate::infra::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// Nothing in a served file may run, load anything, or be framed.
const FILE_CSP: &str = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

pub async fn download(State(state): State<AppState>, Member(user): Member, Path(id): Path<String>) -> Response {
    respond(&state, &user, &id, false).await.unwrap_or_else(IntoResponse::into_response)
}

pub async fn thumbnail(State(state): State<AppState>, Member(user): Member, Path(id): Path<String>) -> Response {
    respond(&state, &user, &id, true).await.unwrap_or_else(IntoResponse::into_response)
}

struct Found {
    kind: FileKind,
    name: String,
    hash: String,
    thumb: Option<String>,
}

/// The file if `user` may have it.
async fn find(state: &AppState, user: &UserView, id: &str) -> AppResult<Found> {
    if !AttachmentIds::is_well_formed(id) {
        return Err(AppError::NotFound);
    }
    // Staff who still have to set up two-factor are not staff yet.
    let staff = user.is_staff() && !user.two_factor_due;
    let row: Option<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT a.kind, a.name, a.sha256, a.thumb_sha256 FROM attachments a
         LEFT JOIN inquiries i ON i.id = a.inquiry_id
         LEFT JOIN chat_sessions c ON c.id = a.chat_session_id
         WHERE a.id = $1 AND ($2 = 1 OR a.uploader_id = $3 OR i.member_id = $3 OR c.member_id = $3)",
    )
    .bind(id)
    .bind(i64::from(staff))
    .bind(user.id)
    .fetch_optional(&state.db.pool)
    .await?;
    let (kind, name, hash, thumb) = row.ok_or(AppError::NotFound)?;
    let kind = FileKind::parse(&kind).ok_or(AppError::Internal)?;
    Ok(Found { kind, name, hash, thumb })
}

async fn respond(state: &AppState, user: &UserView, id: &str, thumb: bool) -> AppResult<Response> {
    let found = find(state, user, id).await?;
    let hash = if thumb { found.thumb.as_deref().ok_or(AppError::NotFound)? } else { &found.hash };
    let Some(bytes) = state.files.blobs.get(hash).await? else {
        tracing::error!(attachment = id, "attachment blob missing");
        return Err(AppError::NotFound);
    };
    let disposition = if found.kind.is_image() { "inline" } else { "attachment" };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(found.kind.mime()));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(disposition, &found.name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(FILE_CSP));
    headers.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    // The content behind an id never changes, but who may see it does (a withdrawal erases it).
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=600"));
    Ok(response)
}

/// `inline; filename="receipt.png"; filename*=UTF-8''%E9%A0%98…` (RFC 6266): an ASCII stand-in
/// for old clients and the real name percent-encoded.
pub fn content_disposition(disposition: &str, name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn names_cannot_break_out_of_the_header() {
        assert_eq!(
            content_disposition("attachment", "領収書.pdf"),
            "attachment; filename=\"___.pdf\"; filename*=UTF-8''%E9%A0%98%E5%8F%8E%E6%9B%B8.pdf"
        );
        let evil = content_disposition("inline", "a\";x=\"y\r\n.png");
        assert!(!evil.contains('\r') && !evil.contains('\n'));
        assert!(evil.starts_with("inline; filename=\"a_;x=_y__.png\""), "{evil}");
    }
}
