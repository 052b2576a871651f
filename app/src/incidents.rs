//! Incidents (issue #23): one cause behind many inquiries — an advertiser's tracking breaks and
//! 300 「ポイントが付与されない」 inquiries about one shop arrive in an afternoon. Staff open an
//! incident for the shop and the days around it; inquiries whose structured fields match (the
//! points category's shop and day of use) are suggested for linking as they arrive, linked ones
//! are answered at once (the bulk answer: one mail each, placeholders filled, a thread that moved
//! on skipped), and the incident's public note is shown to the members on their inquiry's page.
pub mod api;
mod detail;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use detail::IncidentPage;
pub use page::IncidentsPage;
pub use types::*;
