use crate::calendar::Moment;
use serde::{Deserialize, Serialize};

/// One snapshot of the service's conditions, as the corner and the entry pages show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveStatus {
    pub chat_open: bool,
    /// When chat opens next (shown while it is closed).
    pub chat_next_opening: Moment,
    /// Members waiting in the chat queue now.
    pub waiting: i64,
    /// Estimated wait for someone joining now, once there is enough history to say.
    pub estimate_secs: Option<i64>,
    /// The queue is at its cap: joining is refused ("line busy").
    pub line_busy: bool,
    /// Staff members marked available for chat.
    pub staff_available: i64,
    pub desk_open: bool,
    pub desk_next_opening: Moment,
    /// The answer date an inquiry sent now gets (the same rule the submit uses).
    pub reply_by: Moment,
}

impl LiveStatus {
    /// Whole minutes of estimated wait, at least one.
    pub fn estimate_minutes(&self) -> Option<i64> {
        self.estimate_secs.map(|s| ((s + 59) / 60).max(1))
    }
}
