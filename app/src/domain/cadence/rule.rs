//! Cadence rules as data: when each obligation falls due, with grace and
//! warning days, grouped into a city's policy that an administrator adjusts.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use super::{
    Cadence, CadenceError, FIXED_LABEL_MAX_CHARS, MonthDay, ObligationKind, Period, Status,
};
use crate::domain::period::Month;

/// When an obligation for a period falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueRule {
    /// The last day of the period (the day itself for an event, the deadline
    /// for a fixed-date report).
    EndOfPeriod,
    /// This day (1–31) of the month after the period, or that month's last
    /// day if shorter; e.g. 5 for "by the 5th of the following month".
    DayOfNextPeriod(u8),
    /// This day of the period's year, e.g. 03-31 for the annual plan; for
    /// yearly obligations only.
    FixedMonthDay(MonthDay),
}

/// One obligation kind with its deadline settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rule {
    /// What must be done.
    pub kind: ObligationKind,
    /// When it falls due.
    pub due: DueRule,
    /// Days after the due date still counted as on time.
    #[serde(default)]
    pub grace_days: u32,
    /// Days before the due date from which an open obligation shows as due soon.
    #[serde(default)]
    pub soon_days: u32,
}

/// A city's set of cadence rules, e.g. [`Policy::yuhuan`]; stored as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Policy {
    /// Name shown to administrators, e.g. "玉环市".
    pub name: String,
    /// The rules, in display order; at most one per duty.
    pub rules: Vec<Rule>,
}

impl Rule {
    /// A rule due at the end of each period, without grace, shown as due soon
    /// from `soon_days` before.
    pub fn new(kind: ObligationKind, due: DueRule, soon_days: u32) -> Rule {
        Rule {
            kind,
            due,
            grace_days: 0,
            soon_days,
        }
    }

    /// The due date of the obligation for `period`.
    pub fn due_date(&self, period: &Period) -> Date {
        match self.due {
            DueRule::EndOfPeriod => period.last_day(),
            DueRule::DayOfNextPeriod(day) => {
                let next = Month::of(period.last_day()).next();
                let day = day.clamp(1, next.last_day().day());
                next.first_day().replace_day(day).unwrap_or(next.last_day())
            }
            DueRule::FixedMonthDay(md) => md
                .in_year(period.first_day().year())
                .unwrap_or(period.last_day()),
        }
    }

    /// The last day still on time: the due date plus the grace days.
    pub fn deadline(&self, due: Date) -> Date {
        due.checked_add(Duration::days(i64::from(self.grace_days)))
            .unwrap_or(Date::MAX)
    }

    /// The status on `today` of an obligation due on `due` and met on `done_on` (not
    /// waived): what [`super::evaluate`] reports, and what the phone judges offline.
    pub fn status_on(&self, due: Date, done_on: Option<Date>, today: Date) -> Status {
        let deadline = self.deadline(due);
        match done_on {
            Some(done) if done <= deadline => Status::OnTime,
            Some(_) => Status::Late,
            None if today > deadline => Status::Overdue,
            None if today >= self.soon_from(due) => Status::DueSoon,
            None => Status::NotYetDue,
        }
    }

    /// The first day on which an open obligation shows as due soon.
    pub fn soon_from(&self, due: Date) -> Date {
        due.checked_sub(Duration::days(i64::from(self.soon_days)))
            .unwrap_or(Date::MIN)
    }

    /// Checks the settings make sense: a due day of 1–31, non-zero counts,
    /// a named fixed-date report with at least one date (one only when its stage has an
    /// opening day, which comes before it), and fixed month-days
    /// only for yearly obligations.
    pub fn validate(&self) -> Result<(), CadenceError> {
        let label = || self.kind.label().to_owned();
        match &self.kind {
            ObligationKind::EnterpriseVisits { per_quarter: 0 }
            | ObligationKind::ContinuingEducation { hours_per_year: 0 }
            | ObligationKind::MajorEvent { city_read_hours: 0 } => {
                return Err(CadenceError::ZeroThreshold { label: label() });
            }
            ObligationKind::FixedDate {
                label: name,
                dates,
                opens,
                ..
            } => {
                if name.trim().is_empty() {
                    return Err(CadenceError::BlankLabel);
                }
                if name.trim().chars().count() > FIXED_LABEL_MAX_CHARS {
                    let max = FIXED_LABEL_MAX_CHARS;
                    return Err(CadenceError::LabelTooLong { max });
                }
                if dates.is_empty() {
                    return Err(CadenceError::NoFixedDates { label: label() });
                }
                match (opens, dates.as_slice()) {
                    (None, _) => {}
                    (Some(_), [_, _, ..]) => {
                        return Err(CadenceError::StageNeedsOneDate { label: label() });
                    }
                    (Some(opens), [due]) if opens >= due => {
                        return Err(CadenceError::StageOpensLate { label: label() });
                    }
                    (Some(_), _) => {}
                }
            }
            _ => {}
        }
        match self.due {
            DueRule::DayOfNextPeriod(day) if !(1..=31).contains(&day) => {
                Err(CadenceError::DueDayOutOfRange { day })
            }
            DueRule::FixedMonthDay(_) if self.kind.cadence() != Cadence::Yearly => {
                Err(CadenceError::FixedDayNeedsYear { label: label() })
            }
            _ => Ok(()),
        }
    }
}

impl Policy {
    /// Checks every rule, then that no duty has two rules; the first problem found.
    pub fn validate(&self) -> Result<(), CadenceError> {
        for (i, rule) in self.rules.iter().enumerate() {
            rule.validate()?;
            let earlier = self.rules.iter().take(i);
            if earlier.into_iter().any(|r| r.kind.same_duty(&rule.kind)) {
                return Err(CadenceError::DuplicateRule {
                    label: rule.kind.label().to_owned(),
                });
            }
        }
        Ok(())
    }

    /// The rule for the same duty as `kind`, if the policy has one.
    pub fn rule(&self, kind: &ObligationKind) -> Option<&Rule> {
        self.rules.iter().find(|r| r.kind.same_duty(kind))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "rule_tests.rs"]
mod tests;
