use crate::calendar::Moment;
use crate::contact::Localized;
use crate::domain::{check_line, check_multiline};
use crate::error::AppError;
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqCategory {
    pub id: String,
    pub name: Localized,
}

/// A search hit or a list entry: the title and a snippet, each as (text, matched) segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleHit {
    pub id: i64,
    pub category_id: String,
    pub title: Vec<(String, bool)>,
    pub snippet: Vec<(String, bool)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: i64,
    pub category: FaqCategory,
    pub title: String,
    /// Markdown rendered to HTML and sanitized on the server (pulldown-cmark + ammonia).
    pub body_html: String,
    pub updated_at: Moment,
    /// The caller's own vote, if they are logged in and voted.
    pub my_vote: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpCenter {
    pub categories: Vec<FaqCategory>,
    /// Published articles per category, in staff order.
    pub articles: Vec<ArticleHit>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestInput {
    /// Where the member is: a contact category id, or `chat`.
    pub context: String,
    pub text: String,
}

/// Where a suggestion was clicked, for counting deflections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SuggestionSource {
    Contact,
    Chat,
}

impl SuggestionSource {
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionSource::Contact => "contact",
            SuggestionSource::Chat => "chat",
        }
    }
}

// ---- Staff ----------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleStats {
    pub id: i64,
    pub category_id: String,
    pub title_ja: String,
    pub published: bool,
    pub position: i64,
    pub views: i64,
    pub helpful_yes: i64,
    pub helpful_no: i64,
    /// Suggested-article clicks not followed by an inquiry from that member within 30 minutes.
    pub deflections: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInput {
    /// `None` creates a new article.
    pub id: Option<i64>,
    pub category_id: String,
    pub title_ja: String,
    pub title_en: String,
    pub body_ja: String,
    pub body_en: String,
    pub published: bool,
}

pub struct ValidArticle {
    pub title_ja: String,
    pub title_en: String,
    pub body_ja: String,
    pub body_en: String,
}

impl ArticleInput {
    pub fn validate(&self) -> Result<ValidArticle, AppError> {
        let [title_ja, title_en, body_ja, body_en] = AppError::collect([
            ("title_ja", check_line(&self.title_ja, 1, TITLE_MAX)),
            ("title_en", check_line(&self.title_en, 1, TITLE_MAX)),
            ("body_ja", check_multiline(&self.body_ja, 1, BODY_MAX)),
            ("body_en", check_multiline(&self.body_en, 1, BODY_MAX)),
        ])?;
        Ok(ValidArticle { title_ja, title_en, body_ja, body_en })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSource {
    pub input: ArticleInput,
    pub position: i64,
}
