//! Invitations: a supervisor invites an address; the mailed link (single-use, 72 hours, only its
//! SHA-256 stored) lets the invitee choose a name and password. The account is made and the link
//! spent in one transaction; with staff two-factor on, the new staff member is then sent to set
//! it up before any staff page works.
use super::mails;
use crate::audit::AuditAction;
use crate::auth::server::tokens::{digest, random_token};
use crate::auth::server::{hashing, require_supervisor, sessions, two_factor};
use crate::auth::{StaffRole, UserView};
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::infra::limits::Action;
use crate::infra::rate_limit;
use crate::mail::enqueue_in;
use crate::team::{AcceptInput, InvitationView, InviteInput};

/// How long an invitation link works.
pub const INVITATION_HOURS: i64 = 72;

pub async fn invite(input: InviteInput) -> AppResult<()> {
    let state = state()?;
    let me = require_supervisor().await?;
    let (email, role) = input.validate()?;
    // The same per-address ceiling as every other account mail: invitations cannot flood a mailbox.
    rate_limit::take(&state, Action::AccountMail, email.as_ref()).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    // A friendly early answer; the real guard is the unique address when the invitation is accepted.
    let taken: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE email = $1").bind(email.as_ref()).fetch_optional(&mut *tx).await?;
    if taken.is_some() {
        return Err(AppError::field("email", ValidationError::EmailInUse));
    }
    let token = random_token();
    // Inviting the same address again replaces the earlier link (one open invitation per address).
    sqlx::query(
        "INSERT INTO staff_invitations (email, staff_role, token_hash, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (email) DO UPDATE SET staff_role = excluded.staff_role, token_hash = excluded.token_hash,
           invited_by = excluded.invited_by, created_at = excluded.created_at, expires_at = excluded.expires_at,
           accepted_at = NULL",
    )
    .bind(email.as_ref())
    .bind(role.as_str())
    .bind(digest(&token))
    .bind(me.id)
    .bind(now)
    .bind(now + INVITATION_HOURS * 3_600_000)
    .execute(&mut *tx)
    .await?;
    let link = format!("{}/account/invite?token={token}", state.settings.public_url.trim_end_matches('/'));
    let mail = mails::invitation(email.as_ref(), &me.display_name, role, &link, INVITATION_HOURS, input.lang);
    enqueue_in(&mut *tx, &mail, now).await?;
    let ip = crate::audit::server::request_ip(&state);
    crate::audit::server::record(&mut *tx, me.id, AuditAction::StaffInvite, email.as_ref(), &ip, now).await?;
    tx.commit().await?;
    tracing::info!(by = me.id, role = role.as_str(), "staff invited");
    Ok(())
}

/// What the invitation page shows: the address and role, while the link is good.
pub async fn peek(token: String) -> AppResult<InvitationView> {
    let state = state()?;
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT email, staff_role FROM staff_invitations WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(digest(token.trim()))
    .bind(state.clock.now_ms())
    .fetch_optional(&state.db.pool)
    .await?;
    let (email, role) = row.ok_or(AppError::InvalidLink)?;
    Ok(InvitationView { email, role: StaffRole::parse(&role).unwrap_or(StaffRole::Agent) })
}

/// Makes the staff account and logs it in. Of two clicks on one link only one gets an account:
/// the link is spent by one UPDATE, and an address taken meanwhile rolls everything back.
pub async fn accept(input: AcceptInput) -> AppResult<UserView> {
    let state = state()?;
    let (name, password) = input.validate()?;
    let hash = hashing::hash(password.expose().to_owned()).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let spent: Option<(String, String)> = sqlx::query_as(
        "UPDATE staff_invitations SET accepted_at = $1
         WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1 RETURNING email, staff_role",
    )
    .bind(now)
    .bind(digest(input.token.trim()))
    .fetch_optional(&mut *tx)
    .await?;
    let (email, role) = spent.ok_or(AppError::InvalidLink)?;
    let inserted = sqlx::query(&format!(
        "INSERT INTO users (email, password_hash, display_name, role, staff_role, created_at, email_verified_at)
         VALUES ($1, $2, $3, 'staff', $4, $5, $5) RETURNING {}",
        crate::auth::server::users::USER_COLUMNS
    ))
    .bind(&email)
    .bind(hash)
    .bind(name.as_ref())
    .bind(&role)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let row = match inserted {
        Ok(row) => row,
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
            return Err(AppError::field("email", ValidationError::EmailInUse));
        }
        Err(e) => return Err(e.into()),
    };
    let user = two_factor::with_due(&state, crate::auth::server::users::view_from_row(&row)?);
    tx.commit().await?;
    sessions::start(&state, &user).await?;
    tracing::info!(user_id = user.id, role = %role, "invitation accepted");
    Ok(user)
}
