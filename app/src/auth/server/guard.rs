//! The checks every server function makes first. A server function is a public endpoint, so the
//! client-side route guard is only a courtesy; these are the real gate.
use super::sessions;
use crate::auth::UserView;
use crate::error::{AppError, AppResult};
use crate::infra::http::{parts, state};

pub async fn current_user() -> AppResult<Option<UserView>> {
    let state = state()?;
    let parts = parts()?;
    sessions::user_for(&state, &parts).await
}

/// Any logged-in user (members and staff).
pub async fn require_member() -> AppResult<UserView> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// Staff only: 401 for visitors, 403 for members.
pub async fn require_staff() -> AppResult<UserView> {
    let user = require_member().await?;
    if user.is_staff() {
        Ok(user)
    } else {
        tracing::warn!(user_id = user.id, "member called a staff function");
        Err(AppError::Forbidden)
    }
}
