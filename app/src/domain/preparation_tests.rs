use super::*;
use proptest::prelude::*;
use time::macros::date;

const READY: UnitFacts = UnitFacts {
    enterprise_grids: 3,
    led_grids: 3,
    staff: 5,
    activities: 4,
    recording_grids: 2,
};

fn mark(milestone: Milestone, done_on: &str, document: &str) -> MilestoneMark {
    MilestoneMark {
        milestone,
        done_on: done_on.into(),
        document: document.into(),
    }
}

#[test]
fn each_unit_is_asked_what_the_document_asks_of_it() {
    use Milestone::*;
    assert_eq!(Milestone::of_kind(GridKind::City), [WorkPlan, Mobilisation]);
    assert_eq!(
        Milestone::of_kind(GridKind::Township),
        [
            GridsDrawn,
            StaffRegistered,
            UnitRules,
            OfflineExchanges,
            Platform,
            Standardization
        ]
    );
    assert_eq!(
        Milestone::of_kind(GridKind::DevelopmentZone),
        Milestone::of_kind(GridKind::Township)
    );
    // 市住建局 draws its grids and registers its staff; the working rules are the townships'.
    // April's work is every unit's (001 §四(二): 各乡镇(街道)、部门).
    assert_eq!(
        Milestone::of_kind(GridKind::Department),
        [
            GridsDrawn,
            StaffRegistered,
            OfflineExchanges,
            Platform,
            Standardization
        ]
    );
    assert!(Milestone::of_kind(GridKind::Enterprise).is_empty());
    assert_eq!(Mobilisation.due(2026), Some(date!(2026 - 03 - 20)));
    assert_eq!(UnitRules.due(2026), Some(date!(2026 - 03 - 31)));
    assert_eq!(Platform.due(2026), Some(date!(2026 - 04 - 30)));
    assert!(Standardization.issues_document() && !OfflineExchanges.issues_document());
    for m in Milestone::ALL {
        assert_eq!(Milestone::from_code(m.code()), Some(m));
    }
}

#[test]
fn a_milestone_is_judged_against_its_day() {
    let due = date!(2026 - 03 - 31);
    let today = date!(2026 - 04 - 10);
    assert_eq!(
        status(due, Some(date!(2026 - 03 - 31)), today),
        Status::OnTime
    );
    assert_eq!(
        status(due, Some(date!(2026 - 04 - 01)), today),
        Status::Late
    );
    assert_eq!(status(due, None, today), Status::Overdue);
    assert_eq!(status(due, None, date!(2026 - 03 - 01)), Status::DueSoon);
    assert_eq!(status(due, None, date!(2026 - 02 - 28)), Status::NotYetDue);
    // April's work is due soon in April, not in March.
    let april = date!(2026 - 04 - 30);
    assert_eq!(
        status(april, None, date!(2026 - 03 - 31)),
        Status::NotYetDue
    );
    assert_eq!(status(april, None, date!(2026 - 04 - 01)), Status::DueSoon);
}

#[test]
fn a_mark_agrees_with_the_grid_tree_and_the_roster() {
    let today = date!(2026 - 04 - 10);
    let check = |m: MilestoneMark, facts| m.check(GridKind::Township, 2026, today, facts);
    let drawn = mark(Milestone::GridsDrawn, "2026-03-25", "");
    assert_eq!(
        check(drawn.clone(), READY).unwrap().done_on,
        date!(2026 - 03 - 25)
    );
    let no_grids = UnitFacts {
        enterprise_grids: 0,
        led_grids: 0,
        ..READY
    };
    assert_eq!(
        check(drawn.clone(), no_grids),
        Err(PreparationError::NoGrids)
    );
    let one_leaderless = UnitFacts {
        led_grids: 2,
        ..READY
    };
    let refused = check(drawn, one_leaderless).unwrap_err();
    assert_eq!(refused, PreparationError::Leaderless(1));
    assert!(refused.to_string().contains("1 个企业网格没有网格长"));
    let staff = mark(Milestone::StaffRegistered, "2026-03-25", "");
    let no_staff = UnitFacts { staff: 0, ..READY };
    assert_eq!(check(staff, no_staff), Err(PreparationError::NoStaff));
    let exchanges = mark(Milestone::OfflineExchanges, "2026-04-08", "");
    assert!(check(exchanges.clone(), READY).is_ok());
    let idle = UnitFacts {
        activities: 0,
        recording_grids: 0,
        ..READY
    };
    assert_eq!(check(exchanges, idle), Err(PreparationError::NoActivities));
    let platform = mark(Milestone::Platform, "2026-04-08", "");
    assert_eq!(check(platform, idle), Err(PreparationError::NotOnPlatform));
    let standardizing = mark(Milestone::Standardization, "2026-04-08", "");
    assert_eq!(
        check(standardizing, READY),
        Err(PreparationError::NoDocument)
    );
}

#[test]
fn bad_marks_are_refused_in_words() {
    let today = date!(2026 - 04 - 10);
    let check = |m: MilestoneMark, kind| m.check(kind, 2026, today, READY);
    let rules = |day: &str, doc: &str| mark(Milestone::UnitRules, day, doc);
    assert_eq!(
        check(rules("2026-03-30", "  "), GridKind::Township),
        Err(PreparationError::NoDocument)
    );
    assert_eq!(
        check(rules("三月底", "细则"), GridKind::Township),
        Err(PreparationError::BadDate)
    );
    assert_eq!(
        check(rules("2026-04-11", "细则"), GridKind::Township),
        Err(PreparationError::InFuture)
    );
    assert_eq!(
        check(rules("2025-03-30", "细则"), GridKind::Township),
        Err(PreparationError::OtherYear(2026))
    );
    let refused = check(rules("2026-03-30", "细则"), GridKind::Department).unwrap_err();
    assert_eq!(refused.to_string(), "本单位没有“出台网格化工作细则”这一项");
    let long = "文".repeat(DOCUMENT_MAX_CHARS + 1);
    assert!(matches!(
        check(rules("2026-03-30", &long), GridKind::Township),
        Err(PreparationError::DocumentTooLong { found: 201, .. })
    ));
    let kept = check(
        rules("2026-03-30", " 关于印发东湖镇统计网格化工作细则的通知\n"),
        GridKind::Township,
    );
    assert_eq!(
        kept.unwrap().document,
        "关于印发东湖镇统计网格化工作细则的通知"
    );
}

proptest! {
    /// Done by the day is on time whenever it is looked at; never done is overdue after it.
    #[test]
    fn the_verdict_follows_the_day(done in 0i64..120, looked in 0i64..400) {
        let start = date!(2026 - 01 - 01);
        let due = date!(2026 - 03 - 31);
        let done_on = start + time::Duration::days(done);
        let today = start + time::Duration::days(looked);
        let verdict = status(due, Some(done_on), today);
        prop_assert_eq!(verdict == Status::OnTime, done_on <= due);
        let missing = status(due, None, today);
        prop_assert_eq!(missing == Status::Overdue, today > due);
    }
}
