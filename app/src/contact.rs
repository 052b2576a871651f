//! The mail desk: the member's contact wizard, their inquiry history, and the staff inbox.
pub mod api;
pub mod bulk;
mod categories;
mod consent_pages;
mod history;
pub mod inbox;
pub mod inbox_api;
mod schema;
#[cfg(feature = "ssr")]
pub mod server;
pub mod tags;
pub mod views;
#[cfg(feature = "ssr")]
pub use server::history_for as server_history_for;
mod types;
mod wizard;
pub(crate) use wizard::random_key;

pub use categories::default_categories;
pub use consent_pages::{PrivacyPage, TermsPage};
pub use history::{HistoryDetailPage, HistoryPage, StatusBadge};
pub use schema::{validate_fields, Category, ChoiceOption, FieldKind, FieldSpec, Localized, MESSAGE_MAX};
pub use types::*;
pub use wizard::ContactWizardPage;
