//! The one rule every cell's expected answer comes from, and the demo roles with the grid each
//! relation names for them. The rule is the documents' (`shared/domain.md`, seed-coverage §2),
//! not the server's: members see and record in their own grid; leaders, deputies and
//! instructors of a grid see it and everything below it; leaders and deputies of a grid write its
//! monthly report and plan; a township's leader, instructor and members record its monthly
//! analysis meeting; a township or department grid's leader or instructor (分管领导)
//! reviews the reports and major events below it (its deputies, the work-area heads, do not);
//! the city bureau (the city grid's instructor: the bureau director and staff) administers,
//! sees and reviews everything, while the city grid's leader and deputy (the vice-mayor and
//! 市府办) see everything and do nothing more.
use app::domain::grid::{GridKind, Role};
use std::collections::HashMap;

/// What an endpoint asks of the person calling it, about the grid its request targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in; the answer holds their own data only.
    SignedIn,
    /// Sees the grid's directory and records.
    See,
    /// Has the office view (乡镇走访情况, 月度汇报) of the grid.
    Oversee,
    /// Records grid work (activities, trainings, major events) in the grid: anyone in a work
    /// area or enterprise grid; a township's or department's leader, 分管领导 and staff.
    Record,
    /// Writes the enterprise grid's monthly report and annual plan.
    Lead,
    /// Writes the grid's 情况汇报: a work area's or enterprise grid's leaders monthly, a
    /// township's (development zone's) 经发办 staff to its 分管领导.
    Report,
    /// Records the township's monthly analysis meeting: its leader, 分管领导 and 经发办 staff.
    Meet,
    /// Files the grid's fixed-date progress reports: the city bureau for the city; a township's
    /// or department's leader, 分管领导 and staff for it.
    ReportProgress,
    /// Reviews the grid's monthly reports and major events.
    Review,
    /// Keeps a level-2 unit's 统计之家: its leader and 分管领导, or the city bureau.
    KeepProvisions,
    /// Keeps a roster of statistics staff: a level-2 unit's as [`Cap::KeepProvisions`], the
    /// city's (its 乡镇（街道）统计工作管理办公室) by the bureau.
    KeepRoster,
    /// Sends a level-2 unit's notices: as [`Cap::KeepRoster`] (the bureau for the city).
    Notify,
    /// Draws up a level-2 unit's training plan: as [`Cap::KeepProvisions`].
    PlanTraining,
    /// Marks the preparation stage's milestones: as [`Cap::KeepRoster`].
    Prepare,
    /// Reads a level-2 unit's December assessment: as [`Cap::KeepProvisions`].
    Assess,
    /// Scores and submits a level-2 unit's assessment: its own leader and 分管领导 only.
    AssessOwn,
    /// Confirms, returns or unlocks a level-2 unit's assessment: the city bureau.
    Confirm,
    /// Administers the city: directory, grids, people, cadence, audit log.
    Administer,
    /// Has office pages (any role above member): the login opens an office session.
    Office,
    /// No one through the site: served on the operator's own address only (metrics).
    OffSite,
}

/// The grid tree as the city administrator reads it.
pub struct Tree {
    grids: Vec<Grid>,
    by_name: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct Grid {
    pub id: i64,
    pub parent: Option<i64>,
    pub kind: GridKind,
    pub name: String,
}

impl Tree {
    pub fn new(mut grids: Vec<Grid>) -> Tree {
        grids.sort_by_key(|g| g.id);
        let by_name = grids
            .iter()
            .enumerate()
            .map(|(i, g)| (g.name.clone(), i))
            .collect();
        Tree { grids, by_name }
    }

    pub fn named(&self, name: &str) -> &Grid {
        let at = self.by_name.get(name);
        &self.grids[*at.unwrap_or_else(|| panic!("grid {name} exists"))]
    }

    pub fn get(&self, id: i64) -> &Grid {
        let found = self.grids.iter().find(|g| g.id == id);
        found.unwrap_or_else(|| panic!("grid {id} exists"))
    }

    pub fn enterprise_grids(&self) -> impl Iterator<Item = &Grid> {
        self.grids.iter().filter(|g| g.kind == GridKind::Enterprise)
    }

    /// Whether `above` is `grid` or one of its ancestors.
    pub fn at_or_above(&self, above: i64, grid: i64) -> bool {
        let mut at = Some(grid);
        while let Some(id) = at {
            if id == above {
                return true;
            }
            at = self.get(id).parent;
        }
        false
    }

