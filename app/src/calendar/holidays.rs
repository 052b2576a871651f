//! Japanese public holidays (国民の祝日) under the law as amended for 2020 on, computed by rule so
//! there is no table to run out: fixed days, Happy Monday days, the equinoxes (the standard
//! formula, valid 1980–2099), 振替休日 and 国民の休日. The one-off moves of 2020 and 2021
//! (Olympics) are not modelled; the calendar is meant for dates from 2022 on.
use chrono::{Datelike, NaiveDate, Weekday};

/// The holiday's name if `date` is a public holiday, including substitute and sandwiched days.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    if let Some(name) = base_holiday(date) {
        return Some(name);
    }
    if is_substitute(date) {
        return Some("振替休日");
    }
    // 国民の休日: an ordinary day between two holidays becomes one.
    let prev = date.pred_opt()?;
    let next = date.succ_opt()?;
    if date.weekday() != Weekday::Sun && base_holiday(prev).is_some() && base_holiday(next).is_some() {
        return Some("国民の休日");
    }
    None
}

/// 振替休日: when a holiday falls on a Sunday, the next day that is not a holiday is one.
fn is_substitute(date: NaiveDate) -> bool {
    let mut day = date;
    loop {
        let Some(prev) = day.pred_opt() else {
            return false;
        };
        if base_holiday(prev).is_none() {
            return false;
        }
        if prev.weekday() == Weekday::Sun {
            return true;
        }
        day = prev;
    }
}

fn base_holiday(date: NaiveDate) -> Option<&'static str> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let nth_monday = |n: u32| date.weekday() == Weekday::Mon && (d - 1) / 7 + 1 == n;
    match m {
        1 if d == 1 => Some("元日"),
        1 if nth_monday(2) => Some("成人の日"),
        2 if d == 11 => Some("建国記念の日"),
        2 if d == 23 => Some("天皇誕生日"),
        3 if d == spring_equinox(y) => Some("春分の日"),
        4 if d == 29 => Some("昭和の日"),
        5 if d == 3 => Some("憲法記念日"),
        5 if d == 4 => Some("みどりの日"),
        5 if d == 5 => Some("こどもの日"),
        7 if nth_monday(3) => Some("海の日"),
        8 if d == 11 => Some("山の日"),
        9 if nth_monday(3) => Some("敬老の日"),
        9 if d == autumn_equinox(y) => Some("秋分の日"),
        10 if nth_monday(2) => Some("スポーツの日"),
        11 if d == 3 => Some("文化の日"),
        11 if d == 23 => Some("勤労感謝の日"),
        _ => None,
    }
}

fn equinox(year: i32, base: f64) -> u32 {
    let n = f64::from(year - 1980);
    (base + 0.242194 * n - (n / 4.0).floor()).floor() as u32
}

fn spring_equinox(year: i32) -> u32 {
    equinox(year, 20.8431)
}

fn autumn_equinox(year: i32) -> u32 {
    equinox(year, 23.2488)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn known_holidays_are_recognized() {
        let cases = [
            ("2026-01-01", "元日"),
            ("2026-01-12", "成人の日"),
            ("2026-03-20", "春分の日"),
            ("2026-05-06", "振替休日"), // 5/3 was a Sunday; 5/4 and 5/5 are holidays already
            ("2026-09-21", "敬老の日"),
            ("2026-09-22", "国民の休日"), // between 敬老の日 and 秋分の日
            ("2026-09-23", "秋分の日"),
            ("2026-11-23", "勤労感謝の日"),
            ("2027-01-01", "元日"),
            ("2027-03-21", "春分の日"),
            ("2027-03-22", "振替休日"),
            ("2028-03-20", "春分の日"),
            ("2029-09-24", "振替休日"), // 秋分 on Sunday 9/23
            ("2030-09-23", "秋分の日"),
            ("2025-02-24", "振替休日"), // 天皇誕生日 on a Sunday
        ];
        for (date, name) in cases {
            assert_eq!(holiday_name(day(date)), Some(name), "{date}");
        }
    }

    #[test]
    fn ordinary_days_are_not_holidays() {
        for date in ["2026-11-25", "2026-05-07", "2026-09-24", "2027-01-04", "2026-12-29"] {
            assert_eq!(holiday_name(day(date)), None, "{date}");
        }
    }

    #[test]
    fn every_year_through_2030_has_sixteen_named_holidays_at_least() {
        for year in 2022..=2030 {
            let mut d = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            let mut count = 0;
            while d.year() == year {
                if base_holiday(d).is_some() {
                    count += 1;
                }
                d = d.succ_opt().unwrap();
            }
            assert_eq!(count, 16, "{year}");
        }
    }
}
