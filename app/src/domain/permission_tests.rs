use super::*;
use Ability::*;
use GridKind::*;
use Role::*;

/// The table as the documents give it, written out cell by cell: for each grid kind and role,
/// everything it may do. `permits` must answer exactly this for every (kind, role, ability).
const EXPECTED: [(GridKind, Role, &[Ability]); 30] = [
    (City, Leader, &[SeeBelow]),
    (City, DeputyLeader, &[SeeBelow]),
    (
        City,
        Instructor,
        &[
            SeeBelow,
            Record,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Administer,
            Assess,
        ],
    ),
    (City, Member, &[]),
    (
        Township,
        Leader,
        &[
            SeeBelow,
            Record,
            Meet,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Assess,
        ],
    ),
    (Township, DeputyLeader, &[SeeBelow]),
    (
        Township,
        Instructor,
        &[
            SeeBelow,
            Record,
            Meet,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Assess,
        ],
    ),
    (
        Township,
        Member,
        &[SeeBelow, Record, Report, Meet, ReportProgress],
    ),
    (
        Department,
        Leader,
        &[
            SeeBelow,
            Record,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Assess,
        ],
    ),
    (Department, DeputyLeader, &[SeeBelow]),
    (
        Department,
        Instructor,
        &[
            SeeBelow,
            Record,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Assess,
        ],
    ),
    (Department, Member, &[SeeBelow, Record, ReportProgress]),
    (
        DevelopmentZone,
        Leader,
        &[
            SeeBelow,
            Record,
            Meet,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Assess,
        ],
    ),
    (DevelopmentZone, DeputyLeader, &[SeeBelow]),
    (
        DevelopmentZone,
        Instructor,
        &[
            SeeBelow,
            Record,
            Meet,
            ReportProgress,
            Review,
            Notify,
            KeepProvisions,
            PlanTraining,
            Prepare,
            Assess,
        ],
    ),
    (
        DevelopmentZone,
        Member,
        &[SeeBelow, Record, Report, Meet, ReportProgress],
    ),
    (WorkArea, Leader, &[SeeBelow, Record, Report]),
    (WorkArea, DeputyLeader, &[SeeBelow, Record, Report]),
    (WorkArea, Instructor, &[SeeBelow, Record]),
    (WorkArea, Member, &[Record]),
    (
        Enterprise,
        Leader,
        &[SeeBelow, Record, Report, Plan, FollowStudy],
    ),
    (
        Enterprise,
        DeputyLeader,
        &[SeeBelow, Record, Report, Plan, FollowStudy],
    ),
    (Enterprise, Instructor, &[SeeBelow, Record, FollowStudy]),
    (Enterprise, Member, &[Record, Study]),
    // A village surveyor records the village's work where villages are, and nothing else.
    (City, Surveyor, &[]),
    (Township, Surveyor, &[Record]),
    (Department, Surveyor, &[]),
    (DevelopmentZone, Surveyor, &[Record]),
    (WorkArea, Surveyor, &[Record]),
    (Enterprise, Surveyor, &[]),
];

#[test]
fn every_cell_of_the_table_is_as_the_documents_give_it() {
    let mut seen = 0;
    for kind in GridKind::ALL {
        for role in Role::ALL {
            let (_, _, expected) = EXPECTED
                .iter()
                .find(|(k, r, _)| *k == kind && *r == role)
                .unwrap_or_else(|| panic!("{kind:?} {role:?} is in the expected table"));
            for ability in Ability::ALL {
                assert_eq!(
                    permits(kind, role, ability),
                    expected.contains(&ability),
                    "{role:?} in a {kind:?} grid: {ability:?}"
                );
                seen += 1;
            }
            assert_eq!(
                abilities(kind, role),
                expected.to_vec(),
                "{role:?} in {kind:?}"
            );
        }
    }
    assert_eq!(seen, 6 * 5 * 15);
}

#[test]
fn only_the_city_bureau_administers_and_every_reviewer_sees_what_it_reviews() {
    for kind in GridKind::ALL {
        for role in Role::ALL {
            let administers = permits(kind, role, Administer);
            assert_eq!(administers, kind == City && role == Instructor);
            if permits(kind, role, Review) {
                assert!(permits(kind, role, SeeBelow), "{role:?} in {kind:?}");
            }
            // No one both studies and follows others' study in the same grid.
            assert!(!(permits(kind, role, Study) && permits(kind, role, FollowStudy)));
        }
    }
}

#[test]
fn every_ability_has_a_label_of_its_own() {
    let mut labels: Vec<&str> = Ability::ALL.iter().map(|a| a.label()).collect();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), Ability::ALL.len());
}
