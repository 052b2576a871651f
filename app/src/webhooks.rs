//! Events out (issue #24): the site's own tools hear what happens here — inquiries created,
//! answered, closed and reopened, chats queued, taken and ended, surveys answered, ideas decided,
//! members withdrawn — as signed JSON posted to each URL in `webhook_urls`.
//!
//! An event is written in the transaction of the change it reports (one row per receiver, like
//! the mail outbox), so it exists exactly when the change does; a worker posts it at least once,
//! retrying with backoff, and receivers deduplicate on its id. Supervisors see the delivery log
//! and can send one again (`/admin/webhooks`). Personal data is minimal: our member number, the
//! parent-site id only when `webhook_member_subject` is on, never names, addresses or texts.
pub mod api;
mod page;
mod types;

#[cfg(feature = "ssr")]
pub mod server;

pub use page::WebhookLogPage;
pub use types::*;
