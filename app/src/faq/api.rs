//! Help center server functions (`/api/faq/…`). Reading and searching are public; voting and
//! click records need a member; editing needs staff (checked in each server function).
use super::{
    Article, ArticleHit, ArticleInput, ArticleSource, ArticleStats, HelpCenter, SuggestInput, SuggestionSource,
};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "faq/home", input = Json)]
pub async fn faq_home(lang: Lang) -> Result<HelpCenter, AppError> {
    crate::infra::http::reply(super::server::help_center(lang).await)
}

#[server(prefix = "/api", endpoint = "faq/search", input = Json)]
pub async fn search_faq(query: String, lang: Lang) -> Result<Vec<ArticleHit>, AppError> {
    crate::infra::http::reply(super::server::search(query, lang).await)
}

#[server(prefix = "/api", endpoint = "faq/article", input = Json)]
pub async fn faq_article(id: i64, lang: Lang) -> Result<Article, AppError> {
    crate::infra::http::reply(super::server::article(id, lang).await)
}

#[server(prefix = "/api", endpoint = "faq/vote", input = Json)]
pub async fn vote_helpful(article_id: i64, helpful: bool) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::vote(article_id, helpful).await)
}

#[server(prefix = "/api", endpoint = "faq/suggest", input = Json)]
pub async fn suggest_articles(input: SuggestInput, lang: Lang) -> Result<Vec<ArticleHit>, AppError> {
    crate::infra::http::reply(super::server::suggest(input, lang).await)
}

#[server(prefix = "/api", endpoint = "faq/suggestion-click", input = Json)]
pub async fn record_suggestion_click(article_id: i64, source: SuggestionSource) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::record_click(article_id, source).await)
}

#[server(prefix = "/api", endpoint = "faq/admin/stats", input = Json)]
pub async fn faq_stats() -> Result<Vec<ArticleStats>, AppError> {
    crate::infra::http::reply(super::server::article_stats().await)
}

#[server(prefix = "/api", endpoint = "faq/admin/source", input = Json)]
pub async fn faq_source(id: i64) -> Result<ArticleSource, AppError> {
    crate::infra::http::reply(super::server::article_source(id).await)
}

#[server(prefix = "/api", endpoint = "faq/admin/save", input = Json)]
pub async fn save_faq_article(input: ArticleInput) -> Result<i64, AppError> {
    crate::infra::http::reply(super::server::save_article(input).await)
}

#[server(prefix = "/api", endpoint = "faq/admin/move", input = Json)]
pub async fn move_faq_article(id: i64, up: bool) -> Result<(), AppError> {
    crate::infra::http::reply(super::server::move_article(id, up).await)
}

#[server(prefix = "/api", endpoint = "faq/admin/preview", input = Json)]
pub async fn preview_markdown(markdown: String) -> Result<String, AppError> {
    crate::infra::http::reply(super::server::preview(markdown).await)
}
