use crate::i18n::{msg, Text};
use serde::{Deserialize, Serialize};

/// What the staff event socket sends (JSON text frames), and what the hub carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeskEvent {
    /// A member joined the chat queue.
    QueueJoined { session_id: i64 },
    /// A member sent an inquiry.
    NewInquiry { inquiry_id: i64 },
    /// A member followed up on an inquiry (assigned to `assignee_id`, or nobody).
    FollowUp { inquiry_id: i64, assignee_id: Option<i64> },
    /// A staff member replied to an inquiry.
    Answered { inquiry_id: i64, staff_id: i64 },
    /// A staff account was deactivated: its event sockets close. Never sent to browsers.
    StaffEnded { staff_id: i64 },
}

impl DeskEvent {
    /// What a desktop notification says.
    pub fn describe(&self) -> Text {
        match self {
            DeskEvent::QueueJoined { .. } => msg::DESK_EV_QUEUE,
            DeskEvent::NewInquiry { .. } => msg::DESK_EV_INQUIRY,
            DeskEvent::FollowUp { .. } => msg::DESK_EV_FOLLOW_UP,
            DeskEvent::Answered { .. } => msg::DESK_EV_ANSWERED,
            DeskEvent::StaffEnded { .. } => msg::DESK_NEW,
        }
    }

    /// Whether staff member `me` is told: follow-ups on their own or unassigned inquiries only,
    /// answers by someone else only.
    pub fn concerns(&self, me: i64) -> bool {
        match self {
            DeskEvent::QueueJoined { .. } | DeskEvent::NewInquiry { .. } => true,
            DeskEvent::FollowUp { assignee_id, .. } => assignee_id.is_none_or(|a| a == me),
            DeskEvent::Answered { staff_id, .. } => *staff_id != me,
            DeskEvent::StaffEnded { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DeskEvent;

    #[test]
    fn staff_hear_only_what_concerns_them() {
        assert!(DeskEvent::FollowUp { inquiry_id: 1, assignee_id: None }.concerns(7));
        assert!(DeskEvent::FollowUp { inquiry_id: 1, assignee_id: Some(7) }.concerns(7));
        assert!(!DeskEvent::FollowUp { inquiry_id: 1, assignee_id: Some(8) }.concerns(7));
        assert!(!DeskEvent::Answered { inquiry_id: 1, staff_id: 7 }.concerns(7));
        assert!(DeskEvent::Answered { inquiry_id: 1, staff_id: 8 }.concerns(7));
        assert!(!DeskEvent::StaffEnded { staff_id: 7 }.concerns(7));
    }
}
