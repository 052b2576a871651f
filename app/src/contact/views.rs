//! Saved views of the inbox (issue #23): a filter and order with a name, kept per staff member
//! or, made by a supervisor, shared with everyone; listed with how many inquiries each holds now.
use crate::contact::InboxFilter;
use crate::domain::{check_line, ValidationError};
use serde::{Deserialize, Serialize};

/// Most views one staff member keeps (the table's slots say the same).
pub const VIEWS_MAX: usize = 20;
/// Longest view name, in characters.
pub const VIEW_NAME_MAX: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub shared: bool,
    /// Made by the staff member looking (they may delete it; supervisors may delete shared ones).
    pub mine: bool,
    pub filter: InboxFilter,
    /// Inquiries it holds now ("me" in a shared view is whoever looks).
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewInput {
    pub name: String,
    /// Shared with every staff member: supervisors only.
    pub shared: bool,
    pub filter: InboxFilter,
}

impl ViewInput {
    /// The name to store: one line of 1–60 characters.
    pub fn name(&self) -> Result<String, ValidationError> {
        check_line(&self.name, 1, VIEW_NAME_MAX)
    }
}

/// Server functions: staff.
pub mod api {
    use super::{SavedView, ViewInput};
    use crate::error::AppError;
    use leptos::prelude::*;
    use server_fn::codec::Json;

    #[server(prefix = "/api", endpoint = "inbox/views", input = Json)]
    pub async fn saved_views() -> Result<Vec<SavedView>, AppError> {
        crate::infra::http::reply(crate::contact::server::views::list().await)
    }

    #[server(prefix = "/api", endpoint = "inbox/views/save", input = Json)]
    pub async fn save_view(input: ViewInput) -> Result<Vec<SavedView>, AppError> {
        crate::infra::http::reply(crate::contact::server::views::save(input).await)
    }

    #[server(prefix = "/api", endpoint = "inbox/views/delete", input = Json)]
    pub async fn delete_view(id: i64) -> Result<Vec<SavedView>, AppError> {
        crate::infra::http::reply(crate::contact::server::views::delete(id).await)
    }
}
