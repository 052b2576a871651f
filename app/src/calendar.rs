//! The business calendar: Tokyo time, weekly opening hours, Japanese public holidays and the
//! closure days staff add. Pure functions, so the browser can show the same dates the server
//! computes and tests can pin any date.
mod holidays;
mod hours;

pub use holidays::holiday_name;
pub use hours::{weekday_ja, BusinessCalendar, OpeningHours, JST};
mod format;
mod moment;
mod period;
#[cfg(feature = "ssr")]
pub mod store;

pub use format::format_datetime;
pub use moment::{Day, Moment, TokyoTime};
pub use period::Period;
