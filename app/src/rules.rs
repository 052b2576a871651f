//! Letting time work (issue #23): rules that run on their own, on the business calendar, once
//! across instances (a lease) and idempotently.
//! - **Auto-close**: an answered inquiry with no member reply for N business days (supervisors'
//!   setting, default 5) is closed with a mail that says so and carries the survey; a member's
//!   reply still reopens it, so a reply racing the rule wins.
//! - **Due alerts** over the staff event socket: "due within one business hour" to the assignee,
//!   "overdue" to supervisors (and the assignee) — once per due time.
//! - **Auto-assign** (off by default): new unassigned inquiries go in turn to staff marked
//!   available, passing over anyone at their limit of open inquiries.
pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::RulesPage;
pub use types::DeskRules;
