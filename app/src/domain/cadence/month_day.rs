//! A day of the year without the year (月日), such as a yearly deadline of 31 March.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use super::CadenceError;

/// A month and day valid in some year (29 February included). Ordered
/// through the year; written `MM-DD` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    /// Invariant: 1–12.
    month: u8,
    /// Invariant: a day of `month` in a leap year.
    day: u8,
}

impl MonthDay {
    /// 1 January.
    pub const NEW_YEAR: MonthDay = MonthDay { month: 1, day: 1 };

    /// 31 March, the end of the preparation stage (001 §四(一)).
    pub const END_OF_MARCH: MonthDay = MonthDay { month: 3, day: 31 };

    /// 30 April, the end of the April stage in which the training plan is drawn up (001 §四(二)).
    pub const END_OF_APRIL: MonthDay = MonthDay { month: 4, day: 30 };

    /// The `day` of month `month` (1–12); 29 February is accepted.
    pub fn new(month: u8, day: u8) -> Result<MonthDay, CadenceError> {
        let m = time::Month::try_from(month).map_err(|_| CadenceError::MalformedMonthDay)?;
        // 2000 is a leap year, so every day that exists in some year passes.
        if day == 0 || day > time::util::days_in_month(m, 2000) {
            return Err(CadenceError::MalformedMonthDay);
        }
        Ok(MonthDay { month, day })
    }

    /// Parses `MM-DD` (surrounding whitespace ignored).
    pub fn parse(s: &str) -> Result<MonthDay, CadenceError> {
        let (month, day) = s
            .trim()
            .split_once('-')
            .ok_or(CadenceError::MalformedMonthDay)?;
        let two_digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(month) || !two_digits(day) {
            return Err(CadenceError::MalformedMonthDay);
        }
        let number = |t: &str| t.parse::<u8>().map_err(|_| CadenceError::MalformedMonthDay);
        MonthDay::new(number(month)?, number(day)?)
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// This day in `year`; 29 February becomes 28 February in a common
    /// year. `None` only outside the calendar's years (-9999..=9999).
    pub fn in_year(&self, year: i32) -> Option<Date> {
        let month = time::Month::try_from(self.month).ok()?;
        let day = self.day.min(time::util::days_in_month(month, year));
        Date::from_calendar_date(year, month, day).ok()
    }

    /// As shown to users, e.g. "7月15日".
    pub fn label(&self) -> String {
        format!("{}月{}日", self.month, self.day)
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl TryFrom<String> for MonthDay {
    type Error = CadenceError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        MonthDay::parse(&value)
    }
}

impl From<MonthDay> for String {
    fn from(value: MonthDay) -> Self {
        value.to_string()
    }
}

/// Separators of a stage's opening day from its deadline, as people type them.
const STAGE_MARKS: [char; 4] = ['至', '~', '～', '—'];

/// A fixed-date report's days as 报送节奏 writes them: deadlines such as `07-15、09-15、12-10`,
/// or a stage such as `12-01至12-10` (its opening day, then its deadline).
pub fn parse_days(text: &str) -> Result<(Option<MonthDay>, Vec<MonthDay>), CadenceError> {
    if let Some((opens, due)) = text.split_once(STAGE_MARKS) {
        return Ok((Some(MonthDay::parse(opens)?), vec![MonthDay::parse(due)?]));
    }
    let dates = (text.split(['、', ',', '，', ' ']))
        .filter(|t| !t.trim().is_empty())
        .map(MonthDay::parse)
        .collect::<Result<_, _>>()?;
    Ok((None, dates))
}

/// The days as [`parse_days`] reads them.
pub fn days_text(opens: Option<MonthDay>, dates: &[MonthDay]) -> String {
    let dates: Vec<String> = dates.iter().map(ToString::to_string).collect();
    match opens {
        Some(opens) => format!("{opens}至{}", dates.join("、")),
        None => dates.join("、"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn days_are_written_as_deadlines_or_as_one_stage() {
        let md = |m, d| MonthDay::new(m, d).unwrap();
        let deadlines = (None, vec![md(7, 15), md(9, 15), md(12, 10)]);
        assert_eq!(parse_days("07-15、09-15，12-10").unwrap(), deadlines);
        assert_eq!(days_text(deadlines.0, &deadlines.1), "07-15、09-15、12-10");
        let stage = (Some(md(12, 1)), vec![md(12, 10)]);
        for typed in ["12-01至12-10", " 12-01 ~ 12-10 ", "12-01—12-10"] {
            assert_eq!(parse_days(typed).unwrap(), stage, "{typed}");
        }
        assert_eq!(days_text(stage.0, &stage.1), "12-01至12-10");
        for bad in ["12-01至", "7-15", "12-01至12-10、12-20"] {
            assert!(parse_days(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_days("").unwrap(), (None, Vec::new()));
    }

    #[test]
    fn month_days_parse_print_and_place_in_a_year() {
        let md = MonthDay::parse(" 07-15 ").unwrap();
        assert_eq!((md.month(), md.day()), (7, 15));
        assert_eq!(md.to_string(), "07-15");
        assert_eq!(md.label(), "7月15日");
        assert_eq!(md.in_year(2026), Some(date!(2026 - 07 - 15)));
        let leap = MonthDay::new(2, 29).unwrap();
        assert_eq!(leap.in_year(2028), Some(date!(2028 - 02 - 29)));
        assert_eq!(leap.in_year(2026), Some(date!(2026 - 02 - 28)));
        assert_eq!(md.in_year(10_000), None);
        for bad in [
            "7-15", "13-01", "00-10", "02-30", "04-31", "07/15", "", "07-15-01",
        ] {
            assert_eq!(
                MonthDay::parse(bad),
                Err(CadenceError::MalformedMonthDay),
                "{bad}"
            );
        }
        assert!(MonthDay::new(3, 31).unwrap() < MonthDay::new(7, 15).unwrap());
    }

    #[test]
    fn month_days_serialize_as_text() {
        let json = serde_json::to_string(&MonthDay::new(3, 31).unwrap()).unwrap();
        assert_eq!(json, "\"03-31\"");
        assert!(serde_json::from_str::<MonthDay>("\"02-30\"").is_err());
    }
}
