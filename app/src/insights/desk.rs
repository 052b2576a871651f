//! The desk's figures (`/admin/figures`, issue #23 "Measure it right"): first response and
//! resolution in business minutes (p50/p90) per category, agent and week, first replies within
//! the promise, arrivals by weekday and hour, the backlog day by day, and incidents. Times come
//! from what the database records as it happens (migration 0029: the first reply, every close
//! and reopen), not from fields later events move.
pub mod api;
mod charts;
#[cfg(feature = "ssr")]
mod compute;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::DeskFiguresPage;
pub use types::*;
