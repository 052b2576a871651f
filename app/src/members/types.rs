use crate::calendar::Moment;
use crate::contact::InquirySummary;
use crate::ideas::IdeaStatus;
use serde::{Deserialize, Serialize};

/// Everything staff see about one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRecord {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    /// The parent site's member id, when the account came through sign-in from there.
    pub sso_subject: Option<String>,
    pub joined_at: Moment,
    pub withdrawn_at: Option<Moment>,
    /// Our mail to the address is refused (a bounce came back): since when, and why.
    pub mail_failing: Option<(Moment, String)>,
    pub inquiries: Vec<InquirySummary>,
    pub chats: Vec<MemberChat>,
    pub surveys: Vec<MemberSurvey>,
    pub ideas: Vec<MemberIdea>,
    /// Account events, newest first.
    pub events: Vec<AccountEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberChat {
    pub id: i64,
    /// The topic's id (`chat::topics`).
    pub topic: String,
    pub started_at: Moment,
    pub ended: bool,
    pub staff_name: Option<String>,
    pub messages: i64,
}

/// What a survey answer was about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyAbout {
    Chat(i64),
    Inquiry { id: i64, reference: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSurvey {
    pub about: SurveyAbout,
    pub score: i64,
    pub resolved: bool,
    pub comment: Option<String>,
    pub at: Moment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberIdea {
    pub id: i64,
    pub title: String,
    pub status: IdeaStatus,
    pub created_at: Moment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountEventKind {
    Joined,
    AddressVerified,
    /// A change of address was asked for (to be confirmed from the new address).
    AddressChangeAsked,
    MailFailing,
    Withdrawn,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountEvent {
    pub at: Moment,
    pub kind: AccountEventKind,
}
