//! The grid tree's vocabulary: kinds of grid, roles in a grid and industries
//! (the tree itself is [`super::grid_tree::GridTree`]).

use super::permission::{Ability, permits};

/// Database id of a grid.
pub type GridId = i32;

/// Declares a fieldless enum with stable codes and Chinese labels.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]
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
pub(crate) use coded_enum;

coded_enum! {
    /// Kind of grid, one per level of the tree (the depth differs by city).
    GridKind {
        /// 市域: the whole city, level 1.
        City = "city", "市域";
        /// 乡镇/街道: a township or street, level 2.
        Township = "township", "乡镇/街道";
        /// 部门: a department grid beside the townships, e.g. the housing bureau.
        Department = "department", "部门";
        /// 开发区: a development zone, a level-2 unit beside the townships (001 §三(四)3).
        DevelopmentZone = "development_zone", "开发区";
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
        /// 村统计调查员: a village (community) statistical surveyor the township appoints
        /// and pays a work subsidy (004 §四(一): 在村（社区）聘任统计调查员).
        Surveyor = "surveyor", "村统计调查员";
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

impl GridKind {
    /// The level-2 units, which hear and review the grids below them: townships and streets,
    /// department grids such as the housing bureau (001 §三(二)2: 部门网格 beside them), and
    /// development zones (001 §三(四)3 sets their statistics staff beside the townships').
    pub const LEVEL_TWO: [GridKind; 3] = [
        GridKind::Township,
        GridKind::Department,
        GridKind::DevelopmentZone,
    ];

    pub fn is_level_two(self) -> bool {
        Self::LEVEL_TWO.contains(&self)
    }

    /// The units that hold the monthly analysis meeting (001 §三(三)3): townships and streets,
    /// and the development zone, which 001 counts with them (乡镇(街道)(含玉环经济开发区,下同)).
    pub const MEETING: [GridKind; 2] = [GridKind::Township, GridKind::DevelopmentZone];

    pub fn holds_meetings(self) -> bool {
        Self::MEETING.contains(&self)
    }

    /// The grids whose leaders report to the township each month (情况汇报): the work areas
    /// (level 3, where a city has them) and the enterprise grids (001 §三(二): 二级网格长每月
    /// 听取三、四级网格长情况汇报; 003 §三(二)).
    pub const REPORTING: [GridKind; 2] = [GridKind::WorkArea, GridKind::Enterprise];

    pub fn reports_monthly(self) -> bool {
        Self::REPORTING.contains(&self)
    }

    /// The kinds a grid of this kind may sit under, as the documents draw the tree (001 §三(二),
    /// 003 §三(二)): the city grid is the root; townships, streets, departments and
    /// development zones sit under the city; a work area (工作管理片) under its township; an
    /// enterprise grid under any of these but the city (市住建局's construction grids sit
    /// under the department).
    pub fn parents(self) -> &'static [GridKind] {
        match self {
            GridKind::City => &[],
            GridKind::Township | GridKind::Department | GridKind::DevelopmentZone => {
                &[GridKind::City]
            }
            GridKind::WorkArea => &[GridKind::Township],
            GridKind::Enterprise => &[
                GridKind::Township,
                GridKind::WorkArea,
                GridKind::Department,
                GridKind::DevelopmentZone,
            ],
        }
    }

    /// Whether a grid of this kind may sit under a grid of kind `parent`.
    pub fn may_sit_under(self, parent: GridKind) -> bool {
        self.parents().contains(&parent)
    }

    /// Why a grid of this kind may not sit under a grid of kind `parent`, in words; `None`
    /// when it may.
    pub fn misplaced_under(self, parent: GridKind) -> Option<String> {
        if self.may_sit_under(parent) {
            return None;
        }
        let allowed: Vec<&str> = self.parents().iter().map(|k| k.label()).collect();
        Some(match allowed.as_slice() {
            [] => format!("{}是网格的最上一级，不能设在其他网格之下", self.label()),
            [first @ .., last] => {
                let some = first.join("、");
                let or = if first.is_empty() { "" } else { "或" };
                format!(
                    "{}不能设在{}之下，只能设在{some}{or}{last}之下",
                    self.label(),
                    parent.label(),
                )
            }
        })
    }

    /// Whether a grid, as stored (its kind's code), reports monthly.
    pub fn code_reports_monthly(code: &str) -> bool {
        GridKind::from_code(code).is_some_and(GridKind::reports_monthly)
    }
}

/// Why a village surveyor cannot be placed in some grid, in words for the user.
pub const SURVEYOR_PLACES: &str = "村统计调查员只能设在乡镇（街道）、开发区或工作管理片";

impl Role {
    /// Whether the role may be held in a grid of `kind`: a village surveyor works in a
    /// township (street, development zone) or in a work area of its villages, nowhere else.
    pub fn may_hold_in(self, kind: GridKind) -> bool {
        self != Role::Surveyor
            || matches!(
                kind,
                GridKind::Township | GridKind::DevelopmentZone | GridKind::WorkArea
            )
    }

    /// Whether the role in a grid of `kind` oversees the grids below it; a member (but a
    /// level-2 unit's statistics staff) sees only their own grid's enterprises and their own
    /// records ([`Ability::SeeBelow`]).
    pub fn sees_below(self, kind: GridKind) -> bool {
        permits(kind, self, Ability::SeeBelow)
    }

    /// Whether the role reviews the monthly reports and major events below a grid of `kind`
    /// ([`Ability::Review`]).
    pub fn reviews_in(self, kind: GridKind) -> bool {
        permits(kind, self, Ability::Review)
    }

    /// Whether the continuing-education rule binds the role in a grid of `kind`.
    pub fn studies_in(self, kind: GridKind) -> bool {
        permits(kind, self, Ability::Study)
    }

    /// Whether the role follows the continuing-education hours of the members of a grid of
    /// `kind`.
    pub fn follows_study_in(self, kind: GridKind) -> bool {
        permits(kind, self, Ability::FollowStudy)
    }
}

impl Industry {
    /// The industry with this Chinese label (surrounding whitespace ignored).
    pub fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        Self::ALL.into_iter().find(|v| v.label() == label)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn each_kind_sits_only_where_the_documents_draw_it() {
        use GridKind::*;
        // (kind, parent, allowed), for every pair.
        let allowed = [
            (Township, City),
            (Department, City),
            (WorkArea, Township),
            (Enterprise, Township),
            (Enterprise, WorkArea),
            (Enterprise, Department),
            (DevelopmentZone, City),
            (Enterprise, DevelopmentZone),
        ];
        for kind in GridKind::ALL {
            for parent in GridKind::ALL {
                let expected = allowed.contains(&(kind, parent));
                assert_eq!(
                    kind.may_sit_under(parent),
                    expected,
                    "{kind:?} under {parent:?}"
                );
                assert_eq!(kind.misplaced_under(parent).is_none(), expected);
            }
        }
        assert_eq!(
            WorkArea.misplaced_under(Department).unwrap(),
            "工作管理片不能设在部门之下，只能设在乡镇/街道之下"
        );
        assert_eq!(
            Enterprise.misplaced_under(City).unwrap(),
            "企业网格不能设在市域之下，只能设在乡镇/街道、工作管理片、部门或开发区之下"
        );
        assert_eq!(
            City.misplaced_under(Township).unwrap(),
            "市域是网格的最上一级，不能设在其他网格之下"
        );
    }

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
    fn work_areas_and_enterprise_grids_report_monthly() {
        let reporting: Vec<GridKind> = GridKind::ALL
            .into_iter()
            .filter(|k| k.reports_monthly())
            .collect();
        assert_eq!(reporting, [GridKind::WorkArea, GridKind::Enterprise]);
        assert!(GridKind::code_reports_monthly("work_area"));
        assert!(!GridKind::code_reports_monthly("township"));
        assert!(!GridKind::code_reports_monthly("no_such_kind"));
    }

    #[test]
    fn serde_uses_the_codes() {
        use serde::de::{IntoDeserializer, value::Error};
        let role: Result<Role, Error> = Role::deserialize("deputy_leader".into_deserializer());
        assert_eq!(role.unwrap(), Role::DeputyLeader);
        let kind: Result<GridKind, Error> = GridKind::deserialize("work_area".into_deserializer());
        assert_eq!(kind.unwrap(), GridKind::WorkArea);
    }
}
