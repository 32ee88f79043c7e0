#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::cadence::ObligationKind;
use crate::domain::draft::Draft;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);

fn draft() -> ReportDraft {
    ReportDraft {
        grid_id: 5,
        month: "2026-11".into(),
        work_done: "  走访企业12家，核对月报数据。 ".into(),
        problems: String::new(),
        next_steps: "做好年报布置。".into(),
    }
}

fn errors_of(change: impl FnOnce(&mut ReportDraft)) -> Vec<ReportError> {
    let mut d = draft();
    change(&mut d);
    d.validate(TODAY).unwrap_err()
}

#[test]
fn a_complete_report_is_valid_with_trimmed_texts() {
    let report = draft().validate(TODAY).unwrap();
    assert_eq!(report.month, Month::new(2026, 11).unwrap());
    assert_eq!(report.work_done, "走访企业12家，核对月报数据。");
    assert_eq!(report.problems, "");
}

#[test]
fn each_field_reports_its_error_in_chinese() {
    use ReportError::*;
    assert_eq!(errors_of(|d| d.grid_id = 0), [NoGrid]);
    assert_eq!(errors_of(|d| d.month = "2026/11".into()), [MonthMalformed]);
    assert_eq!(errors_of(|d| d.month = "2026-12".into()), [MonthInFuture]);
    assert_eq!(errors_of(|d| d.month = "2025-10".into()), [MonthTooOld]);
    assert_eq!(errors_of(|d| d.work_done = " \n ".into()), [WorkDoneEmpty]);
    assert_eq!(
        errors_of(|d| d.next_steps = String::new()),
        [NextStepsEmpty]
    );
    let long = errors_of(|d| d.problems = "问".repeat(2001));
    assert_eq!(long[0].field(), "problems");
    assert_eq!(long[0].to_string(), "存在问题不能超过2000字（当前2001字）");
}

#[test]
fn last_years_same_month_is_the_oldest_allowed() {
    let mut d = draft();
    d.month = "2025-11".into();
    assert!(d.validate(TODAY).is_ok());
}

#[test]
fn returning_needs_a_comment_and_unlocking_a_reason() {
    use ReviewAction::*;
    use ReviewStatus::*;
    assert_eq!(
        review(Submitted, Return, "  "),
        Err(ReviewError::CommentRequired)
    );
    assert_eq!(
        review(Submitted, Return, " 请补充走访数 "),
        Ok((Returned, "请补充走访数".into()))
    );
    assert_eq!(
        review(Submitted, Approve, ""),
        Ok((Approved, String::new()))
    );
    assert_eq!(
        review(Approved, Unlock, ""),
        Err(ReviewError::ReasonRequired)
    );
    assert_eq!(
        review(Approved, Unlock, "数据有误"),
        Ok((Returned, "数据有误".into()))
    );
}

#[test]
fn review_steps_out_of_order_are_refused() {
    use ReviewAction::*;
    use ReviewStatus::*;
    assert_eq!(
        review(Approved, Approve, ""),
        Err(ReviewError::AlreadyApproved)
    );
    assert_eq!(
        review(Approved, Return, "x"),
        Err(ReviewError::AlreadyApproved)
    );
    assert_eq!(
        review(Returned, Approve, ""),
        Err(ReviewError::AwaitingResubmission)
    );
    assert_eq!(review(Submitted, Unlock, "x"), Err(ReviewError::NotLocked));
    assert_eq!(review(Returned, Unlock, "x"), Err(ReviewError::NotLocked));
}

fn report_rule() -> Rule {
    crate::domain::cadence::Policy::yuhuan()
        .rule(&ObligationKind::MonthlyLeaderReport)
        .cloned()
        .unwrap()
}

#[test]
fn a_report_sent_at_2359_beijing_on_the_last_day_counts_for_that_month_on_time() {
    use crate::domain::period::shanghai_date;
    // 2026-11-30 23:59 in Beijing is 15:59 UTC.
    let sent = shanghai_date(1_796_054_340_000).unwrap();
    assert_eq!(sent, date!(2026 - 11 - 30));
    let november = Month::new(2026, 11).unwrap();
    let duties = report_duties(
        &report_rule(),
        &[5, 6],
        &[(5, november, sent)],
        &[november],
        &[],
        date!(2026 - 12 - 20),
    );
    assert_eq!(
        duties,
        vec![
            (5, november, Status::OnTime),
            (6, november, Status::Overdue)
        ]
    );
}

#[test]
fn this_months_report_is_open_and_last_months_late_after_the_grace_days() {
    let (october, november) = (Month::new(2026, 10).unwrap(), Month::new(2026, 11).unwrap());
    // Yuhuan: due at the month's end, five grace days, due soon from seven days before.
    let duties = report_duties(
        &report_rule(),
        &[5],
        &[(5, october, date!(2026 - 11 - 06))],
        &[october, november],
        &[],
        TODAY,
    );
    assert_eq!(
        duties,
        vec![(5, october, Status::Late), (5, november, Status::NotYetDue)]
    );
}

