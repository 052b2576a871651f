//! Server side of accounts: the user store, password hashing, sessions, and the guards every
//! other feature's server functions call first (`require_member`, `require_staff`).
mod guard;
pub(crate) mod hashing;
pub(crate) mod mails;
mod reset;
pub(crate) mod sessions;
mod sso;
pub(crate) mod tokens;
pub(crate) mod two_factor;
pub(crate) mod users;
mod verification;

pub use guard::{
    caller, current_user, require_member, require_staff, require_staff_enrolling, require_supervisor,
    require_verified_member, Member, Staff, Supervisor, Writer,
};
pub use hashing::configure as configure_hashing;
pub use reset::{confirm as confirm_reset, request as request_reset};
pub use sessions::SESSION_COOKIE;
pub use sso::handoff as sso_handoff;
pub use two_factor::{backup_codes_left, confirm as confirm_two_factor, start as start_two_factor};
pub use users::mail_lang;
pub use users::{create_user, create_user_with_role, CreateUserError};
pub use verification::{register, resend as resend_verification, verify};

use super::{LoginInput, UserView};
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::rate_limit;

/// Login attempts take a slot of three limits BEFORE the password is checked, so parallel guesses
/// cannot all be checked: per account and client address (the owner's own retries), per address
/// (one source trying many accounts), and a high per-account ceiling across addresses that is
/// skipped inside `login_exempt_networks`, so nobody can lock staff out from their own network.
pub async fn login(input: LoginInput) -> AppResult<UserView> {
    let state = state()?;
    let parts = parts()?;
    let email = input.email.trim().to_lowercase();
    let ip = client_ip(&parts, &state);
    let account_address = format!("{email}\n{ip}");
    rate_limit::take(&state, Action::LoginAddress, &ip).await?;
    rate_limit::take(&state, Action::LoginAccountAddress, &account_address).await?;
    let exempt =
        ip.parse().map(|addr| state.settings.login_exempt_networks.iter().any(|n| n.contains(addr))).unwrap_or(false);
    if !exempt {
        rate_limit::take(&state, Action::LoginAccount, &email).await?;
    }

    let record = users::find_by_email(&state.db, &email).await?;
    // Verify against a dummy hash when the account does not exist, so timing does not reveal
    // which addresses are registered.
    let stored = record.as_ref().map(|r| r.password_hash.clone());
    let ok = hashing::verify(input.password, stored).await?;
    match (ok, record) {
        // A deactivated staff account answers like a wrong password: nothing to learn from it.
        (true, Some(user)) if !user.deactivated => {
            // The second step, for accounts with two-factor. Asking for it only after the right
            // password is what every site does; the password attempts stay limited as above.
            if user.view.two_factor {
                let code = input.code.as_deref().map(str::trim).filter(|c| !c.is_empty());
                let Some(code) = code else { return Err(AppError::CodeRequired) };
                two_factor::check_login(&state, user.view.id, code).await?;
            }
            let view = two_factor::with_due(&state, user.view);
            rate_limit::clear(&state, Action::LoginAccountAddress, &account_address).await?;
            sessions::start(&state, &view).await?;
            if view.is_staff() {
                audit::record(&state.db.pool, view.id, AuditAction::Login, "", &ip, state.clock.now_ms()).await?;
            }
            tracing::info!(user_id = view.id, "logged in");
            Ok(view)
        }
        (_, record) => {
            // A staff account's failed logins are in the audit log (a member's are only logged).
            if let Some(staff) = record.filter(|r| r.view.is_staff()) {
                audit::record(&state.db.pool, staff.view.id, AuditAction::LoginFailed, "", &ip, state.clock.now_ms())
                    .await?;
            }
            tracing::warn!(client = %ip, "failed login");
            Err(AppError::InvalidCredentials)
        }
    }
}

pub async fn logout() -> AppResult<()> {
    let state = state()?;
    let parts = parts()?;
    sessions::end(&state, &parts).await
}
