//! Staff management (supervisors) and the invitation page's two calls (anyone with the link).
use super::{AcceptInput, InvitationView, InviteInput, Team};
use crate::auth::{StaffRole, UserView};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/team/list", input = Json)]
pub async fn get_team() -> Result<Team, AppError> {
    crate::infra::http::reply(super::server::team().await)
}

#[server(prefix = "/api", endpoint = "admin/team/invite", input = Json)]
pub async fn invite_staff(input: InviteInput) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::invite(input).await)
}

#[server(prefix = "/api", endpoint = "admin/team/role", input = Json)]
pub async fn set_staff_role(user_id: i64, role: StaffRole) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::set_role(user_id, role).await)
}

#[server(prefix = "/api", endpoint = "admin/team/active", input = Json)]
pub async fn set_staff_active(user_id: i64, active: bool) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::set_active(user_id, active).await)
}

#[server(prefix = "/api", endpoint = "auth/invitation", input = Json)]
pub async fn get_invitation(token: String) -> Result<InvitationView, AppError> {
    crate::infra::http::reply(super::server::peek(token).await)
}

#[server(prefix = "/api", endpoint = "auth/invitation/accept", input = Json)]
pub async fn accept_invitation(input: AcceptInput) -> Result<UserView, AppError> {
    crate::infra::http::reply(super::server::accept(input).await)
}
