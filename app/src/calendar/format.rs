use super::{weekday_ja, JST};
use crate::i18n::Lang;
use chrono::{DateTime, Datelike, FixedOffset, TimeZone};

/// A stored timestamp (epoch milliseconds) as a Tokyo time.
pub fn from_millis(ms: i64) -> DateTime<FixedOffset> {
    JST.timestamp_millis_opt(ms).single().unwrap_or_else(|| JST.timestamp_nanos(0))
}

/// A moment as members read it, in Tokyo time: 「2026年11月26日(木) 11:00」 / "Thu 26 Nov 2026, 11:00".
pub fn format_datetime(at: &DateTime<FixedOffset>, lang: Lang) -> String {
    let local = at.with_timezone(&JST);
    match lang {
        Lang::Ja => format!(
            "{}年{}月{}日({}) {}",
            local.year(),
            local.month(),
            local.day(),
            weekday_ja(local.weekday()),
            local.format("%H:%M")
        ),
        Lang::En => local.format("%a %-d %b %Y, %H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_tokyo_time_in_both_languages() {
        let at = DateTime::parse_from_rfc3339("2026-11-26T02:00:00+00:00").unwrap();
        assert_eq!(format_datetime(&at, Lang::Ja), "2026年11月26日(木) 11:00");
        assert_eq!(format_datetime(&at, Lang::En), "Thu 26 Nov 2026, 11:00");
    }
}
