use crate::calendar::{Day, Moment};
use serde::{Deserialize, Serialize};

/// The advertiser's judgement of a click's order, as the parent site reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Judgement {
    /// 判定中: not decided yet (the passbook shows nothing or "pending").
    Pending,
    /// 承認: points granted.
    Approved,
    /// 否認: refused by the advertiser.
    Rejected,
}

impl Judgement {
    /// The contract's wire name.
    pub fn parse(s: &str) -> Option<Judgement> {
        match s {
            "pending" => Some(Judgement::Pending),
            "approved" => Some(Judgement::Approved),
            "rejected" => Some(Judgement::Rejected),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Judgement::Pending => "pending",
            Judgement::Approved => "approved",
            Judgement::Rejected => "rejected",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Judgement::Pending => "判定中",
            Judgement::Approved => "承認",
            Judgement::Rejected => "否認",
        }
    }
}

/// One click through to a shop, validated against the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Click {
    pub shop: String,
    pub clicked_at: Moment,
    pub status: Judgement,
    /// When the advertiser is expected to decide (pending ones).
    pub expected_on: Option<Day>,
    pub order_amount: Option<i64>,
    pub points: Option<i64>,
}

impl Click {
    /// The one line staff read and the reply keeps as evidence:
    /// 「11/02 14:03 楽天市場 クリックあり・判定中・判定予定日 1/15」.
    pub fn summary_ja(&self) -> String {
        let t = self.clicked_at.tokyo();
        let mut line = format!(
            "{}/{:02} {:02}:{:02} {} クリックあり・{}",
            t.date.month(),
            t.date.day(),
            t.hour,
            t.minute,
            self.shop,
            self.status.label_ja()
        );
        if let Some(day) = self.expected_on {
            line.push_str(&format!("・判定予定日 {}/{}", day.month(), day.day()));
        }
        if let Some(points) = self.points {
            line.push_str(&format!("・{points}pt"));
        }
        line
    }
}

/// Why the parent site's answer is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unavailable {
    /// It did not answer in time.
    Timeout,
    /// It answered with an error, or could not be reached.
    Failed,
    /// Its answer broke the contract (malformed, oversized, badly signed).
    Invalid,
    /// Too many look-ups in flight on this instance.
    Busy,
    /// It failed repeatedly; look-ups pause for a short while (circuit breaker).
    Paused,
}

/// What the staff panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParentPanel {
    /// The connector is not configured, or the inquiry is not a points claim: no panel.
    Hidden,
    /// The member signed up here, not through the parent site: there is no id to ask about.
    NotLinked,
    Unavailable(Unavailable),
    Found(ParentFindings),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentFindings {
    /// The shop asked about (from the inquiry's fields), if any.
    pub shop: Option<String>,
    pub from: Day,
    pub to: Day,
    pub clicks: Vec<Click>,
    /// A suggested answer for the best-matching click (or for "no click"), to insert in the reply.
    pub suggestion: String,
}

/// The parent-site look-up a reply was based on, kept with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyEvidence {
    pub message_id: i64,
    pub looked_up_at: Moment,
    pub staff: String,
    pub summary: String,
}
