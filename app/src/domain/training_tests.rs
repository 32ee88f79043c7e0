#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::cadence::{
    Fact, FactKind, ObligationKind, Policy, Subject, Subjects, Waiver, evaluate,
};
use crate::domain::draft::Draft;
use crate::domain::grid::{GridKind, Role};
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);

fn draft() -> TrainingDraft {
    TrainingDraft {
        grid_id: 4,
        title: " 2026年统计法律知识培训 ".into(),
        training_date: "2026-11-18".into(),
        organiser: "市统计局".into(),
        topic: "law".into(),
        session: "joint_review".into(),
        hours: 4,
        attendees: vec![7, 3, 7],
    }
}

fn education_rule() -> Rule {
    Policy::yuhuan()
        .rules
        .into_iter()
        .find(|r| matches!(r.kind, ObligationKind::ContinuingEducation { .. }))
        .unwrap()
}

#[test]
fn a_complete_training_is_cleaned_up() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.title, "2026年统计法律知识培训");
    assert_eq!(valid.topic, TrainingTopic::Law);
    assert_eq!(valid.attendees, vec![3, 7]);
    assert_eq!(valid.hours, 4);
    assert_eq!(valid.session, TrainingSession::JointReview);
}

#[test]
fn a_draft_saved_before_sessions_were_asked_is_a_training() {
    let json = r#"{"grid_id":4,"title":"培训","training_date":"2026-11-18","organiser":"市统计局",
        "topic":"law","hours":4,"attendees":[3]}"#;
    let old: TrainingDraft = serde_json::from_str(json).unwrap();
    assert_eq!(old.session, "");
    assert_eq!(
        old.validate(TODAY).unwrap().session,
        TrainingSession::Training
    );
    let described = old.describe();
    assert!(described.contains(&("培训形式", "业务培训".to_owned())));
}

#[test]
fn every_problem_is_reported_at_once_in_field_order() {
    let empty = TrainingDraft {
        grid_id: 0,
        title: " ".into(),
        training_date: "明天".into(),
        organiser: String::new(),
        topic: "party".into(),
        session: "lecture".into(),
        hours: 0,
        attendees: Vec::new(),
    };
    assert_eq!(
        empty.validate(TODAY).unwrap_err(),
        vec![
            TrainingError::NoGrid,
            TrainingError::TitleEmpty,
            TrainingError::DateMalformed,
            TrainingError::OrganiserEmpty,
            TrainingError::TopicUnknown,
            TrainingError::SessionUnknown,
            TrainingError::HoursOutOfRange { max: 40 },
            TrainingError::NoAttendees,
        ]
    );
    assert_eq!(
        TrainingError::HoursOutOfRange { max: 40 }.to_string(),
        "学时应为 1 到 40 之间的整数"
    );
}

#[test]
fn hours_and_names_have_limits() {
    let mut d = draft();
    d.hours = 41;
    d.title = "训".repeat(101);
    assert_eq!(
        d.validate(TODAY).unwrap_err(),
        vec![
            TrainingError::TitleTooLong { max: 100 },
            TrainingError::HoursOutOfRange { max: 40 }
        ]
    );
}

#[test]
fn topics_round_trip_through_their_codes() {
    for t in TrainingTopic::ALL {
        assert_eq!(TrainingTopic::from_code(t.code()), Some(t));
    }
}

#[test]
fn hours_of_other_years_and_days_to_come_do_not_count() {
    let attended = [
        (date!(2025 - 12 - 30), 8),
        (date!(2026 - 03 - 02), 4),
        (date!(2026 - 11 - 30), 8),
    ];
    let (hours, status) = education_status(&education_rule(), 9, 2026, &attended, &[], TODAY);
    assert_eq!(hours, 4);
    assert_ne!(status, Status::OnTime);
}

#[test]
fn a_waived_year_shows_waived_with_the_hours_still_counted() {
    let attended = [(date!(2026 - 03 - 02), 4)];
    let waiver = Waiver {
        kind: education_rule().kind,
        subject: Subject::Person(9),
        period: Period::Year(2026),
        reason: "长期病假".into(),
        by_person: 8,
        at_ms: 1,
    };
    let end = date!(2027 - 01 - 31);
    let (_, open) = education_status(&education_rule(), 9, 2026, &attended, &[], end);
    assert_eq!(open, Status::Overdue);
    let waivers = [waiver];
    let (hours, status) = education_status(&education_rule(), 9, 2026, &attended, &waivers, end);
    assert_eq!((hours, status.label()), (4, "已豁免"));
    // Another person's waiver excuses nobody else; a year not begun is not yet due.
    let (_, other) = education_status(&education_rule(), 10, 2026, &attended, &waivers, end);
    assert_eq!(other, Status::Overdue);
    assert_eq!(
        education_status(&education_rule(), 9, 2027, &[], &[], TODAY),
        (0, Status::NotYetDue)
    );
}

proptest! {
    /// The phone's count of a member's year is the engine's.
    #[test]
    fn the_phone_judges_as_the_engine(attended in prop::collection::vec((0i64..700, 1u32..12), 0..10),
                                      today_offset in 0i64..700) {
        let start = date!(2026 - 01 - 01);
        let today = start + time::Duration::days(today_offset);
        let attended: Vec<(Date, u32)> = attended
            .iter()
            .map(|&(day, hours)| (start + time::Duration::days(day), hours))
            .collect();
        let (_, phone) = education_status(&education_rule(), 9, 2026, &attended, &[], today);
        let policy = Policy { name: String::new(), rules: vec![education_rule()] };
        let subjects = Subjects { people: vec![(9, GridKind::Enterprise, Role::Member)], ..Subjects::default() };
        let facts: Vec<Fact> = attended
            .iter()
            .map(|(d, h)| Fact { amount: *h, ..Fact::new(FactKind::Training, Subject::Person(9), *d) })
            .collect();
        let engine = evaluate(&policy, &subjects, &facts, &[], start, today)
            .into_iter()
            .find(|o| o.period == Period::Year(2026))
            .map(|o| o.status);
        prop_assert_eq!(Some(phone), engine);
    }
}
