use super::holiday_name;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Japan has no daylight saving time, so Asia/Tokyo is a fixed +09:00.
pub const JST: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("+09:00 is a valid offset"),
};

/// Opening hours on the open weekdays, in Tokyo time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub open: NaiveTime,
    pub close: NaiveTime,
    /// Monday first.
    pub weekdays: [bool; 7],
}

impl OpeningHours {
    pub fn weekdays(open_hour: u32, close_hour: u32) -> Self {
        OpeningHours {
            open: NaiveTime::from_hms_opt(open_hour, 0, 0).unwrap_or_default(),
            close: NaiveTime::from_hms_opt(close_hour, 0, 0).unwrap_or_default(),
            weekdays: [true, true, true, true, true, false, false],
        }
    }
}

/// When a desk is open: its hours, minus public holidays, the year-end break (12/29–1/3) and the
/// extra closure days staff enter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessCalendar {
    pub hours: OpeningHours,
    pub closures: BTreeSet<NaiveDate>,
}

impl BusinessCalendar {
    /// The mail desk: weekdays 11:00–17:00.
    pub fn mail_desk(closures: BTreeSet<NaiveDate>) -> Self {
        BusinessCalendar { hours: OpeningHours::weekdays(11, 17), closures }
    }

    /// Live chat: weekdays 11:00–19:00.
    pub fn chat(closures: BTreeSet<NaiveDate>) -> Self {
        BusinessCalendar { hours: OpeningHours::weekdays(11, 19), closures }
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        let weekday_open = self.hours.weekdays[date.weekday().num_days_from_monday() as usize];
        let year_end = matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3));
        weekday_open && !year_end && holiday_name(date).is_none() && !self.closures.contains(&date)
    }

    pub fn is_open_at<Tz: TimeZone>(&self, at: &DateTime<Tz>) -> bool {
        let local = at.with_timezone(&JST);
        let time = local.time();
        self.is_business_day(local.date_naive()) && time >= self.hours.open && time < self.hours.close
    }

    /// The start of the next opening window at or after `at`; `at` itself while open.
    pub fn next_opening<Tz: TimeZone>(&self, at: &DateTime<Tz>) -> DateTime<FixedOffset> {
        let local = at.with_timezone(&JST);
        if self.is_open_at(&local) {
            return local;
        }
        let mut date = local.date_naive();
        if local.time() >= self.hours.open {
            date = date + Days::new(1);
        }
        // Bounded: a year always has open days unless every weekday is closed.
        for _ in 0..400 {
            if self.is_business_day(date) {
                return self.at(date, self.hours.open);
            }
            date = date + Days::new(1);
        }
        local
    }

    /// `n` business days after `start`, counted from the next opening when `start` falls outside
    /// the hours: the same time of day on the n-th following business day.
    pub fn add_business_days<Tz: TimeZone>(&self, start: &DateTime<Tz>, n: u32) -> DateTime<FixedOffset> {
        let from = self.next_opening(start);
        let mut date = from.date_naive();
        let mut left = n;
        let mut guard = 0;
        while left > 0 && guard < 4000 {
            date = date + Days::new(1);
            if self.is_business_day(date) {
                left -= 1;
            }
            guard += 1;
        }
        self.at(date, from.time())
    }

    /// `minutes` of open time after `start` ("due in one business hour"): the clock runs only
    /// while the desk is open, so 16:30 plus 60 minutes is 11:30 on the next business day.
    pub fn add_business_minutes<Tz: TimeZone>(&self, start: &DateTime<Tz>, minutes: i64) -> DateTime<FixedOffset> {
        let mut at = self.next_opening(start);
        let mut left = minutes.max(0);
        // Bounded like `add_business_days`: each turn uses up the rest of one open day.
        for _ in 0..4000 {
            let close = self.at(at.date_naive(), self.hours.close);
            let open_here = (close - at).num_minutes();
            if left <= open_here {
                return at + chrono::Duration::minutes(left);
            }
            left -= open_here;
            at = self.next_opening(&close);
        }
        at
    }

    /// Open minutes from `from` to `to` (0 when `to` is not later): the inbox's countdown, in the
    /// same business time due times are set in.
    pub fn business_minutes_between<Tz: TimeZone>(&self, from: &DateTime<Tz>, to: &DateTime<Tz>) -> i64 {
        let to = to.fixed_offset();
        let mut at = self.next_opening(from);
        let mut minutes = 0;
        // Bounded like `add_business_days`: each turn counts one open day.
        for _ in 0..4000 {
            if at >= to {
                break;
            }
            let close = self.at(at.date_naive(), self.hours.close);
            minutes += (close.min(to) - at).num_minutes();
            at = self.next_opening(&close);
        }
        minutes
    }

    fn at(&self, date: NaiveDate, time: NaiveTime) -> DateTime<FixedOffset> {
        JST.from_local_datetime(&date.and_time(time))
            .single()
            .unwrap_or_else(|| JST.from_utc_datetime(&date.and_time(time)))
    }
}

