//! Closure days staff add on top of holidays and the year-end break.
#[cfg(feature = "ssr")]
pub mod server;
