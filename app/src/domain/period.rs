//! Calendar periods in Beijing time (Asia/Shanghai): dates, months and quarters.
//!
//! Every deadline and cadence rule is judged on the calendar in Beijing, on
//! the phone and the server alike, whatever the device's own time zone.

mod quarter;
mod range;

use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, UtcOffset};

pub use quarter::Quarter;
pub use range::{FIRST_YEAR, viewable_month, viewable_year};

/// Beijing time, UTC+8. China has observed no daylight saving time since
/// 1991, so a fixed offset is exact for every date this app handles.
pub const SHANGHAI: UtcOffset = time::macros::offset!(+8);

/// Why a text is not a date or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Not a real date written `YYYY-MM-DD`.
    #[error("日期格式应为 年-月-日，例如 2026-11-22")]
    MalformedDate,
    /// Not a real month written `YYYY-MM`.
    #[error("月份格式应为 年-月，例如 2026-11")]
    MalformedMonth,
    /// A month or year before [`FIRST_YEAR`] or after next year.
    #[error("只能查看{FIRST_YEAR}年至{last}年的数据")]
    OutOfRange { last: i32 },
}

impl PeriodError {
    /// Stable machine code for the sync API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedDate => "malformed_date",
            Self::MalformedMonth => "malformed_month",
            Self::OutOfRange { .. } => "out_of_range",
        }
    }
}

/// The calendar date in Beijing of an instant given in Unix milliseconds;
/// `None` if it lies outside the years -9999..=9999.
pub fn shanghai_date(unix_millis: i64) -> Option<Date> {
    let nanos = i128::from(unix_millis) * 1_000_000;
    let instant = OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()?;
    Some(instant.checked_to_offset(SHANGHAI)?.date())
}

/// An instant in Unix milliseconds as Beijing time, `YYYY-MM-DD HH:MM`.
pub fn format_shanghai_minute(unix_millis: i64) -> String {
    let instant = OffsetDateTime::from_unix_timestamp(unix_millis.div_euclid(1000))
        .ok()
        .and_then(|t| t.checked_to_offset(SHANGHAI));
    instant.map_or_else(String::new, |t| {
        format!(
            "{} {:02}:{:02}",
            format_date(t.date()),
            t.hour(),
            t.minute()
        )
    })
}

/// Parses a date written `YYYY-MM-DD` (surrounding whitespace ignored). Read by hand rather
/// than with time's format parser, which alone was about 20 KB of the phone's wasm; time
/// still checks the calendar.
pub fn parse_date(s: &str) -> Result<Date, PeriodError> {
    let (negative, text) = match s.trim().as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        text => (false, text),
    };
    let number = |at: std::ops::Range<usize>| {
        let digits = text.get(at)?;
        digits.iter().try_fold(0u16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0'))
        })
    };
    let date = || {
        if text.len() != 10 || text[4] != b'-' || text[7] != b'-' {
            return None;
        }
        let month = time::Month::try_from(u8::try_from(number(5..7)?).ok()?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        let year = i32::from(number(0..4)?);
        Date::from_calendar_date(if negative { -year } else { year }, month, day).ok()
    };
    date().ok_or(PeriodError::MalformedDate)
}

/// Oldest day a record may be about, in days before today: records cover the past year.
pub const RECORD_MAX_AGE_DAYS: i64 = 366;

/// Why the day a record is about was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordDateError {
    Malformed,
    InFuture,
    TooOld,
}

/// Parses the day a record is about (`YYYY-MM-DD`) and checks it lies within the last
/// [`RECORD_MAX_AGE_DAYS`] days up to `today`.
pub fn record_date(text: &str, today: Date) -> Result<Date, RecordDateError> {
    let date = parse_date(text).map_err(|_| RecordDateError::Malformed)?;
    if date > today {
        return Err(RecordDateError::InFuture);
    }
    // Near the start of the calendar there is no older limit to break.
    match today.checked_sub(time::Duration::days(RECORD_MAX_AGE_DAYS)) {
        Some(oldest) if date < oldest => Err(RecordDateError::TooOld),
        _ => Ok(date),
    }
}

