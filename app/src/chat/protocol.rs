//! What crosses the chat WebSocket, one type for both ends. JSON text frames.
use crate::calendar::Moment;
use serde::{Deserialize, Serialize};

/// Longest chat message, in characters.
pub const MESSAGE_MAX: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClientMsg {
    /// First frame after (re)connecting: the last message id the client has, so it gets what it
    /// missed.
    Hello {
        last_seen_id: i64,
    },
    /// `client_id` is made by the sender; resending it after a reconnect stores nothing new.
    Send {
        client_id: String,
        body: String,
        /// Ids of the sender's uploads (at most three); the text may then be empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<String>,
    },
    Typing,
    /// A waiting member leaves the queue.
    Leave,
    /// Either side ends the chat.
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionStatus {
    Waiting,
    Active,
    Ended,
    Left,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Waiting => "waiting",
            SessionStatus::Active => "active",
            SessionStatus::Ended => "ended",
            SessionStatus::Left => "left",
        }
    }

    pub fn parse(s: &str) -> SessionStatus {
        match s {
            "waiting" => SessionStatus::Waiting,
            "active" => SessionStatus::Active,
            "ended" => SessionStatus::Ended,
            _ => SessionStatus::Left,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub id: i64,
    pub client_id: String,
    pub from_staff: bool,
    pub author: String,
    pub body: String,
    pub at: Moment,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::files::Attachment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionState {
    pub session_id: i64,
    pub status: SessionStatus,
    /// People ahead in the queue (0: next), while waiting.
    pub ahead: Option<i64>,
    /// Estimated wait in seconds; `None` while there is too little history to estimate.
    pub estimate_secs: Option<i64>,
    pub staff_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerMsg {
    State(SessionState),
    Message(ChatMessage),
    /// The sender's message is stored (as `id`).
    Ack {
        client_id: String,
        id: i64,
    },
    Typing {
        from_staff: bool,
    },
    Error(ChatProblem),
}

/// Why the server refused a frame (or is closing the connection). The client shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChatProblem {
    /// A message sent while the chat is not active (still waiting, or over).
    NotActive,
    /// Empty, too long, or with characters that are not allowed.
    InvalidMessage,
    /// Frames faster than a person types: the connection is closed.
    TooFast,
    /// Frames that are not chat protocol: after a few, the connection is closed.
    Malformed,
    /// Too many open connections to this chat from one account.
    TooManyConnections,
    /// The message's files could not be attached (expired, someone else's, too large together);
    /// the message was not stored.
    FileUnavailable,
}

impl ChatProblem {
    pub fn message(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::msg;
        match self {
            ChatProblem::NotActive => msg::CHAT_ERR_NOT_ACTIVE.get(lang),
            ChatProblem::InvalidMessage => msg::CHAT_ERR_INVALID.get(lang),
            ChatProblem::TooFast => msg::CHAT_ERR_TOO_FAST.get(lang),
            ChatProblem::Malformed => msg::CHAT_ERR_MALFORMED.get(lang),
            ChatProblem::TooManyConnections => msg::CHAT_ERR_TOO_MANY.get(lang),
            ChatProblem::FileUnavailable => msg::CHAT_ERR_FILE.get(lang),
        }
    }
}
