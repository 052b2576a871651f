//! Account server functions. Each is a public HTTP endpoint under `/api/auth/…`.
use super::MailSettings;
use super::{LoginInput, PasswordChange, RegisterInput, Registered, ResetInput, SessionInfo, SignInOptions, UserView};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Always the same answer ("we sent a mail"), whether or not the address has an account.
#[server(prefix = "/api", endpoint = "auth/register", input = Json)]
pub async fn register(input: RegisterInput) -> Result<Registered, AppError> {
    crate::infra::http::reply(super::server::register(input).await)
}

/// Opens a mailed verification link: verifies the address and logs the member in.
#[server(prefix = "/api", endpoint = "auth/verify", input = Json)]
pub async fn verify_email(token: String) -> Result<UserView, AppError> {
    crate::infra::http::reply(super::server::verify(token).await)
}

/// "Forgot your password?": always the same answer; a link goes to the address if it has an account.
#[server(prefix = "/api", endpoint = "auth/reset/request", input = Json)]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::request_reset(email).await)
}

/// Sets the new password from a reset link; ends every session and logs this browser in (not for
/// accounts with two-factor: `None`, they log in with their code).
#[server(prefix = "/api", endpoint = "auth/reset/confirm", input = Json)]
pub async fn confirm_password_reset(input: ResetInput) -> Result<Option<UserView>, AppError> {
    crate::infra::http::reply(super::server::confirm_reset(input).await)
}

/// The caller's own sessions, newest use first.
#[server(prefix = "/api", endpoint = "account/sessions", input = Json)]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    use super::server::{list_sessions, require_member};
    crate::infra::http::reply(async { list_sessions(&require_member().await?).await }.await)
}

/// Ends one of the caller's sessions, or (`None`) every one but this.
#[server(prefix = "/api", endpoint = "account/sessions/end", input = Json)]
pub async fn end_my_sessions(id: Option<String>) -> Result<Vec<SessionInfo>, AppError> {
    use super::server::{end_sessions, list_sessions, require_member};
    crate::infra::http::reply(
        async {
            let user = require_member().await?;
            end_sessions(&user, id).await?;
            list_sessions(&user).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "account/name", input = Json)]
pub async fn change_display_name(display_name: String) -> Result<UserView, AppError> {
    use super::server::{rename, require_member};
    crate::infra::http::reply(async { rename(&require_member().await?, display_name).await }.await)
}

/// A new password, with the current one as proof; every other session ends.
#[server(prefix = "/api", endpoint = "account/password", input = Json)]
pub async fn change_my_password(change: PasswordChange) -> Result<(), AppError> {
    use super::server::{change_password, require_member};
    crate::infra::http::reply(async { change_password(&require_member().await?, change).await }.await)
}

/// Reads (`None`) or sets the caller's mail settings.
#[server(prefix = "/api", endpoint = "account/mail-settings", input = Json)]
pub async fn my_mail_settings(change: Option<MailSettings>) -> Result<MailSettings, AppError> {
    use super::server::{mail_settings, require_member};
    crate::infra::http::reply(async { mail_settings(&require_member().await?, change).await }.await)
}

/// A new address, with the password: a link goes to it, a notice to the current one.
#[server(prefix = "/api", endpoint = "account/email", input = Json)]
pub async fn change_my_email(change: super::EmailChange) -> Result<(), AppError> {
    use super::server::{request_email_change, require_member};
    crate::infra::http::reply(async { request_email_change(&require_member().await?, change).await }.await)
}

/// Opens the link mailed to the new address (in any browser: the link is the proof).
#[server(prefix = "/api", endpoint = "account/email/confirm", input = Json)]
pub async fn confirm_email_change(token: String) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::confirm_email_change(token).await)
}

/// Withdrawal (退会), with the password asked again: the account is closed and its personal data
/// erased. The browser's session ends with it.
#[server(prefix = "/api", endpoint = "account/withdraw", input = Json)]
pub async fn withdraw(password: String) -> Result<(), AppError> {
    use super::server::{require_member, withdraw_self};
    crate::infra::http::reply(async { withdraw_self(&require_member().await?, password).await }.await)
}

/// Staff close a member's account on the member's request (recorded with the staff member).
#[server(prefix = "/api", endpoint = "admin/members/withdraw", input = Json)]
pub async fn withdraw_member(email: String) -> Result<(), AppError> {
    use super::server::{require_staff, withdraw_by_staff};
    crate::infra::http::reply(async { withdraw_by_staff(&require_staff().await?, email).await }.await)
}

#[server(prefix = "/api", endpoint = "auth/resend-verification", input = Json)]
pub async fn resend_verification() -> Result<(), AppError> {
    use super::server::{require_member, resend_verification};
    crate::infra::http::reply(async { resend_verification(require_member().await?).await }.await)
}

/// Whether members log in through the parent site, and whether they may sign up here. Public:
/// the login and sign-up pages ask before showing their forms.
#[server(prefix = "/api", endpoint = "auth/options", input = Json)]
pub async fn get_sign_in_options() -> Result<SignInOptions, AppError> {
    crate::infra::http::reply(
        async {
            let state = crate::infra::http::state()?;
            let mut carrier_domains: Vec<String> = super::CARRIER_DOMAINS.iter().map(|d| d.to_string()).collect();
            carrier_domains.extend(state.settings.carrier_mail_domains.iter().cloned());
            let from = &state.settings.mail_from;
            let sender_domain =
                from.rsplit_once('@').map(|(_, d)| d.trim_end_matches('>').trim().to_owned()).unwrap_or_default();
            Ok(SignInOptions {
                sso_login_url: state.settings.sso_login_url.clone(),
                local_signup: state.settings.local_signup,
                carrier_domains,
                sender_domain,
            })
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "auth/login", input = Json)]
pub async fn login(input: LoginInput) -> Result<UserView, AppError> {
    crate::infra::http::reply(super::server::login(input).await)
}

#[server(prefix = "/api", endpoint = "auth/logout", input = Json)]
pub async fn logout() -> Result<(), AppError> {
    crate::infra::http::reply(super::server::logout().await)
}

/// The logged-in user, or `None` for a visitor.
#[server(prefix = "/api", endpoint = "auth/me", input = Json)]
pub async fn current_user() -> Result<Option<UserView>, AppError> {
    crate::infra::http::reply(
        async {
            let Some(mut user) = super::server::current_user().await? else { return Ok(None) };
            if !user.is_staff() {
                let state = crate::infra::http::state()?;
                user.unread_replies = crate::contact::server::unread_replies(&state.db, user.id).await?;
                let (failing,): (Option<i64>,) = sqlx::query_as("SELECT mail_failing_at FROM users WHERE id = $1")
                    .bind(user.id)
                    .fetch_one(&state.db.pool)
                    .await?;
                user.mail_refused_from = failing.map(|_| {
                    let from = crate::mail::reply_address::support_address(&state.settings.mail_from);
                    from.rsplit_once('@').map(|(_, d)| d.to_owned()).unwrap_or(from)
                });
            }
            Ok(Some(user))
        }
        .await,
    )
}
