use crate::calendar::Moment;
use crate::chat::protocol::ChatMessage;
use crate::contact::Localized;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct SurveyMetrics {
    pub answers: i64,
    /// Share of answers scoring 4 or 5.
    pub csat: Option<f64>,
    pub average: Option<f64>,
    /// Answers per ended chat.
    pub response_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffMetrics {
    pub staff: String,
    pub metrics: SurveyMetrics,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekPoint {
    /// Monday of the week.
    pub week: NaiveDate,
    pub answers: i64,
    pub csat: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyComment {
    pub session_id: i64,
    pub staff: String,
    pub score: i64,
    pub comment: String,
    pub at: Moment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatOps {
    pub chats: i64,
    pub chats_per_day: Option<f64>,
    pub avg_wait_secs: Option<f64>,
    pub p90_wait_secs: Option<f64>,
    pub avg_handle_secs: Option<f64>,
    /// Of everyone who joined the queue: those who left or timed out before being taken.
    pub left_queue_share: Option<f64>,
    /// Of everyone who tried to join: those turned away by the "line busy" cap.
    pub line_busy_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailOps {
    pub per_category: Vec<(Localized, i64)>,
    /// Of inquiries received in the period and due by now: first staff reply no later than the
    /// first-reply target fixed on arrival (follow-ups do not move it).
    pub answered_in_time: Option<f64>,
    pub overdue_now: i64,
    /// The survey after closed inquiries (response rate: answers per inquiry closed in the
    /// period), beside the chat's `Insights::overall`.
    #[serde(default)]
    pub survey: SurveyMetrics,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub overall: SurveyMetrics,
    pub per_staff: Vec<StaffMetrics>,
    pub weekly: Vec<WeekPoint>,
    pub comments: Vec<SurveyComment>,
    pub chat: ChatOps,
    pub mail: MailOps,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    pub session_id: i64,
    /// Staff link the name to the member page.
    #[serde(default)]
    pub member_id: i64,
    pub member: String,
    pub staff: Option<String>,
    pub messages: Vec<ChatMessage>,
}
