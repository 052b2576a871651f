//! Database-backed sessions. The cookie holds a random 256-bit token; the table holds only its
//! SHA-256, so a copy of the database cannot be replayed as logins.
use super::tokens::{digest, random_token};
use crate::auth::UserView;
use crate::error::AppResult;
use crate::infra::http::{cookie, set_cookie};
use crate::infra::AppState;
use axum::http::request::Parts;

pub const SESSION_COOKIE: &str = "madoguchi_session";

fn cookie_header(state: &AppState, value: &str, max_age_secs: i64) -> String {
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

pub async fn start(state: &AppState, user: &UserView) -> AppResult<()> {
    let token = random_token();
    let now = state.clock.now_ms();
    // Staff sessions read every member's personal data, so they end sooner.
    let ttl_hours =
        if user.is_staff() { state.settings.staff_session_ttl_hours } else { state.settings.session_ttl_hours };
    let ttl_secs = ttl_hours * 3600;
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(digest(&token))
        .bind(user.id)
        .bind(now)
        .bind(now + ttl_secs * 1000)
        .execute(&state.db.pool)
        .await?;
    set_cookie(cookie_header(state, &token, ttl_secs));
    Ok(())
}

pub async fn end(state: &AppState, parts: &Parts) -> AppResult<()> {
    if let Some(token) = cookie(parts, SESSION_COOKIE) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(digest(&token)).execute(&state.db.pool).await?;
    }
    set_cookie(cookie_header(state, "", 0));
    Ok(())
}

/// The user behind the request's session cookie, if the session is still valid.
pub async fn user_for(state: &AppState, parts: &Parts) -> AppResult<Option<UserView>> {
    let Some(token) = cookie(parts, SESSION_COOKIE) else {
        return Ok(None);
    };
    user_for_token(state, &token).await
}

pub async fn user_for_token(state: &AppState, token: &str) -> AppResult<Option<UserView>> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.display_name, u.role, u.email_verified_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(digest(token))
    .bind(state.clock.now_ms())
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(match row {
        Some(row) => Some(super::users::view_from_row(&row)?),
        None => None,
    })
}
