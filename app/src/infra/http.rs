//! What a server function needs from the HTTP layer: the shared state, the request's parts,
//! cookies and the client's address, and a way to set the status of an error response.
use super::AppState;
use crate::error::{AppError, AppResult};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::HeaderValue;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub fn state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from server function context");
        AppError::Internal
    })
}

pub fn parts() -> AppResult<Parts> {
    use_context::<Parts>().ok_or_else(|| {
        tracing::error!("request parts missing from server function context");
        AppError::Internal
    })
}

/// Gives an error response its proper HTTP status (server functions answer 500 otherwise), so a
/// member calling a staff function really gets a 403.
pub fn reply<T>(result: AppResult<T>) -> AppResult<T> {
    if let Err(err) = &result {
        err.set_response_status();
    }
    result
}

pub fn cookie(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

pub fn set_cookie(value: String) {
    if let (Some(options), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(&value)) {
        options.append_header(SET_COOKIE, value);
    }
}

/// The client's address, as far as the configured trusted proxies let us know it.
pub fn client_ip(parts: &Parts, state: &AppState) -> String {
    super::client_addr::client_ip(parts, &state.settings.trusted_proxies)
}
