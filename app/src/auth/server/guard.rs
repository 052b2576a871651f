//! The one way to know the caller. Server functions call `require_member` / `require_staff` /
//! `require_supervisor`; axum routes and sockets take the `Member` / `Staff` / `Supervisor`
//! extractors. Both resolve the session cookie
//! through `caller`, so a fix here lands everywhere at once. A server function is a public
//! endpoint, so the client-side route guard is only a courtesy; these are the real gate.
use super::sessions;
use crate::auth::UserView;
use crate::error::{AppError, AppResult};
use crate::infra::http::{parts, state};
use crate::infra::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// The user behind a request's session cookie, if any.
pub async fn caller(state: &AppState, parts: &Parts) -> AppResult<Option<UserView>> {
    sessions::user_for(state, parts).await
}

fn staff_enrolling(user: UserView) -> AppResult<UserView> {
    if user.is_staff() {
        Ok(user)
    } else {
        tracing::warn!(user_id = user.id, "member called a staff endpoint");
        Err(AppError::Forbidden)
    }
}

/// Staff, with two-factor set up when the setting requires it.
fn staff_only(user: UserView) -> AppResult<UserView> {
    let user = staff_enrolling(user)?;
    if user.two_factor_due {
        return Err(AppError::TwoFactorSetup);
    }
    Ok(user)
}

/// Supervisors: staff management, closure days, exports.
fn supervisor_only(user: UserView) -> AppResult<UserView> {
    let user = staff_only(user)?;
    if user.is_supervisor() {
        Ok(user)
    } else {
        tracing::warn!(user_id = user.id, "agent called a supervisor endpoint");
        Err(AppError::Forbidden)
    }
}

pub async fn current_user() -> AppResult<Option<UserView>> {
    caller(&state()?, &parts()?).await
}

/// Any logged-in user (members and staff).
pub async fn require_member() -> AppResult<UserView> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// A logged-in user whose address is verified: what writing (inquiries, chat, ideas, votes)
/// needs. Until then: `Unverified`, which the page explains with a "send the mail again" button.
pub async fn require_verified_member() -> AppResult<UserView> {
    let user = require_member().await?;
    if user.email_verified {
        Ok(user)
    } else {
        Err(AppError::Unverified)
    }
}

/// Staff only: 401 for visitors, 403 for members (and for staff who must set up two-factor first).
pub async fn require_staff() -> AppResult<UserView> {
    staff_only(require_member().await?)
}

/// Supervisors only: 401 for visitors, 403 for members and agents.
pub async fn require_supervisor() -> AppResult<UserView> {
    supervisor_only(require_member().await?)
}

/// Staff who may not have set up two-factor yet: only for the two-factor set-up itself.
pub async fn require_staff_enrolling() -> AppResult<UserView> {
    staff_enrolling(require_member().await?)
}

/// Extractor: a logged-in user (401 otherwise).
pub struct Member(pub UserView);

/// Extractor: a staff member (401 for visitors, 403 for members).
pub struct Staff(pub UserView);

/// Extractor: a supervisor (401 for visitors, 403 for members and agents).
pub struct Supervisor(pub UserView);

/// Extractor: someone who may write (upload a file): a member whose address is verified, or staff
/// past their two-factor set-up. 401 for visitors, 403 otherwise.
pub struct Writer(pub UserView);

impl FromRequestParts<AppState> for Member {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        caller(state, parts).await?.map(Member).ok_or(AppError::Unauthenticated)
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Member(user) = Member::from_request_parts(parts, state).await?;
        staff_only(user).map(Staff)
    }
}

impl FromRequestParts<AppState> for Supervisor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Member(user) = Member::from_request_parts(parts, state).await?;
        supervisor_only(user).map(Supervisor)
    }
}

impl FromRequestParts<AppState> for Writer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Member(user) = Member::from_request_parts(parts, state).await?;
        if user.is_staff() {
            return staff_only(user).map(Writer);
        }
        if user.email_verified {
            Ok(Writer(user))
        } else {
            Err(AppError::Unverified)
        }
    }
}
