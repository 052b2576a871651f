//! Server side of live chat: the hub that carries events (in process, or across instances
//! through PostgreSQL LISTEN/NOTIFY), the queue and session store, the socket, and the
//! background tasks (presence heartbeat, abandoned-queue sweeper, queue statistics).
mod background;
mod connection;
mod console;
mod flow;
mod hub;
mod socket;
mod store;

pub use background::{heartbeat_and_sweep, refresh_stats, spawn_chat_tasks};
pub use connection::{run_connection, Closing, Inbound};
pub use console::{set_presence, staff_console};
pub use hub::{estimate_secs, ChatHub, HubEvent, QueueEvent, SessionEvent};
pub use socket::{ws_handler, Side};
pub use store::{chat_entry, end_session, join_queue, member_transcript, messages_for, my_chats, take_next};
