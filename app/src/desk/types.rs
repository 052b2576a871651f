use crate::i18n::{msg, Text};
use serde::{Deserialize, Serialize};

/// What the staff event socket sends (JSON text frames), and what the hub carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeskEvent {
    /// A member joined the chat queue.
    QueueJoined { session_id: i64 },
    /// A member left the queue (taken by staff, gave up, or swept away). Quiet: consoles reload.
    QueueLeft { session_id: i64 },
    /// The member of a chat with `staff_id` wrote.
    ChatMessage { session_id: i64, staff_id: i64 },
    /// A chat of `staff_id` began or ended. Quiet: that staff member's console reloads.
    ChatChanged { session_id: i64, staff_id: i64 },
    /// A member sent an inquiry.
    NewInquiry { inquiry_id: i64 },
    /// A member followed up on an inquiry (assigned to `assignee_id`, or nobody).
    FollowUp { inquiry_id: i64, assignee_id: Option<i64> },
    /// A staff member replied to an inquiry.
    Answered { inquiry_id: i64, staff_id: i64 },
    /// A staff account was deactivated: its event sockets close. Never sent to browsers.
    StaffEnded { staff_id: i64 },
    /// `name` has inquiry `inquiry_id` open (and is typing a reply). Repeated every few seconds
    /// while it stays open; `hello` on the first, so those already there answer at once.
    Presence { inquiry_id: i64, staff_id: i64, name: String, typing: bool, hello: bool },
    /// `staff_id` closed inquiry `inquiry_id` (or their tab).
    Away { inquiry_id: i64, staff_id: i64 },
    /// An open inquiry is due within one business hour (`rules`): its assignee hears it (all staff
    /// when nobody has it).
    DueSoon { inquiry_id: i64, assignee_id: Option<i64> },
    /// An open inquiry passed its due time: supervisors and its assignee hear it.
    Overdue { inquiry_id: i64, assignee_id: Option<i64> },
    /// An inquiry was handed to `staff_id` (auto-assign).
    Assigned { inquiry_id: i64, staff_id: i64 },
}

/// What a staff tab sends on the desk socket (JSON text frames).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeskClientMsg {
    /// The inquiry this tab shows now (`None`: none).
    Viewing { inquiry_id: Option<i64> },
    /// The staff member is typing a reply on the inquiry they view.
    Typing,
}

/// Seconds between presence repeats; a viewer not heard from for `PRESENCE_GONE_SECS` is gone
/// (a tab that crashed sends no `Away`).
pub const PRESENCE_EVERY_SECS: u64 = 5;
pub const PRESENCE_GONE_SECS: u64 = 12;
/// How long "typing" shows after the last keystroke was reported.
pub const TYPING_SHOWN_SECS: u64 = 6;

impl DeskEvent {
    /// The inquiry a presence event is about.
    pub fn presence_of(&self) -> Option<i64> {
        match self {
            DeskEvent::Presence { inquiry_id, .. } | DeskEvent::Away { inquiry_id, .. } => Some(*inquiry_id),
            _ => None,
        }
    }
}

impl DeskEvent {
    /// What a desktop notification says.
    pub fn describe(&self) -> Text {
        match self {
            DeskEvent::QueueJoined { .. } => msg::DESK_EV_QUEUE,
            DeskEvent::ChatMessage { .. } => msg::DESK_EV_CHAT_MESSAGE,
            DeskEvent::NewInquiry { .. } => msg::DESK_EV_INQUIRY,
            DeskEvent::FollowUp { .. } => msg::DESK_EV_FOLLOW_UP,
            DeskEvent::Answered { .. } => msg::DESK_EV_ANSWERED,
            DeskEvent::DueSoon { .. } => msg::DESK_EV_DUE_SOON,
            DeskEvent::Overdue { .. } => msg::DESK_EV_OVERDUE,
            DeskEvent::Assigned { .. } => msg::DESK_EV_ASSIGNED,
            // Quiet events never notify.
            DeskEvent::QueueLeft { .. }
            | DeskEvent::ChatChanged { .. }
            | DeskEvent::StaffEnded { .. }
            | DeskEvent::Presence { .. }
            | DeskEvent::Away { .. } => msg::DESK_NEW,
        }
    }

