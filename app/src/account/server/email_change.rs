//! Changing the account's address: the member asks with their password; a single-use link goes
//! to the new address and a notice to the current one; only opening the link switches, and the
//! old address is told again when it does.
use crate::account::EmailChange;
use crate::auth::server::tokens::{digest, random_token};
use crate::auth::server::{hashing, mails, users};
use crate::auth::UserView;
use crate::domain::{Email, ValidationError};
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::mail::enqueue_in;

const VALID_MS: i64 = 24 * 3_600_000;
pub const PAGE: &str = "/account/email";

pub async fn request(user: &UserView, change: EmailChange) -> AppResult<()> {
    let new = Email::parse(&change.new_email).map_err(|e| AppError::field("new_email", e))?;
    if new.as_ref() == user.email {
        return Err(AppError::field("new_email", ValidationError::SameEmail));
    }
    let state = state()?;
    let ip = client_ip(&parts()?, &state);
    // The password proves it is the member; guesses count like login attempts.
    rate_limit::take(&state, Action::LoginAccountAddress, &format!("{}\n{ip}", user.email)).await?;
    let record = users::find_by_email(&state.db, &user.email).await?.ok_or(AppError::NotFound)?;
    if !hashing::verify(change.password, Some(record.password_hash)).await? {
        return Err(AppError::field("password", ValidationError::WrongPassword));
    }
    // Mails to the new address are limited like every account mail.
    rate_limit::take(&state, Action::AccountMail, new.as_ref()).await?;
    let token = random_token();
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO email_changes (token_hash, user_id, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(digest(&token))
    .bind(user.id)
    .bind(new.as_ref())
    .bind(now)
    .bind(now + VALID_MS)
    .execute(&mut *tx)
    .await?;
    let lang = users::mail_lang(&mut *tx, user.id).await?;
    let link = format!("{}{PAGE}?token={token}", state.settings.public_url);
    enqueue_in(&mut *tx, &mails::email_change_link(new.as_ref(), &user.display_name, &link, lang), now).await?;
    enqueue_in(&mut *tx, &mails::email_change_notice(&user.email, &mails::mask(new.as_ref()), false, lang), now)
        .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(user_id = user.id, "address change asked for");
    Ok(())
}

/// Opens the link: spends it (one UPDATE) and switches the address, in one transaction, so an
/// address another account took meanwhile leaves the link unspent and the account unchanged.
pub async fn confirm(token: String) -> AppResult<()> {
    let state = state()?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let spent: Option<(i64, String)> = sqlx::query_as(
        "UPDATE email_changes SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING user_id, new_email",
    )
    .bind(now)
    .bind(digest(&token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((user_id, new_email)) = spent else { return Err(AppError::InvalidLink) };
    let (old_email,): (String,) = sqlx::query_as("SELECT email FROM users WHERE id = $1 AND withdrawn_at IS NULL")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::InvalidLink)?;
    // A new address starts with a clean record: a bounce of the old one says nothing about it.
    let switched = sqlx::query(
        "UPDATE users SET email = $1, email_verified_at = $2, mail_failing_at = NULL, mail_failing_reason = NULL WHERE id = $3",
    )
        .bind(&new_email)
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await;
    match switched {
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
            return Err(AppError::field("new_email", ValidationError::EmailInUse));
        }
        other => {
            other?;
        }
    }
    crate::search::server::index::member(&mut tx, user_id).await?;
    let lang = users::mail_lang(&mut *tx, user_id).await?;
    enqueue_in(&mut *tx, &mails::email_change_notice(&old_email, &mails::mask(&new_email), true, lang), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(user_id, "address changed");
    Ok(())
}
