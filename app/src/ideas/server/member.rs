use super::rows::{load, view, IDEA_COLUMNS};
use crate::auth::server::{current_user, require_member, require_verified_member};
use crate::error::{AppError, AppResult};
use crate::faq::{search_terms, suggestion_terms};
use crate::ideas::{BoardFilter, BoardSort, IdeaInput, IdeaStatus, IdeaView};
use crate::infra::http::state;
use crate::infra::limits::Action;
use crate::infra::rate_limit;

async fn viewer_id() -> AppResult<i64> {
    Ok(current_user().await?.map(|u| u.id).unwrap_or(0))
}

pub async fn board(filter: BoardFilter) -> AppResult<Vec<IdeaView>> {
    let state = state()?;
    let viewer = viewer_id().await?;
    let order = match filter.sort {
        BoardSort::Newest => "i.created_at DESC, i.id DESC",
        BoardSort::MostVotes => "votes DESC, i.created_at DESC",
    };
    let rows = sqlx::query(&format!(
        "SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.hidden = 0 AND ($2 = '' OR i.status = $2) ORDER BY {order} LIMIT 200"
    ))
    .bind(viewer)
    .bind(filter.status.map(|s| s.as_str()).unwrap_or(""))
    .fetch_all(&state.db.pool)
    .await?;
    rows.iter().map(|r| view(r, viewer)).collect()
}

/// The adopted board: what changed, newest decision first.
pub async fn adopted() -> AppResult<Vec<IdeaView>> {
    let state = state()?;
    let viewer = viewer_id().await?;
    let rows = sqlx::query(&format!(
        "SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.hidden = 0 AND i.status = 'adopted' ORDER BY i.status_changed_at DESC, i.id DESC"
    ))
    .bind(viewer)
    .fetch_all(&state.db.pool)
    .await?;
    rows.iter().map(|r| view(r, viewer)).collect()
}

/// Existing ideas whose titles share keywords with `title` (normalized, so カタカナ and ひらがな
/// meet), most shared first: shown while a member types, so they can vote instead of repeating.
pub async fn similar(title: String) -> AppResult<Vec<IdeaView>> {
    crate::faq::server::take_lookup().await?;
    let mut terms = suggestion_terms(&title);
    for t in search_terms(&title) {
        if !terms.contains(&t) && t.chars().count() >= 2 {
            terms.push(t);
        }
    }
    terms.truncate(8);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let state = state()?;
    let viewer = viewer_id().await?;
    let score: Vec<String> = (0..terms.len())
        .map(|k| format!("CASE WHEN i.search_title LIKE ${} ESCAPE '\\' THEN 1 ELSE 0 END", k + 2))
        .collect();
    let sql = format!(
        "SELECT * FROM (SELECT {IDEA_COLUMNS}, {score} AS score FROM ideas i WHERE i.hidden = 0 AND i.status <> 'duplicate') s
         WHERE score > 0 ORDER BY score DESC, votes DESC LIMIT 5",
        score = score.join(" + ")
    );
    let mut q = sqlx::query(&sql).bind(viewer);
    for t in &terms {
        q = q.bind(format!("%{}%", t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")));
    }
    let rows = q.fetch_all(&state.db.pool).await?;
    rows.iter().map(|r| view(r, viewer)).collect()
}

pub async fn post(input: IdeaInput) -> AppResult<IdeaView> {
    let member = require_verified_member().await?;
    let (title, body) = input.validate()?;
    let state = state()?;
    let now = state.clock.now_ms();
    rate_limit::take(&state, Action::IdeaPost, &member.id.to_string()).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO ideas (member_id, title, body, search_title, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(member.id)
    .bind(&title)
    .bind(&body)
    .bind(crate::faq::normalize(&title))
    .bind(now)
    .fetch_one(&state.db.pool)
    .await?;
    tracing::info!(idea_id = id, member_id = member.id, "idea posted");
    load(&state.db, id, member.id, false).await
}

/// Votes (`vote = true`) or takes the vote back. Once per member per idea; a duplicate takes no
/// votes (they belong to the original).
pub async fn vote(idea_id: i64, on: bool) -> AppResult<IdeaView> {
    let member = require_verified_member().await?;
    let state = state()?;
    rate_limit::take(&state, Action::IdeaVote, &member.id.to_string()).await?;
    let idea = load(&state.db, idea_id, member.id, false).await?;
    if on {
        if idea.status == IdeaStatus::Duplicate {
            return Err(AppError::field("idea", crate::domain::ValidationError::InvalidChoice));
        }
        sqlx::query(
            "INSERT INTO idea_votes (idea_id, member_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(idea_id)
        .bind(member.id)
        .bind(state.clock.now_ms())
        .execute(&state.db.pool)
        .await?;
    } else {
        sqlx::query("DELETE FROM idea_votes WHERE idea_id = $1 AND member_id = $2")
            .bind(idea_id)
            .bind(member.id)
            .execute(&state.db.pool)
            .await?;
    }
    load(&state.db, idea_id, member.id, false).await
}

pub async fn mine() -> AppResult<Vec<IdeaView>> {
    let member = require_member().await?;
    let state = state()?;
    let rows =
        sqlx::query(&format!("SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.member_id = $1 ORDER BY i.created_at DESC"))
            .bind(member.id)
            .fetch_all(&state.db.pool)
            .await?;
    rows.iter().map(|r| view(r, member.id)).collect()
}

/// Reads (`None`) or sets the member's choice about decision mails; answers whether they are on.
pub async fn mail_pref(enabled: Option<bool>) -> AppResult<bool> {
    let member = require_member().await?;
    let state = state()?;
    if let Some(enabled) = enabled {
        sqlx::query("UPDATE users SET idea_mail_opt_out = $1 WHERE id = $2")
            .bind(i64::from(!enabled))
            .bind(member.id)
            .execute(&state.db.pool)
            .await?;
    }
    let (opt_out,): (i64,) = sqlx::query_as("SELECT idea_mail_opt_out FROM users WHERE id = $1")
        .bind(member.id)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(opt_out == 0)
}
