//! Mail, both ways. Outgoing: a durable outbox table and a worker that delivers it over SMTP. A
//! request only enqueues (in the same database as its own writes), so a mail server outage loses
//! nothing and slows no one; the worker retries with backoff until the mail is out. Incoming
//! (`inbound`): members' replies to those mails, taken over SMTP and threaded into inquiries.
pub mod inbound;
#[cfg(feature = "ssr")]
mod outbox;
#[cfg(feature = "ssr")]
pub mod reply_address;
#[cfg(feature = "ssr")]
mod transport;
#[cfg(feature = "ssr")]
mod worker;

#[cfg(feature = "ssr")]
pub use outbox::{enqueue_about_in, enqueue_in, retry_delay_ms, OutgoingMail};
#[cfg(feature = "ssr")]
pub use transport::{outbox_message_id, SmtpMailer};
#[cfg(feature = "ssr")]
pub use worker::{deliver_due, spawn_worker};
