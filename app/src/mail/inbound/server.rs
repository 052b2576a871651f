//! Server side of inbound mail: the SMTP listener and its session, the stored queue, reading and
//! cutting mails, deciding and threading, and the supervisors' held list.
mod bounce;
pub mod held;
mod lines;
mod listener;
mod parse;
mod process;
mod queue;
mod quote;
mod session;
mod worker;

pub use listener::spawn_listener;
pub use parse::{parse, Incoming};
pub use process::{process, Outcome};
pub use queue::{claim, store, Claimed};
pub use quote::{split_reply, Split};
pub use session::{run as run_session, Envelope, Gate, Limits};
pub use worker::{process_due, spawn_worker};
