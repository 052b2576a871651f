//! The staff search: exact look-ups first (a reference, an address, a parent-site id), then the
//! full-text index of each database — FTS5 on SQLite, a GIN-indexed `tsvector` on PostgreSQL —
//! over the same tokens. What the staff member typed only ever reaches SQL as bound values.
use super::index::field_texts;
use super::snippet::snippet;
use super::tokens::{fts5_match, query, query_words, tsquery};
use crate::auth::server::require_staff;
use crate::calendar::Moment;
use crate::contact::bulk::Priority;
use crate::contact::server::{load_categories, summary, SUMMARY_COLUMNS};
use crate::domain::{Email, ValidationError};
use crate::error::{AppError, AppResult};
use crate::infra::db::Backend;
use crate::infra::http::state;
use crate::infra::AppState;
use crate::search::{ChatHit, InquiryHit, MemberHit, SearchResults};
use sqlx::Row;

/// Most characters a search may have.
pub const MAX_QUERY_CHARS: usize = 200;
/// Matching documents read from the index, newest first; groups are cut from them.
const DOCS: i64 = 400;
const INQUIRIES: usize = 30;
const CHATS: usize = 20;
const MEMBERS: usize = 20;

/// A matching document: what it belongs to.
#[derive(sqlx::FromRow)]
struct Doc {
    kind: String,
    source_id: i64,
    inquiry_id: Option<i64>,
    chat_id: Option<i64>,
    member_id: i64,
}

pub async fn run(text: String) -> AppResult<SearchResults> {
    require_staff().await?;
    let state = state()?;
    // Control characters (a NUL, which PostgreSQL refuses in text) are never part of a search.
    let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let text = text.trim();
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::field("q", ValidationError::TooLong { max: MAX_QUERY_CHARS }));
    }
    let mut results = SearchResults::default();
    let needles = query(text);
    let words = query_words(text);

    // Exact names of things first.
    let upper = text.to_uppercase();
    let exact_inquiry: Option<(i64,)> = if upper.starts_with("MDG-") {
        sqlx::query_as("SELECT id FROM inquiries WHERE reference = $1")
            .bind(&upper)
            .fetch_optional(&state.db.pool)
            .await?
    } else {
        None
    };
    let mut exact_members: Vec<i64> = Vec::new();
    if let Ok(email) = Email::parse(text) {
        let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1 AND role = 'member'")
            .bind(email.as_ref())
            .fetch_optional(&state.db.pool)
            .await?;
        exact_members.extend(found.map(|r| r.0));
    }
    let by_subject: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE sso_subject = $1 AND role = 'member'")
        .bind(text)
        .fetch_optional(&state.db.pool)
        .await?;
    exact_members.extend(by_subject.map(|r| r.0));

    // A reference names one inquiry: its pieces ("MDG", the date, the number) are in countless
    // documents, and reading them is what made the reference search slow on SQLite (124 ms p99).
    let docs = if needles.is_empty() || exact_inquiry.is_some() {
        Vec::new()
    } else {
        matching_docs(&state, &needles).await?
    };
    results.more = docs.len() as i64 >= DOCS;

    // Group the documents: one hit per inquiry, chat and member, in the order found.
    let mut inquiries: Vec<(i64, Option<(String, i64)>)> = exact_inquiry.map(|(id,)| (id, None)).into_iter().collect();
    let mut chats: Vec<(i64, i64)> = Vec::new();
    let mut members: Vec<i64> = exact_members;
    for doc in docs {
        match (doc.kind.as_str(), doc.inquiry_id, doc.chat_id) {
            ("inquiry" | "message", Some(inquiry), _) if !inquiries.iter().any(|(id, _)| *id == inquiry) => {
                if inquiries.len() == INQUIRIES {
                    results.more = true;
                } else {
                    inquiries.push((inquiry, Some((doc.kind, doc.source_id))));
                }
            }
            ("chat", _, Some(chat)) if !chats.iter().any(|(id, _)| *id == chat) => {
                if chats.len() == CHATS {
                    results.more = true;
                } else {
                    chats.push((chat, doc.source_id));
                }
            }
            ("member", _, _) if !members.contains(&doc.member_id) => {
                if members.len() == MEMBERS {
                    results.more = true;
                } else {
                    members.push(doc.member_id);
                }
            }
            _ => {}
        }
    }
    results.inquiries = load_inquiries(&state, &inquiries, &words).await?;
    results.chats = load_chats(&state, &chats, &words).await?;
    results.members = load_members(&state, &members).await?;
    Ok(results)
}