    /// The first enterprise grid at or below `root`, in id order.
    pub fn first_enterprise_under(&self, root: i64) -> Option<&Grid> {
        self.enterprise_grids()
            .find(|g| self.at_or_above(root, g.id))
    }
}

/// Whether someone holding `roles` (none: not signed in) may use an endpoint needing `cap` on
/// `subject`.
pub fn allowed(cap: Cap, roles: Option<&[(i64, Role)]>, subject: &Grid, tree: &Tree) -> bool {
    let Some(roles) = roles else {
        return cap == Cap::Public;
    };
    let leads = |r: Role| matches!(r, Role::Leader | Role::DeputyLeader);
    // Members see only their own grid, but a level-2 unit's: its 经发办 statistics staff; a
    // village surveyor only their own.
    let oversees = |g: &Grid, r: Role| match r {
        Role::Surveyor => false,
        Role::Member => g.kind.is_level_two(),
        _ => true,
    };
    let holds =
        |test: &dyn Fn(&Grid, Role) -> bool| roles.iter().any(|(g, r)| test(tree.get(*g), *r));
    let above = |g: &Grid| tree.at_or_above(g.id, subject.id);
    let bureau = holds(&|g, r| g.kind == GridKind::City && r == Role::Instructor);
    let enterprise = subject.kind == GridKind::Enterprise;
    match cap {
        Cap::Public | Cap::SignedIn => true,
        Cap::Administer => bureau,
        Cap::Office => bureau || holds(&|g, r| oversees(g, r)),
        Cap::See => bureau || holds(&|g, r| g.id == subject.id || (oversees(g, r) && above(g))),
        Cap::Oversee => bureau || holds(&|g, r| oversees(g, r) && above(g)),
        Cap::Record => holds(&|g, r| {
            g.id == subject.id
                && match g.kind {
                    GridKind::City => r == Role::Instructor,
                    k if k.is_level_two() => r != Role::DeputyLeader,
                    _ => true,
                }
        }),
        Cap::Lead => enterprise && holds(&|g, r| g.id == subject.id && leads(r)),
        Cap::Report => holds(&|g, r| {
            g.id == subject.id
                && ((leads(r) && matches!(g.kind, GridKind::WorkArea | GridKind::Enterprise))
                    || (g.kind.holds_meetings() && r == Role::Member))
        }),
        Cap::Meet => {
            subject.kind.holds_meetings()
                && holds(&|g, r| {
                    g.id == subject.id && !matches!(r, Role::DeputyLeader | Role::Surveyor)
                })
        }
        Cap::ReportProgress => holds(&|g, r| {
            g.id == subject.id
                && match g.kind {
                    GridKind::City => r == Role::Instructor,
                    k if k.is_level_two() => !matches!(r, Role::DeputyLeader | Role::Surveyor),
                    _ => false,
                }
        }),
        Cap::AssessOwn => {
            subject.kind.is_level_two()
                && holds(&|g, r| g.id == subject.id && matches!(r, Role::Leader | Role::Instructor))
        }
        Cap::Confirm => bureau && subject.kind.is_level_two(),
        Cap::KeepProvisions
        | Cap::KeepRoster
        | Cap::PlanTraining
        | Cap::Prepare
        | Cap::Notify
        | Cap::Assess => {
            let city_too = matches!(cap, Cap::KeepRoster | Cap::Prepare | Cap::Notify);
            (subject.kind.is_level_two() || (city_too && subject.kind == GridKind::City))
                && holds(&|g, r| {
                    above(g)
                        && match g.kind {
                            GridKind::City => r == Role::Instructor,
                            k => k.is_level_two() && matches!(r, Role::Leader | Role::Instructor),
                        }
                })
        }
        Cap::OffSite => false,
        Cap::Review => {
            bureau
                || holds(&|g, r| {
                    matches!(r, Role::Leader | Role::Instructor)
                        && g.kind.is_level_two()
                        && above(g)
                })
        }
    }
}

/// How the grid a cell targets stands to the role's own grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    Own,
    Sibling,
    Parent,
    Child,
    /// Not signed in: no grid of one's own.
    NoSession,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Relation::Own => "own",
            Relation::Sibling => "sibling",
            Relation::Parent => "parent",
            Relation::Child => "child",
            Relation::NoSession => "-",
        }
    }
}

