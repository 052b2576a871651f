use crate::contact::Localized;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How long something took, in business minutes of the mail desk's calendar (its hours, weekends,
/// holidays and closure days): a reply at 09:10 on Monday to a Friday 16:50 inquiry took 20.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub count: i64,
    pub p50: Option<i64>,
    pub p90: Option<i64>,
}

/// The desk's figures for one group of inquiries (a category, an agent, a week, or all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeskGroup {
    /// A category's name; an agent's name, a week's Monday or "all" the same in both languages.
    pub label: Localized,
    /// Inquiries received in the period (for an agent: those assigned to them).
    pub received: i64,
    /// Received to the first staff reply.
    pub first_response: Spread,
    /// Of first replies whose target has passed or that came: the share by the target fixed on
    /// arrival (one business day; follow-ups never move it; not yet due is not a miss).
    pub within_promise: Option<f64>,
    /// Received to closed, of those closed now.
    pub resolution: Spread,
    /// Inquiries reopened at least once after being closed (a reply, or staff).
    pub reopened: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BacklogPoint {
    pub day: NaiveDate,
    /// Not closed at the end of the day.
    pub open: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentFigure {
    pub id: i64,
    pub title: String,
    pub open: bool,
    pub linked: i64,
    /// Linked inquiries with a staff reply.
    pub answered: i64,
}

/// `/admin/figures`: how the mail desk did over a period of Tokyo days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeskFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub overall: DeskGroup,
    /// The category each inquiry is in now (recategorized ones count where staff moved them).
    pub per_category: Vec<DeskGroup>,
    /// First responses by who gave them; resolution by the assignee.
    pub per_agent: Vec<DeskGroup>,
    /// By the week (Monday) an inquiry arrived.
    pub per_week: Vec<DeskGroup>,
    /// Arrivals by weekday (Monday first) and hour, Tokyo time.
    pub heatmap: [[i64; 24]; 7],
    pub backlog: Vec<BacklogPoint>,
    /// Incidents opened in the period.
    pub incidents: Vec<IncidentFigure>,
}

/// The longest period the figures read at once.
pub const MAX_PERIOD_DAYS: u32 = 366;

#[cfg(test)]
mod tests {
    use super::MAX_PERIOD_DAYS;
    use crate::i18n::{msg, Lang};

    /// The page words the refusal itself (no shared error variant for it): its text must name the
    /// limit the server applies.
    #[test]
    fn the_period_refusal_names_the_limit() {
        for lang in [Lang::Ja, Lang::En] {
            assert!(msg::FIGURES_PERIOD_TOO_LONG.get(lang).contains(&MAX_PERIOD_DAYS.to_string()));
        }
    }
}
