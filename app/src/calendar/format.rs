use super::moment::Moment;
use crate::i18n::Lang;

/// Monday first, as `TokyoTime::weekday` counts.
pub const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A moment as members read it, in Tokyo time: 「2026年11月26日(木) 11:00」 / "Thu 26 Nov 2026, 11:00".
pub fn format_datetime(at: &Moment, lang: Lang) -> String {
    let t = at.tokyo();
    let (y, m, d) = (t.date.year(), t.date.month(), t.date.day());
    let wd = t.weekday as usize;
    match lang {
        Lang::Ja => format!("{y}年{m}月{d}日({}) {:02}:{:02}", WEEKDAYS_JA[wd], t.hour, t.minute),
        Lang::En => format!("{} {d} {} {y}, {:02}:{:02}", WEEKDAYS_EN[wd], MONTHS_EN[m as usize - 1], t.hour, t.minute),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_tokyo_time_in_both_languages() {
        let at = Moment::parse("2026-11-26T02:00:00+00:00").unwrap();
        assert_eq!(format_datetime(&at, Lang::Ja), "2026年11月26日(木) 11:00");
        assert_eq!(format_datetime(&at, Lang::En), "Thu 26 Nov 2026, 11:00");
        let new_year = Moment::parse("2026-12-31T15:05:00Z").unwrap();
        assert_eq!(format_datetime(&new_year, Lang::Ja), "2027年1月1日(金) 00:05");
        assert_eq!(format_datetime(&new_year, Lang::En), "Fri 1 Jan 2027, 00:05");
    }
}
