//! The one error type every server function returns.
//!
//! It crosses the wire as JSON, so the browser can show a localized message per field. Internal
//! failures are logged on the server with their context and reach the user only as `Internal`.
use crate::domain::ValidationError;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub error: ValidationError,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("validation failed: {0:?}")]
    Validation(Vec<FieldError>),
    /// The request itself could not be read (wrong JSON types, missing arguments).
    #[error("bad request")]
    BadRequest,
    #[error("login required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("too many attempts; retry in {retry_after_secs}s")]
    RateLimited { retry_after_secs: i64 },
    /// The address is not verified yet: reading works, writing waits for the mailed link.
    #[error("email not verified")]
    Unverified,
    /// A mailed link that is unknown, used or expired.
    #[error("invalid link")]
    InvalidLink,
    /// The password was right; this account also needs its two-factor code (or a backup code).
    #[error("two-factor code required")]
    CodeRequired,
    /// The two-factor or backup code is wrong, or was already used.
    #[error("wrong code")]
    InvalidCode,
    /// Staff must set up two-factor before any staff page or function works.
    #[error("two-factor setup required")]
    TwoFactorSetup,
    /// A sign-in hand-off from the parent site that is not valid (signature, expiry, replay…).
    #[error("sign-in hand-off refused")]
    SsoRefused,
    /// A newer message arrived in the thread after the staff member loaded it; the reply was
    /// not sent.
    #[error("stale thread")]
    StaleThread,
    /// The change would leave the staff without an active supervisor.
    #[error("last supervisor")]
    LastSupervisor,
    /// The colleague a chat was to be handed to is not available or has no room.
    #[error("colleague unavailable")]
    ColleagueUnavailable,
    /// Retiring it would leave members no inquiry category to choose.
    #[error("last category")]
    LastCategory,
    /// The chat queue is at its cap.
    #[error("line busy")]
    LineBusy,
    /// Outside the desk's hours.
    #[error("closed")]
    Closed,
    /// Chat is for PCs; a phone or tablet was detected.
    #[error("pc only")]
    PcOnly,
    /// The survey can no longer be answered or changed.
    #[error("survey closed")]
    SurveyClosed,
    /// The server is at capacity for this kind of work; try again shortly.
    #[error("busy")]
    Busy,
    #[error("internal error")]
    Internal,
    /// The request never got a proper answer (network down, server restarting…).
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    pub fn field(field: &str, error: ValidationError) -> Self {
        AppError::Validation(vec![FieldError { field: field.to_owned(), error }])
    }

    /// All the checked fields' values, or one `Validation` error naming every field that failed,
    /// so a form can mark them all at once.
    pub fn collect<const N: usize>(
        checks: [(&str, Result<String, ValidationError>); N],
    ) -> Result<[String; N], AppError> {
        let errors: Vec<FieldError> = checks
            .iter()
            .filter_map(|(field, r)| {
                r.as_ref().err().map(|e| FieldError { field: (*field).to_owned(), error: e.clone() })
            })
            .collect();
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(checks.map(|(_, r)| r.unwrap_or_default()))
    }

    /// The per-field message for `field`, if this error carries one.
    pub fn field_message(&self, field: &str, lang: Lang) -> Option<String> {
        match self {
            AppError::Validation(list) => list.iter().find(|f| f.field == field).map(|f| f.error.message(lang)),
            _ => None,
        }
    }

    /// A sentence for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::msg;
        match self {
            AppError::Validation(_) => msg::ERR_VALIDATION.get(lang).into(),
            AppError::BadRequest => msg::ERR_BAD_REQUEST.get(lang).into(),
            AppError::Unauthenticated => msg::ERR_LOGIN_REQUIRED.get(lang).into(),
            AppError::Forbidden => msg::ERR_FORBIDDEN.get(lang).into(),
            AppError::NotFound => msg::ERR_NOT_FOUND.get(lang).into(),
            AppError::InvalidCredentials => msg::ERR_INVALID_CREDENTIALS.get(lang).into(),
            AppError::RateLimited { retry_after_secs } => {
                let minutes = (retry_after_secs + 59) / 60;
                match lang {
                    Lang::Ja => format!("試行回数が上限に達しました。約{minutes}分後にもう一度お試しください。"),
                    Lang::En => {
                        format!("Too many attempts. Please try again in about {minutes} min.")
                    }
                }
            }
            AppError::Unverified => msg::ERR_UNVERIFIED.get(lang).into(),
            AppError::InvalidLink => msg::ERR_INVALID_LINK.get(lang).into(),
            AppError::CodeRequired => msg::ERR_CODE_REQUIRED.get(lang).into(),
            AppError::InvalidCode => msg::ERR_INVALID_CODE.get(lang).into(),
            AppError::TwoFactorSetup => msg::ERR_TWO_FACTOR_SETUP.get(lang).into(),
            AppError::SsoRefused => msg::ERR_SSO_REFUSED.get(lang).into(),
            AppError::LastSupervisor => msg::ERR_LAST_SUPERVISOR.get(lang).into(),
            AppError::LastCategory => msg::ERR_LAST_CATEGORY.get(lang).into(),
            AppError::ColleagueUnavailable => msg::ERR_COLLEAGUE_UNAVAILABLE.get(lang).into(),
            AppError::StaleThread => msg::ERR_STALE_THREAD.get(lang).into(),
            AppError::LineBusy => msg::ERR_LINE_BUSY.get(lang).into(),
            AppError::Closed => msg::ERR_CLOSED.get(lang).into(),
            AppError::PcOnly => msg::ERR_PC_ONLY.get(lang).into(),
            AppError::SurveyClosed => msg::ERR_SURVEY_CLOSED.get(lang).into(),
            AppError::Busy => msg::ERR_BUSY.get(lang).into(),
            AppError::Internal => msg::ERR_INTERNAL.get(lang).into(),
            AppError::Transport(_) => msg::ERR_TRANSPORT.get(lang).into(),
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated
            | AppError::InvalidCredentials
            | AppError::CodeRequired
            | AppError::InvalidCode
            | AppError::SsoRefused => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Unverified | AppError::TwoFactorSetup => StatusCode::FORBIDDEN,
            AppError::InvalidLink => StatusCode::GONE,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Closed
            | AppError::PcOnly
            | AppError::SurveyClosed
            | AppError::LastSupervisor
            | AppError::LastCategory
            | AppError::ColleagueUnavailable
            | AppError::StaleThread => StatusCode::CONFLICT,
            AppError::LineBusy | AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Gives the server function's response this error's status (and `Retry-After`), so a member
    /// calling a staff function really gets a 403. The error knows its own status; the HTTP
    /// layer (`infra::http::reply`) only calls this, so neither module depends on the other.
    pub fn set_response_status(&self) {
        use axum::http::header::RETRY_AFTER;
        use axum::http::HeaderValue;
        if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            options.set_status(self.status());
            if let AppError::RateLimited { retry_after_secs } = self {
                options.insert_header(RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
        }
    }
}

/// For axum routes and extractors (the CSV export, the chat socket): the status, and the same
/// JSON a server function would answer.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let mut response = (self.status(), axum::Json(&self)).into_response();
        if let AppError::RateLimited { retry_after_secs } = self {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, retry_after_secs.into());
        }
        response
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // On the server these are raised before the function runs, while reading its
            // arguments: a body of the wrong shape is the caller's mistake (400), not a server
            // failure (server_fn would answer 500). In the browser they are transport problems.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest.set_response_status();
                AppError::BadRequest
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        // Values the database cannot hold are the caller's doing, not a failure: NUL characters
        // (PostgreSQL text refuses them), numbers or dates out of range. Matched by SQLSTATE.
        let code = err.as_database_error().and_then(|d| d.code()).map(|c| c.into_owned());
        if let Some(code @ ("22021" | "22P05" | "22003" | "22008" | "22007")) = code.as_deref() {
            tracing::warn!(sqlstate = code, error = %err, "value refused by the database");
            return AppError::BadRequest;
        }
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

pub type AppResult<T> = Result<T, AppError>;
