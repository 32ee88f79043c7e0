#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::cadence::{
    Fact, FactKind, ObligationKind, Period, Policy, Subject, Subjects, Waiver, evaluate,
};
use crate::domain::draft::Draft;
use crate::domain::grid::GridKind;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);

fn draft() -> AnnualPlanDraft {
    AnnualPlanDraft {
        grid_id: 4,
        year: 2027,
        goals: " 全年走访每家企业不少于四次 ".into(),
        measures: "每月例会，季度统计之家活动".into(),
        schedule: "一季度培训统计法；二季度业务交流".into(),
    }
}

#[test]
fn a_complete_plan_is_trimmed() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.goals, "全年走访每家企业不少于四次");
    assert_eq!(valid.year, 2027);
}

#[test]
fn every_problem_is_reported_with_its_field() {
    let empty = AnnualPlanDraft {
        grid_id: 0,
        year: 2024,
        goals: " ".into(),
        measures: "措".repeat(PART_MAX_CHARS + 1),
        schedule: "安排".into(),
    };
    let errors = empty.validate(TODAY).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field()).collect();
    assert_eq!(fields, vec!["grid_id", "year", "goals", "measures"]);
    assert_eq!(errors[2].to_string(), "请填写工作目标");
    assert_eq!(
        errors[3].to_string(),
        format!(
            "主要措施不能超过{PART_MAX_CHARS}字（当前{}字）",
            PART_MAX_CHARS + 1
        )
    );
}

#[test]
fn last_this_and_next_year_may_be_planned() {
    for (year, ok) in [(2025, true), (2026, true), (2027, true), (2028, false)] {
        let mut d = draft();
        d.year = year;
        assert_eq!(d.validate(TODAY).is_ok(), ok, "{year}");
    }
}

fn plan_rule() -> Rule {
    Policy::yuhuan()
        .rule(&ObligationKind::AnnualPlan)
        .cloned()
        .unwrap()
}

#[test]
fn a_plan_filed_in_december_for_next_year_is_on_time() {
    let filed = date!(2026 - 12 - 20);
    assert_eq!(
        plan_status(
            &plan_rule(),
            7,
            2027,
            Some(filed),
            &[],
            date!(2027 - 05 - 01)
        ),
        Status::OnTime
    );
    assert_eq!(
        plan_status(&plan_rule(), 7, 2027, None, &[], date!(2027 - 05 - 01)),
        Status::Overdue
    );
}

#[test]
fn a_waived_plan_shows_waived_and_a_year_not_begun_is_not_yet_due() {
    let waiver = Waiver {
        kind: ObligationKind::AnnualPlan,
        subject: Subject::Grid(7),
        period: Period::Year(2027),
        reason: "网格撤并".into(),
        by_person: 8,
        at_ms: 1,
    };
    let waived = plan_status(
        &plan_rule(),
        7,
        2027,
        None,
        &[waiver],
        date!(2027 - 05 - 01),
    );
    assert_eq!(waived.label(), "已豁免");
    assert_eq!(
        plan_status(&plan_rule(), 7, 2027, None, &[], TODAY),
        Status::NotYetDue
    );
}

proptest! {
    /// Within its year, the plan duty is judged as the engine judges it.
    #[test]
    fn the_plan_duty_is_the_engines(filed in prop::option::of(0i64..365), today in 0i64..365) {
        let first = date!(2026 - 01 - 01);
        let today = first + time::Duration::days(today);
        let filed = filed.map(|d| first + time::Duration::days(d));
        let ours = plan_status(&plan_rule(), 7, 2026, filed, &[], today);
        let policy = Policy { name: String::new(), rules: vec![plan_rule()] };
        let subjects = Subjects { grids: vec![(7, GridKind::Enterprise)], ..Subjects::default() };
        let facts: Vec<Fact> = filed
            .iter()
            .map(|d| Fact::new(FactKind::AnnualPlan, Subject::Grid(7), *d))
            .collect();
        let engine: Vec<Status> = evaluate(&policy, &subjects, &facts, &[], first, today)
            .into_iter()
            .filter(|o| o.period == Period::Year(2026))
            .map(|o| o.status)
            .collect();
        prop_assert_eq!(vec![ours], engine);
    }
}
