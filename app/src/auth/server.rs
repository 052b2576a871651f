//! Server side of accounts: the user store, password hashing, sessions, and the guards every
//! other feature's server functions call first (`require_member`, `require_staff`).
mod guard;
mod hashing;
mod sessions;
mod users;

pub use guard::{current_user, require_member, require_staff};
pub use sessions::{user_for_token, SESSION_COOKIE};
pub use users::{create_user, CreateUserError};

use super::{LoginInput, RegisterInput, Role, UserView};
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::rate_limit::{self, Limit};

pub async fn register(input: RegisterInput) -> AppResult<UserView> {
    let valid = input.validate()?;
    let state = state()?;
    let parts = parts()?;
    let now = state.clock.now_ms();
    let key = format!("register:{}", client_ip(&parts, state.settings.trust_forwarded_for));
    let limit = Limit { max: state.settings.registrations_per_hour, window_ms: 3_600_000 };
    rate_limit::check(&state.db, &key, limit, now).await?;
    let user = create_user(&state.db, &valid.email, &valid.password, valid.display_name.as_ref(), Role::Member, now)
        .await
        .map_err(|e| match e {
            CreateUserError::EmailTaken => AppError::EmailTaken,
            CreateUserError::Db(err) => err.into(),
        })?;
    rate_limit::record(&state.db, &key, limit, now).await?;
    sessions::start(&state, user.id).await?;
    tracing::info!(user_id = user.id, "member registered");
    Ok(user)
}

pub async fn login(input: LoginInput) -> AppResult<UserView> {
    let state = state()?;
    let parts = parts()?;
    let now = state.clock.now_ms();
    let limit = Limit { max: state.settings.login_max_failures, window_ms: state.settings.login_window_secs * 1000 };
    let email = input.email.trim().to_lowercase();
    let account_key = format!("login:acct:{email}");
    let ip_key = format!("login:ip:{}", client_ip(&parts, state.settings.trust_forwarded_for));
    rate_limit::check(&state.db, &account_key, limit, now).await?;
    rate_limit::check(&state.db, &ip_key, limit, now).await?;

    let record = users::find_by_email(&state.db, &email).await?;
    // Verify against a dummy hash when the account does not exist, so timing does not reveal
    // which addresses are registered.
    let stored = record.as_ref().map(|r| r.password_hash.clone());
    let ok = hashing::verify(input.password, stored).await?;
    match (ok, record) {
        (true, Some(user)) => {
            rate_limit::clear(&state.db, &account_key).await?;
            sessions::start(&state, user.view.id).await?;
            tracing::info!(user_id = user.view.id, "logged in");
            Ok(user.view)
        }
        _ => {
            rate_limit::record(&state.db, &account_key, limit, now).await?;
            rate_limit::record(&state.db, &ip_key, limit, now).await?;
            tracing::warn!("failed login");
            Err(AppError::InvalidCredentials)
        }
    }
}

pub async fn logout() -> AppResult<()> {
    let state = state()?;
    let parts = parts()?;
    sessions::end(&state, &parts).await
}
