//! The arithmetic behind the desk's figures, kept apart from the SQL so it is tested on
//! hand-computed numbers. Durations are business minutes of the mail desk's calendar.
use super::{BacklogPoint, DeskGroup, Spread};
use crate::calendar::{BusinessCalendar, JST};
use crate::contact::Localized;
use crate::insights::{first_replies, percentile, share};
use chrono::{Datelike, Days, NaiveDate, TimeZone, Timelike};
use std::collections::BTreeMap;

/// One inquiry received in the period, as the figures need it.
#[derive(Debug, Clone, Default)]
pub struct Arrival {
    pub category: String,
    pub received_at: i64,
    pub first_reply_due_at: i64,
    pub first_replied_at: Option<i64>,
    /// Staff ids.
    pub first_replied_by: Option<i64>,
    pub assignee: Option<i64>,
    /// When it was closed, if it is closed now.
    pub closed_at: Option<i64>,
    pub reopened: bool,
}

/// Business minutes between two instants (0 when `to` is not after `from`).
pub fn business_minutes(calendar: &BusinessCalendar, from: i64, to: i64) -> i64 {
    match (JST.timestamp_millis_opt(from).single(), JST.timestamp_millis_opt(to).single()) {
        (Some(a), Some(b)) if b > a => calendar.business_minutes_between(&a, &b),
        _ => 0,
    }
}

fn spread(minutes: &[f64]) -> Spread {
    Spread {
        count: minutes.len() as i64,
        p50: percentile(minutes, 0.5).map(|v| v as i64),
        p90: percentile(minutes, 0.9).map(|v| v as i64),
    }
}

/// The figures of one group: first responses (and the promise) over `responders`, resolution
/// and reopens over `resolvers`. For a category, a week or everything the two are the same
/// inquiries; for an agent, the ones they answered first and the ones assigned to them.
pub fn group(
    label: Localized,
    responders: &[&Arrival],
    resolvers: &[&Arrival],
    calendar: &BusinessCalendar,
    now: i64,
) -> DeskGroup {
    let first: Vec<f64> = responders
        .iter()
        .filter_map(|a| a.first_replied_at.map(|at| business_minutes(calendar, a.received_at, at) as f64))
        .collect();
    let targets: Vec<(i64, Option<i64>)> =
        responders.iter().map(|a| (a.first_reply_due_at, a.first_replied_at)).collect();
    let (in_time, judged) = first_replies(&targets, now);
    let resolved: Vec<f64> = resolvers
        .iter()
        .filter_map(|a| a.closed_at.map(|at| business_minutes(calendar, a.received_at, at) as f64))
        .collect();
    DeskGroup {
        label,
        received: resolvers.len() as i64,
        first_response: spread(&first),
        within_promise: share(in_time, judged),
        resolution: spread(&resolved),
        reopened: resolvers.iter().filter(|a| a.reopened).count() as i64,
    }
}

/// Groups by a key, in the key's order.
pub fn by<K: Ord>(rows: &[Arrival], key: impl Fn(&Arrival) -> Option<K>) -> BTreeMap<K, Vec<&Arrival>> {
    let mut groups: BTreeMap<K, Vec<&Arrival>> = BTreeMap::new();
    for row in rows {
        if let Some(k) = key(row) {
            groups.entry(k).or_default().push(row);
        }
    }
    groups
}

