#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::cadence::{Fact, FactKind, Policy, Subjects, evaluate};
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);
const SUMMARY: &str = "试点工作推进情况总结";

fn draft() -> ProgressReportDraft {
    ProgressReportDraft {
        grid_id: 1,
        label: format!(" {SUMMARY} "),
        deadline: "2026-12-10".into(),
        progress: " 已完成乡镇统计站所规范化建设验收 ".into(),
        problems: "部分乡镇统计人员不足".into(),
        documents: String::new(),
        photos: Vec::new(),
    }
}

fn guangxi() -> Vec<FixedReport> {
    FixedReport::all_in(&Policy::guangxi())
}

#[test]
fn a_complete_report_is_trimmed_and_its_documents_may_be_left_empty() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.label, SUMMARY);
    assert_eq!(valid.deadline, date!(2026 - 12 - 10));
    assert_eq!(valid.progress, "已完成乡镇统计站所规范化建设验收");
    assert_eq!(valid.documents, "");
}

#[test]
fn a_report_written_before_it_could_carry_photos_still_reads() {
    let stored = r#"{"grid_id":1,"label":"总结","deadline":"2026-12-10","progress":"p","problems":"q","documents":""}"#;
    let old: ProgressReportDraft = serde_json::from_str(stored).unwrap();
    assert!(old.photos.is_empty());
    let scanned = ProgressReportDraft {
        photos: vec![uuid::Uuid::from_u128(7)],
        ..draft()
    };
    assert_eq!(scanned.photos(), [uuid::Uuid::from_u128(7)]);
    assert_eq!(scanned.validate(TODAY).unwrap().photos, scanned.photos);
}

#[test]
fn every_problem_is_reported_with_its_field_in_form_order() {
    let bad = ProgressReportDraft {
        grid_id: 0,
        label: " ".into(),
        deadline: "2028-01-01".into(),
        progress: String::new(),
        problems: "问".repeat(PART_MAX_CHARS + 1),
        documents: "文".repeat(PART_MAX_CHARS + 1),
        photos: Vec::new(),
    };
    let errors = bad.validate(TODAY).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field()).collect();
    assert_eq!(
        fields,
        [
            "grid_id",
            "label",
            "deadline",
            "progress",
            "problems",
            "documents"
        ]
    );
    assert_eq!(errors[2].to_string(), "只能报送一年以内截止的报告");
    assert_eq!(errors[3].to_string(), "请填写工作推进情况");
    let malformed = ProgressReportDraft {
        deadline: "12月10日".into(),
        ..draft()
    };
    assert_eq!(
        malformed.validate(TODAY).unwrap_err()[0].code(),
        "deadline_malformed"
    );
}

#[test]
fn the_phone_offers_the_past_years_deadlines_and_the_next_of_each_report() {
    let offered: Vec<(String, Date)> = deadlines(&guangxi(), GridKind::City, TODAY)
        .into_iter()
        .map(|d| (d.label, d.date))
        .collect();
    let named = |label: &str, date: Date| (label.to_owned(), date);
    assert_eq!(
        offered,
        [
            named("改革工作总结", date!(2025 - 12 - 10)),
            named(SUMMARY, date!(2025 - 12 - 10)),
            named("改革前期工作调研", date!(2026 - 05 - 31)),
            named("改革工作方案及动员部署", date!(2026 - 06 - 30)),
            named(SUMMARY, date!(2026 - 07 - 15)),
            named(SUMMARY, date!(2026 - 09 - 15)),
            named("改革工作总结", date!(2026 - 12 - 10)),
            named(SUMMARY, date!(2026 - 12 - 10)),
            named("改革前期工作调研", date!(2027 - 05 - 31)),
            named("改革工作方案及动员部署", date!(2027 - 06 - 30)),
        ]
    );
    assert!(deadlines(&guangxi(), GridKind::Township, TODAY).is_empty());
    // The summary stage's report (1–10 December) may be filed once the stage has opened.
    let stage = deadlines(&guangxi(), GridKind::City, TODAY)
        .into_iter()
        .find(|d| d.label == "改革工作总结" && d.date == date!(2026 - 12 - 10))
        .unwrap();
    assert_eq!(stage.opens, Some(date!(2026 - 12 - 01)));
    assert!(!stage.open_on(date!(2026 - 11 - 30)));
    assert!(stage.open_on(date!(2026 - 12 - 01)));
}

