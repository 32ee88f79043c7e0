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

fn draft() -> ActivityDraft {
    ActivityDraft {
        grid_id: 4,
        activity_type: "study".into(),
        activity_date: "2026-11-20".into(),
        place: " 统计之家 ".into(),
        participants: vec![9, 3, 9],
        summary: "  学习新版统计法，交流月报填报经验。 ".into(),
        spend_yuan: "86.5".into(),
        photos: Vec::new(),
    }
}

fn errors_of(change: impl FnOnce(&mut ActivityDraft)) -> Vec<ActivityError> {
    let mut d = draft();
    change(&mut d);
    d.validate(TODAY).unwrap_err()
}

#[test]
fn a_complete_activity_is_cleaned_up() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.activity_type, ActivityType::Study);
    assert_eq!(valid.activity_date, date!(2026 - 11 - 20));
    assert_eq!(valid.place, "统计之家");
    assert_eq!(valid.participants, vec![3, 9]);
    assert_eq!(valid.summary, "学习新版统计法，交流月报填报经验。");
    assert_eq!(valid.spend_fen, 8650);
}

#[test]
fn no_spend_is_zero() {
    let mut d = draft();
    d.spend_yuan = " ".into();
    assert_eq!(d.validate(TODAY).unwrap().spend_fen, 0);
}

#[test]
fn every_problem_is_reported_at_once_in_field_order() {
    let empty = ActivityDraft {
        grid_id: 0,
        activity_type: String::new(),
        activity_date: "20.11.2026".into(),
        place: "  ".into(),
        participants: Vec::new(),
        summary: String::new(),
        spend_yuan: "八十".into(),
        photos: Vec::new(),
    };
    assert_eq!(
        empty.validate(TODAY).unwrap_err(),
        vec![
            ActivityError::NoGrid,
            ActivityError::TypeUnknown,
            ActivityError::DateMalformed,
            ActivityError::PlaceEmpty,
            ActivityError::NoParticipants,
            ActivityError::SummaryEmpty,
            ActivityError::SpendMalformed,
        ]
    );
}

#[test]
fn dates_lie_within_the_past_year() {
    assert_eq!(
        errors_of(|d| d.activity_date = "2026-11-23".into()),
        vec![ActivityError::DateInFuture]
    );
    assert_eq!(
        errors_of(|d| d.activity_date = "2025-11-20".into()),
        vec![ActivityError::DateTooOld]
    );
}

#[test]
fn long_texts_and_large_spends_are_refused_with_their_limits() {
    assert_eq!(
        errors_of(|d| d.place = "地".repeat(101)),
        vec![ActivityError::PlaceTooLong {
            max: 100,
            found: 101
        }]
    );
    assert_eq!(
        errors_of(|d| d.summary = "字".repeat(2001)),
        vec![ActivityError::SummaryTooLong {
            max: 2000,
            found: 2001
        }]
    );
    let too_large = errors_of(|d| d.spend_yuan = "100000.01".into());
    assert_eq!(
        too_large,
        vec![ActivityError::SpendTooLarge { max_yuan: 100_000 }]
    );
    assert_eq!(too_large[0].to_string(), "活动经费不能超过100000元");
}

#[test]
fn errors_name_their_field_for_the_form() {
    assert_eq!(ActivityError::NoParticipants.field(), "participants");
    assert_eq!(ActivityError::SpendMalformed.field(), "spend_yuan");
    assert_eq!(ActivityError::DateTooOld.code(), "date_too_old");
}

#[test]
fn types_round_trip_through_their_codes() {
    for t in ActivityType::ALL {
        assert_eq!(ActivityType::from_code(t.code()), Some(t));
    }
    assert_eq!(ActivityType::from_code("party"), None);
}

fn activity_rule() -> Rule {
    Policy::yueqing()
        .rule(&ObligationKind::QuarterlyActivity)
        .cloned()
        .unwrap()
}

