#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::cadence::{
    Fact, FactKind, ObligationKind, Policy, Subject, Subjects, Waiver, evaluate,
};
use crate::domain::draft::Draft;
use crate::domain::grid::GridKind;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);

fn draft() -> AnalysisMeetingDraft {
    AnalysisMeetingDraft {
        grid_id: 2,
        meeting_date: "2026-11-20".into(),
        attendees: " 陈晓岚、许文斌、经发办全体 ".into(),
        economy: "规上工业产值同比增长6.2%".into(),
        findings: "两家企业订单下滑".into(),
        follow_ups: "月底前走访两家企业".into(),
    }
}

#[test]
fn complete_minutes_are_trimmed_and_dated() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.attendees, "陈晓岚、许文斌、经发办全体");
    assert_eq!(valid.meeting_date, date!(2026 - 11 - 20));
    assert_eq!(valid.grid_id, 2);
}

#[test]
fn every_problem_is_reported_with_its_field_in_form_order() {
    let bad = AnalysisMeetingDraft {
        grid_id: 0,
        meeting_date: "2026-11-23".into(),
        attendees: "  ".into(),
        economy: "经".repeat(PART_MAX_CHARS + 1),
        findings: "无".into(),
        follow_ups: String::new(),
    };
    let errors = bad.validate(TODAY).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field()).collect();
    assert_eq!(
        fields,
        [
            "grid_id",
            "meeting_date",
            "attendees",
            "economy",
            "follow_ups"
        ]
    );
    assert_eq!(errors[1].to_string(), "例会日期不能晚于今天");
    assert_eq!(errors[2].to_string(), "请填写参会人员");
    assert_eq!(
        errors[3].to_string(),
        format!(
            "经济运行分析不能超过{PART_MAX_CHARS}字（当前{}字）",
            PART_MAX_CHARS + 1
        )
    );
}

#[test]
fn a_date_that_is_not_a_date_or_over_a_year_old_is_refused() {
    for (text, code) in [
        ("2026-13-01", "date_malformed"),
        ("昨天", "date_malformed"),
        ("2025-11-01", "date_too_old"),
    ] {
        let d = AnalysisMeetingDraft {
            meeting_date: text.into(),
            ..draft()
        };
        let errors = d.validate(TODAY).unwrap_err();
        assert_eq!(errors.len(), 1, "{text}");
        assert_eq!(errors[0].code(), code, "{text}");
    }
}

fn meeting_rule() -> Rule {
    Policy::yuhuan()
        .rule(&ObligationKind::TownshipAnalysisMeeting)
        .cloned()
        .unwrap()
}

#[test]
fn a_meeting_in_the_month_meets_it_and_one_in_another_month_does_not() {
    let november = Month::new(2026, 11).unwrap();
    let rule = meeting_rule();
    let held = [date!(2026 - 11 - 20)];
    assert_eq!(
        meeting_status(&rule, 2, november, &held, &[], TODAY),
        Status::OnTime
    );
    let october = [date!(2026 - 10 - 28)];
    assert_eq!(
        meeting_status(&rule, 2, november, &october, &[], date!(2026 - 12 - 20)),
        Status::Overdue
    );
    let december = Month::new(2026, 12).unwrap();
    assert_eq!(
        meeting_status(&rule, 2, december, &[], &[], TODAY),
        Status::NotYetDue
    );
}

#[test]
fn a_waived_month_shows_waived() {
    let waiver = Waiver {
        kind: ObligationKind::TownshipAnalysisMeeting,
        subject: Subject::Grid(2),
        period: Period::Month(Month::new(2026, 10).unwrap()),
        reason: "并入三季度经济形势分析会".into(),
        by_person: 1,
        at_ms: 1,
    };
    let status = meeting_status(
        &meeting_rule(),
        2,
        Month::new(2026, 10).unwrap(),
        &[],
        &[waiver],
        TODAY,
    );
    assert_eq!(status.label(), "已豁免");
}

proptest! {
    /// From the first of October on, October's meeting duty is judged as the engine judges a
    /// township's, whatever days the meetings fell on.
    #[test]
    fn the_meeting_duty_is_the_engines(held in proptest::collection::vec(0i64..90, 0..4),
                                       today in 30i64..120) {
        let first = date!(2026 - 09 - 01);
        let today = first + time::Duration::days(today);
        let held: Vec<Date> = held.iter().map(|d| first + time::Duration::days(*d)).collect();
        let month = Month::new(2026, 10).unwrap();
        let ours = meeting_status(&meeting_rule(), 2, month, &held, &[], today);
        let policy = Policy { name: String::new(), rules: vec![meeting_rule()] };
        let subjects = Subjects { grids: vec![(2, GridKind::Township)], ..Subjects::default() };
        let facts: Vec<Fact> = held
            .iter()
            .map(|d| Fact::new(FactKind::AnalysisMeeting, Subject::Grid(2), *d))
            .collect();
        let engine: Vec<Status> = evaluate(&policy, &subjects, &facts, &[], first, today)
            .into_iter()
            .filter(|o| o.period == Period::Month(month))
            .map(|o| o.status)
            .collect();
        prop_assert_eq!(vec![ours], engine);
    }
}
