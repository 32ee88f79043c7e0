//! The grid tree's vocabulary: kinds of grid, roles in a grid, industries,
//! and which grids a person may see.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Database id of a grid.
pub type GridId = i32;

/// Declares a fieldless enum with stable codes and Chinese labels.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// Stable snake_case code, as stored and sent over the wire.
            pub fn code(&self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The value with this code.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.code() == code)
            }

            /// Chinese name shown to users.
            pub fn label(&self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }
    };
}

coded_enum! {
    /// Kind of grid, one per level of the tree (the depth differs by city).
    GridKind {
        /// 市域: the whole city, level 1.
        City = "city", "市域";
        /// 乡镇/街道: a township or street, level 2.
        Township = "township", "乡镇/街道";
        /// 部门: a department grid beside the townships, e.g. the housing bureau.
        Department = "department", "部门";
        /// 工作管理片: a work management area of village and community heads.
        WorkArea = "work_area", "工作管理片";
        /// 企业网格: about 20 survey objects, usually of one industry.
        Enterprise = "enterprise", "企业网格";
    }
}

coded_enum! {
    /// A person's role in one grid; one person may hold roles in several grids.
    Role {
        /// 网格长.
        Leader = "leader", "网格长";
        /// 副网格长.
        DeputyLeader = "deputy_leader", "副网格长";
        /// 网格指导员: a statistics professional advising the grid.
        Instructor = "instructor", "网格指导员";
        /// 网格员: an enterprise statistician.
        Member = "member", "网格员";
    }
}

coded_enum! {
    /// Industry of a survey object (行业性质).
    Industry {
        /// 工业.
        Industrial = "industrial", "工业";
        /// 贸易.
        Trade = "trade", "贸易";
        /// 服务业.
        Service = "service", "服务业";
        /// 建筑业.
        Construction = "construction", "建筑业";
        /// 房地产.
        RealEstate = "real_estate", "房地产";
        /// 其他.
        Other = "other", "其他";
    }
}

impl Role {
    /// Whether the role oversees the grid and every grid below it. A member
    /// sees only their own grid's enterprises and their own records.
    pub fn sees_subtree(&self) -> bool {
        !matches!(self, Role::Member)
    }
}

impl Industry {
    /// The industry with this Chinese label (surrounding whitespace ignored).
    pub fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        Self::ALL.into_iter().find(|v| v.label() == label)
    }
}

/// The grids a person may see: for each role that sees the subtree, the grid
/// and all its descendants; for a member's role, the grid itself.
///
/// `parents` lists each grid with its parent. A cycle in it (bad data) does
/// not make this loop: every grid is expanded at most once.
pub fn visible_grids(
    assignments: &[(GridId, Role)],
    parents: &[(GridId, Option<GridId>)],
) -> BTreeSet<GridId> {
    let mut children: BTreeMap<GridId, Vec<GridId>> = BTreeMap::new();
    for &(child, parent) in parents {
        if let Some(parent) = parent {
            children.entry(parent).or_default().push(child);
        }
    }
    let mut visible = BTreeSet::new();
    let mut expanded = BTreeSet::new();
    for &(grid, role) in assignments {
        visible.insert(grid);
        if !role.sees_subtree() {
            continue;
        }
        let mut stack = vec![grid];
        while let Some(next) = stack.pop() {
            if expanded.insert(next) {
                visible.insert(next);
                stack.extend(children.get(&next).into_iter().flatten());
            }
        }
    }
    visible
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_and_labels_round_trip() {
        for kind in GridKind::ALL {
            assert_eq!(GridKind::from_code(kind.code()), Some(kind));
        }
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for industry in Industry::ALL {
            assert_eq!(Industry::from_code(industry.code()), Some(industry));
            assert_eq!(Industry::from_label(industry.label()), Some(industry));
        }
        assert_eq!(GridKind::WorkArea.code(), "work_area");
        assert_eq!(GridKind::Township.label(), "乡镇/街道");
        assert_eq!(Role::DeputyLeader.label(), "副网格长");
        assert_eq!(Industry::from_label(" 房地产 "), Some(Industry::RealEstate));
        assert_eq!(Industry::from_code("工业"), None);
        assert_eq!(Role::from_code("Leader"), None);
    }

    #[test]
    fn serde_uses_the_codes() {
        use serde::de::{IntoDeserializer, value::Error};
        let role: Result<Role, Error> = Role::deserialize("deputy_leader".into_deserializer());
        assert_eq!(role.unwrap(), Role::DeputyLeader);
        let kind: Result<GridKind, Error> = GridKind::deserialize("work_area".into_deserializer());
        assert_eq!(kind.unwrap(), GridKind::WorkArea);
    }

    #[test]
    fn only_members_are_limited_to_their_grid() {
        assert!(Role::Leader.sees_subtree());
        assert!(Role::DeputyLeader.sees_subtree());
        assert!(Role::Instructor.sees_subtree());
        assert!(!Role::Member.sees_subtree());
    }

    /// 1 city > 2, 3 townships > 4, 5 under 2 and 6 under 3 > 7 under 4.
    const TREE: [(GridId, Option<GridId>); 7] = [
        (1, None),
        (2, Some(1)),
        (3, Some(1)),
        (4, Some(2)),
        (5, Some(2)),
        (6, Some(3)),
        (7, Some(4)),
    ];

    #[test]
    fn leaders_see_their_subtree_and_members_their_grid() {
        let township_leader = visible_grids(&[(2, Role::Leader)], &TREE);
        assert_eq!(township_leader, BTreeSet::from([2, 4, 5, 7]));
        let member = visible_grids(&[(4, Role::Member), (6, Role::Member)], &TREE);
        assert_eq!(member, BTreeSet::from([4, 6]));
        let both = visible_grids(&[(4, Role::Member), (3, Role::Instructor)], &TREE);
        assert_eq!(both, BTreeSet::from([3, 4, 6]));
        // A member role met first must not stop the subtree below it being expanded.
        let order = visible_grids(&[(4, Role::Member), (2, Role::Leader)], &TREE);
        assert_eq!(order, BTreeSet::from([2, 4, 5, 7]));
        assert!(visible_grids(&[], &TREE).is_empty());
    }

    #[test]
    fn cycles_terminate() {
        let cyclic = [(1, Some(3)), (2, Some(1)), (3, Some(2)), (4, Some(4))];
        let seen = visible_grids(&[(1, Role::Leader), (4, Role::Leader)], &cyclic);
        assert_eq!(seen, BTreeSet::from([1, 2, 3, 4]));
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

    proptest! {
        #[test]
        fn visible_grids_match_the_closure(
            parents in proptest::collection::vec((0..30, proptest::option::of(0..30)), 0..40),
            assignments in proptest::collection::vec((0..30, role()), 0..6),
        ) {
            let roots: BTreeSet<GridId> =
                assignments.iter().filter(|(_, r)| r.sees_subtree()).map(|&(g, _)| g).collect();
            let mut expected = closure(&roots, &parents);
            expected.extend(assignments.iter().map(|&(g, _)| g));
            prop_assert_eq!(visible_grids(&assignments, &parents), expected);
        }

        #[test]
        fn members_see_exactly_their_grids(
            parents in proptest::collection::vec((0..30, proptest::option::of(0..30)), 0..40),
            grids in proptest::collection::vec(0..30, 0..6),
        ) {
            let assignments: Vec<_> = grids.iter().map(|&g| (g, Role::Member)).collect();
            let expected: BTreeSet<GridId> = grids.into_iter().collect();
            prop_assert_eq!(visible_grids(&assignments, &parents), expected);
        }
    }
}
