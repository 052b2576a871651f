//! Writing an event inside the transaction of the change it reports.
use super::receivers::Receiver;
use crate::calendar::Moment;
use crate::error::AppResult;
use crate::infra::Settings;
use crate::webhooks::EventKind;
use serde_json::{json, Value};

/// The payload's schema version (`docs/webhooks.md`).
pub const VERSION: u32 = 1;

/// 128 random bits: unique without coordination between instances.
fn event_id() -> String {
    format!("evt_{}", &crate::auth::server::tokens::random_token()[..22])
}

/// Queues `kind` with `data` for every receiver, in the caller's transaction. Nothing is written
/// when no receiver is configured. The worker is polled (about once a second), so nothing needs
/// waking after the commit.
pub async fn emit(
    conn: &mut sqlx::AnyConnection,
    settings: &Settings,
    kind: EventKind,
    data: Value,
    now: i64,
) -> AppResult<()> {
    if settings.webhook_urls.is_empty() {
        return Ok(());
    }
    let id = event_id();
    let payload = json!({
        "id": id,
        "type": kind.as_str(),
        "version": VERSION,
        "occurred_at": Moment::from_millis(now).to_string(),
        "data": data,
    })
    .to_string();
    for configured in &settings.webhook_urls {
        // Checked at start; a receiver that does not parse here is skipped, not fatal.
        if Receiver::parse(configured).is_err() {
            continue;
        }
        sqlx::query(
            "INSERT INTO webhook_deliveries (event_id, event_type, url, payload, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(&id)
        .bind(kind.as_str())
        .bind(configured)
        .bind(&payload)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// How an event names a member: our member number, and the parent site's id only when the
/// operator allows it (`webhook_member_subject`).
pub async fn member_ref(conn: &mut sqlx::AnyConnection, settings: &Settings, member_id: i64) -> AppResult<Value> {
    if !settings.webhook_member_subject || settings.webhook_urls.is_empty() {
        return Ok(json!({ "id": member_id }));
    }
    let subject: Option<(Option<String>,)> = sqlx::query_as("SELECT sso_subject FROM users WHERE id = $1")
        .bind(member_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(json!({ "id": member_id, "parent_id": subject.and_then(|(s,)| s) }))
}

/// An inquiry as events name it (no texts, no field values: they may hold personal data).
pub async fn inquiry_ref(conn: &mut sqlx::AnyConnection, settings: &Settings, inquiry_id: i64) -> AppResult<Value> {
    if settings.webhook_urls.is_empty() {
        return Ok(Value::Null);
    }
    let row: Option<(Option<String>, String, String, i64)> =
        sqlx::query_as("SELECT reference, category_id, status, member_id FROM inquiries WHERE id = $1")
            .bind(inquiry_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((reference, category, status, member_id)) = row else { return Ok(json!({ "id": inquiry_id })) };
    let member = member_ref(conn, settings, member_id).await?;
    Ok(json!({
        "inquiry": { "id": inquiry_id, "reference": reference, "category": category, "status": status },
        "member": member,
    }))
}

/// The common case: an inquiry event whose data is the inquiry and its member, plus `extra`.
pub async fn inquiry_event(
    conn: &mut sqlx::AnyConnection,
    settings: &Settings,
    kind: EventKind,
    inquiry_id: i64,
    extra: Value,
    now: i64,
) -> AppResult<()> {
    if settings.webhook_urls.is_empty() {
        return Ok(());
    }
    let mut data = inquiry_ref(conn, settings, inquiry_id).await?;
    if let (Some(map), Value::Object(more)) = (data.as_object_mut(), extra) {
        map.extend(more);
    }
    emit(conn, settings, kind, data, now).await
}

/// A chat event: the session (its topic and status now) and its member, plus `extra`.
pub async fn chat_event(
    conn: &mut sqlx::AnyConnection,
    settings: &Settings,
    kind: EventKind,
    session_id: i64,
    extra: Value,
    now: i64,
) -> AppResult<()> {
    if settings.webhook_urls.is_empty() {
        return Ok(());
    }
    let row: Option<(String, String, i64, Option<i64>)> =
        sqlx::query_as("SELECT topic, status, member_id, staff_id FROM chat_sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((topic, status, member_id, staff_id)) = row else { return Ok(()) };
    let member = member_ref(conn, settings, member_id).await?;
    let mut data = json!({
        "chat": { "id": session_id, "topic": topic, "status": status, "staff_id": staff_id },
        "member": member,
    });
    if let (Some(map), Value::Object(more)) = (data.as_object_mut(), extra) {
        map.extend(more);
    }
    emit(conn, settings, kind, data, now).await
}
