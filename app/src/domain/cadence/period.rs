//! The period an obligation covers: a day, month, quarter, year, or the
//! window before a fixed deadline. Dates are calendar dates in Beijing.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use super::CadenceError;
use crate::domain::period::{Month, Quarter, format_date, parse_date};

/// A span of calendar days in Beijing that an obligation covers. Ordered by
/// kind, then in time; written as text in JSON (see [`Period::parse`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    /// A calendar month, e.g. for the monthly report.
    Month(Month),
    /// A calendar quarter, e.g. for grid activities.
    Quarter(Quarter),
    /// A calendar year, e.g. for the annual plan; years outside -9999..=9999
    /// are clamped to the calendar's ends.
    Year(i32),
    /// One day, e.g. the day a major event occurred.
    Day(Date),
    /// The days from `first` to `last` inclusive, e.g. the window closed by a
    /// fixed deadline; empty when `first > last`.
    Span {
        /// The first day.
        first: Date,
        /// The last day.
        last: Date,
    },
}

impl Period {
    /// The first day of the period.
    pub fn first_day(&self) -> Date {
        match *self {
            Period::Month(m) => m.first_day(),
            Period::Quarter(q) => q.first_day(),
            Period::Year(y) => year_bound(y, time::Month::January, 1),
            Period::Day(d) => d,
            Period::Span { first, .. } => first,
        }
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Date {
        match *self {
            Period::Month(m) => m.last_day(),
            Period::Quarter(q) => q.last_day(),
            Period::Year(y) => year_bound(y, time::Month::December, 31),
            Period::Day(d) => d,
            Period::Span { last, .. } => last,
        }
    }

    /// Whether `d` falls in the period.
    pub fn contains(&self, d: Date) -> bool {
        self.first_day() <= d && d <= self.last_day()
    }

    /// The period as shown to users, e.g. "2026年11月", "2026年第4季度",
    /// "2026年", "2026年11月22日" or "2026年3月11日至2026年7月15日".
    pub fn label(&self) -> String {
        match *self {
            Period::Month(m) => m.label(),
            Period::Quarter(q) => q.label(),
            Period::Year(y) => format!("{y}年"),
            Period::Day(d) => day_label(d),
            Period::Span { first, last } => format!("{}至{}", day_label(first), day_label(last)),
        }
    }

    /// Parses the text form written by `Display`: `2026` (year), `2026-11`
    /// (month), `2026-Q4` (quarter), `2026-11-22` (day) or
    /// `2026-03-11/2026-07-15` (span, first not after last).
    pub fn parse(s: &str) -> Result<Period, CadenceError> {
        let s = s.trim();
        let bad = |_| CadenceError::MalformedPeriod;
        if let Some((first, last)) = s.split_once('/') {
            let (first, last) = (
                parse_date(first).map_err(bad)?,
                parse_date(last).map_err(bad)?,
            );
            return if first <= last {
                Ok(Period::Span { first, last })
            } else {
                Err(CadenceError::MalformedPeriod)
            };
        }
        if let Some((year, q)) = s.rsplit_once("-Q") {
            let q = match q.as_bytes() {
                [digit @ b'1'..=b'4'] => digit - b'0',
                _ => return Err(CadenceError::MalformedPeriod),
            };
            return Quarter::new(parse_year(year)?, q)
                .map(Period::Quarter)
                .ok_or(CadenceError::MalformedPeriod);
        }
        let unsigned = s.strip_prefix('-').unwrap_or(s);
        match unsigned.matches('-').count() {
            0 => parse_year(s).map(Period::Year),
            1 => Month::parse(s).map(Period::Month).map_err(bad),
            2 => parse_date(s).map(Period::Day).map_err(bad),
            _ => Err(CadenceError::MalformedPeriod),
        }
    }
}

/// 1 January or 31 December of `year`, or the calendar's end past its range.
fn year_bound(year: i32, month: time::Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).unwrap_or(if year < 0 {
        Date::MIN
    } else {
        Date::MAX
    })
}

/// A date as shown to users, e.g. "2026年11月22日".
fn day_label(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), u8::from(d.month()), d.day())
}

/// A year as at least four digits, with a sign only when negative.
fn year_text(year: i32) -> String {
    let sign = if year < 0 { "-" } else { "" };
    format!("{sign}{:04}", year.unsigned_abs())
}

/// Parses a year written as four digits, with `-` when negative.
fn parse_year(s: &str) -> Result<i32, CadenceError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CadenceError::MalformedPeriod);
    }
    s.parse().map_err(|_| CadenceError::MalformedPeriod)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Month(m) => write!(f, "{m}"),
            Period::Quarter(q) => write!(f, "{q}"),
            Period::Year(y) => f.write_str(&year_text(y)),
            Period::Day(d) => f.write_str(&format_date(d)),
            Period::Span { first, last } => {
                write!(f, "{}/{}", format_date(first), format_date(last))
            }
        }
    }
}

impl TryFrom<String> for Period {
    type Error = CadenceError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Period::parse(&value)
    }
}

impl From<Period> for String {
    fn from(value: Period) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "period_tests.rs"]
mod tests;
