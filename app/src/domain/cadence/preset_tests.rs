//! Tests of the presets: they validate, store as JSON, and judge a sample year.

use super::*;
use crate::domain::cadence::{
    Fact, FactKind, Obligation, Period, Status, Subject, Subjects, evaluate, summary,
};
use crate::domain::grid::{GridKind, Role};
use crate::domain::period::{Month, Quarter};
use time::Date;
use time::macros::date;

/// Township 1 with work area 5 (Yuhuan only), enterprise grids 10, 11 and 12,
/// members 100 and 101, leader 200, enterprises 500 and 501.
fn sample() -> Subjects {
    Subjects {
        grids: vec![
            (1, GridKind::Township),
            (5, GridKind::WorkArea),
            (10, GridKind::Enterprise),
            (11, GridKind::Enterprise),
            (12, GridKind::Enterprise),
        ],
        people: vec![
            (100, GridKind::Enterprise, Role::Member),
            (101, GridKind::Enterprise, Role::Member),
            (200, GridKind::Enterprise, Role::Leader),
        ],
        enterprises: vec![500, 501],
    }
}

fn fact(kind: FactKind, subject: Subject, date: Date) -> Fact {
    Fact::new(kind, subject, date)
}

/// The statuses of one duty and subject, in period order.
fn statuses(all: &[Obligation], code: &str, subject: Subject) -> Vec<(String, &'static str)> {
    all.iter()
        .filter(|o| o.kind.code() == code && o.subject == subject)
        .map(|o| (o.period.to_string(), o.status.code()))
        .collect()
}

fn named(pairs: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    pairs.iter().map(|&(p, s)| (p.to_owned(), s)).collect()
}

#[test]
fn the_city_grid_owes_its_own_quarterly_activity_where_every_level_does() {
    let mut subjects = sample();
    subjects.grids.push((9, GridKind::City));
    let judge = |policy: &Policy| {
        let all = evaluate(
            policy,
            &subjects,
            &[],
            &[],
            date!(2026 - 01 - 01),
            date!(2026 - 06 - 30),
        );
        statuses(&all, "unit_activity", Subject::Grid(9))
    };
    let owed = named(&[("2026-Q1", "overdue"), ("2026-Q2", "due_soon")]);
    assert_eq!(judge(&Policy::yueqing()), owed);
    assert!(judge(&Policy::yuhuan()).is_empty());
}

#[test]
fn each_township_promotes_the_law_each_quarter_and_only_law_promotion_counts() {
    let township = Subject::Grid(1);
    let facts = [
        fact(FactKind::Activity, township, date!(2026 - 02 - 10)),
        fact(FactKind::LawPromotion, township, date!(2026 - 05 - 06)),
    ];
    for policy in [Policy::yuhuan(), Policy::yueqing()] {
        let all = evaluate(
            &policy,
            &sample(),
            &facts,
            &[],
            date!(2026 - 01 - 01),
            date!(2026 - 07 - 01),
        );
        // A study activity is not law promotion: the first quarter stays overdue.
        let owed = named(&[
            ("2026-Q1", "overdue"),
            ("2026-Q2", "on_time"),
            ("2026-Q3", "not_yet_due"),
        ]);
        assert_eq!(
            statuses(&all, "law_promotion", township),
            owed,
            "{}",
            policy.name
        );
        // The duty is the unit's (its instructor's): no enterprise grid or work area owes it.
        assert!(
            (all.iter())
                .filter(|o| o.kind.code() == "law_promotion")
                .all(|o| o.subject == township),
            "{}",
            policy.name
        );
    }
}

#[test]
fn presets_are_valid_and_round_trip_as_json() {
    for (policy, count) in [(Policy::yuhuan(), 9), (Policy::yueqing(), 6)] {
        assert_eq!(policy.validate(), Ok(()), "{}", policy.name);
        assert_eq!(policy.rules.len(), count);
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), policy);
    }
    let labels: Vec<_> = Policy::yuhuan()
        .rules
        .iter()
        .map(|r| r.kind.label().to_owned())
        .collect();
    assert_eq!(
        labels,
        [
            "网格长月度汇报",
            "季度网格活动",
            "企业走访",
            "年度工作计划",
            "年度培训计划",
            "统计继续教育",
            "乡镇月度分析例会",
            "统计法治宣传",
            "重大事项报告"
        ]
    );
}

