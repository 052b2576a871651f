//! Writing search documents, in the caller's transaction, so what is stored and what is found
//! never disagree. Each function is idempotent (one document per thing: the `(kind, source_id)`
//! key), which the background backfill relies on. A withdrawn member's things are never indexed.
use super::tokens::document;
use crate::error::AppResult;
use sqlx::AnyConnection;

/// Text values of an inquiry's fields (stored as JSON): order numbers, shop names, amounts,
/// dates and the member's message.
pub fn field_texts(fields_json: &str) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Number(n) => out.push(n.to_string()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            serde_json::Value::Object(map) => map.values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(fields_json) {
        walk(&value, &mut out);
    }
    out
}

/// An inquiry: its reference and the values typed into the wizard.
pub async fn inquiry(conn: &mut AnyConnection, inquiry_id: i64) -> AppResult<()> {
    let row: Option<(i64, Option<String>, String)> = sqlx::query_as(
        "SELECT i.member_id, i.reference, i.fields FROM inquiries i JOIN users u ON u.id = i.member_id
             WHERE i.id = $1 AND u.withdrawn_at IS NULL",
    )
    .bind(inquiry_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((member_id, reference, fields)) = row else { return Ok(()) };
    let mut texts = field_texts(&fields);
    texts.extend(reference);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    upsert(conn, "inquiry", inquiry_id, member_id, Some(inquiry_id), None, &document(&refs)).await
}

/// A message in an inquiry's thread (the member's, staff's or a mail's).
pub async fn message(conn: &mut AnyConnection, message_id: i64, body: &str) -> AppResult<()> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT i.member_id, i.id FROM inquiry_messages m JOIN inquiries i ON i.id = m.inquiry_id
         JOIN users u ON u.id = i.member_id WHERE m.id = $1 AND u.withdrawn_at IS NULL",
    )
    .bind(message_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((member_id, inquiry_id)) = row else { return Ok(()) };
    upsert(conn, "message", message_id, member_id, Some(inquiry_id), None, &document(&[body])).await
}

/// A chat message (either side's).
pub async fn chat_message(conn: &mut AnyConnection, message_id: i64, body: &str) -> AppResult<()> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT s.member_id, s.id FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
         JOIN users u ON u.id = s.member_id WHERE m.id = $1 AND u.withdrawn_at IS NULL",
    )
    .bind(message_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((member_id, chat_id)) = row else { return Ok(()) };
    upsert(conn, "chat", message_id, member_id, None, Some(chat_id), &document(&[body])).await
}

/// A member: display name, address and parent-site id (after sign-up and every change of them).
/// Staff accounts are not members and are not indexed.
pub async fn member(conn: &mut AnyConnection, user_id: i64) -> AppResult<()> {
    let row: Option<MemberRow> =
        sqlx::query_as("SELECT display_name, email, sso_subject, role, withdrawn_at FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(m) = row else { return Ok(()) };
    if m.role != "member" || m.withdrawn_at.is_some() {
        return Ok(());
    }
    let tokens = document(&[&m.display_name, &m.email, m.sso_subject.as_deref().unwrap_or("")]);
    upsert(conn, "member", user_id, user_id, None, None, &tokens).await
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    display_name: String,
    email: String,
    sso_subject: Option<String>,
    role: String,
    withdrawn_at: Option<i64>,
}

/// A withdrawn member leaves nothing findable: their documents and those of their inquiries and
/// chats go (the rows themselves are erased by the withdrawal).
pub async fn forget_member(conn: &mut AnyConnection, user_id: i64) -> AppResult<()> {
    sqlx::query("DELETE FROM search_docs WHERE member_id = $1").bind(user_id).execute(&mut *conn).await?;
    Ok(())
}

async fn upsert(
    conn: &mut AnyConnection,
    kind: &str,
    source_id: i64,
    member_id: i64,
    inquiry_id: Option<i64>,
    chat_id: Option<i64>,
    tokens: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO search_docs (kind, source_id, member_id, inquiry_id, chat_id, tokens) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (kind, source_id) DO UPDATE SET tokens = excluded.tokens",
    )
    .bind(kind)
    .bind(source_id)
    .bind(member_id)
    .bind(inquiry_id)
    .bind(chat_id)
    .bind(tokens)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
