#![allow(clippy::unwrap_used)]
use super::*;
use TrainingTopic::*;
use proptest::prelude::*;

fn line(topic: TrainingTopic, sessions: u32, note: &str) -> PlanLine {
    PlanLine {
        topic,
        sessions,
        note: note.into(),
    }
}

#[test]
fn a_plan_lists_every_subject_once_in_the_documents_order() {
    let draft = TrainingPlanDraft {
        year: 2026,
        lines: vec![
            line(Law, 2, " 6月、\n12月 "),
            line(Practice, 4, "每季度一次"),
        ],
    };
    let plan = draft.validate(2026).unwrap();
    let topics: Vec<TrainingTopic> = plan.iter().map(|l| l.topic).collect();
    assert_eq!(topics, SUBJECTS.to_vec());
    assert_eq!(plan[0], line(Practice, 4, "每季度一次"));
    assert_eq!(plan[1], line(Law, 2, "6月、 12月"));
    assert_eq!(plan[4], line(System, 0, ""));
}

#[test]
fn every_problem_of_a_plan_is_named_at_once() {
    let draft = TrainingPlanDraft {
        year: 2024,
        lines: vec![
            line(Other, 1, ""),
            line(Grid, 25, ""),
            line(Grid, 1, ""),
            line(Staff, 1, &"安".repeat(101)),
        ],
    };
    let problems = draft.validate(2026).unwrap_err();
    assert_eq!(
        problems,
        vec![
            PlanError::YearOutOfRange,
            PlanError::NotASubject(Other),
            PlanError::TooManySessions {
                topic: Grid,
                max: 24
            },
            PlanError::Repeated(Grid),
            PlanError::NoteTooLong {
                topic: Staff,
                max: 100
            },
        ]
    );
    assert_eq!(
        problems[2].to_string(),
        "统计网格管理：计划次数不能超过24次"
    );
    assert_eq!(problems[1].to_string(), "其他不是文件规定的培训内容");
}

#[test]
fn next_years_plan_may_be_drawn_up_but_not_one_two_years_out() {
    let plan = |year| TrainingPlanDraft {
        year,
        lines: vec![line(Practice, 1, "")],
    };
    assert!(plan(2027).validate(2026).is_ok());
    assert!(plan(2025).validate(2026).is_ok());
    assert_eq!(
        plan(2028).validate(2026).unwrap_err(),
        vec![PlanError::YearOutOfRange]
    );
}

#[test]
fn a_plan_that_plans_no_session_is_refused() {
    let draft = TrainingPlanDraft {
        year: 2026,
        lines: vec![line(Practice, 0, "待定"), line(Law, 0, "")],
    };
    assert_eq!(
        draft.validate(2026).unwrap_err(),
        vec![PlanError::NothingPlanned]
    );
    assert_eq!(
        PlanError::NothingPlanned.to_string(),
        "培训计划至少要安排一次培训"
    );
}

#[test]
fn held_trainings_are_counted_against_the_plan_and_other_topics_listed_apart() {
    let plan = vec![line(Practice, 2, "3月、9月"), line(Law, 1, "")];
    let held = [Practice, Law, Law, Other, System];
    let lines = progress(&plan, &held);
    assert_eq!(lines.len(), 6);
    assert_eq!(
        (lines[0].planned, lines[0].held, lines[0].behind()),
        (2, 1, 1)
    );
    assert_eq!(lines[0].note, "3月、9月");
    assert_eq!(
        (lines[1].planned, lines[1].held, lines[1].behind()),
        (1, 2, 0)
    );
    assert_eq!((lines[4].planned, lines[4].held), (0, 1));
    assert_eq!((lines[5].topic, lines[5].held), (Other, 1));
    assert_eq!(progress(&plan, &[]).len(), 5);
}

fn topic() -> impl Strategy<Value = TrainingTopic> {
    prop::sample::select(TrainingTopic::ALL.to_vec())
}

proptest! {
    /// Every training held is counted once, under its own topic, and a subject is behind by
    /// exactly what its plan exceeds the sessions held.
    #[test]
    fn every_training_held_counts_once(
        held in prop::collection::vec(topic(), 0..60),
        planned in prop::collection::vec(0u32..=SESSIONS_MAX, 5),
    ) {
        let plan: Vec<PlanLine> = SUBJECTS.iter().zip(&planned).map(|(&t, &n)| line(t, n, "")).collect();
        let lines = progress(&plan, &held);
        let counted: u32 = lines.iter().map(|l| l.held).sum();
        prop_assert_eq!(counted as usize, held.len());
        for l in &lines {
            let n = held.iter().filter(|&&t| t == l.topic).count() as u32;
            prop_assert_eq!(l.held, n);
            prop_assert_eq!(l.behind() + l.held.min(l.planned), l.planned);
        }
    }
}
