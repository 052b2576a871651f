//! The operator's kit: metrics for a scraper, a consistent backup of a running SQLite database
//! and its restore, and a settings check before a start.
pub mod backup;
pub mod check_config;
pub mod metrics;