async fn matching_docs(state: &AppState, needles: &[super::tokens::Needle]) -> AppResult<Vec<Doc>> {
    match state.db.backend {
        // FTS5 hands its matches out in rowid order: the newest 400 come first, whatever the word.
        Backend::Sqlite => {
            Ok(sqlx::query_as(SQLITE_DOCS).bind(fts5_match(needles)).bind(DOCS).fetch_all(&state.db.pool).await?)
        }
        Backend::Postgres => newest_matches_pg(state, &tsquery(needles)).await,
    }
}

const SQLITE_DOCS: &str = "SELECT d.kind, d.source_id, d.inquiry_id, d.chat_id, d.member_id
     FROM (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH $1 ORDER BY rowid DESC LIMIT $2) f
     JOIN search_docs d ON d.id = f.id ORDER BY d.id DESC";

const PG_WINDOW: &str = "SELECT kind, source_id, inquiry_id, chat_id, member_id FROM search_docs
     WHERE id > $1 AND id <= $2 AND lexemes @@ CAST($3 AS tsquery) ORDER BY id DESC LIMIT $4";

/// The first window of newest documents searched on PostgreSQL; each next one is 8 times wider.
const PG_FIRST_WINDOW: i64 = 20_000;

/// The newest `DOCS` documents matching on PostgreSQL, looked for in widening windows of ids
/// from the newest back. The GIN index answers "which documents match" but not in order: a word
/// in 625,000 of 5 million documents had every match fetched and sorted before the newest 400
/// were kept (1.66 s p99). In a window of the newest 20,000 a common word fills the 400 at once;
/// a rare one goes on to wider windows, each a cheap index intersection — about six steps to
/// cover 5 million.
async fn newest_matches_pg(state: &AppState, query: &str) -> AppResult<Vec<Doc>> {
    let (newest,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM search_docs").fetch_one(&state.db.pool).await?;
    let mut found: Vec<Doc> = Vec::new();
    let (mut high, mut window) = (newest, PG_FIRST_WINDOW);
    while high > 0 && (found.len() as i64) < DOCS {
        let low = (high - window).max(0);
        let batch: Vec<Doc> = sqlx::query_as(PG_WINDOW)
            .bind(low)
            .bind(high)
            .bind(query)
            .bind(DOCS - found.len() as i64)
            .fetch_all(&state.db.pool)
            .await?;
        found.extend(batch);
        high = low;
        window = window.saturating_mul(8);
    }
    Ok(found)
}

/// The plans of the statements that find documents for `text` (the one FTS5 statement on SQLite;
/// the first, newest window on PostgreSQL), for the desk benchmark's report.
pub async fn plans(db: &crate::infra::Db, text: &str) -> AppResult<Vec<String>> {
    use crate::infra::db::Param;
    let needles = query(text);
    Ok(match db.backend {
        Backend::Sqlite => db.plan(SQLITE_DOCS, &[Param::Text(fts5_match(&needles)), Param::Int(DOCS)]).await?,
        Backend::Postgres => {
            let (newest,): (i64,) =
                sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM search_docs").fetch_one(&db.pool).await?;
            let params = [
                Param::Int(newest - PG_FIRST_WINDOW),
                Param::Int(newest),
                Param::Text(tsquery(&needles)),
                Param::Int(DOCS),
            ];
            db.plan(PG_WINDOW, &params).await?
        }
    })
}

/// `$first, $first+1, …` for an IN list of `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|k| format!("${k}")).collect::<Vec<_>>().join(", ")
}

