//! The grids a person writes records for, as a batch of records is checked against them: the
//! grids they record grid work in (activities, trainings), with who belongs to each and which
//! months are locked; and the grids they lead (reports, plans).
//!
//! Who belongs to a grid, for its records, is everyone holding a role in it or in a grid below
//! it: a township's training is attended by the members of its enterprise grids.
use crate::auth::ssr::Viewer;
use crate::db::role_assignment;
use crate::domain::grid::GridKind;
use crate::domain::period::Month;
use crate::error::ServerError;
use crate::month_lock;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::BatchScope;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use time::Date;

/// How a record kind names its parts in the answers.
pub struct Wording {
    /// e.g. 活动.
    pub record: &'static str,
    /// The field listing people, its code when someone is outside the grid, and its label.
    pub people_field: &'static str,
    pub people_code: &'static str,
    pub people_label: &'static str,
    pub date_field: &'static str,
}

/// The grids the viewer records work in, with their people and locked months.
pub struct GridScope {
    members: HashMap<i32, HashSet<i32>>,
    locked: HashSet<(i32, Month)>,
}

impl GridScope {
    pub async fn of(db: &impl ConnectionTrait, viewer: &Viewer) -> Result<Self, ServerError> {
        let grids: BTreeSet<i32> = viewer
            .profile
            .activity_grids()
            .iter()
            .map(|r| r.grid_id)
            .collect();
        let mut members: HashMap<i32, HashSet<i32>> = HashMap::new();
        for (grid, role) in role_holders(db, viewer, &grids).await? {
            members.entry(grid).or_default().insert(role.person_id);
        }
        Ok(GridScope {
            members,
            locked: month_lock::locked_months(db, grids.iter().copied()).await?,
        })
    }

    /// Admits a record of `grid` about `people` on `day`: the grid is one of the viewer's,
    /// everyone belongs to it, and its month is open.
    pub fn admit(
        &self,
        grid: i32,
        people: &[i32],
        day: Date,
        words: &Wording,
    ) -> Result<(), Vec<Problem>> {
        let members = self.members.get(&grid).ok_or_else(|| {
            vec![Problem::new(
                "grid_not_allowed",
                Some("grid_id"),
                format!("您不是该网格的成员，不能记录它的{}", words.record),
            )]
        })?;
        if people.iter().any(|p| !members.contains(p)) {
            return Err(vec![Problem::new(
                words.people_code,
                Some(words.people_field),
                format!(
                    "{}中有人不在该网格及其下级网格中，请同步后重新选择",
                    words.people_label
                ),
            )]);
        }
        if self.locked.contains(&(grid, Month::of(day))) {
            return Err(month_lock::problem(Month::of(day), words.date_field));
        }
        Ok(())
    }
}

impl BatchScope for GridScope {
    async fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        GridScope::of(tx, viewer).await
    }
}

/// The grids the writer leads, with their kinds, for the records a grid's leaders hold.
pub struct LedGrids(BTreeMap<i32, GridKind>);

impl LedGrids {
    /// Admits a record of `grid` if the writer leads it and it is of one of `kinds`;
    /// `refusal` says who may write it.
    pub fn admit(&self, grid: i32, kinds: &[GridKind], refusal: &str) -> Result<(), Vec<Problem>> {
        if self.0.get(&grid).is_some_and(|k| kinds.contains(k)) {
            Ok(())
        } else {
            Err(vec![Problem::new(
                "grid_not_allowed",
                Some("grid_id"),
                refusal,
            )])
        }
    }
}

impl BatchScope for LedGrids {
    async fn load(
        _tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        let led = viewer.profile.reporting_grids();
        Ok(LedGrids(led.iter().map(|r| (r.grid_id, r.kind)).collect()))
    }
}

/// Each of `grids` with every role held in it or in a grid below it (by the viewer's tree); for
/// the city grid, only in it and the level-2 units under it: the bureau trains the units'
/// statistics staff, and the units their grids' members (a province's every member would
/// swell each phone's directory).
pub async fn role_holders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grids: &BTreeSet<i32>,
) -> Result<Vec<(i32, role_assignment::Model)>, ServerError> {
    let tree = &viewer.grids.tree;
    let circle = |g: i32| match tree.kind(g) {
        Some(GridKind::City) => (tree.children_of(g))
            .filter(|&d| tree.kind(d).is_some_and(GridKind::is_level_two))
            .chain([g])
            .collect(),
        _ => tree.subtree(g),
    };
    let circles: Vec<(i32, BTreeSet<i32>)> = grids.iter().map(|&g| (g, circle(g))).collect();
    let every: BTreeSet<i32> = circles
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .collect();
    let roles = role_assignment::Entity::find()
        .filter(role_assignment::Column::GridId.is_in(every))
        .all(db)
        .await
        .map_err(ServerError::db("reading grid members"))?;
    let mut held = Vec::new();
    for (grid, circle) in &circles {
        let inside = roles.iter().filter(|r| circle.contains(&r.grid_id));
        held.extend(inside.map(|r| (*grid, r.clone())));
    }
    Ok(held)
}
