//! Staff management: agents and supervisors, invitations by mail, role changes, deactivation.
//! Supervisors only (`require_supervisor`), except the invitation page's two calls, which take
//! the mailed link.
pub mod api;
mod join_page;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use join_page::JoinPage;
pub use page::TeamPage;
pub use types::{AcceptInput, InvitationView, InviteInput, PendingInvitation, StaffMember, Team};
