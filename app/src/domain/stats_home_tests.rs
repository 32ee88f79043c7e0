use super::*;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 12 - 04);

fn draft(name: &str, opened_on: &str) -> StatsHomeDraft {
    StatsHomeDraft {
        name: name.into(),
        address: "东湖镇人民政府三楼".into(),
        opened_on: opened_on.into(),
        note: String::new(),
    }
}

#[test]
fn a_home_is_kept_trimmed_to_one_line() {
    let valid = draft(" 东湖镇统计之家\n", "2025-06-01")
        .validate(TODAY)
        .unwrap();
    assert_eq!(valid.name, "东湖镇统计之家");
    assert_eq!(valid.opened_on, date!(2025 - 06 - 01));
    assert_eq!(valid.note, "");
}

#[test]
fn every_problem_is_named_at_once() {
    let errors = StatsHomeDraft::default().validate(TODAY).unwrap_err();
    let words: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        ["请填写名称", "请填写地址", "请填写启用日期（年-月-日）"]
    );
}

#[test]
fn the_opening_day_is_neither_ahead_nor_implausibly_old() {
    let refusal = |day: &str| draft("统计之家", day).validate(TODAY).unwrap_err();
    assert_eq!(refusal("2026-12-05"), [StatsHomeError::InFuture]);
    assert_eq!(refusal("1999-12-31"), [StatsHomeError::TooEarly]);
    assert_eq!(refusal("2026-13-01"), [StatsHomeError::BadDate]);
    assert!(draft("统计之家", "2026-12-04").validate(TODAY).is_ok());
}

#[test]
fn a_long_note_is_refused_with_its_length() {
    let mut long = draft("统计之家", "2025-06-01");
    long.note = "字".repeat(NOTE_MAX_CHARS + 1);
    let words = long.validate(TODAY).unwrap_err()[0].to_string();
    assert_eq!(words, "备注不能超过200字（当前201字）");
}

#[test]
fn a_unit_registers_a_name_once_and_a_bounded_number_of_homes() {
    let held = vec!["东湖镇统计之家".to_owned()];
    assert_eq!(
        check_register("东湖镇统计之家", &held),
        Err(StatsHomeError::Duplicate("东湖镇统计之家".into()))
    );
    assert_eq!(check_register("东湖工业园统计之家", &held), Ok(()));
    let full: Vec<String> = (0..HOMES_MAX).map(|i| format!("统计之家{i}")).collect();
    assert_eq!(
        check_register("又一处", &full),
        Err(StatsHomeError::TooMany)
    );
}

#[test]
fn an_activity_is_held_in_the_home_its_place_names() {
    let homes = vec!["东湖镇统计之家".to_owned(), "东湖镇统计之家分站".to_owned()];
    assert_eq!(held_in("东湖镇统计之家二楼", &homes), Some(0));
    assert_eq!(held_in(" 东湖镇统计之家分站 ", &homes), Some(1));
    assert_eq!(held_in("企业会议室", &homes), None);
    // Two homes: the bare words do not say which.
    assert_eq!(held_in("统计之家", &homes), None);
    assert_eq!(held_in("统计之家", &homes[..1]), Some(0));
    assert_eq!(held_in("统计之家", &[]), None);
}

proptest! {
    #[test]
    fn a_place_is_held_in_a_home_it_contains(
        homes in proptest::collection::vec("[东西湖镇站]{1,6}", 0..5),
        place in "[东西湖镇站统计之家 ]{0,12}",
    ) {
        match held_in(&place, &homes) {
            Some(i) => prop_assert!(
                place.trim().contains(homes[i].as_str())
                    || (place.trim() == GENERIC_PLACE && homes.len() == 1)
            ),
            None => prop_assert!(
                homes.iter().all(|h| !place.contains(h.as_str()))
            ),
        }
    }

    #[test]
    fn validation_never_panics_and_bounds_what_it_keeps(
        name in ".{0,60}", address in ".{0,120}", note in ".{0,240}", day in "[0-9-]{0,12}",
    ) {
        let home = StatsHomeDraft { name, address, opened_on: day, note };
        if let Ok(valid) = home.validate(TODAY) {
            prop_assert!(valid.name.chars().count() <= NAME_MAX_CHARS);
            prop_assert!(valid.address.chars().count() <= ADDRESS_MAX_CHARS);
            prop_assert!(valid.note.chars().count() <= NOTE_MAX_CHARS);
            prop_assert!(valid.opened_on <= TODAY);
        }
    }
}
