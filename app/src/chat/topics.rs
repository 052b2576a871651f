//! What members may ask in chat, and what must go through the contact form (points, changes to
//! registered details, personal data: they need identity checks or investigation).
use crate::i18n::{msg, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    pub id: &'static str,
    pub label: Text,
    /// `Some(category)`: not handled in chat; the member goes to the contact wizard with that
    /// category chosen.
    pub contact_category: Option<&'static str>,
}

pub const TOPICS: [Topic; 7] = [
    Topic { id: "points_missing", label: msg::TOPIC_POINTS, contact_category: Some("points") },
    Topic { id: "account_change", label: msg::TOPIC_ACCOUNT, contact_category: Some("account") },
    Topic { id: "personal_data", label: msg::TOPIC_PERSONAL, contact_category: Some("other") },
    Topic { id: "how_to_use", label: msg::TOPIC_HOW_TO, contact_category: None },
    Topic { id: "exchange", label: msg::TOPIC_EXCHANGE, contact_category: None },
    Topic { id: "campaign", label: msg::TOPIC_CAMPAIGN, contact_category: None },
    Topic { id: "other", label: msg::TOPIC_OTHER, contact_category: None },
];

pub fn topic(id: &str) -> Option<Topic> {
    TOPICS.into_iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_account_and_personal_data_are_routed_to_the_contact_form() {
        let routed: Vec<_> = TOPICS.iter().filter(|t| t.contact_category.is_some()).map(|t| t.id).collect();
        assert_eq!(routed, ["points_missing", "account_change", "personal_data"]);
        assert_eq!(topic("how_to_use").unwrap().contact_category, None);
        assert!(topic("nope").is_none());
    }
}