async fn load_inquiries(
    state: &AppState,
    wanted: &[(i64, Option<(String, i64)>)],
    words: &[String],
) -> AppResult<Vec<InquiryHit>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let categories = load_categories(&state.db).await?;
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, i.member_id, i.fields, i.priority, u.display_name,
                (SELECT COALESCE(MAX(m.id), 0) FROM inquiry_messages m WHERE m.inquiry_id = i.id) AS last_message_id
         FROM inquiries i JOIN users u ON u.id = i.member_id
         WHERE i.id IN ({})",
        placeholders(1, wanted.len())
    );
    let mut q = sqlx::query(&sql);
    for (id, _) in wanted {
        q = q.bind(*id);
    }
    let rows = q.fetch_all(&state.db.pool).await?;
    let mut hits = Vec::new();
    for (id, found_in) in wanted {
        let Some(row) = rows.iter().find(|r| r.try_get::<i64, _>("id").ok() == Some(*id)) else { continue };
        let text = match found_in {
            Some((kind, message_id)) if kind == "message" => {
                let body: Option<(String,)> = sqlx::query_as("SELECT body FROM inquiry_messages WHERE id = $1")
                    .bind(*message_id)
                    .fetch_optional(&state.db.pool)
                    .await?;
                body.map(|b| b.0).unwrap_or_default()
            }
            _ => field_texts(&row.try_get::<String, _>("fields")?).join(" / "),
        };
        hits.push(InquiryHit {
            summary: summary(row, &categories)?,
            priority: Priority::parse(&row.try_get::<String, _>("priority")?).ok_or(AppError::Internal)?,
            last_message_id: row.try_get("last_message_id")?,
            member_id: row.try_get("member_id")?,
            member_name: row.try_get("display_name")?,
            snippet: snippet(&text, words),
        });
    }
    Ok(hits)
}

async fn load_chats(state: &AppState, wanted: &[(i64, i64)], words: &[String]) -> AppResult<Vec<ChatHit>> {
    let mut hits = Vec::new();
    for (chat_id, message_id) in wanted {
        let row: Option<(i64, String, i64, String)> = sqlx::query_as(
            "SELECT s.member_id, u.display_name, s.enqueued_at, m.body FROM chat_sessions s
             JOIN users u ON u.id = s.member_id JOIN chat_messages m ON m.session_id = s.id
             WHERE s.id = $1 AND m.id = $2",
        )
        .bind(*chat_id)
        .bind(*message_id)
        .fetch_optional(&state.db.pool)
        .await?;
        if let Some((member_id, member_name, started, body)) = row {
            hits.push(ChatHit {
                id: *chat_id,
                member_id,
                member_name,
                started_at: Moment::from_millis(started),
                snippet: snippet(&body, words),
            });
        }
    }
    Ok(hits)
}

async fn load_members(state: &AppState, wanted: &[i64]) -> AppResult<Vec<MemberHit>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, display_name, email, sso_subject FROM users WHERE role = 'member' AND withdrawn_at IS NULL AND id IN ({})",
        placeholders(1, wanted.len())
    );
    let mut q = sqlx::query_as::<_, (i64, String, String, Option<String>)>(&sql);
    for id in wanted {
        q = q.bind(*id);
    }
    let rows = q.fetch_all(&state.db.pool).await?;
    Ok(wanted
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.0 == *id))
        .map(|(id, display_name, email, sso_subject)| MemberHit {
            id: *id,
            display_name: display_name.clone(),
            email: email.clone(),
            sso_subject: sso_subject.clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_count_from_the_first() {
        assert_eq!(super::placeholders(2, 3), "$2, $3, $4");
    }
}
