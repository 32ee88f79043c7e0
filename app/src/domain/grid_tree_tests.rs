use super::*;
use proptest::prelude::*;

/// 1 city > 2, 3 townships and 8 department > 4, 5 under 2, 6 under 3 and 9 under 8 > 7 under 4.
const TREE: [(GridId, Option<GridId>, GridKind); 9] = [
    (1, None, GridKind::City),
    (2, Some(1), GridKind::Township),
    (3, Some(1), GridKind::Township),
    (4, Some(2), GridKind::WorkArea),
    (5, Some(2), GridKind::Enterprise),
    (6, Some(3), GridKind::Enterprise),
    (7, Some(4), GridKind::Enterprise),
    (8, Some(1), GridKind::Department),
    (9, Some(8), GridKind::Enterprise),
];

fn tree() -> GridTree {
    GridTree::new(TREE)
}

#[test]
fn leaders_see_their_subtree_and_members_their_grid() {
    let tree = tree();
    let township_leader = tree.visible_for(&[(2, Role::Leader)]);
    assert_eq!(township_leader, BTreeSet::from([2, 4, 5, 7]));
    let member = tree.visible_for(&[(4, Role::Member), (6, Role::Member)]);
    assert_eq!(member, BTreeSet::from([4, 6]));
    let both = tree.visible_for(&[(4, Role::Member), (3, Role::Instructor)]);
    assert_eq!(both, BTreeSet::from([3, 4, 6]));
    // A member role met first must not stop the subtree below it being expanded.
    let order = tree.visible_for(&[(4, Role::Member), (2, Role::Leader)]);
    assert_eq!(order, BTreeSet::from([2, 4, 5, 7]));
    assert!(tree.visible_for(&[]).is_empty());
}

#[test]
fn subtrees_descendants_and_townships() {
    let tree = tree();
    assert_eq!(tree.subtree(2), BTreeSet::from([2, 4, 5, 7]));
    assert_eq!(tree.descendants(2), BTreeSet::from([4, 5, 7]));
    assert_eq!(tree.subtree(7), BTreeSet::from([7]));
    assert!(tree.descendants(7).is_empty());
    assert_eq!(tree.subtree(99), BTreeSet::from([99]));
    assert_eq!(tree.unit_of(7), Some(2));
    assert_eq!(tree.unit_of(3), Some(3));
    assert_eq!(tree.unit_of(6), Some(3));
    assert_eq!(
        tree.unit_of(9),
        Some(8),
        "a department grid is a unit like a township"
    );
    assert_eq!(tree.unit_of(1), None);
    assert_eq!(tree.unit_of(99), None);
}

#[test]
fn unit_and_city_reviewers_review_their_subtree_only() {
    let tree = tree();
    for role in [Role::Leader, Role::Instructor] {
        assert!(tree.reviews(&[(2, role)], 7));
        assert!(tree.reviews(&[(2, role)], 2));
        assert!(!tree.reviews(&[(2, role)], 6), "another township's grid");
        assert!(!tree.reviews(&[(2, role)], 9), "the department's grid");
        assert!(
            tree.reviews(&[(8, role)], 9),
            "the department reviews its grids"
        );
        assert!(!tree.reviews(&[(8, role)], 5));
    }
    // The city bureau (the city grid's instructor) reviews every grid; the vice-mayor who
    // leads the city grid and the 市府办 deputy review none.
    assert!(tree.reviews(&[(1, Role::Instructor)], 6));
    assert!(tree.reviews(&[(1, Role::Instructor)], 9));
    for role in [Role::Leader, Role::DeputyLeader] {
        assert!(!tree.reviews(&[(1, role)], 6), "{role:?}");
    }
    // A township's deputies (the work-area heads) and members, and leaders of lower grids,
    // review nothing.
    assert!(!tree.reviews(&[(2, Role::DeputyLeader)], 5));
    assert!(!tree.reviews(&[(2, Role::Member)], 2));
    assert!(!tree.reviews(&[(4, Role::Leader)], 7));
    assert_eq!(
        tree.reviewed_by(&[(3, Role::Leader), (4, Role::Leader)]),
        BTreeSet::from([3, 6])
    );
}

