//! Tests of [`evaluate`] for fixed-date reports, education hours and major events.

use super::tests::policy;
use super::*;
use crate::domain::cadence::{DueRule, MonthDay, ObligationKind};
use crate::domain::grid::{GridKind, Role};
use time::macros::date;

#[test]
fn fixed_date_reports_fall_due_on_their_days() {
    let md = |m, d| MonthDay::new(m, d).unwrap();
    let label = "试点工作推进情况总结";
    let kind = ObligationKind::FixedDate {
        label: label.into(),
        dates: vec![md(7, 15), md(9, 15), md(12, 10)],
        grid_kind: GridKind::City,
        opens: None,
    };
    let subjects = Subjects {
        grids: vec![(100, GridKind::City), (9, GridKind::Township)],
        ..Subjects::default()
    };
    let filed = |date, period| Fact {
        period,
        ..Fact::new(
            FactKind::FixedDateReport {
                label: label.into(),
            },
            Subject::Grid(100),
            date,
        )
    };
    let facts = [
        filed(date!(2026 - 07 - 10), None),
        filed(
            date!(2026 - 09 - 20),
            Some(Period::Day(date!(2026 - 09 - 15))),
        ),
    ];
    let rule = Rule::new(kind, DueRule::EndOfPeriod, 10);
    let all = evaluate(
        &policy(rule),
        &subjects,
        &facts,
        &[],
        date!(2026 - 03 - 01),
        date!(2026 - 12 - 31),
    );
    let got: Vec<_> = all
        .iter()
        .map(|o| (o.subject, o.due, o.status.code()))
        .collect();
    let city = Subject::Grid(100);
    assert_eq!(
        got,
        [
            (city, date!(2026 - 07 - 15), "on_time"),
            (city, date!(2026 - 09 - 15), "late"),
            (city, date!(2026 - 12 - 10), "overdue"),
            (city, date!(2027 - 07 - 15), "not_yet_due"),
        ]
    );
    assert_eq!(all[1].period.label(), "2026年7月16日至2026年9月15日");
}

#[test]
fn continuing_education_hours_add_up_per_person_per_year() {
    let rule = Rule::new(
        ObligationKind::ContinuingEducation { hours_per_year: 24 },
        DueRule::EndOfPeriod,
        31,
    );
    let subjects = Subjects {
        people: vec![
            (100, GridKind::Enterprise, Role::Member),
            (101, GridKind::Enterprise, Role::Member),
            (101, GridKind::Enterprise, Role::Member),
            (102, GridKind::Enterprise, Role::Leader),
            // A township's 经发办 staff member: not an enterprise's statistician, not bound.
            (103, GridKind::Township, Role::Member),
        ],
        ..Subjects::default()
    };
    let hours = |person, date, amount| Fact {
        amount,
        ..Fact::new(FactKind::Training, Subject::Person(person), date)
    };
    let facts = [
        hours(100, date!(2026 - 03 - 02), 10),
        hours(100, date!(2026 - 11 - 20), 4),
        hours(100, date!(2026 - 06 - 18), 10),
        hours(101, date!(2025 - 12 - 30), 20),
        hours(101, date!(2026 - 05 - 05), 20),
        hours(102, date!(2026 - 05 - 05), 30),
        hours(103, date!(2026 - 05 - 05), 2),
    ];
    let all = evaluate(
        &policy(rule),
        &subjects,
        &facts,
        &[],
        date!(2026 - 01 - 01),
        date!(2027 - 01 - 05),
    );
    let got: Vec<_> = all
        .iter()
        .map(|o| (o.subject, o.period, o.status.code(), o.done_on))
        .collect();
    let (p100, p101) = (Subject::Person(100), Subject::Person(101));
    let (y26, y27) = (Period::Year(2026), Period::Year(2027));
    assert_eq!(
        got,
        [
            (p100, y26, "on_time", Some(date!(2026 - 11 - 20))),
            (p100, y27, "not_yet_due", None),
            (p101, y26, "overdue", None),
            (p101, y27, "not_yet_due", None),
        ]
    );
}

#[test]
fn major_events_are_due_the_same_day() {
    let rule = Rule::new(
        ObligationKind::MajorEvent {
            city_read_hours: 24,
        },
        DueRule::EndOfPeriod,
        0,
    );
    let firm = Subject::Enterprise(500);
    let occurred = |date| Fact::new(FactKind::MajorEventOccurred, firm, date);
    let reported = |date, day| Fact {
        period: Some(Period::Day(day)),
        ..Fact::new(FactKind::MajorEventReported, firm, date)
    };
    let facts = [
        occurred(date!(2026 - 05 - 10)),
        Fact::new(FactKind::MajorEventReported, firm, date!(2026 - 05 - 10)),
        occurred(date!(2026 - 06 - 01)),
        reported(date!(2026 - 06 - 03), date!(2026 - 06 - 01)),
        occurred(date!(2026 - 06 - 20)),
        occurred(date!(2026 - 06 - 21)),
        occurred(date!(2026 - 06 - 21)),
        // A report without an event creates nothing.
        Fact::new(
            FactKind::MajorEventReported,
            Subject::Grid(1),
            date!(2026 - 06 - 02),
        ),
    ];
    let all = evaluate(
        &policy(rule),
        &Subjects::default(),
        &facts,
        &[],
        date!(2026 - 05 - 01),
        date!(2026 - 06 - 21),
    );
    let got: Vec<_> = all.iter().map(|o| (o.due, o.status.code())).collect();
    assert_eq!(
        got,
        [
            (date!(2026 - 05 - 10), "on_time"),
            (date!(2026 - 06 - 01), "late"),
            (date!(2026 - 06 - 20), "overdue"),
            (date!(2026 - 06 - 21), "due_soon"),
        ]
    );
}
