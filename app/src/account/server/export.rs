//! `GET /api/account/export.json`: everything Madoguchi holds about the caller, as one JSON file
//! to download: profile, inquiries with their replies, chats with their messages, ideas and votes,
//! survey answers, help-article ratings and the list of their files. Staff-only material (internal
//! notes) is not the member's data and is left out.
use crate::auth::server::Member;
use crate::calendar::Moment;
use crate::error::AppResult;
use crate::infra::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
struct Export {
    exported_at: Moment,
    profile: Profile,
    inquiries: Vec<Inquiry>,
    chats: Vec<Chat>,
    ideas: Vec<Idea>,
    idea_votes: Vec<IdeaVote>,
    surveys: Vec<Survey>,
    help_ratings: Vec<HelpRating>,
    /// Files on the member's inquiries and chats (theirs and staff's), named with the address
    /// that serves them to the member: the export stays one small JSON file.
    files: Vec<File>,
}

#[derive(Serialize)]
struct File {
    name: String,
    kind: String,
    size: i64,
    uploaded_at: Moment,
    url: String,
}

#[derive(Serialize)]
struct Profile {
    email: String,
    display_name: String,
    registered_at: Moment,
    email_verified: bool,
}

#[derive(Serialize)]
struct Inquiry {
    reference: Option<String>,
    category: String,
    status: String,
    received_at: Moment,
    /// The wizard's answers, as submitted.
    answers: Value,
    messages: Vec<Message>,
}

#[derive(Serialize)]
struct Message {
    from_staff: bool,
    body: String,
    at: Moment,
}

#[derive(Serialize)]
struct Chat {
    topic: String,
    status: String,
    started_at: Moment,
    messages: Vec<Message>,
}

#[derive(Serialize)]
struct Idea {
    title: String,
    body: String,
    status: String,
    posted_at: Moment,
}

#[derive(Serialize)]
struct IdeaVote {
    idea_title: String,
    voted_at: Moment,
}

#[derive(Serialize)]
struct Survey {
    score: i64,
    resolved: bool,
    comment: Option<String>,
    answered_at: Moment,
}

#[derive(Serialize)]
struct HelpRating {
    article_id: i64,
    helpful: bool,
    rated_at: Moment,
}

async fn messages(state: &AppState, table: &str, parent: &str, id: i64) -> AppResult<Vec<Message>> {
    // Both tables name the message's parent column after it; the names here are our own literals.
    let sql = format!("SELECT from_staff, body, created_at FROM {table} WHERE {parent} = $1 ORDER BY id");
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(&sql).bind(id).fetch_all(&state.db.pool).await?;
    Ok(rows
        .into_iter()
        .map(|(s, body, at)| Message { from_staff: s != 0, body, at: Moment::from_millis(at) })
        .collect())
}

async fn gather(state: &AppState, user_id: i64) -> AppResult<Export> {
    let db = &state.db.pool;
    let (email, display_name, created_at, verified): (String, String, i64, Option<i64>) =
        sqlx::query_as("SELECT email, display_name, created_at, email_verified_at FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(db)
            .await?;
    let mut inquiries = Vec::new();
    let rows: Vec<(i64, Option<String>, String, String, i64, String)> = sqlx::query_as(
        "SELECT id, reference, category_id, status, received_at, fields FROM inquiries WHERE member_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    for (id, reference, category, status, received_at, fields) in rows {
        inquiries.push(Inquiry {
            reference,
            category,
            status,
            received_at: Moment::from_millis(received_at),
            answers: serde_json::from_str(&fields).unwrap_or(Value::Null),
            messages: messages(state, "inquiry_messages", "inquiry_id", id).await?,
        });
    }
    let mut chats = Vec::new();
    let rows: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT id, topic, status, enqueued_at FROM chat_sessions WHERE member_id = $1 ORDER BY id")
            .bind(user_id)
            .fetch_all(db)
            .await?;
    for (id, topic, status, started) in rows {
        chats.push(Chat {
            topic,
            status,
            started_at: Moment::from_millis(started),
            messages: messages(state, "chat_messages", "session_id", id).await?,
        });
    }
    let ideas: Vec<(String, String, String, i64)> =
        sqlx::query_as("SELECT title, body, status, created_at FROM ideas WHERE member_id = $1 ORDER BY id")
            .bind(user_id)
            .fetch_all(db)
            .await?;
    let votes: Vec<(String, i64)> = sqlx::query_as(
        "SELECT i.title, v.created_at FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE v.member_id = $1
         ORDER BY v.created_at",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    let surveys: Vec<(i64, i64, Option<String>, i64)> = sqlx::query_as(
        "SELECT score, resolved, comment, created_at FROM chat_surveys WHERE member_id = $1 ORDER BY created_at",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    let ratings: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT article_id, helpful, voted_at FROM faq_votes WHERE member_id = $1 ORDER BY voted_at")
            .bind(user_id)
            .fetch_all(db)
            .await?;
    let files: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT a.id, a.name, a.kind, a.size, a.created_at FROM attachments a
         LEFT JOIN inquiries i ON i.id = a.inquiry_id
         LEFT JOIN chat_sessions c ON c.id = a.chat_session_id
         WHERE a.uploader_id = $1 OR i.member_id = $1 OR c.member_id = $1 ORDER BY a.created_at",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(Export {
        exported_at: Moment::from_millis(state.clock.now_ms()),
        profile: Profile {
            email,
            display_name,
            registered_at: Moment::from_millis(created_at),
            email_verified: verified.is_some(),
        },
        inquiries,
        chats,
        ideas: ideas
            .into_iter()
            .map(|(title, body, status, at)| Idea { title, body, status, posted_at: Moment::from_millis(at) })
            .collect(),
        idea_votes: votes
            .into_iter()
            .map(|(idea_title, at)| IdeaVote { idea_title, voted_at: Moment::from_millis(at) })
            .collect(),
        surveys: surveys
            .into_iter()
            .map(|(score, resolved, comment, at)| Survey {
                score,
                resolved: resolved != 0,
                comment,
                answered_at: Moment::from_millis(at),
            })
            .collect(),
        help_ratings: ratings
            .into_iter()
            .map(|(article_id, helpful, at)| HelpRating {
                article_id,
                helpful: helpful != 0,
                rated_at: Moment::from_millis(at),
            })
            .collect(),
        files: files
            .into_iter()
            .map(|(id, name, kind, size, at)| File {
                name,
                kind,
                size,
                uploaded_at: Moment::from_millis(at),
                url: format!("{}/files/{id}", state.settings.public_url),
            })
            .collect(),
    })
}

pub async fn export_json(State(state): State<AppState>, Member(user): Member) -> Response {
    match gather(&state, user.id).await {
        Ok(export) => {
            let body = serde_json::to_string_pretty(&export).unwrap_or_else(|_| "{}".into());
            tracing::info!(user_id = user.id, "data exported");
            (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                    (header::CONTENT_DISPOSITION, "attachment; filename=\"madoguchi-data.json\""),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => e.into_response(),
    }
}
