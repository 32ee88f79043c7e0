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
        campaign in 1..i32::MAX, unit in 1..i32::MAX, other in 1..i32::MAX, own in any::<bool>()
    ) {
        let role = if own { SheetRole::SelfAssessment } else { SheetRole::Inspection };
        let id = sheet_id(campaign, unit, role);
        prop_assert_eq!(id, sheet_id(campaign, unit, role));
        prop_assert_eq!(id.get_version_num(), 8);
        prop_assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
        let flipped = if own { SheetRole::Inspection } else { SheetRole::SelfAssessment };
        prop_assert_ne!(id, sheet_id(campaign, unit, flipped));
        if other != unit {
            prop_assert_ne!(id, sheet_id(campaign, other, role));
            prop_assert_ne!(id, sheet_id(other, unit, role));
        }
    }
}