/// The Monday of the Tokyo week an instant falls in.
pub fn week_of(ms: i64) -> NaiveDate {
    let day = JST.timestamp_millis_opt(ms).single().map(|d| d.date_naive()).unwrap_or_default();
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Arrivals by Tokyo weekday (Monday first) and hour.
pub fn heatmap(received: impl Iterator<Item = i64>) -> [[i64; 24]; 7] {
    let mut cells = [[0; 24]; 7];
    for ms in received {
        if let Some(t) = JST.timestamp_millis_opt(ms).single() {
            cells[t.weekday().num_days_from_monday() as usize][t.hour() as usize] += 1;
        }
    }
    cells
}

/// Open inquiries at the end of each day `from..=to`: those open when the period began, plus
/// arrivals and reopens, minus closes (`changes` holds each as (instant, +1 or −1), any order).
/// `day_ends[i]` is the first millisecond after day i.
pub fn backlog(open_at_start: i64, changes: &mut [(i64, i64)], days: &[(NaiveDate, i64)]) -> Vec<BacklogPoint> {
    changes.sort_unstable();
    let mut open = open_at_start;
    let mut next = 0;
    days.iter()
        .map(|&(day, end)| {
            while next < changes.len() && changes[next].0 < end {
                open += changes[next].1;
                next += 1;
            }
            BacklogPoint { day, open }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::BusinessCalendar;
    use std::collections::BTreeSet;

    fn ms(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s).map(|d| d.timestamp_millis()).unwrap_or_default()
    }

    fn desk() -> BusinessCalendar {
        BusinessCalendar::mail_desk(BTreeSet::new())
    }

    fn arrival(received: &str, due: &str, replied: Option<&str>, closed: Option<&str>) -> Arrival {
        Arrival {
            category: "points".into(),
            received_at: ms(received),
            first_reply_due_at: ms(due),
            first_replied_at: replied.map(ms),
            first_replied_by: replied.map(|_| 7),
            assignee: Some(7),
            closed_at: closed.map(ms),
            reopened: false,
        }
    }

    #[test]
    fn business_minutes_skip_nights_and_weekends() {
        // Friday 16:50 to Monday 11:20 (the desk opens at 11:00): 10 + 20 minutes.
        assert_eq!(business_minutes(&desk(), ms("2026-11-27T16:50:00+09:00"), ms("2026-11-30T11:20:00+09:00")), 30);
        assert_eq!(business_minutes(&desk(), ms("2026-11-30T12:00:00+09:00"), ms("2026-11-30T11:00:00+09:00")), 0);
    }

    #[test]
    fn a_group_has_nearest_rank_percentiles_and_the_promise_by_the_fixed_target() {
        let now = ms("2026-12-04T12:00:00+09:00");
        let rows = [
            // Replied after 60 business minutes, in time; closed after 120.
            arrival(
                "2026-11-30T12:00:00+09:00",
                "2026-12-01T12:00:00+09:00",
                Some("2026-11-30T13:00:00+09:00"),
                Some("2026-11-30T14:00:00+09:00"),
            ),
            // Replied after 6 business hours + 60 minutes (next day 12:00): late by an hour.
            arrival("2026-11-30T11:00:00+09:00", "2026-12-01T11:00:00+09:00", Some("2026-12-01T12:00:00+09:00"), None),
            // Not replied, target passed: late.
            arrival("2026-12-01T12:00:00+09:00", "2026-12-02T12:00:00+09:00", None, None),
            // Not replied, not yet due: neither.
            arrival("2026-12-04T11:30:00+09:00", "2026-12-07T11:30:00+09:00", None, None),
        ];
        let all: Vec<&Arrival> = rows.iter().collect();
        let g = group(Localized::new("全体", "All"), &all, &all, &desk(), now);
        assert_eq!(g.received, 4);
        assert_eq!(g.first_response, Spread { count: 2, p50: Some(60), p90: Some(420) });
        assert_eq!(g.within_promise, Some(1.0 / 3.0));
        assert_eq!(g.resolution, Spread { count: 1, p50: Some(120), p90: Some(120) });
    }

    #[test]
    fn the_heatmap_counts_tokyo_weekday_and_hour() {
        // 2026-11-30 is a Monday; 01:30 UTC is 10:30 in Tokyo.
        let cells = heatmap(
            [ms("2026-11-30T01:30:00Z"), ms("2026-11-30T10:59:00+09:00"), ms("2026-12-06T23:00:00+09:00")].into_iter(),
        );
        assert_eq!(cells[0][10], 2);
        assert_eq!(cells[6][23], 1);
        assert_eq!(cells.iter().flatten().sum::<i64>(), 3);
    }

    #[test]
    fn the_backlog_walks_arrivals_closes_and_reopens_day_by_day() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let days = [(d("2026-12-01"), 200), (d("2026-12-02"), 300), (d("2026-12-03"), 400)];
        let mut changes = [(250, 1), (150, 1), (210, -1), (310, -1), (320, 1), (399, 1)];
        let points = backlog(5, &mut changes, &days);
        let open: Vec<i64> = points.iter().map(|p| p.open).collect();
        assert_eq!(open, [6, 6, 7]);
    }

    #[test]
    fn weeks_start_on_tokyo_mondays() {
        // Sunday 23:30 UTC is already Monday in Tokyo.
        assert_eq!(week_of(ms("2026-11-29T23:30:00Z")).to_string(), "2026-11-30");
        assert_eq!(week_of(ms("2026-12-06T23:00:00+09:00")).to_string(), "2026-11-30");
    }
}
