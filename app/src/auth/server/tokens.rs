//! Random tokens for cookies and mailed links: 256 bits from the OS, URL-safe; the database
//! keeps only their SHA-256, so a copy of it cannot be replayed.
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn digest(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_digests_stable() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(digest(&a), digest(&a));
        assert_ne!(digest(&a), a);
    }
}

/// What a mailed link is for; stored as text (`account_tokens.purpose`, with a CHECK).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
        }
    }

    /// How long a link stays good: a day to confirm an address, half an hour to reset a password.
    pub const fn valid_ms(self) -> i64 {
        match self {
            Purpose::VerifyEmail => 24 * 3_600_000,
            Purpose::ResetPassword => 30 * 60_000,
        }
    }

    /// The page of the link, under the public address.
    pub fn page(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "/account/verify",
            Purpose::ResetPassword => "/account/reset",
        }
    }
}

/// Stores a new link for `user_id` (its token hashed) and returns the token for the mail.
pub async fn issue<'c, E>(executor: E, purpose: Purpose, user_id: i64, now: i64) -> crate::error::AppResult<String>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let token = random_token();
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(digest(&token))
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(now)
    .bind(now + purpose.valid_ms())
    .execute(executor)
    .await?;
    Ok(token)
}

/// Spends a link: one UPDATE, so of two clicks only one gets the user id; unknown, used or
/// expired links get `None`.
pub async fn spend<'c, E>(executor: E, purpose: Purpose, token: &str, now: i64) -> crate::error::AppResult<Option<i64>>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let spent: Option<(i64,)> = sqlx::query_as(
        "UPDATE account_tokens SET used_at = $1
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
         RETURNING user_id",
    )
    .bind(now)
    .bind(digest(token.trim()))
    .bind(purpose.as_str())
    .fetch_optional(executor)
    .await?;
    Ok(spent.map(|(id,)| id))
}
