//! Shared types of the login exchange (`docs/sync.md`, "Login").
use crate::domain::grid::{GridKind, Role};
use crate::domain::permission::{Ability, permits};
use serde::{Deserialize, Serialize};

/// What the login form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Credentials {
    pub phone: String,
    pub password: String,
    /// The office pages' login: opens an office session only, and leaves the phone's alone.
    #[serde(default)]
    pub office: bool,
}

/// The logged-in person as the phone keeps it for offline use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub person_id: i32,
    pub name: String,
    pub phone: String,
    pub roles: Vec<GridRole>,
    /// An administrator set the password: the person must choose their own before working.
    #[serde(default)]
    pub must_change_password: bool,
}

/// One role of the person in one grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridRole {
    pub grid_id: i32,
    pub grid_name: String,
    pub kind: GridKind,
    pub role: Role,
}

impl Profile {
    /// Whether some role of the person permits `ability` (the table of
    /// [`crate::domain::permission`]).
    pub fn may(&self, ability: Ability) -> bool {
        self.roles.iter().any(|r| r.permits(ability))
    }

    /// The city statistics bureau: the city grid's 网格指导员 (the director and bureau staff).
    pub fn administers_city(&self) -> bool {
        self.may(Ability::Administer)
    }

    /// Whether the person oversees the whole city: the city grid's leader, deputies and the
    /// bureau, who see the townships side by side.
    pub fn oversees_city(&self) -> bool {
        (self.roles.iter()).any(|r| r.kind == GridKind::City && r.permits(Ability::SeeBelow))
    }

    /// Whether the person oversees some grid (and so has a township or grid view).
    pub fn oversees(&self) -> bool {
        self.may(Ability::SeeBelow)
    }

    /// The grids whose monthly report (情况汇报) the person writes: the work areas and
    /// enterprise grids they lead or deputise for.
    pub fn reporting_grids(&self) -> Vec<&GridRole> {
        self.grids_permitting(Ability::Report)
    }

    /// The grids whose annual work plan the person writes: the enterprise grids they lead or
    /// deputise for (001 §三(二)).
    pub fn planning_grids(&self) -> Vec<&GridRole> {
        self.grids_permitting(Ability::Plan)
    }

    /// The townships whose monthly analysis meeting the person records (001 §三(三)3).
    pub fn meeting_grids(&self) -> Vec<&GridRole> {
        self.grids_permitting(Ability::Meet)
    }

    /// The enterprise grids the person belongs to, in any role: where they record activities.
    pub fn activity_grids(&self) -> Vec<&GridRole> {
        self.grids_permitting(Ability::Record)
    }

    /// The grids where some role of the person permits `ability`.
    pub fn grids_permitting(&self, ability: Ability) -> Vec<&GridRole> {
        self.roles.iter().filter(|r| r.permits(ability)).collect()
    }

    /// Whether the person has office pages (township view, review, administration): their
    /// login opens an office session too.
    /// (Whoever administers or reviews also oversees: the table's tests hold it.)
    pub fn has_office_pages(&self) -> bool {
        self.oversees()
    }

    /// Whether the person reviews some grid's monthly reports: a level-2 unit's leader or
    /// 分管领导, or the city bureau.
    pub fn reviews_reports(&self) -> bool {
        self.may(Ability::Review)
    }
}

impl GridRole {
    pub fn permits(&self, ability: Ability) -> bool {
        permits(self.kind, self.role, ability)
    }
}

/// What the change-password form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

/// Shortest password a person may choose.
pub const MIN_PASSWORD_CHARS: usize = 8;

impl PasswordChange {
    /// The new password's problem, in words for the user.
    pub fn problem(&self) -> Option<String> {
        if self.new.chars().count() < MIN_PASSWORD_CHARS {
            return Some(crate::auth::words::password_too_short());
        }
        if self.new == self.current {
            return Some(crate::auth::words::PASSWORD_UNCHANGED.into());
        }
        None
    }
}

/// The answer to a successful login. `token` also works as `Authorization: Bearer` for
/// clients without cookies.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginAnswer {
    pub token: String,
    pub profile: Profile,
}
