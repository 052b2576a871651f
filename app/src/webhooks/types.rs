use crate::calendar::Moment;
use serde::{Deserialize, Serialize};

/// Every event a receiver can get; the wire name is its `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    InquiryCreated,
    InquiryReplied,
    InquiryClosed,
    InquiryReopened,
    ChatQueued,
    ChatTaken,
    ChatEnded,
    SurveyAnswered,
    IdeaDecided,
    /// The erase event: the site's copies of this member's data should follow.
    MemberWithdrawn,
}

impl EventKind {
    pub const ALL: [EventKind; 10] = [
        EventKind::InquiryCreated,
        EventKind::InquiryReplied,
        EventKind::InquiryClosed,
        EventKind::InquiryReopened,
        EventKind::ChatQueued,
        EventKind::ChatTaken,
        EventKind::ChatEnded,
        EventKind::SurveyAnswered,
        EventKind::IdeaDecided,
        EventKind::MemberWithdrawn,
    ];

    /// The stored and sent name (the table's CHECK lists the same).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::InquiryCreated => "inquiry.created",
            EventKind::InquiryReplied => "inquiry.replied",
            EventKind::InquiryClosed => "inquiry.closed",
            EventKind::InquiryReopened => "inquiry.reopened",
            EventKind::ChatQueued => "chat.queued",
            EventKind::ChatTaken => "chat.taken",
            EventKind::ChatEnded => "chat.ended",
            EventKind::SurveyAnswered => "survey.answered",
            EventKind::IdeaDecided => "idea.decided",
            EventKind::MemberWithdrawn => "member.withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeliveryStatus {
    Pending,
    Delivered,
    /// Gave up after the last retry; a supervisor may send it again.
    Failed,
}

impl DeliveryStatus {
    pub fn parse(s: &str) -> DeliveryStatus {
        match s {
            "delivered" => DeliveryStatus::Delivered,
            "failed" => DeliveryStatus::Failed,
            _ => DeliveryStatus::Pending,
        }
    }
}

/// One event to one receiver, as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub event_id: String,
    pub event_type: String,
    pub url: String,
    pub status: DeliveryStatus,
    pub attempts: i64,
    /// The receiver's last HTTP status, if it answered.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: Moment,
    pub delivered_at: Option<Moment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryLog {
    /// Receivers configured now (the log may hold older ones).
    pub receivers: Vec<String>,
    /// Newest first, 50 at a time.
    pub deliveries: Vec<Delivery>,
    /// There are older ones (ask with the last id).
    pub more: bool,
}
