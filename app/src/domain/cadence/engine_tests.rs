//! Tests of [`evaluate`]: deadlines, grace days, warning days and waivers.

use super::*;
use crate::domain::cadence::{CadenceError, DueRule, ObligationKind, WaiverPeriodError};
use crate::domain::grid::{GridKind, Role};
use crate::domain::period::{Month, shanghai_date};
use time::macros::date;

/// A policy of one rule.
pub(super) fn policy(rule: Rule) -> Policy {
    Policy {
        name: "测试".into(),
        rules: vec![rule],
    }
}

/// Enterprise grid 1 under township 9, member 100, enterprise 500.
pub(super) fn subjects() -> Subjects {
    Subjects {
        grids: vec![(9, GridKind::Township), (1, GridKind::Enterprise)],
        people: vec![(100, GridKind::Enterprise, Role::Member)],
        enterprises: vec![500],
    }
}

/// The monthly report rule: due at the month's end, 5 grace days, warned 7 days before.
fn report_rule() -> Rule {
    Rule {
        kind: ObligationKind::MonthlyLeaderReport,
        due: DueRule::EndOfPeriod,
        grace_days: 5,
        soon_days: 7,
    }
}

fn november() -> Period {
    Period::Month(Month::new(2026, 11).unwrap())
}

/// The November status of grid 1's report on `today`, given its facts.
fn november_report(facts: &[Fact], today: Date) -> Obligation {
    let all = evaluate(
        &policy(report_rule()),
        &subjects(),
        facts,
        &[],
        date!(2026 - 11 - 01),
        today,
    );
    all.into_iter().find(|o| o.period == november()).unwrap()
}

fn report(date: Date, period: Option<Period>) -> Fact {
    Fact {
        period,
        ..Fact::new(FactKind::LeaderReport, Subject::Grid(1), date)
    }
}

#[test]
fn a_record_at_2359_beijing_on_the_last_day_counts_for_that_month() {
    let format = time::format_description::well_known::Rfc3339;
    let instant = time::OffsetDateTime::parse("2026-11-30T15:59:00Z", &format).unwrap();
    let millis = i64::try_from(instant.unix_timestamp_nanos() / 1_000_000).unwrap();
    let day = shanghai_date(millis).unwrap();
    assert_eq!(day, date!(2026 - 11 - 30));
    let all = evaluate(
        &policy(report_rule()),
        &subjects(),
        &[report(day, None)],
        &[],
        day,
        date!(2026 - 12 - 20),
    );
    let statuses: Vec<_> = all
        .iter()
        .map(|o| (o.period.to_string(), o.status.code(), o.done_on))
        .collect();
    assert_eq!(
        statuses,
        [
            ("2026-11".into(), "on_time", Some(day)),
            ("2026-12".into(), "not_yet_due", None)
        ]
    );
}

#[test]
fn open_obligations_go_from_not_yet_due_to_due_soon_to_overdue() {
    let at = |today| november_report(&[], today).status;
    assert_eq!(at(date!(2026 - 11 - 22)), Status::NotYetDue);
    assert_eq!(at(date!(2026 - 11 - 23)), Status::DueSoon);
    assert_eq!(at(date!(2026 - 11 - 30)), Status::DueSoon);
    // Within the grace days it is still to be done, not yet overdue.
    assert_eq!(at(date!(2026 - 12 - 05)), Status::DueSoon);
    assert_eq!(at(date!(2026 - 12 - 06)), Status::Overdue);
}

#[test]
fn done_within_grace_is_on_time_and_after_it_late() {
    let today = date!(2026 - 12 - 31);
    let on = |date, period| november_report(&[report(date, period)], today);
    let within_grace = on(date!(2026 - 12 - 05), Some(november()));
    assert_eq!(
        (within_grace.status, within_grace.done_on),
        (Status::OnTime, Some(date!(2026 - 12 - 05)))
    );
    assert_eq!(
        on(date!(2026 - 12 - 06), Some(november())).status,
        Status::Late
    );
    // Without naming November, a December record counts for December.
    assert_eq!(on(date!(2026 - 12 - 03), None).status, Status::Overdue);
    // Done early, before the period is even due.
    let early = november_report(
        &[report(date!(2026 - 11 - 02), None)],
        date!(2026 - 11 - 02),
    );
    assert_eq!(early.status, Status::OnTime);
    let strict = Rule {
        grace_days: 0,
        ..report_rule()
    };
    let all = evaluate(
        &policy(strict),
        &subjects(),
        &[],
        &[],
        date!(2026 - 11 - 01),
        date!(2026 - 12 - 01),
    );
    assert_eq!(all.first().map(|o| o.status.clone()), Some(Status::Overdue));
}

#[test]
fn facts_after_today_or_for_others_do_not_count() {
    let later = report(date!(2026 - 11 - 20), None);
    assert_eq!(
        november_report(std::slice::from_ref(&later), date!(2026 - 11 - 19)).status,
        Status::NotYetDue
    );
    let other_grid = Fact {
        subject: Subject::Grid(2),
        ..later.clone()
    };
    let other_kind = Fact {
        kind: FactKind::Activity,
        ..later
    };
    let today = date!(2026 - 12 - 10);
    assert_eq!(
        november_report(&[other_grid, other_kind], today).status,
        Status::Overdue
    );
    let none = evaluate(
        &policy(report_rule()),
        &subjects(),
        &[],
        &[],
        today,
        date!(2026 - 12 - 09),
    );
    assert!(none.is_empty());
}