/// Days of the week in Japanese, for dates shown to members.
pub fn weekday_ja(day: Weekday) -> &'static str {
    super::format::WEEKDAYS_JA[day.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn desk() -> BusinessCalendar {
        BusinessCalendar::mail_desk(BTreeSet::new())
    }

    #[test]
    fn business_minutes_between_count_only_open_time_and_undo_adding_them() {
        let cal = desk();
        // Wednesday noon to Thursday noon: 12–17 and 11–12.
        assert_eq!(cal.business_minutes_between(&t("2026-11-25T12:00:00+09:00"), &t("2026-11-26T12:00:00+09:00")), 360);
        // Friday 16:00 to Monday 11:30 (Monday 11/30 is a weekday): 60 + 30.
        assert_eq!(cal.business_minutes_between(&t("2026-11-27T16:00:00+09:00"), &t("2026-11-30T11:30:00+09:00")), 90);
        assert_eq!(cal.business_minutes_between(&t("2026-11-26T12:00:00+09:00"), &t("2026-11-25T12:00:00+09:00")), 0);
        let start = t("2026-11-25T15:10:00+09:00");
        for minutes in [0, 1, 110, 111, 360, 2000] {
            let end = cal.add_business_minutes(&start, minutes);
            assert_eq!(cal.business_minutes_between(&start, &end), minutes, "{minutes}");
        }
    }

    #[test]
    fn open_inside_hours_on_a_weekday_only() {
        let cal = desk();
        assert!(cal.is_open_at(&t("2026-11-25T12:00:00+09:00")));
        assert!(cal.is_open_at(&t("2026-11-25T11:00:00+09:00")));
        assert!(!cal.is_open_at(&t("2026-11-25T17:00:00+09:00")));
        assert!(!cal.is_open_at(&t("2026-11-25T10:59:59+09:00")));
        assert!(!cal.is_open_at(&t("2026-11-28T12:00:00+09:00")), "Saturday");
        assert!(!cal.is_open_at(&t("2026-11-23T12:00:00+09:00")), "勤労感謝の日");
        // 03:00 UTC is 12:00 in Tokyo.
        assert!(cal.is_open_at(&t("2026-11-25T03:00:00+00:00")));
    }

    #[test]
    fn year_end_and_staff_closures_are_closed() {
        let mut cal = desk();
        assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 29).unwrap()));
        assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        assert!(cal.is_business_day(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()));
        cal.closures.insert(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap());
        assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()));
    }

    #[test]
    fn next_opening_skips_nights_weekends_and_holidays() {
        let cal = desk();
        assert_eq!(cal.next_opening(&t("2026-11-25T09:00:00+09:00")), t("2026-11-25T11:00:00+09:00"));
        assert_eq!(cal.next_opening(&t("2026-11-25T18:00:00+09:00")), t("2026-11-26T11:00:00+09:00"));
        // Friday evening before the 2026 Silver Week: Sat, Sun, 9/21–23 holidays.
        assert_eq!(cal.next_opening(&t("2026-09-18T18:00:00+09:00")), t("2026-09-24T11:00:00+09:00"));
        // Year end: Monday 12/28 evening → Monday 1/4.
        assert_eq!(cal.next_opening(&t("2026-12-28T18:00:00+09:00")), t("2027-01-04T11:00:00+09:00"));
    }

    #[test]
    fn one_business_day_later_counts_from_the_next_opening() {
        let cal = desk();
        assert_eq!(cal.add_business_days(&t("2026-11-25T12:30:00+09:00"), 1), t("2026-11-26T12:30:00+09:00"));
        // Friday 18:00 before a holiday weekend (5/2–5/6 2026): counts from Thu 5/7 11:00.
        assert_eq!(cal.add_business_days(&t("2026-05-01T18:00:00+09:00"), 1), t("2026-05-08T11:00:00+09:00"));
        assert_eq!(cal.add_business_days(&t("2026-11-27T16:00:00+09:00"), 1), t("2026-11-30T16:00:00+09:00"));
    }

    #[test]
    fn business_minutes_run_only_while_the_desk_is_open() {
        let cal = desk();
        assert_eq!(cal.add_business_minutes(&t("2026-11-25T12:00:00+09:00"), 60), t("2026-11-25T13:00:00+09:00"));
        assert_eq!(cal.add_business_minutes(&t("2026-11-25T16:30:00+09:00"), 60), t("2026-11-26T11:30:00+09:00"));
        // Friday 16:30 → Monday 11:30; at night the clock starts at the next opening.
        assert_eq!(cal.add_business_minutes(&t("2026-11-27T16:30:00+09:00"), 60), t("2026-11-30T11:30:00+09:00"));
        assert_eq!(cal.add_business_minutes(&t("2026-11-25T20:00:00+09:00"), 60), t("2026-11-26T12:00:00+09:00"));
        assert_eq!(cal.add_business_minutes(&t("2026-11-25T12:00:00+09:00"), 0), t("2026-11-25T12:00:00+09:00"));
    }
}
