//! The connector to the parent site, the look-ups built on it, and what is kept of them.
pub mod connector;
pub mod contract;
pub mod evidence;
pub mod lookup;
pub mod signing;
mod suggestion;

pub use connector::Connector;
