//! Mail coming in (issue #22): members answer our mails by replying, and what bounces is seen.
//!
//! Our mails about an inquiry carry a signed reply address (`mail::reply_address`). The SMTP
//! listener (`server::listener`, off unless `inbound_smtp_bind` is set) takes mail only for those
//! addresses and the support address, stores each one before saying 250, and the worker
//! (`server::worker`) decides what it is: a follow-up from the inquiry's member (threaded, quote
//! cut), a bounce of one of our mails (the address is marked failing), or anything else — held for
//! supervisors with the reason (`server::held`, the "unmatched mail" page).
pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::HeldMailPage;
pub use types::{AttachInput, HeldMail, HoldReason, MailStatus, NewInquiryInput};
