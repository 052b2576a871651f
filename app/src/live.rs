//! Live conditions for members, before they choose a channel: chat open or closed (and when it
//! opens), how many wait and the estimated wait, "line busy" at the queue's cap, staff available;
//! the mail desk open or closed and the reply date an inquiry sent now would get. Each instance
//! keeps one snapshot, recomputed when the queue, staff availability or closures change (and
//! every few seconds as time passes), and streams it to every viewer over server-sent events
//! (`GET /api/live`): a thousand viewers cost one computation, not a thousand queries.
#[cfg(feature = "ssr")]
pub mod server;
mod types;
mod view;

pub use types::LiveStatus;
pub use view::{use_live, ChatLive, DeskLive, LiveFeed, ReplyByNotice};
