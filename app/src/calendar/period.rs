//! A reporting period: Japan days `from..=to` (by default the last 28 days up to today) and the
//! epoch-millisecond range they cover. Insights, the survey CSV and the audit log all filter by it.
use super::JST;
use crate::domain::ValidationError;
use crate::error::AppError;
use chrono::{Days, NaiveDate, TimeZone};

const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The first millisecond of `from` in Tokyo.
    pub start_ms: i64,
    /// The first millisecond after `to` in Tokyo.
    pub end_ms: i64,
}

/// Days from 2000 to 2100: anything else is a typo or a probe, and far dates would overflow the
/// date arithmetic.
fn in_range(field: &str, day: Option<NaiveDate>) -> Result<Option<NaiveDate>, AppError> {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or_default();
    match day {
        Some(d) if d < first || d > last => Err(AppError::field(field, ValidationError::InvalidDate)),
        other => Ok(other),
    }
}

impl Period {
    /// The period asked for, `today` filling a missing end; a start after the end is the end.
    pub fn of(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Result<Period, AppError> {
        let from = in_range("from", from)?;
        let to = in_range("to", to)?.unwrap_or(today);
        let from = from.unwrap_or(to - Days::new(27)).min(to);
        let midnight = |day: NaiveDate| {
            JST.from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
                .single()
                .map(|d| d.timestamp_millis())
        };
        Ok(Period {
            from,
            to,
            start_ms: midnight(from).unwrap_or(0),
            end_ms: midnight(to).map(|ms| ms + DAY_MS).unwrap_or(i64::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn defaults_to_the_last_28_days_in_tokyo() {
        let p = Period::of(None, None, day("2026-11-25")).unwrap();
        assert_eq!((p.from, p.to), (day("2026-10-29"), day("2026-11-25")));
        // 2026-10-29 00:00 JST is 2026-10-28 15:00 UTC.
        assert_eq!(p.start_ms, 1_793_199_600_000);
        assert_eq!(p.end_ms - p.start_ms, 28 * DAY_MS);
    }

    #[test]
    fn a_start_after_the_end_is_the_end_and_far_dates_are_refused() {
        let p = Period::of(Some(day("2026-12-01")), Some(day("2026-11-01")), day("2026-11-25")).unwrap();
        assert_eq!((p.from, p.to), (day("2026-11-01"), day("2026-11-01")));
        assert!(Period::of(Some(day("1999-12-31")), None, day("2026-11-25")).is_err());
        assert!(Period::of(None, Some(day("2101-01-01")), day("2026-11-25")).is_err());
    }
}
