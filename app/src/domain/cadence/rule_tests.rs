//! Tests of [`Rule`] and [`Policy`]: due dates and validation.

use super::*;
use crate::domain::grid::GridKind;
use crate::domain::period::Quarter;
use time::macros::date;

fn month(y: i32, m: u8) -> Period {
    Period::Month(Month::new(y, m).unwrap())
}

fn rule(kind: ObligationKind, due: DueRule) -> Rule {
    Rule::new(kind, due, 7)
}

#[test]
fn due_dates_follow_the_due_rule() {
    let report = |due| rule(ObligationKind::MonthlyLeaderReport, due);
    let end = report(DueRule::EndOfPeriod);
    assert_eq!(end.due_date(&month(2026, 11)), date!(2026 - 11 - 30));
    let fifth = report(DueRule::DayOfNextPeriod(5));
    assert_eq!(fifth.due_date(&month(2026, 11)), date!(2026 - 12 - 05));
    assert_eq!(fifth.due_date(&month(2026, 12)), date!(2027 - 01 - 05));
    let last = report(DueRule::DayOfNextPeriod(31));
    assert_eq!(last.due_date(&month(2026, 1)), date!(2026 - 02 - 28));
    let q4 = Period::Quarter(Quarter::new(2026, 4).unwrap());
    let activity = rule(
        ObligationKind::QuarterlyActivity,
        DueRule::DayOfNextPeriod(10),
    );
    assert_eq!(activity.due_date(&q4), date!(2027 - 01 - 10));
    let plan = rule(
        ObligationKind::AnnualPlan,
        DueRule::FixedMonthDay(MonthDay::END_OF_MARCH),
    );
    assert_eq!(plan.due_date(&Period::Year(2026)), date!(2026 - 03 - 31));
}

#[test]
fn grace_and_warning_days_move_the_deadline_and_the_warning() {
    let r = Rule {
        grace_days: 5,
        soon_days: 7,
        ..rule(ObligationKind::MonthlyLeaderReport, DueRule::EndOfPeriod)
    };
    assert_eq!(r.deadline(date!(2026 - 11 - 30)), date!(2026 - 12 - 05));
    assert_eq!(r.soon_from(date!(2026 - 11 - 30)), date!(2026 - 11 - 23));
    assert_eq!(r.deadline(Date::MAX), Date::MAX);
    assert_eq!(r.soon_from(Date::MIN), Date::MIN);
}

/// A report closing a stage that opens on `opens` (month, day), due on `dates`.
fn stage(opens: (u8, u8), dates: &[(u8, u8)]) -> ObligationKind {
    let md = |(m, d): (u8, u8)| MonthDay::new(m, d).unwrap();
    ObligationKind::FixedDate {
        label: "改革工作总结".into(),
        dates: dates.iter().copied().map(md).collect(),
        grid_kind: GridKind::City,
        opens: Some(md(opens)),
    }
}

#[test]
fn invalid_rules_are_refused_with_a_reason() {
    let fixed = |label: &str, dates: Vec<MonthDay>| ObligationKind::FixedDate {
        label: label.into(),
        dates,
        grid_kind: GridKind::City,
        opens: None,
    };
    let cases = [
        (
            rule(
                ObligationKind::MonthlyLeaderReport,
                DueRule::DayOfNextPeriod(0),
            ),
            "due_day_out_of_range",
            "截止日应在每月1日至31日之间（当前为0日）",
        ),
        (
            rule(
                ObligationKind::EnterpriseVisits { per_quarter: 0 },
                DueRule::EndOfPeriod,
            ),
            "zero_threshold",
            "企业走访的次数、学时或时限应大于0",
        ),
        (
            rule(
                ObligationKind::ContinuingEducation { hours_per_year: 0 },
                DueRule::EndOfPeriod,
            ),
            "zero_threshold",
            "统计继续教育的次数、学时或时限应大于0",
        ),
        (
            rule(
                ObligationKind::MajorEvent { city_read_hours: 0 },
                DueRule::EndOfPeriod,
            ),
            "zero_threshold",
            "重大事项报告的次数、学时或时限应大于0",
        ),
        (
            rule(
                fixed("  ", vec![MonthDay::END_OF_MARCH]),
                DueRule::EndOfPeriod,
            ),
            "blank_label",
            "请填写固定日期报送事项的名称",
        ),
        (
            rule(
                fixed(&"报".repeat(61), vec![MonthDay::END_OF_MARCH]),
                DueRule::EndOfPeriod,
            ),
            "label_too_long",
            "固定日期报送事项的名称不能超过60字",
        ),
        (
            rule(fixed("进展报告", Vec::new()), DueRule::EndOfPeriod),
            "no_fixed_dates",
            "进展报告至少需要一个报送日期",
        ),
        (
            rule(stage((12, 1), &[(7, 15), (12, 10)]), DueRule::EndOfPeriod),
            "stage_needs_one_date",
            "改革工作总结设了开始日期，只能有一个截止日期",
        ),
        (
            rule(stage((12, 10), &[(12, 10)]), DueRule::EndOfPeriod),
            "stage_opens_late",
            "改革工作总结的开始日期应早于截止日期",
        ),
        (
            rule(
                ObligationKind::QuarterlyActivity,
                DueRule::FixedMonthDay(MonthDay::END_OF_MARCH),
            ),
            "fixed_day_needs_year",
            "季度网格活动不是按年度的事项，不能使用每年固定的截止月日",
        ),
    ];
    for (r, code, message) in cases {
        let error = r.validate().unwrap_err();
        assert_eq!((error.code(), error.to_string().as_str()), (code, message));
    }
    let summary_stage = rule(stage((12, 1), &[(12, 10)]), DueRule::EndOfPeriod);
    assert!(summary_stage.validate().is_ok());
    assert!(
        rule(
            ObligationKind::MonthlyLeaderReport,
            DueRule::DayOfNextPeriod(31)
        )
        .validate()
        .is_ok()
    );
}

#[test]
fn a_policy_has_one_rule_per_duty() {
    let mut policy = Policy {
        name: "测试".into(),
        rules: vec![
            rule(
                ObligationKind::EnterpriseVisits { per_quarter: 1 },
                DueRule::EndOfPeriod,
            ),
            rule(ObligationKind::QuarterlyActivity, DueRule::EndOfPeriod),
        ],
    };
    assert_eq!(policy.validate(), Ok(()));
    let visits = ObligationKind::EnterpriseVisits { per_quarter: 9 };
    assert_eq!(policy.rule(&visits), policy.rules.first());
    assert_eq!(policy.rule(&ObligationKind::AnnualPlan), None);
    policy.rules.push(rule(visits, DueRule::EndOfPeriod));
    let error = policy.validate().unwrap_err();
    assert_eq!(
        error,
        CadenceError::DuplicateRule {
            label: "企业走访".into()
        }
    );
    assert_eq!(error.to_string(), "规则重复：企业走访");
}

#[test]
fn rules_read_from_json_default_their_day_counts() {
    let json = r#"{"kind":{"kind":"annual_plan"},"due":{"fixed_month_day":"03-31"}}"#;
    let r: Rule = serde_json::from_str(json).unwrap();
    assert_eq!(r.due, DueRule::FixedMonthDay(MonthDay::END_OF_MARCH));
    assert_eq!((r.grace_days, r.soon_days), (0, 0));
    let text = serde_json::to_string(&DueRule::DayOfNextPeriod(5)).unwrap();
    assert_eq!(text, r#"{"day_of_next_period":5}"#);
    assert_eq!(
        serde_json::to_string(&DueRule::EndOfPeriod).unwrap(),
        r#""end_of_period""#
    );
}