#[test]
fn a_waived_month_is_waived_for_its_grid_alone() {
    use crate::domain::cadence::{Subject, Waiver};
    let october = Month::new(2026, 10).unwrap();
    let waiver = Waiver {
        kind: ObligationKind::MonthlyLeaderReport,
        subject: Subject::Grid(5),
        period: Period::Month(october),
        reason: "网格长病假".into(),
        by_person: 8,
        at_ms: 1,
    };
    let duties = report_duties(&report_rule(), &[5, 6], &[], &[october], &[waiver], TODAY);
    assert_eq!(duties[0].2.label(), "已豁免");
    assert_eq!(duties[1], (6, october, Status::Overdue));
}

fn status() -> impl Strategy<Value = ReviewStatus> {
    prop_oneof![
        Just(ReviewStatus::Submitted),
        Just(ReviewStatus::Returned),
        Just(ReviewStatus::Approved)
    ]
}

fn action() -> impl Strategy<Value = ReviewAction> {
    prop_oneof![
        Just(ReviewAction::Approve),
        Just(ReviewAction::Return),
        Just(ReviewAction::Unlock)
    ]
}

proptest! {
    /// Only an approval ends in the locked state, and only from a submitted report; so
    /// nothing the township does locks a report the leader has not (re)submitted.
    #[test]
    fn only_approving_a_submitted_report_locks_it(s in status(), a in action(), c in ".{0,20}") {
        if let Ok((next, _)) = review(s, a, &c) {
            prop_assert_eq!(
                next == ReviewStatus::Approved,
                s == ReviewStatus::Submitted && a == ReviewAction::Approve
            );
        }
    }

    /// Moving a report's sending day within the days that count as on time never changes
    /// the outcome.
    #[test]
    fn any_day_up_to_the_grace_deadline_is_on_time(offset in 0i64..35) {
        let november = Month::new(2026, 11).unwrap();
        let sent = date!(2026 - 11 - 01) + time::Duration::days(offset);
        let duties = report_duties(&report_rule(), &[5], &[(5, november, sent)], &[november], &[], date!(2027 - 01 - 31));
        let on_time = sent <= date!(2026 - 12 - 05);
        prop_assert_eq!(duties[0].2.clone(), if on_time { Status::OnTime } else { Status::Late });
    }

    /// The phone's judgement is the engine's: for any reports sent on any days, it matches
    /// what `evaluate` says of the same grids and months.
    #[test]
    fn the_phone_judges_as_the_engine(sent in proptest::collection::vec((0usize..3, 0usize..3, 0i64..120), 0..8),
                                      today_offset in 0i64..120) {
        use crate::domain::cadence::{Fact, FactKind, Policy, Subject, Subjects, evaluate};
        use crate::domain::grid::GridKind;
        let months = [Month::new(2026, 9).unwrap(), Month::new(2026, 10).unwrap(), Month::new(2026, 11).unwrap()];
        let grids = [1, 2, 3];
        let today = date!(2026 - 09 - 01) + time::Duration::days(today_offset);
        let filed: Vec<(i32, Month, Date)> = sent
            .iter()
            .map(|&(g, m, day)| (grids[g], months[m], months[m].first_day() + time::Duration::days(day)))
            .collect();
        let phone = report_duties(&report_rule(), &grids, &filed, &months, &[], today);
        let policy = Policy { name: String::new(), rules: vec![report_rule()] };
        let subjects = Subjects { grids: grids.iter().map(|g| (*g, GridKind::Enterprise)).collect(), ..Subjects::default() };
        let facts: Vec<Fact> = filed
            .iter()
            .map(|(g, m, d)| Fact { period: Some(Period::Month(*m)), ..Fact::new(FactKind::LeaderReport, Subject::Grid(*g), *d) })
            .collect();
        let mut engine: Vec<(i32, Month, Status)> = evaluate(&policy, &subjects, &facts, &[], months[0].first_day(), today)
            .into_iter()
            .filter_map(|o| match (o.subject, o.period) {
                (Subject::Grid(g), Period::Month(m)) if months.contains(&m) => Some((g, m, o.status)),
                _ => None,
            })
            .collect();
        let mut phone = phone;
        phone.sort_by_key(|(g, m, _)| (*g, *m));
        engine.sort_by_key(|(g, m, _)| (*g, *m));
        prop_assert_eq!(phone, engine);
    }

    /// Any month of the past year through this one is accepted, none outside.
    #[test]
    fn the_month_window_is_thirteen_months(offset in -30i32..30) {
        let this = Month::of(TODAY);
        let mut month = this;
        for _ in 0..offset.unsigned_abs() {
            month = if offset < 0 { month.prev() } else { month.next() };
        }
        let mut d = draft();
        d.month = month.to_string();
        prop_assert_eq!(d.validate(TODAY).is_ok(), (-12..=0).contains(&offset));
    }
}

#[test]
fn month_figures_add_the_unsent_records_and_read_as_a_sentence() {
    let server = MonthFigures {
        visits: 12,
        activities: 1,
        trainings: 0,
    };
    let unsent = MonthFigures {
        visits: 2,
        activities: 0,
        trainings: 1,
    };
    let total = server.plus(unsent);
    assert_eq!(
        total.sentence("2026年11月"),
        "2026年11月，本网格走访企业 14 次，开展统计之家活动 1 次，组织培训 1 次。"
    );
}