#[test]
fn yueqing_judges_a_sample_half_year() {
    let grid = Subject::Grid(10);
    let feb = Period::Month(Month::new(2026, 2).unwrap());
    let mar = Period::Month(Month::new(2026, 3).unwrap());
    let facts = [
        fact(FactKind::Activity, grid, date!(2026 - 02 - 14)),
        fact(FactKind::LeaderReport, grid, date!(2026 - 01 - 28)),
        Fact {
            period: Some(feb),
            ..fact(FactKind::LeaderReport, grid, date!(2026 - 03 - 03))
        },
        Fact {
            period: Some(mar),
            ..fact(FactKind::LeaderReport, grid, date!(2026 - 04 - 08))
        },
        fact(FactKind::LeaderReport, grid, date!(2026 - 05 - 30)),
        fact(FactKind::LeaderReport, grid, date!(2026 - 06 - 12)),
        fact(
            FactKind::Visit,
            Subject::Enterprise(500),
            date!(2026 - 05 - 06),
        ),
    ];
    let policy = Policy::yueqing();
    let judge = |today| {
        evaluate(
            &policy,
            &sample(),
            &facts,
            &[],
            date!(2026 - 01 - 01),
            today,
        )
    };

    let on_30_june = judge(date!(2026 - 06 - 30));
    let q = named(&[("2026-Q1", "on_time"), ("2026-Q2", "due_soon")]);
    assert_eq!(statuses(&on_30_june, "quarterly_activity", grid), q);
    // 各级网格每季度 (§三(三)1): the township and its work area each owe their own activity,
    // which the enterprise grid's does not meet; the enterprise grid owes no second one.
    let township = Subject::Grid(1);
    let units = named(&[("2026-Q1", "overdue"), ("2026-Q2", "due_soon")]);
    assert_eq!(statuses(&on_30_june, "unit_activity", township), units);
    assert_eq!(
        statuses(&on_30_june, "unit_activity", Subject::Grid(5)),
        units
    );
    assert!(statuses(&on_30_june, "unit_activity", grid).is_empty());
    let held = [fact(FactKind::Activity, township, date!(2026 - 03 - 20))];
    let with_township = evaluate(
        &policy,
        &sample(),
        &held,
        &[],
        date!(2026 - 01 - 01),
        date!(2026 - 06 - 30),
    );
    assert_eq!(
        statuses(&with_township, "unit_activity", township)[0],
        ("2026-Q1".to_owned(), "on_time")
    );

    let on_1_july = judge(date!(2026 - 07 - 01));
    let q = named(&[
        ("2026-Q1", "on_time"),
        ("2026-Q2", "overdue"),
        ("2026-Q3", "not_yet_due"),
    ]);
    assert_eq!(statuses(&on_1_july, "quarterly_activity", grid), q);
    let months = named(&[
        ("2026-01", "on_time"),
        ("2026-02", "on_time"),
        ("2026-03", "late"),
        ("2026-04", "overdue"),
        ("2026-05", "on_time"),
        ("2026-06", "on_time"),
        ("2026-07", "not_yet_due"),
    ]);
    assert_eq!(statuses(&on_1_july, "monthly_leader_report", grid), months);
    let visits = statuses(&on_1_july, "enterprise_visits", Subject::Enterprise(500));
    assert_eq!(
        visits,
        named(&[
            ("2026-Q1", "overdue"),
            ("2026-Q2", "on_time"),
            ("2026-Q3", "not_yet_due")
        ])
    );
    // Yueqing asks for no annual plan and no township analysis meeting: the township owes
    // only its activities and its law promotion.
    assert!(on_1_july.iter().all(|o| o.kind.code() != "annual_plan"));
    let mut township_owes = on_1_july.iter().filter(|o| o.subject == Subject::Grid(1));
    assert!(township_owes.all(|o| matches!(o.kind.code(), "unit_activity" | "law_promotion")));
    // Education binds members only; the year is still open.
    let education = |p| statuses(&on_1_july, "continuing_education", Subject::Person(p));
    assert_eq!(education(100), named(&[("2026", "not_yet_due")]));
    assert!(education(200).is_empty());
}

#[test]
fn yuhuan_judges_plans_meetings_and_the_dashboard_figures() {
    let facts = [
        fact(
            FactKind::AnnualPlan,
            Subject::Grid(10),
            date!(2026 - 03 - 20),
        ),
        fact(
            FactKind::AnnualPlan,
            Subject::Grid(11),
            date!(2026 - 04 - 15),
        ),
        fact(
            FactKind::AnalysisMeeting,
            Subject::Grid(1),
            date!(2026 - 01 - 26),
        ),
        fact(
            FactKind::AnalysisMeeting,
            Subject::Grid(1),
            date!(2026 - 03 - 30),
        ),
        fact(
            FactKind::LeaderReport,
            Subject::Grid(5),
            date!(2026 - 01 - 20),
        ),
    ];
    let all = evaluate(
        &Policy::yuhuan(),
        &sample(),
        &facts,
        &[],
        date!(2026 - 01 - 01),
        date!(2026 - 04 - 20),
    );
    let plan = |g| statuses(&all, "annual_plan", Subject::Grid(g));
    assert_eq!(plan(10), named(&[("2026", "on_time")]));
    assert_eq!(plan(11), named(&[("2026", "late")]));
    assert_eq!(plan(12), named(&[("2026", "overdue")]));
    let meetings = statuses(&all, "township_analysis_meeting", Subject::Grid(1));
    let expected = [
        ("2026-01", "on_time"),
        ("2026-02", "overdue"),
        ("2026-03", "on_time"),
        ("2026-04", "not_yet_due"),
    ];
    assert_eq!(meetings, named(&expected));
    // The work area's leader reports monthly too, in Yuhuan's four levels.
    let area = statuses(&all, "monthly_leader_report", Subject::Grid(5));
    assert_eq!(area.first(), Some(&("2026-01".to_owned(), "on_time")));

    let q1 = Period::Quarter(Quarter::new(2026, 1).unwrap());
    let in_q1: Vec<_> = all
        .iter()
        .filter(|o| o.kind.code() == "quarterly_activity" && o.period == q1)
        .cloned()
        .collect();
    let c = summary(&in_q1);
    assert_eq!(
        (c.due, c.overdue, c.completeness_percent()),
        (3, 3, Some(0))
    );
    let plans: Vec<_> = all
        .iter()
        .filter(|o| o.kind.code() == "annual_plan")
        .cloned()
        .collect();
    let c = summary(&plans);
    assert_eq!(
        (c.completeness_percent(), c.timeliness_percent()),
        (Some(66), Some(33))
    );
    assert!(
        all.iter()
            .all(|o| !matches!(o.status, Status::Waived { .. }))
    );
}

