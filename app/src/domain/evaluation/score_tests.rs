//! The score sheet as a record kind: its fields checked with every reason, and the one id each
//! unit's sheet of a role has on every phone.
use super::*;
use proptest::prelude::*;
use time::macros::date;

fn score_draft(marks: Vec<Mark>) -> ScoreSheetDraft {
    ScoreSheetDraft {
        campaign_id: 3,
        unit_id: 41,
        role: SheetRole::Inspection,
        scored_on: "2026-10-20".into(),
        marks,
    }
}

#[test]
fn a_sheet_draft_is_checked_field_by_field_with_every_reason() {
    use crate::domain::draft::{Draft, FieldError};
    let today = date!(2026 - 10 - 20);
    let mark = |item: &str, note: usize, photos: usize| Mark {
        item: item.into(),
        points: 10,
        note: "缺".repeat(note),
        done: true,
        photos: vec![uuid::Uuid::nil(); photos],
    };
    let valid = score_draft(vec![mark("staffing.1", 3, 1)])
        .validate(today)
        .unwrap();
    assert_eq!(valid.scored_on, today);
    assert_eq!(valid.id(), sheet_id(3, 41, SheetRole::Inspection));
    let mut bad = score_draft(vec![mark("", 0, 0), mark("a", 501, 7)]);
    bad.unit_id = 0;
    bad.scored_on = "2026-10-21".into();
    let errors = bad.validate(today).unwrap_err();
    let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.code(), e.field())).collect();
    assert_eq!(
        fields,
        [
            ("no_unit", "unit_id"),
            ("day_in_future", "scored_on"),
            ("item_malformed", "marks"),
            ("note_too_long", "marks"),
            ("too_many_photos", "marks"),
        ]
    );
    assert_eq!(errors[3].to_string(), "第 2 项的说明不能超过 500 字");
    let draft = score_draft(vec![mark("a", 0, 2), mark("b", 0, 1)]);
    assert_eq!(
        draft.photos().len(),
        3,
        "every item's photos are sent with the sheet"
    );
}

proptest! {
    /// Every phone makes the same id for a unit's sheet of a role, and no other sheet has it.
    #[test]
    fn a_sheets_id_names_its_campaign_unit_and_role(
        campaign in 1..i32::MAX, unit in 1..i32::MAX, other in 1..i32::MAX, n in 0..3usize
    ) {
        let role = SheetRole::ALL[n];
        let id = sheet_id(campaign, unit, role);
        prop_assert_eq!(id, sheet_id(campaign, unit, role));
        prop_assert_eq!(id.get_version_num(), 8);
        prop_assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
        for other_role in SheetRole::ALL.into_iter().filter(|r| *r != role) {
            prop_assert_ne!(id, sheet_id(campaign, unit, other_role));
        }
        if other != unit {
            prop_assert_ne!(id, sheet_id(campaign, other, role));
            prop_assert_ne!(id, sheet_id(other, unit, role));
        }
    }
}

#[test]
fn the_city_spot_checks_only_what_its_sample_drew_and_contact_points_only_inspect() {
    use super::super::campaign::Linker;
    let city = SheetRole::CityInspection;
    assert_eq!(assignable(city, None, true, true), Ok(()));
    assert_eq!(
        assignable(city, None, true, false),
        Err(AssignmentError::NotSampled)
    );
    assert_eq!(
        assignable(city, None, false, true),
        Err(AssignmentError::NoCityStage)
    );
    // The county's inspection and the self-assessment need no sample.
    assert_eq!(assignable(SheetRole::Inspection, None, true, false), Ok(()));
    assert_eq!(
        assignable(SheetRole::SelfAssessment, None, false, false),
        Ok(())
    );
    let leader = Some(Linker::CountyLeader);
    assert_eq!(
        assignable(SheetRole::Inspection, leader, false, false),
        Ok(())
    );
    for role in [city, SheetRole::SelfAssessment] {
        assert_eq!(
            assignable(role, leader, true, true),
            Err(AssignmentError::LinkerNotInspection)
        );
    }
}
