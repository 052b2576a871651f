//! Two-factor server functions, for staff only. They take the caller through
//! `require_staff_enrolling`: the one staff guard that lets a staff member in before two-factor
//! is set up, since this is where they set it up.
use super::{BackupCodes, Enrolment, TwoFactorStatus};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "auth/two-factor/status", input = Json)]
pub async fn get_two_factor_status() -> Result<TwoFactorStatus, AppError> {
    use crate::auth::server::{backup_codes_left, require_staff_enrolling};
    crate::infra::http::reply(
        async {
            let user = require_staff_enrolling().await?;
            let state = crate::infra::http::state()?;
            Ok(TwoFactorStatus {
                enabled: user.two_factor,
                backup_codes_left: backup_codes_left(&state, user.id).await?,
                required: state.settings.staff_two_factor,
            })
        }
        .await,
    )
}

/// A fresh secret and QR code (replacing an unconfirmed one).
#[server(prefix = "/api", endpoint = "auth/two-factor/start", input = Json)]
pub async fn start_two_factor() -> Result<Enrolment, AppError> {
    use crate::auth::server::{require_staff_enrolling, start_two_factor};
    crate::infra::http::reply(
        async { start_two_factor(&crate::infra::http::state()?, &require_staff_enrolling().await?).await }.await,
    )
}

/// The first code from the app: two-factor is on, and the backup codes are shown this once.
#[server(prefix = "/api", endpoint = "auth/two-factor/confirm", input = Json)]
pub async fn confirm_two_factor(code: String) -> Result<BackupCodes, AppError> {
    use crate::auth::server::{confirm_two_factor, require_staff_enrolling};
    crate::infra::http::reply(
        async { confirm_two_factor(&crate::infra::http::state()?, &require_staff_enrolling().await?, &code).await }
            .await,
    )
}
