//! The outcome of each obligation, and the completeness and timeliness
//! figures the township dashboard shows.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{ObligationKind, Period, Subject};
use crate::domain::tagged::{TagError, required, unknown};

/// Where an obligation stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", try_from = "StatusFields")]
pub enum Status {
    /// 未到期: open, and not yet within the warning days before the due date.
    NotYetDue,
    /// 待完成: open, within the warning days before the due date or its grace days.
    DueSoon,
    /// 按时完成: done by the due date plus grace days.
    OnTime,
    /// 逾期完成: done, but after the due date plus grace days.
    Late,
    /// 逾期未完成: not done, and the due date plus grace days has passed.
    Overdue,
    /// 已豁免: excused; who and when are kept for the audit trail.
    Waived {
        /// Why, as entered.
        reason: String,
        /// Who granted the waiver.
        by_person: i32,
        /// When, Unix milliseconds.
        at_ms: i64,
    },
}

impl Status {
    /// Stable snake_case code, as stored and sent over the wire.
    pub fn code(&self) -> &'static str {
        match self {
            Status::NotYetDue => "not_yet_due",
            Status::DueSoon => "due_soon",
            Status::OnTime => "on_time",
            Status::Late => "late",
            Status::Overdue => "overdue",
            Status::Waived { .. } => "waived",
        }
    }

    /// Chinese name shown to users.
    pub fn label(&self) -> &'static str {
        match self {
            Status::NotYetDue => "未到期",
            Status::DueSoon => "待完成",
            Status::OnTime => "按时完成",
            Status::Late => "逾期完成",
            Status::Overdue => "逾期未完成",
            Status::Waived { .. } => "已豁免",
        }
    }
}

/// Every variant's fields, read flat ([`crate::domain::tagged`]): the phone reads its members'
/// education statuses through it.
#[derive(Deserialize)]
struct StatusFields {
    status: String,
    reason: Option<String>,
    by_person: Option<i32>,
    at_ms: Option<i64>,
}

impl TryFrom<StatusFields> for Status {
    type Error = TagError;

    fn try_from(f: StatusFields) -> Result<Self, TagError> {
        let tag = f.status.as_str();
        Ok(match tag {
            "not_yet_due" => Self::NotYetDue,
            "due_soon" => Self::DueSoon,
            "on_time" => Self::OnTime,
            "late" => Self::Late,
            "overdue" => Self::Overdue,
            "waived" => Self::Waived {
                reason: required(f.reason, tag, "reason")?,
                by_person: required(f.by_person, tag, "by_person")?,
                at_ms: required(f.at_ms, tag, "at_ms")?,
            },
            _ => return Err(unknown(tag)),
        })
    }
}

/// One duty of one subject for one period, as judged on the evaluation day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation {
    /// What must be done.
    pub kind: ObligationKind,
    /// Who must do it.
    pub subject: Subject,
    /// The period it covers.
    pub period: Period,
    /// The due date, before grace days.
    pub due: Date,
    /// Where it stands.
    pub status: Status,
    /// The day the requirement was met (the fact that completed the count or
    /// hours), if it was; kept even when waived.
    pub done_on: Option<Date>,
}

/// Counts of obligations by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    /// Obligations with an outcome: done (on time or late) or overdue.
    pub due: usize,
    /// Done on time.
    pub done_on_time: usize,
    /// Done late.
    pub done_late: usize,
    /// Overdue and still not done.
    pub overdue: usize,
    /// Waived; not counted in `due`.
    pub waived: usize,
    /// Still open and not overdue (not yet due, or due soon); not counted in `due`.
    pub pending: usize,
}

impl Completeness {
    /// Percentage of due obligations that are done, late or not, rounded
    /// down (so 100 means nothing is missing); `None` when nothing is due.
    pub fn completeness_percent(&self) -> Option<u8> {
        percent(self.done_on_time + self.done_late, self.due)
    }

    /// Percentage of due obligations done on time, rounded down; `None` when
    /// nothing is due.
    pub fn timeliness_percent(&self) -> Option<u8> {
        percent(self.done_on_time, self.due)
    }
}

/// `part` of `whole` in whole percent, rounded down.
fn percent(part: usize, whole: usize) -> Option<u8> {
    if whole == 0 {
        return None;
    }
    let value = part.min(whole).saturating_mul(100) / whole;
    u8::try_from(value).ok()
}

/// Counts the obligations by outcome.
pub fn summary<'a>(obligations: impl IntoIterator<Item = &'a Obligation>) -> Completeness {
    let mut c = Completeness::default();
    for o in obligations {
        match o.status {
            Status::OnTime => c.done_on_time += 1,
            Status::Late => c.done_late += 1,
            Status::Overdue => c.overdue += 1,
            Status::Waived { .. } => c.waived += 1,
            Status::NotYetDue | Status::DueSoon => c.pending += 1,
        }
    }
    c.due = c.done_on_time + c.done_late + c.overdue;
    c
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use time::macros::date;

    fn with(status: Status) -> Obligation {
        Obligation {
            kind: ObligationKind::QuarterlyActivity,
            subject: Subject::Grid(1),
            period: Period::Year(2026),
            due: date!(2026 - 12 - 31),
            status,
            done_on: None,
        }
    }

    #[test]
    fn statuses_have_codes_and_labels() {
        let waived = Status::Waived {
            reason: "企业停产".into(),
            by_person: 9,
            at_ms: 0,
        };
        let all = [
            Status::NotYetDue,
            Status::DueSoon,
            Status::OnTime,
            Status::Late,
            Status::Overdue,
            waived,
        ];
        let labels: Vec<_> = all.iter().map(Status::label).collect();
        assert_eq!(
            labels,
            [
                "未到期",
                "待完成",
                "按时完成",
                "逾期完成",
                "逾期未完成",
                "已豁免"
            ]
        );
        for status in &all {
            let text = serde_json::to_string(status).unwrap();
            assert_eq!(&serde_json::from_str::<Status>(&text).unwrap(), status);
        }
        let json = serde_json::to_string(&all[5]).unwrap();
        assert_eq!(
            json,
            r#"{"status":"waived","reason":"企业停产","by_person":9,"at_ms":0}"#
        );
        assert_eq!(all[4].code(), "overdue");
    }

    #[test]
    fn the_summary_counts_outcomes_and_percentages() {
        let mut list: Vec<_> = [
            Status::OnTime,
            Status::OnTime,
            Status::Late,
            Status::Overdue,
        ]
        .into_iter()
        .map(with)
        .collect();
        list.push(with(Status::DueSoon));
        list.push(with(Status::Waived {
            reason: "停产".into(),
            by_person: 1,
            at_ms: 1,
        }));
        let c = summary(&list);
        let expected = (4, 2, 1, 1, 1, 1);
        let got = (
            c.due,
            c.done_on_time,
            c.done_late,
            c.overdue,
            c.waived,
            c.pending,
        );
        assert_eq!(got, expected);
        assert_eq!(c.completeness_percent(), Some(75));
        assert_eq!(c.timeliness_percent(), Some(50));
        assert_eq!(summary(&[]).completeness_percent(), None);
        let two_of_three = summary(&list[1..4]);
        assert_eq!(two_of_three.completeness_percent(), Some(66));
    }
}
