//! Withdrawal (退会): the member closes their account with their password, or staff close it on
//! the member's request. Either way, in one transaction: a confirmation mail is queued to the
//! address, every earlier mail to it is dropped from the outbox, and the personal data is erased
//! (address, display name, everything the member wrote, every file of theirs) while the rows staff count in insights
//! stay, anonymized: an inquiry still counts, from "退会済みの会員".
use crate::auth::server::{hashing, mails, users};
use crate::auth::UserView;
use crate::chat::server::end_session;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::{client_ip, parts, state};
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState};
use crate::mail::enqueue_in;

/// What the account shows as after withdrawal, wherever its name appears.
pub const WITHDRAWN_NAME: &str = "退会済みの会員";
/// What stands where the member's own words were (messages, idea titles).
pub const ERASED: &str = "(退会により削除されました)";

/// The member's own withdrawal, with the password asked again (limited like login).
pub async fn withdraw_self(user: &UserView, password: String) -> AppResult<()> {
    let state = state()?;
    let ip = client_ip(&parts()?, &state);
    rate_limit::take(&state, Action::LoginAccountAddress, &format!("{}\n{ip}", user.email)).await?;
    let record = users::find_by_email(&state.db, &user.email).await?.ok_or(AppError::NotFound)?;
    if !hashing::verify(password, Some(record.password_hash)).await? {
        return Err(AppError::field("password", ValidationError::WrongPassword));
    }
    if user.is_staff() {
        // Staff accounts belong to the operator.
        return Err(AppError::Forbidden);
    }
    close(&state, user, None).await
}

/// Staff close a member's account on the member's request (by the address the request came from).
pub async fn withdraw_by_staff(staff: &UserView, email: String) -> AppResult<()> {
    let state = state()?;
    let email = email.trim().to_lowercase();
    let member = users::find_by_email(&state.db, &email).await?.map(|r| r.view);
    let Some(member) = member.filter(|m| !m.is_staff()) else { return Err(AppError::NotFound) };
    close(&state, &member, Some(staff.id)).await?;
    tracing::info!(user_id = member.id, staff_id = staff.id, "account closed by staff on request");
    let target = format!("user:{}", member.id);
    crate::audit::server::record_here(staff, crate::audit::AuditAction::MemberWithdraw, &target).await?;
    Ok(())
}

async fn close(state: &AppState, user: &UserView, by: Option<i64>) -> AppResult<()> {
    // Open chats end first, so the other side sees it and the queue moves on.
    let open: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM chat_sessions WHERE member_id = $1 AND status IN ('waiting', 'active')")
            .bind(user.id)
            .fetch_all(&state.db.pool)
            .await?;
    for (id,) in open {
        end_session(state, user, id).await?;
    }
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    // Mails already queued or kept for this address hold the member's data; only the
    // confirmation below goes out.
    sqlx::query("DELETE FROM outbox WHERE to_addr = $1").bind(&user.email).execute(&mut *tx).await?;
    // Raw mails the member sent us (threaded or held) hold their words and address.
    sqlx::query("DELETE FROM inbound_mail WHERE member_id = $1 OR from_addr = $2")
        .bind(user.id)
        .bind(&user.email)
        .execute(&mut *tx)
        .await?;
    let lang = users::mail_lang(&mut *tx, user.id).await?;
    enqueue_in(&mut *tx, &mails::withdrawn(&user.email, &user.display_name, lang), now).await?;
    for erase in [
        // The wizard's answers (name, order numbers, free text) go; category, status and dates stay.
        "UPDATE inquiries SET fields = '{}' WHERE member_id = $1",
        "UPDATE chat_surveys SET comment = NULL WHERE member_id = $1",
        "UPDATE inquiry_surveys SET comment = NULL WHERE member_id = $1",
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM account_tokens WHERE user_id = $1",
        "DELETE FROM backup_codes WHERE user_id = $1",
        // What the parent site said about their clicks (the look-ups stay counted, emptied).
        "UPDATE parent_lookups SET summary = '' WHERE member_id = $1",
    ] {
        sqlx::query(erase).bind(user.id).execute(&mut *tx).await?;
    }
    // Their files go too (screenshots of their account, receipts); the blobs once this commits.
    let blobs = crate::files::server::erase_member_files(&mut tx, user.id).await?;
    for erase in [
        "UPDATE inquiry_messages SET body = $1, quoted = NULL WHERE author_id = $2 AND from_staff = 0",
        "UPDATE chat_messages SET body = $1 WHERE author_id = $2 AND from_staff = 0",
        "UPDATE ideas SET title = $1, body = $1, search_title = '' WHERE member_id = $2",
    ] {
        sqlx::query(erase).bind(ERASED).bind(user.id).execute(&mut *tx).await?;
    }
    // The erase event names the member as earlier events did (the parent-site id is cleared
    // below), so the site's tools can find and erase their copies.
    let member = crate::webhooks::server::member_ref(&mut tx, &state.settings, user.id).await?;
    let data = serde_json::json!({ "member": member, "by": if by.is_some() { "staff" } else { "member" } });
    crate::webhooks::server::emit(&mut tx, &state.settings, crate::webhooks::EventKind::MemberWithdrawn, data, now)
        .await?;
    // The address becomes an unusable placeholder (unique per account, in the reserved
    // `.invalid` domain), so nobody can log in and the real address is free to register again.
    let closed = sqlx::query(
        "UPDATE users SET email = $1, display_name = $2, password_hash = '!withdrawn', sso_subject = NULL,
                totp_secret = NULL, totp_confirmed_at = NULL, withdrawn_at = $3, withdrawn_by = $4
         WHERE id = $5 AND withdrawn_at IS NULL",
    )
    .bind(format!("withdrawn-{}@withdrawn.invalid", user.id))
    .bind(WITHDRAWN_NAME)
    .bind(now)
    .bind(by)
    .bind(user.id)
    .execute(&mut *tx)
    .await?;
    if closed.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    // Nothing of theirs stays findable in the staff search.
    crate::search::server::index::forget_member(&mut tx, user.id).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    // Should this fail, the hourly purge deletes the blobs nothing refers to any more.
    if let Err(e) = blobs.delete(state).await {
        tracing::warn!(user_id = user.id, error = %e, "erasing a withdrawn member's files deferred to the purge");
    }
    tracing::info!(user_id = user.id, "account closed");
    Ok(())
}
