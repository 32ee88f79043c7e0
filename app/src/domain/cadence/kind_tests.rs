//! Tests of [`ObligationKind`]: codes, periods and which facts fulfil it.

use super::*;
use proptest::prelude::*;
use time::macros::date;

fn guangxi() -> ObligationKind {
    let md = |m, d| MonthDay::new(m, d).unwrap();
    ObligationKind::FixedDate {
        label: "试点工作推进情况总结".into(),
        // Out of order and repeated on purpose.
        dates: vec![md(12, 10), md(7, 15), md(9, 15), md(7, 15)],
        grid_kind: GridKind::City,
        opens: None,
    }
}

fn span(first: Date, last: Date) -> Period {
    Period::Span { first, last }
}

#[test]
fn a_stage_report_answers_its_deadline_within_the_stage() {
    let md = |m, d| MonthDay::new(m, d).unwrap();
    let summary = ObligationKind::FixedDate {
        label: "改革工作总结".into(),
        dates: vec![md(12, 10)],
        grid_kind: GridKind::City,
        opens: Some(md(12, 1)),
    };
    let stage = span(date!(2026 - 12 - 01), date!(2026 - 12 - 10));
    // A day in the year before the stage still answers the year's deadline, in its window.
    for day in [
        date!(2026 - 01 - 01),
        date!(2026 - 11 - 20),
        date!(2026 - 12 - 01),
        date!(2026 - 12 - 10),
    ] {
        assert_eq!(summary.period_of(day), stage, "{day}");
    }
    let next = span(date!(2027 - 12 - 01), date!(2027 - 12 - 10));
    assert_eq!(summary.period_of(date!(2026 - 12 - 11)), next);
    // Without an opening day the window runs from the day after the previous deadline.
    let ObligationKind::FixedDate {
        label,
        dates,
        grid_kind,
        ..
    } = summary
    else {
        unreachable!()
    };
    let yearly = ObligationKind::FixedDate {
        label,
        dates,
        grid_kind,
        opens: None,
    };
    assert_eq!(
        yearly.period_of(date!(2026 - 11 - 20)),
        span(date!(2025 - 12 - 11), date!(2026 - 12 - 10))
    );
}

#[test]
fn kinds_have_codes_labels_and_cadences() {
    let kinds = [
        (
            ObligationKind::MonthlyLeaderReport,
            "网格长月度汇报",
            Cadence::Monthly,
        ),
        (
            ObligationKind::QuarterlyActivity,
            "季度网格活动",
            Cadence::Quarterly,
        ),
        (
            ObligationKind::EnterpriseVisits { per_quarter: 2 },
            "企业走访",
            Cadence::Quarterly,
        ),
        (ObligationKind::AnnualPlan, "年度工作计划", Cadence::Yearly),
        (
            ObligationKind::TrainingPlan,
            "年度培训计划",
            Cadence::Yearly,
        ),
        (
            ObligationKind::ContinuingEducation { hours_per_year: 24 },
            "统计继续教育",
            Cadence::Yearly,
        ),
        (
            ObligationKind::TownshipAnalysisMeeting,
            "乡镇月度分析例会",
            Cadence::Monthly,
        ),
        (
            ObligationKind::MajorEvent {
                city_read_hours: 24,
            },
            "重大事项报告",
            Cadence::PerEvent,
        ),
        (guangxi(), "试点工作推进情况总结", Cadence::FixedDates),
    ];
    for (kind, label, cadence) in kinds {
        assert_eq!(
            (kind.label(), kind.cadence()),
            (label, cadence),
            "{}",
            kind.code()
        );
    }
    assert_eq!(
        ObligationKind::TownshipAnalysisMeeting.code(),
        "township_analysis_meeting"
    );
    assert_eq!(Cadence::Quarterly.label(), "每季度");
    let visits = ObligationKind::EnterpriseVisits { per_quarter: 3 };
    assert_eq!(visits.required_amount(), 3);
    assert_eq!(
        ObligationKind::EnterpriseVisits { per_quarter: 0 }.required_amount(),
        1
    );
    assert_eq!(ObligationKind::AnnualPlan.required_amount(), 1);
}

