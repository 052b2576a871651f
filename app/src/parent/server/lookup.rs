//! The three look-ups: an inquiry's claim (staff), a member's recent clicks (staff), and the
//! wizard's judgement-date hint (the member, about their own account). Each is recorded in
//! `parent_lookups`; staff ones are audited in the same transaction (personal data).
use super::connector::Query;
use super::suggestion;
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::{require_member, require_staff};
use crate::calendar::Day;
use crate::domain::ValidationError;
use crate::error::{AppError, AppResult};
use crate::infra::http::state;
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState};
use crate::parent::{Click, Judgement, ParentFindings, ParentPanel};
use std::sync::Arc;

/// Field keys of a points claim: a category with both gets the panel and the hint.
pub const SHOP_FIELD: &str = "shop_name";
pub const USED_ON_FIELD: &str = "used_on";
/// The member page and the chat console look this far back.
const RECENT_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy)]
enum Purpose {
    Inquiry,
    Member,
    Wizard,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Inquiry => "inquiry",
            Purpose::Member => "member",
            Purpose::Wizard => "wizard",
        }
    }
}

fn shift(day: Day, days: i64) -> Day {
    Day::from_days_since_epoch(day.days_since_epoch() + days)
}

fn today(state: &AppState) -> Day {
    crate::calendar::Moment::from_millis(state.clock.now_ms()).tokyo().date
}

/// The shop and date of use in an inquiry's stored fields, when it is a points claim.
fn claim(fields_json: &str) -> Option<(String, Day)> {
    let fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(fields_json).ok()?;
    let shop = fields.get(SHOP_FIELD)?.as_str()?.trim().to_owned();
    let used_on = Day::parse(fields.get(USED_ON_FIELD)?.as_str()?)?;
    (!shop.is_empty()).then_some((shop, used_on))
}

/// Nearest the date of use first (the likeliest match for the claim).
fn findings(shop: Option<String>, from: Day, to: Day, around: Day, clicks: &[Click]) -> ParentFindings {
    let mut clicks = clicks.to_vec();
    clicks.sort_by_key(|c| (c.clicked_at.tokyo().date.days_since_epoch() - around.days_since_epoch()).abs());
    let suggestion = match clicks.first() {
        Some(best) => suggestion::for_click(best),
        None => suggestion::no_click(shop.as_deref()),
    };
    ParentFindings { shop, from, to, clicks, suggestion }
}

fn panel_of(result: Result<Arc<Vec<Click>>, crate::parent::Unavailable>, q: &Query, around: Day) -> ParentPanel {
    match result {
        Ok(clicks) => ParentPanel::Found(findings(q.shop.clone(), q.from, q.to, around, &clicks)),
        Err(why) => ParentPanel::Unavailable(why),
    }
}

/// The outcome and the one line kept as the record (and as a reply's evidence).
fn outcome(panel: &ParentPanel) -> (&'static str, String) {
    match panel {
        ParentPanel::Found(f) => match f.clicks.first() {
            Some(best) => ("found", best.summary_ja()),
            None => ("none", format!("{}〜{} クリック記録なし", f.from, f.to)),
        },
        ParentPanel::Unavailable(why) => ("unavailable", format!("照会できず ({why:?})")),
        ParentPanel::Hidden | ParentPanel::NotLinked => ("none", String::new()),
    }
}

struct Record<'a> {
    purpose: Purpose,
    member_id: i64,
    inquiry_id: Option<i64>,
    staff_id: Option<i64>,
    outcome: &'static str,
    summary: &'a str,
}

