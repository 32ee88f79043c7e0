//! Property tests of [`evaluate`]: periods come from dates, whatever the day.

use super::*;
use crate::domain::cadence::{DueRule, ObligationKind, summary};
use proptest::prelude::*;
use time::Duration;
use time::macros::date;

use super::tests::{policy, subjects};

/// Kinds due at or after their period's end, with the subject they bind in [`subjects`].
fn kind() -> impl Strategy<Value = (ObligationKind, Subject)> {
    prop_oneof![
        Just((ObligationKind::MonthlyLeaderReport, Subject::Grid(1))),
        Just((ObligationKind::QuarterlyActivity, Subject::Grid(1))),
        Just((ObligationKind::TownshipAnalysisMeeting, Subject::Grid(9))),
        (1u32..4).prop_map(|per_quarter| (
            ObligationKind::EnterpriseVisits { per_quarter },
            Subject::Enterprise(500)
        )),
        (1u32..40).prop_map(|hours_per_year| (
            ObligationKind::ContinuingEducation { hours_per_year },
            Subject::Person(100)
        )),
    ]
}

fn rule() -> impl Strategy<Value = (Rule, Subject)> {
    let due = prop_oneof![
        Just(DueRule::EndOfPeriod),
        (1u8..=31).prop_map(DueRule::DayOfNextPeriod)
    ];
    (kind(), due, 0u32..10, 0u32..40).prop_map(|((kind, subject), due, grace_days, soon_days)| {
        let rule = Rule {
            kind,
            due,
            grace_days,
            soon_days,
        };
        (rule, subject)
    })
}

fn day() -> impl Strategy<Value = Date> {
    let low = date!(2000 - 01 - 01).to_julian_day();
    let high = date!(2090 - 12 - 31).to_julian_day();
    (low..=high).prop_map(|j| Date::from_julian_day(j).unwrap())
}

/// The kind of fact that fulfils a duty of `kind` (of those [`kind`] makes).
fn fulfilling(kind: &ObligationKind) -> FactKind {
    match kind {
        ObligationKind::MonthlyLeaderReport => FactKind::LeaderReport,
        ObligationKind::QuarterlyActivity => FactKind::Activity,
        ObligationKind::TownshipAnalysisMeeting => FactKind::AnalysisMeeting,
        ObligationKind::EnterpriseVisits { .. } => FactKind::Visit,
        _ => FactKind::Training,
    }
}

/// The obligation for `period` after evaluating up to `today`.
fn judged(rule: &Rule, facts: &[Fact], period: Period, today: Date) -> Obligation {
    let all = evaluate(
        &policy(rule.clone()),
        &subjects(),
        facts,
        &[],
        period.first_day(),
        today,
    );
    all.into_iter().find(|o| o.period == period).unwrap()
}

proptest! {
    #[test]
    fn moving_facts_within_their_period_never_changes_the_status(
        (rule, subject) in rule(),
        anchor in day(),
        after in 0i64..500,
        facts in proptest::collection::vec((1u32..12, any::<u32>(), any::<u32>()), 0..6),
    ) {
        let period = rule.kind.period_of(anchor);
        let today = period.first_day() + Duration::days(after);
        let last = period.last_day().min(today);
        let days = (last - period.first_day()).whole_days() + 1;
        let place = |position: u32| period.first_day() + Duration::days(i64::from(position) % days);
        let fact_kind = fulfilling(&rule.kind);
        let arrange = |pick: &dyn Fn(&(u32, u32, u32)) -> u32| -> Vec<Fact> {
            facts.iter().map(|f| Fact {
                amount: f.0,
                ..Fact::new(fact_kind.clone(), subject, place(pick(f)))
            }).collect()
        };
        let one = judged(&rule, &arrange(&|f| f.1), period, today);
        let other = judged(&rule, &arrange(&|f| f.2), period, today);
        prop_assert_eq!(&one.status, &other.status);
        prop_assert_eq!(one.done_on.is_some(), other.done_on.is_some());
        prop_assert!(one.done_on.is_none_or(|d| period.contains(d)));
    }

    #[test]
    fn a_range_is_judged_as_the_same_periods_of_everything_since(
        (rule, subject) in rule(),
        from in day(),
        length in 0i64..400,
        judged_after in 0i64..800,
        facts in proptest::collection::vec((0i64..800, 1u32..12), 0..8),
    ) {
        let to = from + Duration::days(length);
        let today = from + Duration::days(judged_after);
        let facts: Vec<Fact> = facts.iter().map(|&(day, amount)| Fact {
            amount,
            ..Fact::new(fulfilling(&rule.kind), subject, from + Duration::days(day))
        }).collect();
        let policy = policy(rule);
        let range = evaluate_between(&policy, &subjects(), &facts, &[], from, to, today);
        let since: Vec<Obligation> = evaluate(&policy, &subjects(), &facts, &[], from, today)
            .into_iter()
            .filter(|o| o.period.first_day() <= to)
            .collect();
        prop_assert!(!range.is_empty());
        prop_assert_eq!(range, since);
    }

    #[test]
    fn a_record_counts_for_the_period_containing_its_date(
        (rule, _) in rule(),
        d in day(),
    ) {
        let rule = Rule { kind: ObligationKind::QuarterlyActivity, ..rule };
        let fact = Fact::new(FactKind::Activity, Subject::Grid(1), d);
        let from = d - Duration::days(100);
        let later = d + Duration::days(100);
        let all = evaluate(&policy(rule.clone()), &subjects(), &[fact], &[], from, later);
        for o in &all {
            let counted = o.period.contains(d);
            prop_assert_eq!(o.done_on, counted.then_some(d), "{}", o.period);
            prop_assert_eq!(o.status == Status::OnTime, counted);
        }
    }

    #[test]
    fn periods_tile_the_range_once_per_subject(
        (rule, subject) in rule(),
        from in day(),
        length in 0i64..800,
    ) {
        let today = from + Duration::days(length);
        let all = evaluate(&policy(rule), &subjects(), &[], &[], from, today);
        prop_assert!(all.iter().all(|o| o.subject == subject));
        let first = all.first().unwrap();
        let last = all.last().unwrap();
        prop_assert!(first.period.contains(from) && last.period.contains(today));
        for pair in all.windows(2) {
            prop_assert_eq!(pair[0].period.last_day().next_day(), Some(pair[1].period.first_day()));
        }
        let c = summary(&all);
        prop_assert_eq!(c.due + c.waived + c.pending, all.len());
        prop_assert_eq!(c.done_on_time + c.done_late, 0);
    }
}
