//! Merging two inquiries of the same member (the member wrote twice about one thing): the other's
//! thread, notes, files and tags move into the one kept, in message order; the other closes,
//! pointing at it, with a line in its thread telling the member where the conversation went.
//! One transaction, audited; a reply mail to the merged one's address threads into the kept one.
use super::staff::staff_view;
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_staff;
use crate::contact::StaffInquiry;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::webhooks::server::inquiry_event;
use crate::webhooks::EventKind;

#[derive(sqlx::FromRow)]
struct Side {
    id: i64,
    reference: Option<String>,
    member_id: i64,
    status: String,
    due_at: i64,
    merged_into: Option<i64>,
}

fn refused(field: &str) -> AppError {
    AppError::field(field, ValidationError::InvalidChoice)
}

/// Merges `other` into `into` and answers with `into` as it now stands.
pub async fn merge(into: i64, other: i64) -> AppResult<StaffInquiry> {
    let staff = require_staff().await?;
    if into == other {
        return Err(refused("other"));
    }
    let state = state()?;
    let now = state.clock.now_ms();
    let ip = audit::request_ip(&state);
    let mut tx = state.db.pool.begin().await?;
    // Take both rows first (one statement: no two merges can lock them in opposite orders); what
    // is read below cannot change before this transaction ends.
    let taken = sqlx::query("UPDATE inquiries SET updated_at = $1 WHERE id IN ($2, $3)")
        .bind(now)
        .bind(into)
        .bind(other)
        .execute(&mut *tx)
        .await?;
    if taken.rows_affected() != 2 {
        return Err(AppError::NotFound);
    }
    let sides: Vec<Side> = sqlx::query_as(
        "SELECT id, reference, member_id, status, due_at, merged_into FROM inquiries WHERE id IN ($1, $2)",
    )
    .bind(into)
    .bind(other)
    .fetch_all(&mut *tx)
    .await?;
    let (Some(kept), Some(gone)) = (sides.iter().find(|s| s.id == into), sides.iter().find(|s| s.id == other)) else {
        return Err(AppError::NotFound);
    };
    // Only the same member's, and neither already merged away (a merge racing this one finds
    // the other's result here and is refused).
    if kept.member_id != gone.member_id || gone.merged_into.is_some() {
        return Err(refused("other"));
    }
    if kept.merged_into.is_some() {
        return Err(refused("into"));
    }
    let kept_ref = kept.reference.clone().unwrap_or_default();
    let gone_ref = gone.reference.clone().unwrap_or_default();
    // Moved messages keep their retry keys, marked so they cannot meet a key already in the kept
    // thread (a member may reuse one across inquiries).
    sqlx::query(
        "UPDATE inquiry_messages SET inquiry_id = $1,
                client_key = CASE WHEN client_key IS NULL THEN NULL ELSE client_key || '@' || $3 END
         WHERE inquiry_id = $2",
    )
    .bind(into)
    .bind(other)
    .bind(other.to_string())
    .execute(&mut *tx)
    .await?;
    for table in ["inquiry_notes", "attachments", "parent_lookups", "search_docs"] {
        // Table names from the fixed list above; ids are parameters.
        sqlx::query(&format!("UPDATE {table} SET inquiry_id = $1 WHERE inquiry_id = $2 AND {}", only_moved(table)))
            .bind(into)
            .bind(other)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE inbound_mail SET inquiry_id = $1 WHERE inquiry_id = $2 AND status = 'held'")
        .bind(into)
        .bind(other)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO inquiry_tags (inquiry_id, tag_id, tagged_at) SELECT $1, tag_id, $3 FROM inquiry_tags WHERE inquiry_id = $2
         ON CONFLICT (tag_id, inquiry_id) DO NOTHING",
    )
    .bind(into)
    .bind(other)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    // The merged one closes, pointing at the kept one; its thread tells the member where to look.
    sqlx::query("UPDATE inquiries SET status = 'closed', closed_at = $1, merged_into = $2 WHERE id = $3")
        .bind(now)
        .bind(into)
        .bind(other)
        .execute(&mut *tx)
        .await?;
    let line = format!(
        "このお問い合わせは {kept_ref} にまとめました。以降のやりとりは {kept_ref} でお願いいたします。\n\
         This inquiry was merged into {kept_ref}; please continue there."
    );
    sqlx::query(
        "INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at) VALUES ($1, $2, 1, $3, $4)",
    )
    .bind(other)
    .bind(staff.id)
    .bind(&line)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    for (on, text) in [(into, format!("{gone_ref} を統合しました。")), (other, format!("{kept_ref} に統合しました。"))]
    {
        sqlx::query("INSERT INTO inquiry_notes (inquiry_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)")
            .bind(on)
            .bind(staff.id)
            .bind(&text)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    // The member's words from the merged one still wait for an answer: the kept one is on the
    // desk again, due no later than either was.
    let open = |s: &Side| s.status == "new" || s.status == "in_progress";
    if open(gone) {
        let due = if open(kept) { kept.due_at.min(gone.due_at) } else { gone.due_at };
        sqlx::query(
            "UPDATE inquiries SET due_at = $1, status = CASE WHEN status IN ('answered', 'closed') THEN 'in_progress' ELSE status END,
                    closed_at = NULL, auto_closed_at = NULL, updated_at = $3 WHERE id = $2",
        )
        .bind(due)
        .bind(into)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    audit::record(&mut *tx, staff.id, AuditAction::Merge, &format!("inquiry:{other} into:{into}"), &ip, now).await?;
    let by = serde_json::json!({ "staff_id": staff.id, "merged_into": kept_ref });
    inquiry_event(&mut tx, &state.settings, EventKind::InquiryClosed, other, by, now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(staff_id = staff.id, into, other, "inquiries merged");
    staff_view(into).await
}

/// Which rows of a table move: search documents of messages only (the merged inquiry keeps its
/// own document, so its reference is still found).
fn only_moved(table: &str) -> &'static str {
    if table == "search_docs" {
        "kind = 'message'"
    } else {
        "1 = 1"
    }
}