#[test]
fn a_report_answers_a_rule_of_its_label_its_grids_kind_and_one_of_its_days() {
    let policy = Policy::guangxi();
    let valid = draft().validate(TODAY).unwrap();
    let rule = valid.rule_in(&policy, GridKind::City).unwrap();
    assert_eq!(rule.kind.label(), SUMMARY);
    assert!(valid.rule_in(&policy, GridKind::Township).is_none());
    let off_day = ProgressReportDraft {
        deadline: "2026-12-11".into(),
        ..draft()
    };
    let off_day = off_day.validate(TODAY).unwrap();
    assert!(off_day.rule_in(&policy, GridKind::City).is_none());
    let unknown = ProgressReportDraft {
        label: "年度总结".into(),
        ..draft()
    };
    assert!(
        unknown
            .validate(TODAY)
            .unwrap()
            .rule_in(&policy, GridKind::City)
            .is_none()
    );
    assert!(valid.rule_in(&Policy::yuhuan(), GridKind::City).is_none());
}

#[test]
fn a_deadline_is_met_on_time_late_or_not_at_all() {
    let policy = Policy::guangxi();
    let rule = draft()
        .validate(TODAY)
        .unwrap()
        .rule_in(&policy, GridKind::City)
        .cloned()
        .unwrap();
    let july = date!(2026 - 07 - 15);
    let status = |filed, today| report_status(&rule, 1, july, filed, &[], today);
    assert_eq!(status(Some(date!(2026 - 07 - 14)), TODAY), Status::OnTime);
    assert_eq!(status(Some(date!(2026 - 07 - 20)), TODAY), Status::Late);
    assert_eq!(status(None, TODAY), Status::Overdue);
    assert_eq!(status(None, date!(2026 - 07 - 10)), Status::DueSoon);
    assert_eq!(status(None, date!(2026 - 06 - 01)), Status::NotYetDue);
}

proptest! {
    /// The verdict on one deadline is the cadence engine's for the same rule, grid and report.
    #[test]
    fn the_status_is_the_engines(
        deadline in 0usize..3,
        filed_after in proptest::option::of(-70i64..30),
        today_after in -40i64..120,
    ) {
        let policy = Policy::guangxi();
        let rule = policy.rules[2].clone();
        let deadline = [date!(2026 - 07 - 15), date!(2026 - 09 - 15), date!(2026 - 12 - 10)][deadline];
        let today = deadline + Duration::days(today_after);
        let filed = filed_after
            .map(|d| deadline + Duration::days(d))
            .filter(|d| *d <= today);
        let mine = report_status(&rule, 1, deadline, filed, &[], today);
        let subjects = Subjects {
            grids: vec![(1, GridKind::City)],
            ..Subjects::default()
        };
        let facts: Vec<Fact> = filed
            .map(|d| Fact {
                period: Some(rule.kind.period_of(deadline)),
                ..Fact::new(FactKind::FixedDateReport { label: SUMMARY.into() }, Subject::Grid(1), d)
            })
            .into_iter()
            .collect();
        let period = rule.kind.period_of(deadline);
        let engine = evaluate(&Policy { rules: vec![rule], ..policy }, &subjects, &facts, &[], period.first_day(), today);
        let theirs = engine.iter().find(|o| o.period == period).map(|o| o.status.clone());
        prop_assert_eq!(Some(mine), theirs);
    }
}