/// Writes a date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!(
        "{}-{:02}-{:02}",
        year_text(d.year()),
        u8::from(d.month()),
        d.day()
    )
}

/// A year as at least four digits, with a sign only when negative.
fn year_text(year: i32) -> String {
    let sign = if year < 0 { "-" } else { "" };
    format!("{sign}{:04}", year.unsigned_abs())
}

/// A calendar month. Ordered in time; written `YYYY-MM` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    /// Invariant: the first day of the month.
    first: Date,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: Date) -> Month {
        Month {
            first: date.replace_day(1).unwrap_or(date),
        }
    }

    /// The month numbered `month` (1–12) of `year`.
    pub fn new(year: i32, month: u8) -> Result<Month, PeriodError> {
        let month = time::Month::try_from(month).map_err(|_| PeriodError::MalformedMonth)?;
        Date::from_calendar_date(year, month, 1)
            .map(Month::of)
            .map_err(|_| PeriodError::MalformedMonth)
    }

    /// Parses a month written `YYYY-MM` (surrounding whitespace ignored).
    pub fn parse(s: &str) -> Result<Month, PeriodError> {
        let s = s.trim();
        let (negative, unsigned) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let Some((year, month)) = unsigned.split_once('-') else {
            return Err(PeriodError::MalformedMonth);
        };
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return Err(PeriodError::MalformedMonth);
        }
        let year: i32 = year.parse().map_err(|_| PeriodError::MalformedMonth)?;
        let month: u8 = month.parse().map_err(|_| PeriodError::MalformedMonth)?;
        Month::new(if negative { -year } else { year }, month)
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.first.year()
    }

    /// The month's number, 1–12.
    pub fn number(&self) -> u8 {
        u8::from(self.first.month())
    }

    /// The first day of the month.
    pub fn first_day(&self) -> Date {
        self.first
    }

    /// The last day of the month.
    pub fn last_day(&self) -> Date {
        let length = time::util::days_in_month(self.first.month(), self.year());
        // `length` is always a valid day of this month, so the fallback is never taken.
        self.first.replace_day(length).unwrap_or(self.first)
    }

    /// The following month; the last representable month (9999-12) is its own successor.
    pub fn next(&self) -> Month {
        self.last_day().next_day().map_or(*self, Month::of)
    }

    /// The preceding month; the first representable month (-9999-01) is its own predecessor.
    pub fn prev(&self) -> Month {
        self.first.previous_day().map_or(*self, Month::of)
    }

    /// Whether `d` falls in this month.
    pub fn contains(&self, d: Date) -> bool {
        Month::of(d) == *self
    }

    /// The month as shown to users, e.g. "2026年11月".
    pub fn label(&self) -> String {
        format!("{}年{}月", self.year(), self.number())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", year_text(self.year()), self.number())
    }
}

impl TryFrom<String> for Month {
    type Error = PeriodError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Month::parse(&value)
    }
}

impl From<Month> for String {
    fn from(month: Month) -> Self {
        month.to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    /// Unix milliseconds of an RFC 3339 instant.
    fn millis(rfc3339: &str) -> i64 {
        let format = time::format_description::well_known::Rfc3339;
        let t = OffsetDateTime::parse(rfc3339, &format).unwrap();
        i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap()
    }

    #[test]
    fn the_last_minute_in_beijing_belongs_to_the_last_day() {
        let late = shanghai_date(millis("2026-11-30T15:59:59.999Z")).unwrap();
        assert_eq!(late, date!(2026 - 11 - 30));
        assert!(Month::new(2026, 11).unwrap().contains(late));
        let midnight = shanghai_date(millis("2026-11-30T16:00:00Z")).unwrap();
        assert_eq!(midnight, date!(2026 - 12 - 01));
        assert_eq!(shanghai_date(-1), Some(date!(1970 - 01 - 01)));
        assert_eq!(shanghai_date(i64::MAX), None);
    }

    #[test]
    fn months_parse_print_and_label() {
        let m = Month::parse(" 2026-11 ").unwrap();
        assert_eq!((m.year(), m.number()), (2026, 11));
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(m.label(), "2026年11月");
        assert_eq!(m.first_day(), date!(2026 - 11 - 01));
        assert_eq!(m.last_day(), date!(2026 - 11 - 30));
        assert_eq!(
            Month::new(2028, 2).unwrap().last_day(),
            date!(2028 - 02 - 29)
        );
        assert_eq!(m.next(), Month::new(2026, 12).unwrap());
        assert_eq!(m.next().next(), Month::new(2027, 1).unwrap());
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "2026-11-01",
            "",
        ] {
            assert_eq!(Month::parse(bad), Err(PeriodError::MalformedMonth), "{bad}");
        }
        assert_eq!(Month::new(2026, 0), Err(PeriodError::MalformedMonth));
    }

