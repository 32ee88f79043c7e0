#![allow(clippy::unwrap_used)]
use super::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);

fn draft() -> MinutesDraft {
    MinutesDraft {
        grid_id: 4,
        held_on: "2026-11-20".into(),
        notes: " 布置年报准备工作。 ".into(),
    }
}

#[test]
fn complete_minutes_are_trimmed() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.held_on, date!(2026 - 11 - 20));
    assert_eq!(valid.notes, "布置年报准备工作。");
}

#[test]
fn every_problem_is_reported_with_its_field() {
    let errors = MinutesDraft {
        grid_id: 0,
        held_on: "2026-11-23".into(),
        notes: "  ".into(),
    }
    .validate(TODAY)
    .unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| (e.field(), e.code())).collect();
    assert_eq!(
        fields,
        [
            ("grid_id", "no_grid"),
            ("held_on", "date_in_future"),
            ("notes", "empty")
        ]
    );
}
