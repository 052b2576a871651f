//! Member-side mail desk server functions (`/api/contact/…`).
use super::{ContactForm, InquiryDetail, InquiryInput, InquirySummary, Submitted, ThreadInput};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// The categories with their forms, and today's date in Tokyo (dates of use cannot be later).
/// Public: nothing personal in it.
#[server(prefix = "/api", endpoint = "contact/form", input = Json)]
pub async fn get_contact_form() -> Result<ContactForm, AppError> {
    let result = async {
        let state = crate::infra::http::state()?;
        let categories = super::server::load_categories(&state.db).await?;
        Ok(ContactForm { categories, today: state.clock.now().date_naive().into() })
    }
    .await;
    crate::infra::http::reply(result)
}

#[server(prefix = "/api", endpoint = "contact/submit", input = Json)]
pub async fn submit_inquiry(input: InquiryInput) -> Result<Submitted, AppError> {
    crate::infra::http::reply(super::server::submit(input).await)
}

#[server(prefix = "/api", endpoint = "contact/mine", input = Json)]
pub async fn my_inquiries() -> Result<Vec<InquirySummary>, AppError> {
    crate::infra::http::reply(super::server::my_inquiries().await)
}

#[server(prefix = "/api", endpoint = "contact/detail", input = Json)]
pub async fn my_inquiry(id: i64) -> Result<InquiryDetail, AppError> {
    crate::infra::http::reply(super::server::my_inquiry(id).await)
}

#[server(prefix = "/api", endpoint = "contact/follow-up", input = Json)]
pub async fn add_follow_up(input: ThreadInput) -> Result<InquiryDetail, AppError> {
    crate::infra::http::reply(super::server::follow_up(input).await)
}