#[test]
fn yuhuan_asks_each_level_two_unit_for_its_training_plan_by_the_end_of_april() {
    let subjects = Subjects {
        grids: vec![
            (1, GridKind::Township),
            (2, GridKind::Department),
            (3, GridKind::DevelopmentZone),
            (5, GridKind::WorkArea),
            (10, GridKind::Enterprise),
        ],
        ..Subjects::default()
    };
    let facts = [
        fact(
            FactKind::TrainingPlan,
            Subject::Grid(1),
            date!(2026 - 04 - 12),
        ),
        fact(
            FactKind::TrainingPlan,
            Subject::Grid(2),
            date!(2026 - 05 - 06),
        ),
    ];
    let on = |today| {
        let all = evaluate(
            &Policy::yuhuan(),
            &subjects,
            &facts,
            &[],
            date!(2026 - 01 - 01),
            today,
        );
        let plans: Vec<(Subject, &'static str)> = all
            .iter()
            .filter(|o| o.kind.code() == "training_plan")
            .map(|o| (o.subject, o.status.code()))
            .collect();
        plans
    };
    // In mid-April the plan is due soon where none was drawn up; the work area and the
    // enterprise grid owe none.
    assert_eq!(
        on(date!(2026 - 04 - 15)),
        [
            (Subject::Grid(1), "on_time"),
            (Subject::Grid(2), "due_soon"),
            (Subject::Grid(3), "due_soon")
        ]
    );
    assert_eq!(
        on(date!(2026 - 06 - 01)),
        [
            (Subject::Grid(1), "on_time"),
            (Subject::Grid(2), "late"),
            (Subject::Grid(3), "overdue")
        ]
    );
}

#[test]
fn guangxi_asks_for_its_survey_plan_and_three_progress_summaries() {
    let policy = Policy::guangxi();
    policy.validate().unwrap();
    let labels: Vec<String> = policy
        .rules
        .iter()
        .map(|r| r.kind.label().to_owned())
        .collect();
    assert_eq!(
        labels,
        [
            "改革前期工作调研",
            "改革工作方案及动员部署",
            "试点工作推进情况总结",
            "改革工作总结"
        ]
    );
    // The city grid reports; nothing filed by 16 July means July's summary is overdue, and
    // September's window has opened.
    let subjects = Subjects {
        grids: vec![(1, GridKind::City), (2, GridKind::Township)],
        ..Subjects::default()
    };
    let judged = evaluate(
        &policy,
        &subjects,
        &[],
        &[],
        date!(2026 - 01 - 01),
        date!(2026 - 07 - 16),
    );
    let summaries: Vec<(&Subject, &Status)> = judged
        .iter()
        .filter(|o| o.kind.label() == "试点工作推进情况总结")
        .map(|o| (&o.subject, &o.status))
        .collect();
    assert_eq!(
        summaries,
        [
            (&Subject::Grid(1), &Status::Overdue),
            (&Subject::Grid(1), &Status::NotYetDue)
        ]
    );
}

#[test]
fn the_catalogue_offers_every_kind_once_and_a_fixed_date_report_to_name() {
    let catalogue = Policy::catalogue();
    let codes: Vec<&str> = catalogue.iter().map(|r| r.kind.code()).collect();
    assert_eq!(
        codes,
        [
            "monthly_leader_report",
            "quarterly_activity",
            "enterprise_visits",
            "annual_plan",
            "training_plan",
            "continuing_education",
            "township_analysis_meeting",
            "law_promotion",
            "major_event",
            "unit_activity",
            "fixed_date"
        ]
    );
    // Unnamed and undated, it is refused until the administrator names and dates it.
    let blank = Policy {
        name: "x".into(),
        rules: vec![catalogue[10].clone()],
    };
    assert!(blank.validate().is_err());
}
