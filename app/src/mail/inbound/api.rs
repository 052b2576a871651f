//! Server functions for the held ("unmatched") mail list: supervisors only.
use super::{AttachInput, HeldMail, NewInquiryInput};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/mail/inbound", input = Json)]
pub async fn held_mails(include_ignored: bool) -> Result<Vec<HeldMail>, AppError> {
    crate::infra::http::reply(super::server::held::list(include_ignored).await)
}

#[server(prefix = "/api", endpoint = "admin/mail/inbound/attach", input = Json)]
pub async fn attach_held_mail(input: AttachInput) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::held::attach(input).await)
}

#[server(prefix = "/api", endpoint = "admin/mail/inbound/discard", input = Json)]
pub async fn discard_held_mail(id: i64) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::held::discard(id).await)
}

/// Makes a held mail from a member into a new inquiry of theirs (acknowledged by mail, the mail
/// and its files as the first message); answers with the new inquiry's reference.
#[server(prefix = "/api", endpoint = "admin/mail/inbound/new-inquiry", input = Json)]
pub async fn new_inquiry_from_mail(input: NewInquiryInput) -> Result<String, AppError> {
    crate::infra::http::reply(super::server::held::new_inquiry(input).await)
}
