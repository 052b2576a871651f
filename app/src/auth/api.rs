//! Account server functions. Each is a public HTTP endpoint under `/api/auth/…`.
use super::{LoginInput, RegisterInput, Registered, ResetInput, SignInOptions, UserView};
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
