//! Account management server functions: the caller's own sessions, name, password, mail
//! settings, address and withdrawal, and staff withdrawing a member on request.
use super::{EmailChange, PasswordChange, SessionInfo};
use crate::auth::{MailSettings, UserView};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// The caller's own sessions, newest use first.
#[server(prefix = "/api", endpoint = "account/sessions", input = Json)]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    use super::server::list_sessions;
    use crate::auth::server::require_member;
    crate::infra::http::reply(async { list_sessions(&require_member().await?).await }.await)
}

/// Ends one of the caller's sessions, or (`None`) every one but this.
#[server(prefix = "/api", endpoint = "account/sessions/end", input = Json)]
pub async fn end_my_sessions(id: Option<String>) -> Result<Vec<SessionInfo>, AppError> {
    use super::server::{end_sessions, list_sessions};
    use crate::auth::server::require_member;
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
    use super::server::rename;
    use crate::auth::server::require_member;
    crate::infra::http::reply(async { rename(&require_member().await?, display_name).await }.await)
}

/// A new password, with the current one as proof; every other session ends.
#[server(prefix = "/api", endpoint = "account/password", input = Json)]
pub async fn change_my_password(change: PasswordChange) -> Result<(), AppError> {
    use super::server::change_password;
    use crate::auth::server::require_member;
    crate::infra::http::reply(async { change_password(&require_member().await?, change).await }.await)
}

/// Reads (`None`) or sets the caller's mail settings.
#[server(prefix = "/api", endpoint = "account/mail-settings", input = Json)]
pub async fn my_mail_settings(change: Option<MailSettings>) -> Result<MailSettings, AppError> {
    use super::server::mail_settings;
    use crate::auth::server::require_member;
    crate::infra::http::reply(async { mail_settings(&require_member().await?, change).await }.await)
}

/// A new address, with the password: a link goes to it, a notice to the current one.
#[server(prefix = "/api", endpoint = "account/email", input = Json)]
pub async fn change_my_email(change: EmailChange) -> Result<(), AppError> {
    use super::server::request_email_change;
    use crate::auth::server::require_member;
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
    use super::server::withdraw_self;
    use crate::auth::server::require_member;
    crate::infra::http::reply(async { withdraw_self(&require_member().await?, password).await }.await)
}

/// Staff close a member's account on the member's request (recorded with the staff member).
#[server(prefix = "/api", endpoint = "admin/members/withdraw", input = Json)]
pub async fn withdraw_member(email: String) -> Result<(), AppError> {
    use super::server::withdraw_by_staff;
    use crate::auth::server::require_staff;
    crate::infra::http::reply(async { withdraw_by_staff(&require_staff().await?, email).await }.await)
}
