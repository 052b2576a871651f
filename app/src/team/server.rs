//! Server side of staff management.
mod deactivation;
mod invitations;
mod mails;
mod members;

pub use invitations::{accept, invite, peek, INVITATION_HOURS};
pub use members::{set_active, set_role, team};