#[test]
fn cycles_terminate() {
    let kind = GridKind::WorkArea;
    let cyclic = GridTree::new([
        (1, Some(3), kind),
        (2, Some(1), kind),
        (3, Some(2), kind),
        (4, Some(4), kind),
    ]);
    let seen = cyclic.visible_for(&[(1, Role::Leader), (4, Role::Leader)]);
    assert_eq!(seen, BTreeSet::from([1, 2, 3, 4]));
    assert_eq!(cyclic.descendants(1), BTreeSet::from([1, 2, 3]));
    assert_eq!(cyclic.unit_of(2), None);
}

/// Reference: the least set holding the subtree roots that is closed under "child of".
fn closure(roots: &BTreeSet<GridId>, parents: &[(GridId, Option<GridId>)]) -> BTreeSet<GridId> {
    let mut set = roots.clone();
    loop {
        let before = set.len();
        for &(child, parent) in parents {
            if parent.is_some_and(|p| set.contains(&p)) {
                set.insert(child);
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

fn role() -> impl Strategy<Value = Role> {
    proptest::sample::select(Role::ALL.to_vec())
}

fn kind() -> impl Strategy<Value = GridKind> {
    proptest::sample::select(GridKind::ALL.to_vec())
}

/// Any parent relation, cycles and several parents per grid included.
fn any_relation() -> impl Strategy<Value = Vec<(GridId, Option<GridId>)>> {
    proptest::collection::vec((0..30, proptest::option::of(0..30)), 0..40)
}

/// The relation as a tree of work areas; a parent the relation never lists as a grid is a
/// root of its own (every grid of a real tree has a kind).
fn loose(parents: &[(GridId, Option<GridId>)]) -> GridTree {
    let listed: BTreeSet<GridId> = parents.iter().map(|&(g, _)| g).collect();
    let unlisted = parents
        .iter()
        .filter_map(|&(_, p)| p)
        .filter(|p| !listed.contains(p));
    let roots: Vec<(GridId, Option<GridId>)> = unlisted.map(|p| (p, None)).collect();
    GridTree::new(
        parents
            .iter()
            .chain(&roots)
            .map(|&(g, p)| (g, p, GridKind::WorkArea)),
    )
}

/// A city's tree: grid 0 is the city; each later grid hangs below an earlier one, with the
/// kind of its depth (townships and departments below the city, then work areas and
/// enterprise grids).
fn city_tree() -> impl Strategy<Value = Vec<(GridId, Option<GridId>, GridKind)>> {
    proptest::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 0..40).prop_map(
        |picks| {
            let mut grids = vec![(0, None, GridKind::City)];
            let mut depth = vec![0usize];
            for (i, (parent, flip)) in picks.into_iter().enumerate() {
                let parent = parent.index(grids.len());
                let d = depth[parent] + 1;
                let kind = match (d, flip) {
                    (1, true) => GridKind::Township,
                    (1, false) => GridKind::Department,
                    (_, true) => GridKind::WorkArea,
                    (_, false) => GridKind::Enterprise,
                };
                grids.push((i as GridId + 1, Some(parent as GridId), kind));
                depth.push(d);
            }
            grids
        },
    )
}

fn roles_in(size: usize) -> impl Strategy<Value = Vec<(GridId, Role)>> {
    proptest::collection::vec((0..size as GridId, role()), 0..6)
}

proptest! {
    #[test]
    fn visible_grids_match_the_closure(parents in any_relation(),
                                       roles in proptest::collection::vec((0..30, role()), 0..6)) {
        let roots: BTreeSet<GridId> =
            roles.iter().filter(|(_, r)| r.sees_below(GridKind::WorkArea)).map(|&(g, _)| g).collect();
        let mut expected = closure(&roots, &parents);
        expected.extend(roles.iter().map(|&(g, _)| g));
        prop_assert_eq!(loose(&parents).visible_for(&roles), expected);
    }

    #[test]
    fn members_see_exactly_their_grids(parents in any_relation(),
                                       grids in proptest::collection::vec(0..30, 0..6)) {
        let roles: Vec<_> = grids.iter().map(|&g| (g, Role::Member)).collect();
        let expected: BTreeSet<GridId> = grids.into_iter().collect();
        prop_assert_eq!(loose(&parents).visible_for(&roles), expected);
    }

    /// A subtree holds its root, every child of each of its grids, and nothing whose way up
    /// does not pass the root; the descendants are the same less the root.
    #[test]
    fn a_subtree_is_its_root_closed_under_children(grids in city_tree(), root in any::<prop::sample::Index>()) {
        let tree = GridTree::new(grids.clone());
        let root = root.index(grids.len()) as GridId;
        let subtree = tree.subtree(root);
        prop_assert!(subtree.contains(&root));
        for &(id, parent, _) in &grids {
            let below_root = std::iter::successors(Some(id), |&g| tree.parent(g)).any(|g| g == root);
            prop_assert_eq!(subtree.contains(&id), below_root);
            if parent.is_some_and(|p| subtree.contains(&p)) {
                prop_assert!(subtree.contains(&id));
            }
        }
        let mut descendants = subtree;
        descendants.remove(&root);
        prop_assert_eq!(tree.descendants(root), descendants);
    }

    /// Walking up from a grid answers as the subtree does, cycles and missing parents included
    /// (each grid listed once, as the grid table holds it).
    #[test]
    fn within_is_membership_of_the_subtree(parents in any_relation()) {
        let mut listed = BTreeSet::new();
        let parents: Vec<_> = parents.into_iter().filter(|&(g, _)| listed.insert(g)).collect();
        let tree = loose(&parents);
        for grid in 0..30 {
            for root in 0..30 {
                prop_assert_eq!(tree.is_within(grid, root), tree.subtree(root).contains(&grid));
            }
        }
    }

    /// Level-2 units do not nest: every grid of a unit's subtree lies in that unit, and a
    /// grid outside every unit's subtree lies in none.
    #[test]
    fn each_grid_lies_in_the_unit_above_it(grids in city_tree()) {
        let tree = GridTree::new(grids.clone());
        let townships: Vec<GridId> =
            grids.iter().filter(|g| g.2.is_level_two()).map(|g| g.0).collect();
        for &(id, _, _) in &grids {
            let holding: Vec<GridId> =
                townships.iter().copied().filter(|&t| tree.subtree(t).contains(&id)).collect();
            prop_assert_eq!(tree.unit_of(id), holding.first().copied());
            prop_assert!(holding.len() <= 1);
        }
    }

    /// What a person sees is the union of their roles' subtrees (their own grid for a member).
    #[test]
    fn visible_is_the_union_of_subtrees(grids in city_tree(), roles in roles_in(41)) {
        let tree = GridTree::new(grids);
        let mut union = BTreeSet::new();
        for &(grid, role) in &roles {
            if tree.kind(grid).is_some_and(|kind| role.sees_below(kind)) {
                union.extend(tree.subtree(grid));
            } else {
                union.insert(grid);
            }
        }
        prop_assert_eq!(tree.visible_for(&roles), union);
    }

    /// A person reviews a grid exactly when they lead or instruct a township or department,
    /// or instruct the city (the statistics bureau), whose subtree holds it; whatever they review, they
    /// also see.
    #[test]
    fn reviewers_are_the_leaders_above(grids in city_tree(), roles in roles_in(41), grid in 0..41) {
        let tree = GridTree::new(grids);
        let expected = roles.iter().any(|&(r, role)| {
            let reviews = match tree.kind(r) {
                Some(GridKind::Township | GridKind::Department) => {
                    matches!(role, Role::Leader | Role::Instructor)
                }
                Some(GridKind::City) => role == Role::Instructor,
                _ => false,
            };
            reviews && tree.subtree(r).contains(&grid)
        });
        prop_assert_eq!(tree.reviews(&roles, grid), expected);
        prop_assert!(tree.reviewed_by(&roles).is_subset(&tree.visible_for(&roles)));
    }

    /// The one grid's answer is the whole set's, cycles and missing parents included.
    #[test]
    fn reviewing_one_grid_agrees_with_the_grids_reviewed(parents in any_relation(),
                                                         kinds in proptest::collection::vec(kind(), 30),
                                                         roles in roles_in(30)) {
        let mut listed = BTreeSet::new();
        let tree = GridTree::new(
            parents
                .into_iter()
                .filter(|&(g, _)| listed.insert(g))
                .map(|(g, p)| (g, p, kinds[g as usize])),
        );
        let reviewed = tree.reviewed_by(&roles);
        for grid in 0..30 {
            prop_assert_eq!(tree.reviews(&roles, grid), reviewed.contains(&grid), "grid {}", grid);
        }
    }
}
