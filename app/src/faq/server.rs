//! Server side of the help center.
mod markdown;
mod public_pages;
mod search;
mod seed;
mod staff;
mod store;

pub use markdown::render_markdown;
pub use public_pages::{published_article, published_index, PublicArticle};
pub use search::{search, suggest, take_lookup};
pub use staff::{article_source, article_stats, move_article, preview, save_article};
pub use store::{article, help_center, insert_article, record_click, seed_faq, vote};