/// A demo role (an account of `server::demo::ACCOUNTS`, or nobody) and, for each relation,
/// the grid it names, `None` where the role has no such grid.
pub struct RoleSpec {
    pub label: &'static str,
    pub phone: Option<&'static str>,
    pub relations: &'static [(Relation, Option<&'static str>)],
}

const fn role(
    label: &'static str,
    phone: &'static str,
    relations: &'static [(Relation, Option<&'static str>)],
) -> RoleSpec {
    RoleSpec {
        label,
        phone: Some(phone),
        relations,
    }
}

use Relation::{Child, Own, Parent, Sibling};

const DONGHU_GRID_ONE: &[(Relation, Option<&str>)] = &[
    (Own, Some("东湖工业一网格")),
    (Sibling, Some("东湖工业二网格")),
    (Parent, Some("东湖北片")),
    (Child, None),
];

const CITY: &[(Relation, Option<&str>)] = &[
    (Own, Some("云江市")),
    (Sibling, None),
    (Parent, None),
    (Child, Some("西岭街道")),
];

pub const ROLES: [RoleSpec; 14] = [
    role("城市管理员", "13800000001", CITY),
    role("分管副市长", "13800000012", CITY),
    role(
        "东湖镇网格长",
        "13800000002",
        &[
            (Own, Some("东湖镇")),
            (Sibling, Some("西岭街道")),
            (Parent, Some("云江市")),
            (Child, Some("东湖南片")),
        ],
    ),
    role(
        "东湖镇分管领导",
        "13800000011",
        &[
            (Own, Some("东湖镇")),
            (Sibling, Some("西岭街道")),
            (Parent, Some("云江市")),
            (Child, Some("东湖南片")),
        ],
    ),
    role(
        "东湖镇经发办",
        "13800000013",
        &[
            (Own, Some("东湖镇")),
            (Sibling, Some("西岭街道")),
            (Parent, Some("云江市")),
            (Child, Some("东湖南片")),
        ],
    ),
    role(
        "西岭街道网格长",
        "13800000003",
        &[
            (Own, Some("西岭街道")),
            (Sibling, Some("东湖镇")),
            (Parent, Some("云江市")),
            (Child, Some("西岭工业网格")),
        ],
    ),
    role(
        "部门网格长",
        "13800000009",
        &[
            (Own, Some("市住建局")),
            (Sibling, Some("西岭街道")),
            (Parent, Some("云江市")),
            (Child, Some("住建建筑业网格")),
        ],
    ),
    role("企业网格长", "13800000004", DONGHU_GRID_ONE),
    role("副网格长", "13800000007", DONGHU_GRID_ONE),
    // Both grids under 东湖北片 are the instructor's own, so the nearest grid outside them
    // (a cousin) stands for the sibling.
    role(
        "网格指导员",
        "13800000008",
        &[
            (Own, Some("东湖工业一网格")),
            (Sibling, Some("东湖贸易网格")),
            (Parent, Some("东湖北片")),
            (Child, None),
        ],
    ),
    role("网格员", "13800000005", DONGHU_GRID_ONE),
    role(
        "西岭网格员",
        "13800000006",
        &[
            (Own, Some("西岭服务业网格")),
            (Sibling, Some("西岭工业网格")),
            (Parent, Some("西岭街道")),
            (Child, None),
        ],
    ),
    role(
        "村统计调查员",
        "13800000014",
        &[
            (Own, Some("东湖北片")),
            (Sibling, Some("东湖南片")),
            (Parent, Some("东湖镇")),
            (Child, Some("东湖工业一网格")),
        ],
    ),
    RoleSpec {
        label: "未登录",
        phone: None,
        relations: &[(Relation::NoSession, Some("东湖工业一网格"))],
    },
];

/// The demo account's roles as (grid id, role), from `server::demo::ACCOUNTS`.
pub fn demo_roles(phone: &str, tree: &Tree) -> Vec<(i64, Role)> {
    let account = server::demo::ACCOUNTS.iter().find(|(p, _, _)| *p == phone);
    let (_, _, roles) = account.unwrap_or_else(|| panic!("{phone} is a demo account"));
    roles
        .iter()
        .map(|(grid, role)| (tree.named(grid).id, *role))
        .collect()
}
