//! Account server functions. Each is a public HTTP endpoint under `/api/auth/…`.
use super::{LoginInput, RegisterInput, UserView};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "auth/register", input = Json)]
pub async fn register(input: RegisterInput) -> Result<UserView, AppError> {
    crate::infra::http::reply(super::server::register(input).await)
}

#[server(prefix = "/api", endpoint = "auth/login", input = Json)]
pub async fn login(input: LoginInput) -> Result<UserView, AppError> {
    crate::infra::http::reply(super::server::login(input).await)
}

#[server(prefix = "/api", endpoint = "auth/logout", input = Json)]
pub async fn logout() -> Result<(), AppError> {
    crate::infra::http::reply(super::server::logout().await)
}

/// The logged-in user, or `None` for a visitor.
#[server(prefix = "/api", endpoint = "auth/me", input = Json)]
pub async fn current_user() -> Result<Option<UserView>, AppError> {
    crate::infra::http::reply(super::server::current_user().await)
}
