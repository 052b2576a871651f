//! The post-chat survey (アンケート): satisfaction 1–5, resolved or not, an optional comment.
pub mod api;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::{InquirySurveyPage, SurveyForm, SurveyPage};
pub use types::*;
