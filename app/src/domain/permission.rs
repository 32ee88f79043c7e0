//! Who may do what: one table over the grid kinds and roles (001 §三(二)1–4, 003 §三(二)).
//! Every check of the server and the phone asks it, through [`permits`] or the `Role` and
//! `Profile` helpers built on it, and the administrators' page 权限一览 shows it whole.

use super::grid::{GridKind, Role};

/// Something a role in a grid of some kind may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ability {
    /// See the grids below one's own, their enterprises and records (the township view).
    /// Everyone sees their own grid.
    SeeBelow,
    /// Record the grid's work: activities, trainings (with 联审辅导), major events.
    Record,
    /// Write the grid's 情况汇报 to the level-2 unit: monthly for a work area or enterprise
    /// grid; for a township's 经发办 staff, to its 分管领导 whenever there is something to tell.
    Report,
    /// Write the grid's annual work plan.
    Plan,
    /// Record the township's monthly analysis meeting (月度分析例会).
    Meet,
    /// File the progress reports due on fixed days (004 §七) for the grid.
    ReportProgress,
    /// Review the monthly reports and read the major events of the grids below.
    Review,
    /// Send notices (通知) and put up online courses (在线课堂) for everyone in the grids below
    /// (001 §三(三)1: 线上联络, 在线教育培训).
    Notify,
    /// Keep what the level-2 unit provides its grids (001 §三(四) 保障措施): the roster of its
    /// statistics staff (§三(四)3) and its register of 统计之家 (§三(四)5).
    KeepProvisions,
    /// Draw up the level-2 unit's training plan for the year (001 §四(二)1), and below it.
    PlanTraining,
    /// Mark the preparation and operating stages' milestones done (001 §四(一)(二)): the city's
    /// and the unit's.
    Prepare,
    /// Administer the city: directory, grids, people, reporting cadence, audit log.
    Administer,
    /// Be bound by the continuing-education hours.
    Study,
    /// Follow the continuing-education hours of the grid's members.
    FollowStudy,
    /// The December assessment (001 §三(四)5, §四(三)): a level-2 unit assesses its grid
    /// members (or grids); the city bureau confirms or returns the result.
    Assess,
}

impl Ability {
    /// Every ability, in the page's column order.
    pub const ALL: [Ability; 15] = [
        Ability::SeeBelow,
        Ability::Record,
        Ability::Report,
        Ability::Plan,
        Ability::Meet,
        Ability::ReportProgress,
        Ability::Review,
        Ability::Notify,
        Ability::KeepProvisions,
        Ability::PlanTraining,
        Ability::Prepare,
        Ability::Administer,
        Ability::Study,
        Ability::FollowStudy,
        Ability::Assess,
    ];

    /// Chinese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Ability::SeeBelow => "查看下级网格",
            Ability::Record => "记录活动、培训、重大事项",
            Ability::Report => "情况汇报",
            Ability::Plan => "年度工作计划",
            Ability::Meet => "记录月度分析例会",
            Ability::ReportProgress => "报送阶段进展报告",
            Ability::Review => "审核汇报、阅处重大事项",
            Ability::Notify => "发布通知、在线课程",
            Ability::KeepProvisions => "维护统计人员名册、统计之家",
            Ability::PlanTraining => "制定培训计划",
            Ability::Prepare => "记录实施步骤进展",
            Ability::Administer => "管理全市（名录、网格、人员、报送节奏）",
            Ability::Study => "参加继续教育",
            Ability::FollowStudy => "查看网格员学时",
            Ability::Assess => "年度考核（单位评定、市统计局确认）",
        }
    }
}

