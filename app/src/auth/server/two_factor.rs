//! Staff two-factor: TOTP (RFC 6238: HMAC-SHA1, six digits, 30-second steps, one step of clock
//! drift either way) and ten single-use backup codes.
//!
//! Codes are checked against the real wall clock, never the app's pinned test clock: the
//! authenticator on the staff member's phone runs on real time. A code is spent by the one
//! UPDATE that raises `totp_last_step`, so it cannot be replayed within its window, even by two
//! requests at once; backup codes are spent the same way through `used_at`.
use super::tokens::digest;
use crate::auth::{BackupCodes, Enrolment, UserView};
use crate::domain::{SecondFactorCode, BACKUP_ALPHABET, BACKUP_LEN};
use crate::error::{AppError, AppResult};
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState};
use rand_core::{OsRng, RngCore};
use sqlx::Row;
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;
const ISSUER: &str = "Madoguchi";

/// The user as the pages see them: `two_factor_due` set for staff who still must enrol.
pub fn with_due(state: &AppState, mut user: UserView) -> UserView {
    user.two_factor_due = user.is_staff() && state.settings.staff_two_factor && !user.two_factor;
    user
}

fn totp(secret_base32: &str) -> AppResult<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().map_err(|e| {
        tracing::error!(error = ?e, "stored two-factor secret does not decode");
        AppError::Internal
    })?;
    TOTP::new(Algorithm::SHA1, 6, 1, STEP_SECS, bytes).map_err(|e| {
        tracing::error!(error = %e, "two-factor secret refused");
        AppError::Internal
    })
}

fn now_step() -> u64 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    secs / STEP_SECS
}

/// The step (previous, current or next) whose code is `code`, if any.
fn matching_step(totp: &TOTP, code: &str) -> Option<u64> {
    let now = now_step();
    [now - 1, now, now + 1].into_iter().find(|step| {
        let expected = totp.generate(step * STEP_SECS);
        // Constant-time: the comparison must not tell how many digits were right.
        expected.len() == code.len() && expected.bytes().zip(code.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    })
}

/// `otpauth://` as authenticator apps read it from the QR code.
fn otpauth_url(secret: &str, account: &str) -> String {
    let label = percent_encode(&format!("{ISSUER}:{account}"));
    format!("otpauth://totp/{label}?secret={secret}&issuer={ISSUER}&algorithm=SHA1&digits=6&period={STEP_SECS}")
}

fn percent_encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn qr_svg(data: &str) -> AppResult<String> {
    let code = qrcode::QrCode::new(data.as_bytes()).map_err(|e| {
        tracing::error!(error = %e, "QR code");
        AppError::Internal
    })?;
    Ok(code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build())
}

/// Offers a fresh secret to a staff member who has not confirmed two-factor yet (calling it
/// again replaces an unconfirmed offer). Confirmed two-factor is not replaced from here.
pub async fn start(state: &AppState, user: &UserView) -> AppResult<Enrolment> {
    if user.two_factor {
        return Err(AppError::Forbidden);
    }
    let mut raw = [0u8; 20]; // 160 bits, as RFC 4226 recommends
    OsRng.fill_bytes(&mut raw);
    let Secret::Encoded(secret) = Secret::Raw(raw.to_vec()).to_encoded() else {
        return Err(AppError::Internal);
    };
    let updated = sqlx::query("UPDATE users SET totp_secret = $1 WHERE id = $2 AND totp_confirmed_at IS NULL")
        .bind(&secret)
        .bind(user.id)
        .execute(&state.db.pool)
        .await?;
    if updated.rows_affected() != 1 {
        return Err(AppError::Forbidden);
    }
    let url = otpauth_url(&secret, &user.email);
    Ok(Enrolment { qr_svg: qr_svg(&url)?, otpauth_url: url, secret })
}

/// The first code proves the authenticator works: two-factor is on from here, and ten backup
/// codes are made and shown this once.
pub async fn confirm(state: &AppState, user: &UserView, raw_code: &str) -> AppResult<BackupCodes> {
    rate_limit::take(state, Action::SecondFactor, &user.id.to_string()).await?;
    let Ok(SecondFactorCode::Totp(code)) = SecondFactorCode::parse(raw_code) else {
        return Err(AppError::InvalidCode);
    };
    let row = sqlx::query("SELECT totp_secret FROM users WHERE id = $1 AND totp_confirmed_at IS NULL")
        .bind(user.id)
        .fetch_optional(&state.db.pool)
        .await?;
    let Some(secret) = row.map(|r| r.try_get::<Option<String>, _>("totp_secret")).transpose()?.flatten() else {
        return Err(AppError::InvalidCode);
    };
    let step = matching_step(&totp(&secret)?, &code).ok_or(AppError::InvalidCode)?;
    let codes = new_backup_codes();
    let mut tx = state.db.pool.begin().await?;
    // Only the offer this code was computed from is confirmed (not one a second tab replaced).
    let done = sqlx::query(
        "UPDATE users SET totp_confirmed_at = $1, totp_last_step = $2
         WHERE id = $3 AND totp_confirmed_at IS NULL AND totp_secret = $4",
    )
    .bind(state.clock.now_ms())
    .bind(step as i64)
    .bind(user.id)
    .bind(&secret)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::InvalidCode);
    }
    store_backup_codes(&mut tx, user.id, &codes).await?;
    tx.commit().await?;
    rate_limit::clear(state, Action::SecondFactor, &user.id.to_string()).await?;
    tracing::info!(user_id = user.id, "two-factor enabled");
    Ok(BackupCodes { codes })
}

