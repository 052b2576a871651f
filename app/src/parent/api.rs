//! Server functions for the parent-site panels. Staff look-ups are audited; the member's hint
//! answers only about the member's own account.
use super::ParentPanel;
use crate::calendar::Day;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// The member's clicks for the shop and date of use in an inquiry's fields (staff).
#[server(prefix = "/api", endpoint = "parent/inquiry", input = Json)]
pub async fn parent_for_inquiry(inquiry_id: i64) -> Result<ParentPanel, AppError> {
    crate::infra::http::reply(super::server::lookup::for_inquiry(inquiry_id).await)
}

/// A member's clicks of the last weeks on any shop, for the member page and the chat console
/// (staff).
#[server(prefix = "/api", endpoint = "parent/member", input = Json)]
pub async fn parent_for_member(member_id: i64) -> Result<ParentPanel, AppError> {
    crate::infra::http::reply(super::server::lookup::for_member(member_id).await)
}

/// In the contact wizard: is the member's click on this shop around this day still being judged?
/// Answers the day the judgement is due, or nothing (no click, judged, not linked, unavailable).
#[server(prefix = "/api", endpoint = "parent/hint", input = Json)]
pub async fn ask_judgement_hint(shop: String, used_on: String) -> Result<Option<Day>, AppError> {
    crate::infra::http::reply(super::server::lookup::hint(&shop, &used_on).await)
}

/// Judgement-date hints shown in the wizard, and how many were not followed by an inquiry or a
/// chat (deflections, counted as the help center's are) — for the help center's staff page.
#[server(prefix = "/api", endpoint = "parent/deflections", input = Json)]
pub async fn parent_deflections() -> Result<(i64, i64), AppError> {
    crate::infra::http::reply(super::server::lookup::deflections(0).await)
}