fn waiver(reason: &str, by_person: i32, at_ms: i64) -> Waiver {
    Waiver {
        kind: ObligationKind::MonthlyLeaderReport,
        subject: Subject::Grid(1),
        period: november(),
        reason: reason.into(),
        by_person,
        at_ms,
    }
}

#[test]
fn a_waiver_excuses_with_its_reason_and_keeps_who_and_when() {
    let waivers = [
        waiver("网格调整", 7, 1_000),
        waiver("网格长病假，经乡镇同意豁免", 8, 2_000),
        Waiver {
            period: Period::Month(Month::new(2026, 10).unwrap()),
            ..waiver("十月", 9, 3_000)
        },
        Waiver {
            subject: Subject::Grid(2),
            ..waiver("别的网格", 9, 3_000)
        },
    ];
    let facts = [report(date!(2026 - 12 - 20), Some(november()))];
    let all = evaluate(
        &policy(report_rule()),
        &subjects(),
        &facts,
        &waivers,
        date!(2026 - 11 - 01),
        date!(2026 - 12 - 31),
    );
    let nov = all.iter().find(|o| o.period == november()).unwrap();
    let expected = Status::Waived {
        reason: "网格长病假，经乡镇同意豁免".into(),
        by_person: 8,
        at_ms: 2_000,
    };
    assert_eq!(nov.status, expected);
    assert_eq!(nov.status.label(), "已豁免");
    assert_eq!(nov.done_on, Some(date!(2026 - 12 - 20)));
    let dec = all.iter().find(|o| o.period != november()).unwrap();
    assert_eq!(dec.status, Status::DueSoon);
}

#[test]
fn a_waiver_needs_a_reason_of_reasonable_length() {
    assert_eq!(
        Waiver::check_reason("  \n"),
        Err(CadenceError::WaiverReasonEmpty)
    );
    assert_eq!(
        Waiver::check_reason(" 网格长病假 ").as_deref(),
        Ok("网格长病假")
    );
    let long = "因".repeat(501);
    assert_eq!(
        Waiver::check_reason(&long),
        Err(CadenceError::WaiverReasonTooLong { max: 500 })
    );
    assert_eq!(
        Waiver::check_reason(&long).unwrap_err().to_string(),
        "豁免原因不能超过500字"
    );
}

#[test]
fn only_a_duty_s_own_period_once_begun_is_excused() {
    use crate::domain::period::Quarter;
    let today = date!(2026 - 12 - 04);
    let q4 = Period::Quarter(Quarter::of(today));
    let activity = ObligationKind::UnitActivity;
    assert_eq!(Waiver::check_period(&activity, &q4, today), Ok(()));
    let month = Period::Month(Month::of(today));
    let wrong = Waiver::check_period(&activity, &month, today).unwrap_err();
    assert!(matches!(wrong, WaiverPeriodError::NotItsOwn { .. }));
    assert_eq!(
        wrong.to_string(),
        "市、乡镇（部门）、工作管理片季度活动每季度考核一次，豁免的期间应与之一致"
    );
    assert_eq!(
        Waiver::check_period(
            &activity,
            &Period::Quarter(Quarter::of(today).next()),
            today
        ),
        Err(WaiverPeriodError::NotBegun)
    );
    let plan = ObligationKind::TrainingPlan;
    assert_eq!(
        Waiver::check_period(&plan, &Period::Year(2026), today),
        Ok(())
    );
    assert!(Waiver::check_period(&plan, &q4, today).is_err());
    assert_eq!(
        Waiver::check_period(&plan, &Period::Year(2027), today),
        Err(WaiverPeriodError::NotBegun)
    );
}

#[test]
fn one_duty_judged_alone_keeps_its_latest_waiver_and_no_other() {
    let october = Period::Month(Month::new(2026, 10).unwrap());
    let today = date!(2026 - 11 - 22);
    let grid = Subject::Grid(1);
    let earlier = Waiver {
        period: october,
        ..waiver("停产", 8, 1)
    };
    let later = Waiver {
        period: october,
        ..waiver("停产整顿", 9, 2)
    };
    let waivers = [earlier, later];
    let judged = judge(&report_rule(), grid, october, &[], &waivers, today);
    assert_eq!(judged.status.code(), "waived");
    assert!(matches!(judged.status, Status::Waived { by_person: 9, .. }));
    // November is open, another grid's October is not excused, and without waivers October
    // is overdue; a report sent on time counts, one dated after today does not yet.
    let open = judge(&report_rule(), grid, november(), &[], &waivers, today);
    assert_eq!(open.status, Status::NotYetDue);
    let other = judge(
        &report_rule(),
        Subject::Grid(2),
        october,
        &[],
        &waivers,
        today,
    );
    assert_eq!(other.status, Status::Overdue);
    let sent = [(date!(2026 - 11 - 03), 1)];
    let filed = judge(&report_rule(), grid, october, &sent, &[], today);
    assert_eq!(
        (filed.status, filed.done_on),
        (Status::OnTime, Some(sent[0].0))
    );
    let later_day = [(date!(2026 - 11 - 30), 1)];
    let early = judge(&report_rule(), grid, october, &later_day, &[], today);
    assert_eq!(early.status, Status::Overdue);
}
