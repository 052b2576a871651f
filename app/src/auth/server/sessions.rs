//! Database-backed sessions. The cookie holds a random 256-bit token; the table holds only its
//! SHA-256, so a copy of the database cannot be replayed as logins.
use super::tokens::{digest, random_token};
use crate::auth::UserView;
use crate::error::AppResult;
use crate::infra::http::{cookie, set_cookie};
use crate::infra::AppState;
use axum::http::request::Parts;
use sqlx::Row;

pub const SESSION_COOKIE: &str = "madoguchi_session";

fn cookie_header(state: &AppState, value: &str, max_age_secs: i64) -> String {
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// Logs `user` in for this server-function request: a new session and its cookie.
pub async fn start(state: &AppState, user: &UserView) -> AppResult<()> {
    // The browser, for the member's list of their own sessions ("Chrome on Windows").
    let agent = crate::infra::http::parts()
        .ok()
        .and_then(|p| p.headers.get("user-agent").and_then(|v| v.to_str().ok()).map(str::to_owned))
        .unwrap_or_default();
    let cookie = issue(state, user, &agent).await?;
    set_cookie(cookie);
    Ok(())
}

/// A new session for `user`; returns the `Set-Cookie` value (axum routes set it themselves).
pub async fn issue(state: &AppState, user: &UserView, user_agent: &str) -> AppResult<String> {
    let token = random_token();
    let now = state.clock.now_ms();
    // Staff sessions read every member's personal data, so they end sooner.
    let ttl_hours =
        if user.is_staff() { state.settings.staff_session_ttl_hours } else { state.settings.session_ttl_hours };
    let ttl_secs = ttl_hours * 3600;
    let agent: String = user_agent.chars().take(300).collect();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, user_agent)
         VALUES ($1, $2, $3, $4, $3, $5)",
    )
    .bind(digest(&token))
    .bind(user.id)
    .bind(now)
    .bind(now + ttl_secs * 1000)
    .bind(agent)
    .execute(&state.db.pool)
    .await?;
    Ok(cookie_header(state, &token, ttl_secs))
}

pub async fn end(state: &AppState, parts: &Parts) -> AppResult<()> {
    if let Some(token) = cookie(parts, SESSION_COOKIE) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(digest(&token)).execute(&state.db.pool).await?;
    }
    set_cookie(cookie_header(state, "", 0));
    Ok(())
}

/// The digest of the request's own session, to tell "this device" apart and keep it.
pub fn current_digest(parts: &Parts) -> Option<String> {
    cookie(parts, SESSION_COOKIE).map(|t| digest(&t))
}

/// The user behind the request's session cookie, if the session is still valid.
pub async fn user_for(state: &AppState, parts: &Parts) -> AppResult<Option<UserView>> {
    let Some(token) = cookie(parts, SESSION_COOKIE) else {
        return Ok(None);
    };
    user_for_token(state, &token).await
}

/// How stale `last_seen_at` may get before a request writes it again: one write a minute per
/// active session, not one per request.
const SEEN_EVERY_MS: i64 = 60_000;

async fn user_for_token(state: &AppState, token: &str) -> AppResult<Option<UserView>> {
    let now = state.clock.now_ms();
    let hash = digest(token);
    let row = sqlx::query(
        "SELECT u.id, u.email, u.display_name, u.role, u.staff_role, u.email_verified_at, u.totp_confirmed_at,
                s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL",
    )
    .bind(&hash)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let user = super::two_factor::with_due(state, super::users::view_from_row(&row)?);
    let last_seen: i64 = row.try_get("last_seen_at")?;
    // Staff sessions also end after a while without use: an unattended desk shows nobody's data.
    if user.is_staff() && now - last_seen > state.settings.staff_idle_minutes * 60_000 {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(&hash).execute(&state.db.pool).await?;
        tracing::info!(user_id = user.id, "idle staff session ended");
        return Ok(None);
    }
    if now - last_seen > SEEN_EVERY_MS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(&hash)
            .execute(&state.db.pool)
            .await?;
    }
    Ok(Some(user))
}
