//! Moments and days as the browser and the server exchange them. Inside: epoch milliseconds /
//! a civil date; on the wire: the same RFC 3339 strings chrono writes ("2026-11-26T12:00:00+09:00",
//! "2026-11-26"). The server computes with chrono; the browser only reads, shows and compares
//! these, and does it with the few lines below — chrono's general parser and strftime were about
//! 12 KB gzip of every member page's download.
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

const MS_PER_DAY: i64 = 86_400_000;
/// Japan has no daylight saving time: Tokyo is always UTC+9.
const TOKYO_OFFSET_MS: i64 = 9 * 3_600_000;

/// An instant, shown in Tokyo time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(i64);

/// A calendar date (proleptic Gregorian), validated on construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u32,
    day: u32,
}

/// A moment's Tokyo wall-clock reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokyoTime {
    pub date: Day,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millisecond: u32,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u32,
}

impl Moment {
    pub const fn from_millis(ms: i64) -> Moment {
        Moment(ms)
    }

    pub const fn millis(self) -> i64 {
        self.0
    }

    pub fn tokyo(self) -> TokyoTime {
        let local = self.0 + TOKYO_OFFSET_MS;
        let days = local.div_euclid(MS_PER_DAY);
        let in_day = local.rem_euclid(MS_PER_DAY);
        TokyoTime {
            date: Day::from_days_since_epoch(days),
            hour: (in_day / 3_600_000) as u32,
            minute: (in_day / 60_000 % 60) as u32,
            second: (in_day / 1000 % 60) as u32,
            millisecond: (in_day % 1000) as u32,
            // 1970-01-01 was a Thursday.
            weekday: (days + 3).rem_euclid(7) as u32,
        }
    }

    /// RFC 3339 with a `Z` or `±HH:MM` offset and optional fractional seconds (kept to the
    /// millisecond).
    pub fn parse(s: &str) -> Option<Moment> {
        let b = s.as_bytes();
        if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let date = Day::parse(s.get(..10)?)?;
        let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut i = 19;
        let mut millis = 0;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                if i - start < 3 {
                    millis = millis * 10 + i64::from(b[i] - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            for _ in (i - start)..3 {
                millis *= 10;
            }
        }
        let offset_ms = match b.get(i..)? {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let (h, m) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
                let ms = (i64::from(h) * 60 + i64::from(m)) * 60_000;
                if *sign == b'-' {
                    -ms
                } else {
                    ms
                }
            }
            _ => return None,
        };
        let local = date.days_since_epoch() * MS_PER_DAY
            + i64::from(hour) * 3_600_000
            + i64::from(minute) * 60_000
            + i64::from(second.min(59)) * 1000
            + millis;
        Some(Moment(local - offset_ms))
    }
}

impl fmt::Display for Moment {
    /// As chrono writes a `DateTime<FixedOffset>` at +09:00: seconds, milliseconds only when
    /// there are some.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.tokyo();
        write!(f, "{}T{:02}:{:02}:{:02}", t.date, t.hour, t.minute, t.second)?;
        if t.millisecond != 0 {
            write!(f, ".{:03}", t.millisecond)?;
        }
        f.write_str("+09:00")
    }
}

impl Day {
    /// Later than any real date: a bound that never refuses.
    pub const MAX: Day = Day { year: i32::MAX, month: 12, day: 31 };

    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// `YYYY-MM-DD`, a real calendar date.
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Day::new(digits(b, 0, 4)? as i32, digits(b, 5, 2)?, digits(b, 8, 2)?)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Day::days_since_epoch`] (civil_from_days).
    pub fn from_days_since_epoch(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    b.get(at..at + len)?.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Moment::parse(&s).ok_or_else(|| de::Error::custom("not an RFC 3339 date-time"))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Day::parse(&s).ok_or_else(|| de::Error::custom("not a YYYY-MM-DD date"))
    }
}

/// The server computes with chrono; these bridge its values into the exchanged types.
impl<Tz: chrono::TimeZone> From<chrono::DateTime<Tz>> for Moment {
    fn from(at: chrono::DateTime<Tz>) -> Moment {
        Moment(at.timestamp_millis())
    }
}

impl From<chrono::NaiveDate> for Day {
    fn from(d: chrono::NaiveDate) -> Day {
        use chrono::Datelike;
        Day { year: d.year(), month: d.month(), day: d.day() }
    }
}

impl From<Day> for chrono::NaiveDate {
    fn from(d: Day) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(d.year, d.month, d.day).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
    use proptest::prelude::*;

    #[test]
    fn reads_and_writes_what_chrono_writes_at_tokyo_time() {
        let m = Moment::parse("2026-11-26T02:00:00+00:00").unwrap();
        assert_eq!(m.to_string(), "2026-11-26T11:00:00+09:00");
        let t = m.tokyo();
        assert_eq!((t.date, t.hour, t.minute, t.weekday), (Day::new(2026, 11, 26).unwrap(), 11, 0, 3));
        assert_eq!(Moment::parse("2026-11-26T11:00:00.250+09:00").unwrap().millis() - m.millis(), 250);
        assert_eq!(Moment::parse("2026-11-26T02:00:00Z"), Some(m));
        assert_eq!(Moment::parse("2026-11-25T21:00:00-05:00"), Some(m));
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for bad in [
            "",
            "2026-11-26",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T10:00:00",
            "2026-11-26T10:00:00.Z",
            "2026-11-26T10:00:00+0900",
        ] {
            assert_eq!(Moment::parse(bad), None, "{bad}");
        }
        for bad in ["2026-2-01", "2026-02-29", "2025/01/01", "２０２６-01-01", "2026-00-10"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert_eq!(Day::parse("2028-02-29"), Day::new(2028, 2, 29));
    }

    proptest! {
        /// Same instants, same strings, same Tokyo dates as chrono for any millisecond in the
        /// years 0000–9999 (the four-digit years both write the same way).
        #[test]
        fn agrees_with_chrono(ms in -62_000_000_000_000i64..253_000_000_000_000i64) {
            let jst = FixedOffset::east_opt(9 * 3600).unwrap();
            let at: DateTime<FixedOffset> = jst.timestamp_millis_opt(ms).unwrap();
            let m = Moment::from(at);
            let chrono_text = serde_json::to_string(&at).unwrap();
            prop_assert_eq!(serde_json::to_string(&m).unwrap(), chrono_text.clone());
            prop_assert_eq!(serde_json::from_str::<Moment>(&chrono_text).unwrap(), m);
            prop_assert_eq!(m.tokyo().date, Day::from(at.date_naive()));
            let utc: DateTime<Utc> = at.to_utc();
            prop_assert_eq!(Moment::parse(&utc.to_rfc3339()), Some(m));
        }

        #[test]
        fn days_agree_with_chrono(days in -719_528i64..2_932_897i64) {
            let d = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Duration::days(days);
            let ours = Day::from_days_since_epoch(days);
            prop_assert_eq!(ours, Day::from(d));
            prop_assert_eq!(ours.days_since_epoch(), days);
            prop_assert_eq!(ours.to_string(), d.to_string());
            prop_assert_eq!(Day::parse(&d.to_string()), Some(ours));
        }
    }
}
