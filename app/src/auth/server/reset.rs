//! Password reset from the login page. The request answers the same whether or not the address
//! has an account; the mailed link (single-use, hashed, 30 minutes) sets a new password, ends
//! every session of the account, logs this browser in and mails a confirmation.
use super::tokens::{self, Purpose};
use super::{hashing, mails, sessions, users};
use crate::auth::{ResetInput, UserView};
use crate::domain::{Email, Password};
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::mail::enqueue_in;

pub async fn request(email: String) -> AppResult<()> {
    let email = Email::parse(&email).map_err(|e| AppError::field("email", e))?;
    let state = state()?;
    let parts = parts()?;
    rate_limit::take(&state, Action::PasswordReset, &client_ip(&parts, &state)).await?;
    let Some(user) = users::find_by_email(&state.db, email.as_ref()).await? else {
        tracing::info!("password reset asked for an unknown address");
        return Ok(());
    };
    // Mails to one address are limited; past it the answer is still the same.
    if rate_limit::take(&state, Action::AccountMail, email.as_ref()).await.is_err() {
        return Ok(());
    }
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let token = tokens::issue(&mut *tx, Purpose::ResetPassword, user.view.id, now).await?;
    let link = format!("{}{}?token={token}", state.settings.public_url, Purpose::ResetPassword.page());
    let lang = users::mail_lang(&mut *tx, user.view.id).await?;
    enqueue_in(&mut *tx, &mails::reset_link(email.as_ref(), &link, lang), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(user_id = user.view.id, "password reset mailed");
    Ok(())
}

/// The new password is set and every session ends. The browser is logged in at once, unless the
/// account has two-factor: a mailed link must not stand in for the second factor, so those log in
/// again with password and code (`None`).
pub async fn confirm(input: ResetInput) -> AppResult<Option<UserView>> {
    let password = Password::parse(&input.password).map_err(|e| AppError::field("password", e))?;
    let state = state()?;
    // Hashed before the link is spent, so a refused password does not burn the link.
    let hash = hashing::hash(password.expose().to_owned()).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let Some(user_id) = tokens::spend(&mut *tx, Purpose::ResetPassword, &input.token, now).await? else {
        return Err(AppError::InvalidLink);
    };
    // The link proves the member reads this address, so it counts as verified too.
    let email: (String,) = sqlx::query_as(
        "UPDATE users SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $3
         RETURNING email",
    )
    .bind(&hash)
    .bind(now)
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?;
    // Every session ends: whoever knew the old password is out.
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
    let lang = users::mail_lang(&mut *tx, user_id).await?;
    enqueue_in(&mut *tx, &mails::password_changed(&email.0, lang), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    let user = users::find_by_id(&state.db, user_id).await?.ok_or(AppError::InvalidLink)?;
    tracing::info!(user_id, "password reset");
    if user.two_factor {
        return Ok(None);
    }
    sessions::start(&state, &user).await?;
    Ok(Some(user))
}
