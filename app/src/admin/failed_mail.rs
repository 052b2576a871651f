//! Mails the outbox gave up on (about a day of retries): shown to staff with the reason, and sent
//! again on request, so an outage of the mail server is visible and recoverable.
#[cfg(feature = "ssr")]
pub mod server;