/// The look-up row, and for staff the audit row, in one transaction.
async fn record(state: &AppState, r: Record<'_>) -> AppResult<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO parent_lookups (purpose, member_id, inquiry_id, staff_id, outcome, summary, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(r.purpose.as_str())
    .bind(r.member_id)
    .bind(r.inquiry_id)
    .bind(r.staff_id)
    .bind(r.outcome)
    .bind(r.summary)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if let Some(staff_id) = r.staff_id {
        let target = match r.inquiry_id {
            Some(id) => format!("inquiry:{id}"),
            None => format!("member:{}", r.member_id),
        };
        audit::record(&mut *tx, staff_id, AuditAction::ParentLookup, &target, &audit::request_ip(state), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn for_inquiry(inquiry_id: i64) -> AppResult<ParentPanel> {
    let staff = require_staff().await?;
    let state = state()?;
    let row: Option<(i64, Option<String>, String, Option<i64>)> = sqlx::query_as(
        "SELECT i.member_id, u.sso_subject, i.fields, u.withdrawn_at
         FROM inquiries i JOIN users u ON u.id = i.member_id WHERE i.id = $1",
    )
    .bind(inquiry_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let (member_id, subject, fields, withdrawn_at) = row.ok_or(AppError::NotFound)?;
    let Some(connector) = state.parent.clone() else { return Ok(ParentPanel::Hidden) };
    let Some((shop, used_on)) = claim(&fields) else { return Ok(ParentPanel::Hidden) };
    let Some(subject) = subject.filter(|_| withdrawn_at.is_none()) else { return Ok(ParentPanel::NotLinked) };
    let days = state.settings.parent_api_window_days.clamp(0, 31);
    let q = Query { subject, shop: Some(shop), from: shift(used_on, -days), to: shift(used_on, days) };
    let panel = panel_of(connector.clicks(&q).await, &q, used_on);
    let (outcome, summary) = outcome(&panel);
    let r = Record {
        purpose: Purpose::Inquiry,
        member_id,
        inquiry_id: Some(inquiry_id),
        staff_id: Some(staff.id),
        outcome,
        summary: &summary,
    };
    record(&state, r).await?;
    Ok(panel)
}

pub async fn for_member(member_id: i64) -> AppResult<ParentPanel> {
    let staff = require_staff().await?;
    let state = state()?;
    let row: Option<(Option<String>, Option<i64>)> =
        sqlx::query_as("SELECT sso_subject, withdrawn_at FROM users WHERE id = $1 AND role = 'member'")
            .bind(member_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let (subject, withdrawn_at) = row.ok_or(AppError::NotFound)?;
    let Some(connector) = state.parent.clone() else { return Ok(ParentPanel::Hidden) };
    let Some(subject) = subject.filter(|_| withdrawn_at.is_none()) else { return Ok(ParentPanel::NotLinked) };
    let to = today(&state);
    let q = Query { subject, shop: None, from: shift(to, -RECENT_DAYS), to };
    let panel = panel_of(connector.clicks(&q).await, &q, to);
    let (outcome, summary) = outcome(&panel);
    let r = Record {
        purpose: Purpose::Member,
        member_id,
        inquiry_id: None,
        staff_id: Some(staff.id),
        outcome,
        summary: &summary,
    };
    record(&state, r).await?;
    Ok(panel)
}

/// The day a pending judgement of the member's click on this shop is due, if there is one.
pub async fn hint(shop: &str, used_on: &str) -> AppResult<Option<Day>> {
    let member = require_member().await?;
    let shop = shop.trim();
    if shop.is_empty() {
        return Err(AppError::field(SHOP_FIELD, ValidationError::Required));
    }
    if shop.chars().count() > 100 {
        return Err(AppError::field(SHOP_FIELD, ValidationError::TooLong { max: 100 }));
    }
    let used_on =
        Day::parse(used_on.trim()).ok_or_else(|| AppError::field(USED_ON_FIELD, ValidationError::InvalidDate))?;
    let state = state()?;
    let Some(connector) = state.parent.clone() else { return Ok(None) };
    let row: Option<(Option<String>,)> = sqlx::query_as("SELECT sso_subject FROM users WHERE id = $1")
        .bind(member.id)
        .fetch_optional(&state.db.pool)
        .await?;
    let Some(subject) = row.and_then(|(s,)| s) else { return Ok(None) };
    rate_limit::take(&state, Action::ParentHint, &member.id.to_string()).await?;
    let days = state.settings.parent_api_window_days.clamp(0, 31);
    let q = Query { subject, shop: Some(shop.to_owned()), from: shift(used_on, -days), to: shift(used_on, days) };
    let today = today(&state);
    // The nearest click still being judged, whose judgement day is not past.
    let hint = match connector.clicks(&q).await {
        Ok(clicks) => {
            let f = findings(q.shop.clone(), q.from, q.to, used_on, &clicks);
            f.clicks
                .iter()
                .find(|c| c.status == Judgement::Pending && c.expected_on.is_some_and(|d| d >= today))
                .and_then(|c| c.expected_on)
        }
        Err(_) => None,
    };
    let (outcome, summary) = match &hint {
        Some(expected_on) => ("found", format!("判定予定日 {expected_on} をお知らせ")),
        None => ("none", String::new()),
    };
    let r = Record {
        purpose: Purpose::Wizard,
        member_id: member.id,
        inquiry_id: None,
        staff_id: None,
        outcome,
        summary: &summary,
    };
    record(&state, r).await?;
    Ok(hint)
}

/// Judgement-date hints shown in the wizard since `since`, and how many of them were not
/// followed by an inquiry or a chat within 30 minutes (deflections, counted as the help
/// center's are).
pub async fn deflections(since: i64) -> AppResult<(i64, i64)> {
    require_staff().await?;
    let state = state()?;
    const WINDOW_MS: i64 = 30 * 60 * 1000;
    let (shown, deflected): (i64, i64) = sqlx::query_as(&format!(
        "SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.member_id = l.member_id
                        AND i.received_at >= l.created_at AND i.received_at <= l.created_at + {WINDOW_MS})
                    AND NOT EXISTS (SELECT 1 FROM chat_sessions c WHERE c.member_id = l.member_id
                        AND c.enqueued_at >= l.created_at AND c.enqueued_at <= l.created_at + {WINDOW_MS})
                  THEN 1 ELSE 0 END), 0)
         FROM parent_lookups l WHERE l.purpose = 'wizard' AND l.outcome = 'found' AND l.created_at >= $1"
    ))
    .bind(since)
    .fetch_one(&state.db.pool)
    .await?;
    Ok((shown, deflected))
}