    /// Whether it counts in the badge and title, chimes and notifies. Quiet events only keep
    /// pages current (the chat console reloads its queue on them).
    pub fn alerts(&self) -> bool {
        !matches!(
            self,
            DeskEvent::QueueLeft { .. }
                | DeskEvent::ChatChanged { .. }
                | DeskEvent::StaffEnded { .. }
                | DeskEvent::Presence { .. }
                | DeskEvent::Away { .. }
        )
    }

    /// Whether the chat console's queue or chat list changed.
    pub fn moves_console(&self) -> bool {
        matches!(self, DeskEvent::QueueJoined { .. } | DeskEvent::QueueLeft { .. } | DeskEvent::ChatChanged { .. })
    }

    /// Whether staff member `me` is told: follow-ups on their own or unassigned inquiries only,
    /// answers by someone else only, overdue ones when they are a supervisor or have it.
    pub fn concerns(&self, me: i64, supervisor: bool) -> bool {
        match self {
            DeskEvent::DueSoon { assignee_id, .. } => assignee_id.is_none_or(|a| a == me),
            DeskEvent::Overdue { assignee_id, .. } => supervisor || *assignee_id == Some(me),
            DeskEvent::Assigned { staff_id, .. } => *staff_id == me,
            DeskEvent::QueueJoined { .. } | DeskEvent::QueueLeft { .. } | DeskEvent::NewInquiry { .. } => true,
            DeskEvent::ChatMessage { staff_id, .. } | DeskEvent::ChatChanged { staff_id, .. } => *staff_id == me,
            DeskEvent::FollowUp { assignee_id, .. } => assignee_id.is_none_or(|a| a == me),
            DeskEvent::Answered { staff_id, .. }
            | DeskEvent::Presence { staff_id, .. }
            | DeskEvent::Away { staff_id, .. } => *staff_id != me,
            DeskEvent::StaffEnded { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DeskEvent;

    #[test]
    fn staff_hear_only_what_concerns_them() {
        assert!(DeskEvent::FollowUp { inquiry_id: 1, assignee_id: None }.concerns(7, false));
        assert!(DeskEvent::FollowUp { inquiry_id: 1, assignee_id: Some(7) }.concerns(7, false));
        assert!(!DeskEvent::FollowUp { inquiry_id: 1, assignee_id: Some(8) }.concerns(7, false));
        assert!(!DeskEvent::Answered { inquiry_id: 1, staff_id: 7 }.concerns(7, false));
        assert!(DeskEvent::Answered { inquiry_id: 1, staff_id: 8 }.concerns(7, false));
        assert!(!DeskEvent::StaffEnded { staff_id: 7 }.concerns(7, false));
        assert!(DeskEvent::DueSoon { inquiry_id: 1, assignee_id: Some(7) }.concerns(7, false));
        assert!(!DeskEvent::DueSoon { inquiry_id: 1, assignee_id: Some(8) }.concerns(7, false));
        assert!(DeskEvent::DueSoon { inquiry_id: 1, assignee_id: None }.concerns(7, false));
        assert!(DeskEvent::Overdue { inquiry_id: 1, assignee_id: Some(8) }.concerns(7, true));
        assert!(!DeskEvent::Overdue { inquiry_id: 1, assignee_id: Some(8) }.concerns(7, false));
        assert!(DeskEvent::Overdue { inquiry_id: 1, assignee_id: Some(7) }.concerns(7, false));
        assert!(DeskEvent::Assigned { inquiry_id: 1, staff_id: 7 }.concerns(7, false));
        assert!(!DeskEvent::Assigned { inquiry_id: 1, staff_id: 8 }.concerns(7, true));
        assert!(DeskEvent::ChatMessage { session_id: 1, staff_id: 7 }.concerns(7, false));
        assert!(!DeskEvent::ChatMessage { session_id: 1, staff_id: 8 }.concerns(7, false));
        assert!(!DeskEvent::ChatChanged { session_id: 1, staff_id: 8 }.concerns(7, false));
    }

    #[test]
    fn queue_leaves_and_chat_changes_are_quiet() {
        assert!(DeskEvent::QueueJoined { session_id: 1 }.alerts());
        assert!(DeskEvent::ChatMessage { session_id: 1, staff_id: 7 }.alerts());
        assert!(!DeskEvent::QueueLeft { session_id: 1 }.alerts());
        assert!(!DeskEvent::ChatChanged { session_id: 1, staff_id: 7 }.alerts());
        assert!(DeskEvent::QueueLeft { session_id: 1 }.moves_console());
        assert!(!DeskEvent::NewInquiry { inquiry_id: 1 }.moves_console());
    }
}
