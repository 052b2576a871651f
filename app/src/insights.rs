//! Staff insights (`/admin/insights`): satisfaction from the post-chat survey, chat operations and
//! the mail desk, for a chosen period; and the survey answers as CSV.
pub mod api;
pub mod desk;
mod metrics;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use metrics::{first_replies, mean, percentile, share, survey_metrics};
pub use pages::{InsightsPage, TranscriptPage};
pub use types::*;