fn new_backup_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let mut bytes = [0u8; BACKUP_LEN];
            OsRng.fill_bytes(&mut bytes);
            let chars: String =
                bytes.iter().map(|b| BACKUP_ALPHABET[*b as usize % BACKUP_ALPHABET.len()] as char).collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// Salted with the user id, so equal codes of two users do not share a digest.
fn backup_digest(user_id: i64, normalized: &str) -> String {
    digest(&format!("{user_id}:{normalized}"))
}

async fn store_backup_codes(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: i64,
    codes: &[String],
) -> AppResult<()> {
    sqlx::query("DELETE FROM backup_codes WHERE user_id = $1").bind(user_id).execute(&mut **tx).await?;
    for code in codes {
        let normalized = code.replace('-', "");
        sqlx::query("INSERT INTO backup_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user_id)
            .bind(backup_digest(user_id, &normalized))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The second step of login: a current code (not used before) or an unused backup code.
/// Throttled per account like passwords.
pub async fn check_login(state: &AppState, user_id: i64, raw_code: &str) -> AppResult<()> {
    rate_limit::take(state, Action::SecondFactor, &user_id.to_string()).await?;
    let spent = match SecondFactorCode::parse(raw_code).map_err(|_| AppError::InvalidCode)? {
        SecondFactorCode::Totp(code) => {
            let secret: Option<String> =
                sqlx::query("SELECT totp_secret FROM users WHERE id = $1 AND totp_confirmed_at IS NOT NULL")
                    .bind(user_id)
                    .fetch_optional(&state.db.pool)
                    .await?
                    .map(|r| r.try_get("totp_secret"))
                    .transpose()?
                    .flatten();
            let Some(secret) = secret else { return Err(AppError::InvalidCode) };
            match matching_step(&totp(&secret)?, &code) {
                // Raising the last step spends this code and every older one.
                Some(step) => {
                    sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
                        .bind(step as i64)
                        .bind(user_id)
                        .execute(&state.db.pool)
                        .await?
                        .rows_affected()
                        == 1
                }
                None => false,
            }
        }
        SecondFactorCode::Backup(code) => {
            let spent = sqlx::query(
                "UPDATE backup_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
            )
            .bind(state.clock.now_ms())
            .bind(user_id)
            .bind(backup_digest(user_id, &code))
            .execute(&state.db.pool)
            .await?
            .rows_affected()
                == 1;
            if spent {
                tracing::info!(user_id, "backup code used");
            }
            spent
        }
    };
    if !spent {
        tracing::warn!(user_id, "wrong or replayed two-factor code");
        return Err(AppError::InvalidCode);
    }
    rate_limit::clear(state, Action::SecondFactor, &user_id.to_string()).await?;
    Ok(())
}

/// Backup codes not used yet, for the staff member's own two-factor page.
pub async fn backup_codes_left(state: &AppState, user_id: i64) -> AppResult<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM backup_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(row.try_get("n")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_sha1_vectors() {
        // RFC 6238 appendix B: the ASCII secret "12345678901234567890", 8 digits there; the last
        // six are what a 6-digit generator gives.
        let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, b"12345678901234567890".to_vec()).unwrap();
        assert_eq!(totp.generate(59), "287082");
        assert_eq!(totp.generate(1111111109), "081804");
        assert_eq!(totp.generate(20000000000), "353130");
    }

    #[test]
    fn backup_codes_are_ten_distinct_parseable_codes() {
        let codes = new_backup_codes();
        assert_eq!(codes.len(), 10);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), 10);
        for code in &codes {
            assert!(matches!(SecondFactorCode::parse(code), Ok(SecondFactorCode::Backup(_))), "{code}");
        }
    }

    #[test]
    fn the_otpauth_label_is_encoded() {
        let url = otpauth_url("JBSWY3DPEHPK3PXP", "sato+desk@example.jp");
        assert!(url.starts_with("otpauth://totp/Madoguchi%3Asato%2Bdesk%40example.jp?secret=JBSWY3DPEHPK3PXP"));
    }
}
