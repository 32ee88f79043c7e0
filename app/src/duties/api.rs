//! The duty list as the phone fetches it (`GET DUTIES_PATH`) and keeps it.
use crate::domain::cadence::Status;
use serde::{Deserialize, Serialize};

pub const DUTIES_PATH: &str = "/api/v1/duties";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DutyList {
    /// e.g. "2026年第4季度".
    pub quarter: String,
    /// `YYYY-MM-DD`.
    pub first_day: String,
    /// `YYYY-MM-DD`.
    pub last_day: String,
    /// The last day a visit counts as on time.
    pub due: String,
    /// The open duties, overdue first, then by grid and enterprise.
    pub duties: Vec<Duty>,
    /// Monthly-report reminders for the person's role: a grid leader's own reports due or
    /// returned; a township leader's reports waiting for review and grids overdue.
    #[serde(default)]
    pub reminders: Vec<Reminder>,
    /// The policy's monthly-report rule, so the phone judges its own reports offline.
    #[serde(default)]
    pub report_rule: Option<crate::domain::cadence::Rule>,
    /// The policy's quarterly-activity rule, so the phone judges the duty offline.
    #[serde(default)]
    pub activity_rule: Option<crate::domain::cadence::Rule>,
    /// The person's enterprise grids with the days each held an activity this quarter, as
    /// any of its members recorded them.
    #[serde(default)]
    pub activities: Vec<GridActivities>,
    /// The policy's continuing-education rule when it binds the person (a member,
    /// [`crate::domain::grid::Role::studies`]), and the trainings they attended this year as
    /// the server knows them; the phone adds its own unsent ones.
    #[serde(default)]
    pub education_rule: Option<crate::domain::cadence::Rule>,
    #[serde(default)]
    pub attended: Vec<crate::trainings::api::Attended>,
    /// For the leaders, deputies and instructors of enterprise grids: their members' hours
    /// this year and the duty's status, by grid and name.
    #[serde(default)]
    pub members_education: Vec<MemberEducation>,
    /// For a grid leader: each led grid's records of last month and this one, as the server
    /// holds them from every member, for the 情况汇报 form; the phone adds its unsent ones.
    #[serde(default)]
    pub month_figures: Vec<GridMonthFigures>,
    /// The township's waivers of the duties on the person's cards (their led grids' reports
    /// of last month and this one, their grids' activities this quarter, their own education
    /// this year), so the phone's engine shows 已豁免 offline as the server does.
    #[serde(default)]
    pub waivers: Vec<crate::domain::cadence::Waiver>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridMonthFigures {
    pub grid_id: i32,
    /// `YYYY-MM`.
    pub month: String,
    pub figures: crate::domain::report::MonthFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridActivities {
    pub grid_id: i32,
    pub grid_name: String,
    /// `YYYY-MM-DD`, in no particular order.
    pub held: Vec<String>,
}

/// A grid member's continuing education this year, as the server knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberEducation {
    pub name: String,
    pub grid_name: String,
    pub hours: u32,
    pub required: u32,
    pub status: Status,
}

/// Something due soon, overdue or waiting, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    pub title: String,
    /// When it is due, or what the township said.
    pub note: String,
    pub status: Status,
    /// The grid and month (`YYYY-MM`) of the leader's own report it is about: the phone
    /// drops the reminder once it holds that report, sent or not.
    pub report: Option<(i32, String)>,
}

/// An enterprise still to be visited this quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duty {
    pub enterprise_id: i32,
    pub enterprise_name: String,
    pub grid_name: String,
    /// Visits still needed this quarter.
    pub remaining: u32,
    pub status: Status,
}
