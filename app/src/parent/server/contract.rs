//! The parent site's answer as the contract defines it (`docs/parent-api.yaml`), and its
//! validation: an answer that breaks any rule is refused whole and logged by reason — never shown
//! in part, never shown raw.
use crate::calendar::{Day, Moment};
use crate::parent::{Click, Judgement};
use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;
/// Larger answers are refused before they are read to the end.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
pub const MAX_CLICKS: usize = 200;
pub const MAX_SHOP_CHARS: usize = 200;
const MAX_POINTS: i64 = 10_000_000;
const MAX_AMOUNT: i64 = 1_000_000_000;

/// `GET /v1/members/{subject}/clicks` → 200.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClicksAnswer {
    pub version: u32,
    pub member: String,
    pub clicks: Vec<ClickWire>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClickWire {
    pub shop: String,
    /// RFC 3339.
    pub clicked_at: String,
    /// `pending` | `approved` | `rejected`.
    pub status: String,
    /// `YYYY-MM-DD`, for pending ones.
    #[serde(default)]
    pub expected_judgement_on: Option<String>,
    #[serde(default)]
    pub order_amount: Option<i64>,
    #[serde(default)]
    pub points: Option<i64>,
}

/// Why an answer was refused (logged; staff see "the answer could not be used").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContractError {
    #[error("not JSON of the contract's shape: {0}")]
    Shape(String),
    #[error("version {0}, expected {VERSION}")]
    Version(u32),
    #[error("answer is about another member")]
    OtherMember,
    #[error("{0} clicks, more than {MAX_CLICKS}")]
    TooMany(usize),
    #[error("click {index}: {what}")]
    Click { index: usize, what: &'static str },
}

/// Parses and validates an answer about `subject`.
pub fn parse(body: &[u8], subject: &str) -> Result<Vec<Click>, ContractError> {
    let answer: ClicksAnswer = serde_json::from_slice(body).map_err(|e| ContractError::Shape(e.to_string()))?;
    if answer.version != VERSION {
        return Err(ContractError::Version(answer.version));
    }
    if answer.member != subject {
        return Err(ContractError::OtherMember);
    }
    if answer.clicks.len() > MAX_CLICKS {
        return Err(ContractError::TooMany(answer.clicks.len()));
    }
    answer
        .clicks
        .iter()
        .enumerate()
        .map(|(index, c)| click(c).map_err(|what| ContractError::Click { index, what }))
        .collect()
}

fn click(c: &ClickWire) -> Result<Click, &'static str> {
    let shop = c.shop.trim();
    if shop.is_empty() || shop.chars().count() > MAX_SHOP_CHARS {
        return Err("shop empty or too long");
    }
    // Shown to staff as text; control and direction-override characters would let a shop name
    // rearrange the line it is shown in.
    if shop.chars().any(|ch| ch.is_control() || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')) {
        return Err("shop has control characters");
    }
    let clicked_at = Moment::parse(&c.clicked_at).ok_or("clicked_at is not RFC 3339")?;
    let status = Judgement::parse(&c.status).ok_or("unknown status")?;
    let expected_on = match &c.expected_judgement_on {
        Some(d) => Some(Day::parse(d).ok_or("expected_judgement_on is not a date")?),
        None => None,
    };
    if c.order_amount.is_some_and(|a| !(0..=MAX_AMOUNT).contains(&a)) {
        return Err("order_amount out of range");
    }
    if c.points.is_some_and(|p| !(0..=MAX_POINTS).contains(&p)) {
        return Err("points out of range");
    }
    Ok(Click { shop: shop.to_owned(), clicked_at, status, expected_on, order_amount: c.order_amount, points: c.points })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(clicks: &str) -> String {
        format!(r#"{{"version":1,"member":"p-1","clicks":[{clicks}]}}"#)
    }

    #[test]
    fn a_good_answer_is_read() {
        let body = answer(
            r#"{"shop":"楽天市場","clicked_at":"2026-11-02T14:03:00+09:00","status":"pending","expected_judgement_on":"2027-01-15","order_amount":12800,"points":128}"#,
        );
        let clicks = parse(body.as_bytes(), "p-1").unwrap();
        assert_eq!(clicks.len(), 1);
        assert_eq!(clicks[0].summary_ja(), "11/02 14:03 楽天市場 クリックあり・判定中・判定予定日 1/15・128pt");
    }

    #[test]
    fn every_broken_rule_refuses_the_whole_answer() {
        let good = r#"{"shop":"A","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved"}"#;
        assert!(parse(answer(good).as_bytes(), "p-1").is_ok());
        assert_eq!(parse(answer(good).as_bytes(), "p-2"), Err(ContractError::OtherMember));
        assert!(matches!(parse(b"<html>502</html>", "p-1"), Err(ContractError::Shape(_))));
        assert!(matches!(parse(br#"{"version":2,"member":"p-1","clicks":[]}"#, "p-1"), Err(ContractError::Version(2))));
        let bad = [
            r#"{"shop":"","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved"}"#,
            r#"{"shop":"A\u202eB","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved"}"#,
            r#"{"shop":"A\u0000","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved"}"#,
            r#"{"shop":"A","clicked_at":"yesterday","status":"approved"}"#,
            r#"{"shop":"A","clicked_at":"2026-11-02T14:03:00+09:00","status":"maybe"}"#,
            r#"{"shop":"A","clicked_at":"2026-11-02T14:03:00+09:00","status":"pending","expected_judgement_on":"2027-02-30"}"#,
            r#"{"shop":"A","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved","points":-5}"#,
            r#"{"shop":"A","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved","order_amount":99999999999}"#,
        ];
        for click in bad {
            assert!(matches!(parse(answer(click).as_bytes(), "p-1"), Err(ContractError::Click { .. })), "{click}");
        }
        let long = format!(
            r#"{{"shop":"{}","clicked_at":"2026-11-02T14:03:00+09:00","status":"approved"}}"#,
            "店".repeat(201)
        );
        assert!(parse(answer(&long).as_bytes(), "p-1").is_err());
        let many = vec![good; MAX_CLICKS + 1].join(",");
        assert_eq!(parse(answer(&many).as_bytes(), "p-1"), Err(ContractError::TooMany(MAX_CLICKS + 1)));
    }
}
