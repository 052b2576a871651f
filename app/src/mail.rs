//! Outgoing mail: a durable outbox table and a worker that delivers it over SMTP. A request only
//! enqueues (in the same database as its own writes), so a mail server outage loses nothing and
//! slows no one; the worker retries with backoff until the mail is out.
mod outbox;
mod transport;
mod worker;

pub use outbox::{enqueue_in, OutgoingMail};
pub use transport::SmtpMailer;
pub use worker::{deliver_due, spawn_worker};
