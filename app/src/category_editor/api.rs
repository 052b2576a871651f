//! The editor's server functions (supervisors).
use super::CategoryEntry;
use crate::contact::Category;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/categories/list", input = Json)]
pub async fn list_categories() -> Result<Vec<CategoryEntry>, AppError> {
    crate::infra::http::reply(super::server::list().await)
}

#[server(prefix = "/api", endpoint = "admin/categories/save", input = Json)]
pub async fn save_category(category: Category, new: bool) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::save(category, new).await)
}

#[server(prefix = "/api", endpoint = "admin/categories/move", input = Json)]
pub async fn move_category(id: String, up: bool) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::shift(id, up).await)
}

#[server(prefix = "/api", endpoint = "admin/categories/active", input = Json)]
pub async fn set_category_active(id: String, active: bool) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::set_active(id, active).await)
}