/// Whether a `role` in a grid of `kind` may do `ability` (in that grid, and below it where
/// the ability reaches down).
///
/// - The city grid (001 §三(二)1): its 网格指导员 is the statistics bureau (the director and
///   bureau staff), which administers the city and reviews; the vice-mayor who leads it and
///   the 市府办 deputy see the whole city but neither administer nor review.
/// - A level-2 unit, a township, street or department grid (001 §三(二)2): its leader and its
///   网格指导员 (the 分管领导 who runs the grids day to day) review what the grids below report;
///   its deputies, the work-area heads, do not: they report from their work areas. A
///   township (street) holds the monthly analysis meeting (001 §三(三)3); its leader, its
///   分管领导 and its 经发办 staff (its members) record the minutes, and file the unit's
///   fixed-date progress reports where the policy asks it for some. Its leader and 分管领导
///   keep the roster of its statistics staff (001 §三(四)3) and its register of 统计之家
///   (§三(四)5), draw up its training plan (001 §四(二)1) and mark its preparation stage done (001 §四(一)), as the bureau may for
///   every unit and for the city.
/// - The statistics bureau and a level-2 unit's leader and 分管领导 send notices to the grids
///   below (001 §三(三)1: 线上联络与线下例会相结合), as they are the ones who direct them.
/// - A level-2 unit's leader and 分管领导 assess its grid members (or grids) in December, and
///   the statistics bureau confirms the result (001 §三(四)5: 由市住建局、乡镇(街道)负责对统计
///   网格成员进行年度绩效评定,经市统计局确认; 003 §三(四)4).
/// - The statistics bureau keeps the roster of its 乡镇（街道）统计工作管理办公室 (004 §四(一):
///   在县级统计局设立乡镇（街道）统计工作管理办公室，落实人员编制).
/// - The statistics bureau files the city's (county's) fixed-date progress reports (004 §七:
///   市及县（市、区）统计局……报送试点工作推进情况总结).
/// - The statistics bureau records the city's own trainings and activities for the units'
///   statistics staff (000 §三(二): 对乡镇统计人员进行统计法律法规和业务培训).
/// - Every grid below the city records its own work (003 §三(三)1: 各级网格每季度组织活动;
///   001 §三(三)3: 业务培训及联审辅导): a township's or department's leader, 分管领导 and
///   经发办 staff record the unit's trainings and activities for the grids below, and its
///   staff report major events to the city (001 §三(三)3), on any enterprise of the unit: the
///   经发办 is the unit's statistics office, so its staff see the grids below like its leaders
///   (a member of any other grid sees only their own); its deputies record in their work
///   areas. The 经发办 staff report the statistics work, problems and difficulties to the
///   分管领导 (001 §三(三)3: 及时向分管领导汇报), in a 情况汇报 of the township itself, which no
///   cadence binds.
/// - A work area (001 §三(二)3): its leader and deputy report monthly.
/// - An enterprise grid (001 §三(二)4): its leader and deputy report and plan; its members,
///   the enterprises' statisticians, study, and the others follow their hours.
/// - A village surveyor (004 §四(一)), in a township, development zone or work area, records
///   the village's work (activities, trainings attended, major events) and sees its own grid;
///   the notices and courses of the units above reach them like everyone else.
pub fn permits(kind: GridKind, role: Role, ability: Ability) -> bool {
    if role == Role::Surveyor {
        return ability == Ability::Record && role.may_hold_in(kind);
    }
    let leads = matches!(role, Role::Leader | Role::DeputyLeader);
    let enterprise = kind == GridKind::Enterprise;
    match ability {
        Ability::SeeBelow => role != Role::Member || kind.is_level_two(),
        Ability::Record => match kind {
            GridKind::City => role == Role::Instructor,
            k if k.is_level_two() => role != Role::DeputyLeader,
            _ => true,
        },
        Ability::Report => {
            (leads && kind.reports_monthly()) || (kind.holds_meetings() && role == Role::Member)
        }
        Ability::Plan => leads && enterprise,
        Ability::Meet => kind.holds_meetings() && role != Role::DeputyLeader,
        Ability::ReportProgress => match kind {
            GridKind::City => role == Role::Instructor,
            k => k.is_level_two() && role != Role::DeputyLeader,
        },
        Ability::Review => match kind {
            GridKind::City => role == Role::Instructor,
            k if k.is_level_two() => matches!(role, Role::Leader | Role::Instructor),
            _ => false,
        },
        Ability::Notify
        | Ability::KeepProvisions
        | Ability::PlanTraining
        | Ability::Prepare
        | Ability::Assess => match kind {
            GridKind::City => role == Role::Instructor,
            k => k.is_level_two() && matches!(role, Role::Leader | Role::Instructor),
        },
        Ability::Administer => kind == GridKind::City && role == Role::Instructor,
        Ability::Study => enterprise && role == Role::Member,
        Ability::FollowStudy => enterprise && role != Role::Member,
    }
}

/// The abilities of a `role` in a grid of `kind`, in column order.
pub fn abilities(kind: GridKind, role: Role) -> Vec<Ability> {
    Ability::ALL
        .into_iter()
        .filter(|&a| permits(kind, role, a))
        .collect()
}

#[cfg(test)]
#[path = "permission_tests.rs"]
mod tests;