#[test]
fn kinds_serialize_with_their_parameters() {
    let json = serde_json::to_string(&ObligationKind::EnterpriseVisits { per_quarter: 2 }).unwrap();
    assert_eq!(json, r#"{"kind":"enterprise_visits","per_quarter":2}"#);
    let back: ObligationKind =
        serde_json::from_str(&serde_json::to_string(&guangxi()).unwrap()).unwrap();
    assert_eq!(back, guangxi());
    let text = serde_json::to_string(&guangxi()).unwrap();
    assert!(
        text.contains(r#""dates":["12-10","07-15","09-15","07-15"]"#),
        "{text}"
    );
}

#[test]
fn dates_fall_in_their_periods() {
    let d = date!(2026 - 11 - 30);
    let month = ObligationKind::MonthlyLeaderReport.period_of(d);
    assert_eq!(month.to_string(), "2026-11");
    assert_eq!(
        ObligationKind::QuarterlyActivity.period_of(d).to_string(),
        "2026-Q4"
    );
    assert_eq!(ObligationKind::AnnualPlan.period_of(d), Period::Year(2026));
    assert_eq!(
        ObligationKind::MajorEvent {
            city_read_hours: 24
        }
        .period_of(d),
        Period::Day(d)
    );
}

#[test]
fn fixed_dates_close_windows_since_the_previous_deadline() {
    let g = guangxi();
    let cases = [
        (
            date!(2026 - 01 - 01),
            date!(2025 - 12 - 11),
            date!(2026 - 07 - 15),
        ),
        (
            date!(2026 - 07 - 15),
            date!(2025 - 12 - 11),
            date!(2026 - 07 - 15),
        ),
        (
            date!(2026 - 07 - 16),
            date!(2026 - 07 - 16),
            date!(2026 - 09 - 15),
        ),
        (
            date!(2026 - 12 - 10),
            date!(2026 - 09 - 16),
            date!(2026 - 12 - 10),
        ),
        (
            date!(2026 - 12 - 11),
            date!(2026 - 12 - 11),
            date!(2027 - 07 - 15),
        ),
    ];
    for (day, first, last) in cases {
        assert_eq!(g.period_of(day), span(first, last), "{day}");
    }
    let none = ObligationKind::FixedDate {
        label: "无日期".into(),
        dates: Vec::new(),
        grid_kind: GridKind::City,
        opens: None,
    };
    assert_eq!(
        none.period_of(date!(2026 - 03 - 01)),
        Period::Day(date!(2026 - 03 - 01))
    );
}

#[test]
fn facts_fulfil_only_their_own_duty() {
    use FactKind as F;
    use ObligationKind as O;
    let pairs = [
        (O::MonthlyLeaderReport, F::LeaderReport),
        (O::QuarterlyActivity, F::Activity),
        (O::EnterpriseVisits { per_quarter: 1 }, F::Visit),
        (O::AnnualPlan, F::AnnualPlan),
        (O::TrainingPlan, F::TrainingPlan),
        (O::ContinuingEducation { hours_per_year: 8 }, F::Training),
        (O::TownshipAnalysisMeeting, F::AnalysisMeeting),
        (
            O::MajorEvent {
                city_read_hours: 24,
            },
            F::MajorEventReported,
        ),
        (
            guangxi(),
            F::FixedDateReport {
                label: " 试点工作推进情况总结".into(),
            },
        ),
    ];
    for (i, (kind, _)) in pairs.iter().enumerate() {
        for (j, (_, fact)) in pairs.iter().enumerate() {
            assert_eq!(
                kind.fulfilled_by(fact),
                i == j,
                "{} by {fact:?}",
                kind.code()
            );
        }
    }
    assert!(
        !O::MajorEvent {
            city_read_hours: 24
        }
        .fulfilled_by(&F::MajorEventOccurred)
    );
    assert!(!guangxi().fulfilled_by(&F::FixedDateReport {
        label: "其他报告".into()
    }));
}

#[test]
fn the_same_duty_ignores_parameters_but_not_labels() {
    let one = ObligationKind::EnterpriseVisits { per_quarter: 1 };
    assert!(one.same_duty(&ObligationKind::EnterpriseVisits { per_quarter: 3 }));
    assert!(!one.same_duty(&ObligationKind::QuarterlyActivity));
    let other = ObligationKind::FixedDate {
        label: "其他报告".into(),
        dates: Vec::new(),
        grid_kind: GridKind::City,
        opens: None,
    };
    assert!(!guangxi().same_duty(&other));
}

fn month_days() -> impl Strategy<Value = Vec<MonthDay>> {
    let md = (1u8..=12, 1u8..=31).prop_filter_map("a real day", |(m, d)| MonthDay::new(m, d).ok());
    proptest::collection::vec(md, 1..6)
}

proptest! {
    #[test]
    fn fixed_windows_tile_the_calendar(
        dates in month_days(),
        start in date!(1990 - 01 - 01).to_julian_day()..date!(2090 - 01 - 01).to_julian_day(),
    ) {
        let kind = ObligationKind::FixedDate { label: "报告".into(), dates: dates.clone(), grid_kind: GridKind::City , opens: None};
        let d = Date::from_julian_day(start).unwrap();
        let window = kind.period_of(d);
        prop_assert!(window.contains(d));
        let Period::Span { first, last } = window else { panic!("not a span: {window:?}") };
        prop_assert!(dates.iter().any(|md| md.in_year(last.year()) == Some(last)));
        prop_assert!(last - first < time::Duration::days(367));
        // The next window starts the day after this one ends.
        let next = kind.period_of(last.next_day().unwrap());
        prop_assert_eq!(next.first_day(), last.next_day().unwrap());
        prop_assert_eq!(kind.period_of(first), window);
    }
}

#[test]
fn every_kind_reads_back_as_written_and_bad_kinds_are_refused() {
    let all = [
        ObligationKind::MonthlyLeaderReport,
        ObligationKind::QuarterlyActivity,
        ObligationKind::UnitActivity,
        ObligationKind::EnterpriseVisits { per_quarter: 2 },
        ObligationKind::AnnualPlan,
        ObligationKind::TrainingPlan,
        ObligationKind::ContinuingEducation { hours_per_year: 24 },
        ObligationKind::TownshipAnalysisMeeting,
        ObligationKind::LawPromotion,
        ObligationKind::MajorEvent {
            city_read_hours: 48,
        },
        guangxi(),
    ];
    for kind in all {
        let text = serde_json::to_string(&kind).unwrap();
        assert_eq!(
            serde_json::from_str::<ObligationKind>(&text).unwrap(),
            kind,
            "{text}"
        );
    }
    // Policies saved before the read hours were a setting get the default day.
    let event: ObligationKind = serde_json::from_str(r#"{"kind":"major_event"}"#).unwrap();
    assert_eq!(
        event,
        ObligationKind::MajorEvent {
            city_read_hours: 24
        }
    );
    let missing = serde_json::from_str::<ObligationKind>(r#"{"kind":"enterprise_visits"}"#);
    assert!(missing.unwrap_err().to_string().contains("per_quarter"));
    let unknown = serde_json::from_str::<ObligationKind>(r#"{"per_quarter":1,"kind":"naps"}"#);
    assert!(unknown.unwrap_err().to_string().contains("naps"));
}
