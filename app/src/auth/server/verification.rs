//! Sign-up with a verified address, answered the same whether or not the address has an
//! account: a new address gets a verification link, a registered one gets a note to its owner.
//! Both paths hash the password, so the time taken tells nothing either.
use super::mails;
use super::tokens::{self, Purpose};
use super::{hashing, sessions, users};
use crate::auth::{RegisterInput, Registered, UserView};
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState};
use crate::mail::enqueue_in;
use sqlx::{Any, Transaction};

const VERIFY_HOURS: i64 = Purpose::VerifyEmail.valid_ms() / 3_600_000;

pub async fn register(input: RegisterInput) -> AppResult<Registered> {
    let state = state()?;
    // Members come from the parent site only (`MADOGUCHI_LOCAL_SIGNUP=false`).
    if !state.settings.local_signup {
        return Err(AppError::Forbidden);
    }
    let valid = input.validate()?;
    let parts = parts()?;
    // Attempts are counted, not successes: a refused sign-up costs a hash too.
    rate_limit::take(&state, Action::Register, &client_ip(&parts, &state)).await?;
    let email = valid.email.as_ref().to_owned();
    let hash = hashing::hash(valid.password.expose().to_owned()).await?;
    let now = state.clock.now_ms();
    // Mails to one address are limited however many addresses ask, so nobody can use sign-up to
    // flood someone's inbox. Past the limit the answer is still the same; only the mail is skipped.
    let mail_allowed = rate_limit::take(&state, Action::AccountMail, &email).await.is_ok();
    let mut tx = state.db.pool.begin().await?;
    let created: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO users (email, password_hash, display_name, role, created_at, mail_lang)
         VALUES ($1, $2, $3, 'member', $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(&email)
    .bind(&hash)
    .bind(valid.display_name.as_ref())
    .bind(now)
    .bind(input.lang.code())
    .fetch_optional(&mut *tx)
    .await?;
    match created {
        Some((user_id,)) => {
            crate::search::server::index::member(&mut tx, user_id).await?;
            let link = new_link(&mut tx, &state, user_id, now).await?;
            if mail_allowed {
                let mail = mails::verification(&email, valid.display_name.as_ref(), &link, VERIFY_HOURS, input.lang);
                enqueue_in(&mut *tx, &mail, now).await?;
            }
            tracing::info!(user_id, "member registered; verification mailed");
        }
        None => {
            if mail_allowed {
                // In the owner's language, not the requester's.
                let (lang,): (String,) = sqlx::query_as("SELECT mail_lang FROM users WHERE email = $1")
                    .bind(&email)
                    .fetch_one(&mut *tx)
                    .await?;
                let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
                let mail = mails::already_registered(&email, &format!("{}/login", state.settings.public_url), lang);
                enqueue_in(&mut *tx, &mail, now).await?;
            }
            tracing::info!("sign-up for a registered address; owner notified");
        }
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Registered { email })
}

/// A fresh single-use verification link for `user_id`, stored (hashed) in the caller's transaction.
async fn new_link(tx: &mut Transaction<'_, Any>, state: &AppState, user_id: i64, now: i64) -> AppResult<String> {
    let token = tokens::issue(&mut **tx, Purpose::VerifyEmail, user_id, now).await?;
    Ok(format!("{}{}?token={token}", state.settings.public_url, Purpose::VerifyEmail.page()))
}

/// Opens a verification link: spends the token (one UPDATE, so two clicks cannot both use it),
/// marks the address verified and logs the member in.
pub async fn verify(token: String) -> AppResult<UserView> {
    let state = state()?;
    let now = state.clock.now_ms();
    let Some(user_id) = tokens::spend(&state.db.pool, Purpose::VerifyEmail, &token, now).await? else {
        return Err(AppError::InvalidLink);
    };
    sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(&state.db.pool)
        .await?;
    let user = users::find_by_id(&state.db, user_id).await?.ok_or(AppError::InvalidLink)?;
    sessions::start(&state, &user).await?;
    tracing::info!(user_id, "address verified");
    Ok(user)
}

/// Mails a new verification link to the logged-in, not yet verified member.
pub async fn resend(user: UserView) -> AppResult<()> {
    if user.email_verified {
        return Ok(());
    }
    let state = state()?;
    rate_limit::take(&state, Action::AccountMail, &user.email).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let link = new_link(&mut tx, &state, user.id, now).await?;
    let lang = users::mail_lang(&mut *tx, user.id).await?;
    enqueue_in(&mut *tx, &mails::verification(&user.email, &user.display_name, &link, VERIFY_HOURS, lang), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}
