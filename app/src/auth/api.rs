//! Shared types of the login exchange (`docs/sync.md`, "Login").
use crate::domain::grid::{GridKind, Role};
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
    /// The city statistics bureau: a leader or deputy of a city grid.
    pub fn administers_city(&self) -> bool {
        self.roles.iter().any(|r| {
            r.kind == GridKind::City && matches!(r.role, Role::Leader | Role::DeputyLeader)
        })
    }

    /// Whether the person oversees some grid (and so has a township or grid view).
    pub fn oversees(&self) -> bool {
        self.roles.iter().any(|r| r.role.sees_subtree())
    }

    /// The grids whose monthly report (情况汇报) the person writes: the work areas and
    /// enterprise grids they lead or deputise for ([`GridKind::reports_monthly`]).
    pub fn reporting_grids(&self) -> Vec<&GridRole> {
        self.led_roles()
            .filter(|r| r.kind.reports_monthly())
            .collect()
    }

    /// The grids whose annual work plan the person writes: the enterprise grids they lead or
    /// deputise for (001 §三(二)).
    pub fn planning_grids(&self) -> Vec<&GridRole> {
        self.led_roles()
            .filter(|r| r.kind == GridKind::Enterprise)
            .collect()
    }

    fn led_roles(&self) -> impl Iterator<Item = &GridRole> {
        self.roles
            .iter()
            .filter(|r| matches!(r.role, Role::Leader | Role::DeputyLeader))
    }

    /// The enterprise grids the person belongs to, in any role: where they record activities.
    pub fn activity_grids(&self) -> Vec<&GridRole> {
        self.roles
            .iter()
            .filter(|r| r.kind == GridKind::Enterprise)
            .collect()
    }

    /// Whether the person has office pages (township view, review, administration): their
    /// login opens an office session too.
    pub fn has_office_pages(&self) -> bool {
        self.oversees() || self.administers_city() || self.reviews_reports()
    }

    /// Whether the person reviews some grid's monthly reports: a township leader or deputy,
    /// or the city bureau (the rule of [`crate::domain::grid_tree::GridTree::reviews`]).
    pub fn reviews_reports(&self) -> bool {
        self.roles.iter().any(|r| r.role.reviews_in(r.kind))
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