#[test]
fn a_grid_without_an_activity_is_overdue_once_the_grace_days_pass() {
    let q3 = Quarter::of(date!(2026 - 08 - 01));
    let held = [(5, date!(2026 - 08 - 14))];
    let duties = activity_duties(&activity_rule(), &[5, 6], &held, q3, &[], TODAY);
    assert_eq!(duties, vec![(5, Status::OnTime), (6, Status::Overdue)]);
    // An activity of another quarter does not count for this one.
    let q4 = Quarter::of(TODAY);
    let duties = activity_duties(&activity_rule(), &[5], &held, q4, &[], TODAY);
    assert_ne!(duties[0].1, Status::OnTime);
}

#[test]
fn a_waived_quarter_shows_waived_and_the_others_stay_overdue() {
    let q3 = Quarter::of(date!(2026 - 08 - 01));
    let waiver = Waiver {
        kind: ObligationKind::QuarterlyActivity,
        subject: Subject::Grid(6),
        period: Period::Quarter(q3),
        reason: "网格调整".into(),
        by_person: 8,
        at_ms: 1,
    };
    let duties = activity_duties(&activity_rule(), &[5, 6], &[], q3, &[waiver], TODAY);
    assert_eq!(duties[0], (5, Status::Overdue));
    assert_eq!(duties[1].1.label(), "已豁免");
}

proptest! {
    /// The phone's judgement is the engine's, for any activities held on any days.
    #[test]
    fn the_phone_judges_as_the_engine(held in prop::collection::vec((0usize..3, 0i64..200), 0..8),
                                      today_offset in 0i64..200) {
        let grids = [1, 2, 3];
        let quarter = Quarter::of(date!(2026 - 07 - 01));
        let today = quarter.first_day() + time::Duration::days(today_offset);
        let held: Vec<(i32, Date)> = held
            .iter()
            .map(|&(g, day)| (grids[g], quarter.first_day() + time::Duration::days(day)))
            .collect();
        let phone = activity_duties(&activity_rule(), &grids, &held, quarter, &[], today);
        let policy = Policy { name: String::new(), rules: vec![activity_rule()] };
        let subjects = Subjects { grids: grids.iter().map(|g| (*g, GridKind::Enterprise)).collect(), ..Subjects::default() };
        let facts: Vec<Fact> = held
            .iter()
            .map(|(g, d)| Fact::new(FactKind::Activity, Subject::Grid(*g), *d))
            .collect();
        let mut engine: Vec<(i32, Status)> = evaluate(&policy, &subjects, &facts, &[], quarter.first_day(), today)
            .into_iter()
            .filter_map(|o| match (o.subject, o.period) {
                (Subject::Grid(g), Period::Quarter(q)) if q == quarter => Some((g, o.status)),
                _ => None,
            })
            .collect();
        engine.sort_by_key(|(g, _)| *g);
        prop_assert_eq!(phone, engine);
    }

    #[test]
    fn a_valid_activity_keeps_each_participant_once(ids in prop::collection::vec(1i32..50, 1..30)) {
        let mut d = draft();
        d.participants = ids.clone();
        let valid = d.validate(TODAY).unwrap();
        let mut expected = ids;
        expected.sort_unstable();
        expected.dedup();
        prop_assert_eq!(valid.participants, expected);
    }

    #[test]
    fn accepted_texts_are_trimmed_and_present(summary in "\\PC{0,8}", place in "\\PC{0,8}") {
        let mut d = draft();
        d.summary = summary.clone();
        d.place = place.clone();
        match d.validate(TODAY) {
            Ok(valid) => {
                prop_assert_eq!(valid.summary.as_str(), summary.trim());
                prop_assert_eq!(valid.place.as_str(), place.trim());
                prop_assert!(!valid.summary.is_empty() && !valid.place.is_empty());
            }
            Err(errors) => prop_assert!(summary.trim().is_empty() || place.trim().is_empty(), "{errors:?}"),
        }
    }
}
