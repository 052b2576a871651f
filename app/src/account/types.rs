//! What the account page exchanges with the server.
use crate::calendar::Moment;
use serde::{Deserialize, Serialize};

/// One of the member's own sessions. `id` is a short prefix of the stored digest: enough to name
/// it, useless as a login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: String,
    pub device: String,
    pub last_seen: Moment,
    pub this_device: bool,
}

/// A new address, with the password as proof.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EmailChange {
    pub new_email: String,
    pub password: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}
