//! Server-only plumbing shared by every feature: state, settings, storage, clock, and the
//! helpers server functions use to reach the request and shape the response.
pub mod client_addr;
pub mod clock;
pub mod csv;
pub mod db;
pub mod http;
pub mod limits;
pub mod metrics;
pub mod origin;
pub mod purge;
pub mod rate_limit;
pub mod settings;
pub mod state;

pub use clock::Clock;
pub use db::{Backend, Db};
pub use settings::Settings;
pub use state::AppState;
