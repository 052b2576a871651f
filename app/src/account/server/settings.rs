//! The member's own account: display name, password, and their sessions. Every function works on
//! the caller's own account only.
use crate::account::{PasswordChange, SessionInfo};
use crate::auth::server::{hashing, mails, sessions, users};
use crate::auth::{device_name, MailSettings, UserView};
use crate::calendar::Moment;
use crate::domain::{DisplayName, Password};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::mail::enqueue_in;

#[derive(sqlx::FromRow)]
struct SessionRow {
    short_id: String,
    user_agent: String,
    last_seen_at: i64,
}

pub async fn list_sessions(user: &UserView) -> AppResult<Vec<SessionInfo>> {
    let state = state()?;
    let mine = sessions::current_digest(&parts()?).unwrap_or_default();
    let rows: Vec<SessionRow> = sqlx::query_as(
        // A session is named by the first 16 characters of its digest (a literal: PostgreSQL's
        // substr takes int4, which a bound i64 is not).
        "SELECT substr(token_hash, 1, 16) AS short_id, user_agent, last_seen_at FROM sessions
         WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC",
    )
    .bind(user.id)
    .bind(state.clock.now_ms())
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SessionInfo {
            this_device: mine.starts_with(&r.short_id),
            id: r.short_id,
            device: device_name(&r.user_agent),
            last_seen: Moment::from_millis(r.last_seen_at),
        })
        .collect())
}

/// Ends one of the caller's sessions (`Some(id)`) or all but this one (`None`).
pub async fn end_sessions(user: &UserView, id: Option<String>) -> AppResult<()> {
    let state = state()?;
    let mine = sessions::current_digest(&parts()?).unwrap_or_default();
    match id {
        Some(id) => {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2")
                .bind(user.id)
                .bind(id)
                .execute(&state.db.pool)
                .await?;
        }
        None => end_others(&state.db.pool, user.id, &mine).await?,
    }
    Ok(())
}

/// Ends every session of `user_id` but the one whose digest is `keep`.
async fn end_others<'c, E>(executor: E, user_id: i64, keep: &str) -> AppResult<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id)
        .bind(keep)
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn rename(user: &UserView, name: String) -> AppResult<UserView> {
    let name = DisplayName::parse(&name).map_err(|e| AppError::field("display_name", e))?;
    let state = state()?;
    let mut tx = state.db.pool.begin().await?;
    sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
        .bind(name.as_ref())
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    crate::search::server::index::member(&mut tx, user.id).await?;
    tx.commit().await?;
    users::find_by_id(&state.db, user.id).await?.ok_or(AppError::NotFound)
}

/// A new password, with the current one as proof: every other session ends and a mail confirms it.
pub async fn change_password(user: &UserView, change: PasswordChange) -> AppResult<()> {
    let new = Password::parse(&change.new).map_err(|e| AppError::field("new", e))?;
    let state = state()?;
    let parts = parts()?;
    // Guessing the current password here counts against the same limit as at the login form.
    let ip = client_ip(&parts, &state);
    rate_limit::take(&state, Action::LoginAccountAddress, &format!("{}\n{ip}", user.email)).await?;
    let record = users::find_by_email(&state.db, &user.email).await?.ok_or(AppError::NotFound)?;
    if !hashing::verify(change.current, Some(record.password_hash)).await? {
        return Err(AppError::field("current", crate::domain::ValidationError::WrongPassword));
    }
    let hash = hashing::hash(new.expose().to_owned()).await?;
    let keep = sessions::current_digest(&parts).unwrap_or_default();
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(&hash)
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    end_others(&mut *tx, user.id, &keep).await?;
    let lang = users::mail_lang(&mut *tx, user.id).await?;
    enqueue_in(&mut *tx, &mails::password_changed(&user.email, lang), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(user_id = user.id, "password changed");
    Ok(())
}

/// Reads, or (`Some`) sets and reads, the caller's mail settings: language and idea-decision mails.
pub async fn mail_settings(user: &UserView, change: Option<MailSettings>) -> AppResult<MailSettings> {
    let state = state()?;
    if let Some(change) = change {
        sqlx::query("UPDATE users SET mail_lang = $1, idea_mail_opt_out = $2 WHERE id = $3")
            .bind(change.lang.code())
            .bind(i64::from(!change.idea_decisions))
            .bind(user.id)
            .execute(&state.db.pool)
            .await?;
    }
    let (lang, opt_out): (String, i64) = sqlx::query_as("SELECT mail_lang, idea_mail_opt_out FROM users WHERE id = $1")
        .bind(user.id)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(MailSettings { lang: Lang::from_code(&lang).unwrap_or_default(), idea_decisions: opt_out == 0 })
}
