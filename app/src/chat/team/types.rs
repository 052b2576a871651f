use crate::domain::check_multiline;
use crate::error::{AppError, FieldError};
use serde::{Deserialize, Serialize};

/// Characters in one internal note on a chat.
pub const NOTE_MAX: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatNoteInput {
    pub session_id: i64,
    pub body: String,
}

impl ChatNoteInput {
    pub fn validate(&self) -> Result<String, AppError> {
        check_multiline(&self.body, 1, NOTE_MAX)
            .map_err(|error| AppError::Validation(vec![FieldError { field: "body".into(), error }]))
    }
}

/// A staff member a chat can be handed to: available, active, with room for one more chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub id: i64,
    pub name: String,
    /// Chats they can still take.
    pub room: i64,
}