    #[test]
    fn months_serialize_as_text() {
        use serde::de::{IntoDeserializer, value::Error};
        let ok: Result<Month, Error> = Month::deserialize("2026-04".into_deserializer());
        assert_eq!(String::from(ok.unwrap()), "2026-04");
        let bad: Result<Month, Error> = Month::deserialize("2026-4".into_deserializer());
        assert!(bad.is_err());
    }

    #[test]
    fn dates_parse_and_print() {
        assert_eq!(parse_date("2026-11-22"), Ok(date!(2026 - 11 - 22)));
        assert_eq!(format_date(date!(2026 - 01 - 05)), "2026-01-05");
        for bad in ["2026-02-30", "2026-11-2", "2026/11/22", "二〇二六年", ""] {
            assert_eq!(parse_date(bad), Err(PeriodError::MalformedDate), "{bad}");
        }
        assert_eq!(PeriodError::MalformedDate.code(), "malformed_date");
    }

    proptest::proptest! {
        /// The hand-written reader takes exactly what time's `[year]-[month]-[day]` parser
        /// takes, for dates as written and for text near them.
        #[test]
        fn the_reader_agrees_with_times_parser(
            day in -3_000_000i64..3_000_000,
            text in "[ +-]{0,2}[0-9]{3,5}-[01]?[0-9]-[0-3]?[0-9] ?",
        ) {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let written = format_date(date!(0000 - 01 - 01) + time::Duration::days(day));
            for s in [written.as_str(), text.as_str()] {
                let theirs = Date::parse(s.trim(), format).ok();
                proptest::prop_assert_eq!(parse_date(s).ok(), theirs, "{}", s);
            }
        }
    }

    #[test]
    fn the_ends_of_the_calendar_saturate() {
        let last = Month::of(Date::MAX);
        assert_eq!(last.next(), last);
        let first = Month::of(Date::MIN);
        assert_eq!(first.prev(), first);
        assert_eq!(Month::parse(&first.to_string()), Ok(first));
    }

    /// Any date except in the first and last representable months.
    pub(super) fn inner_date() -> impl Strategy<Value = Date> {
        let low = Date::MIN.to_julian_day() + 31;
        let high = Date::MAX.to_julian_day() - 31;
        (low..=high).prop_map(|j| Date::from_julian_day(j).unwrap())
    }

    proptest! {
        #[test]
        fn a_month_contains_its_dates(d in inner_date()) {
            let m = Month::of(d);
            prop_assert!(m.contains(d));
            prop_assert!(m.first_day() <= d && d <= m.last_day());
            prop_assert_eq!(m.next().prev(), m);
            prop_assert_eq!(m.prev().next(), m);
            prop_assert!(m.prev() < m && m < m.next());
            prop_assert_eq!(m.next().first_day().previous_day(), Some(m.last_day()));
            prop_assert!(!m.next().contains(d) && !m.prev().contains(d));
        }

        #[test]
        fn months_are_ordered_like_their_dates(a in inner_date(), b in inner_date()) {
            if a <= b {
                prop_assert!(Month::of(a) <= Month::of(b));
            }
        }

        #[test]
        fn text_forms_round_trip(d in inner_date()) {
            prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
            let m = Month::of(d);
            prop_assert_eq!(Month::parse(&m.to_string()), Ok(m));
        }
    }
}
