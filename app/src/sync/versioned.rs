//! What the stores of versioned grid records (activities, trainings) share: the viewer's grids
//! as records are checked against them, answering each record of a batch, and the answers for
//! refused, locked and conflicting versions.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::role_assignment;
use crate::domain::period::{Month, shanghai_date};
use crate::error::AppError;
use crate::reports::ssr::store::locked_months;
use crate::sync::api::{CurrentVersion, Problem, RecordEnvelope, RecordOutcome, RecordResult};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeSet, HashMap, HashSet};
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

/// The viewer's enterprise grids as records are checked against them: who belongs to each,
/// which months are locked, and today in Beijing.
pub struct GridScope {
    pub today: Date,
    members: HashMap<i32, HashSet<i32>>,
    locked: HashSet<(i32, Month)>,
}

impl GridScope {
    pub async fn of(db: &impl ConnectionTrait, viewer: &Viewer) -> Result<Self, AppError> {
        let grids: BTreeSet<i32> = viewer
            .profile
            .activity_grids()
            .iter()
            .map(|r| r.grid_id)
            .collect();
        Ok(GridScope {
            today: shanghai_date(now_ms()).ok_or(AppError::Internal)?,
            members: members_by_grid(db, &grids).await?,
            locked: locked_months(db, grids.iter().copied()).await?,
        })
    }

    /// Whether records of `grid` dated `day` may no longer enter or change.
    pub fn is_locked(&self, grid: i32, day: Date) -> bool {
        self.locked.contains(&(grid, Month::of(day)))
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
                    "{}中有人不是该网格的成员，请同步后重新选择",
                    words.people_label
                ),
            )]);
        }
        if self.is_locked(grid, day) {
            return Err(locked_problem(Month::of(day), words.date_field));
        }
        Ok(())
    }
}

/// Answers every record of a batch, one at a time: `check` admits it, `store` keeps it.
pub async fn answer_each<T, Stored>(
    records: Vec<RecordEnvelope>,
    check: impl Fn(&RecordEnvelope) -> Result<T, Vec<Problem>>,
    store: impl Fn(RecordEnvelope, T) -> Stored,
) -> Result<Vec<RecordResult>, AppError>
where
    Stored: std::future::Future<Output = Result<RecordOutcome, AppError>>,
{
    let mut results = Vec::with_capacity(records.len());
    for record in records {
        let id = record.id;
        let outcome = match check(&record) {
            Ok(valid) => store(record, valid).await?,
            Err(problems) => RecordOutcome::Rejected { problems },
        };
        results.push(RecordResult { id, outcome });
    }
    Ok(results)
}

/// The viewer's enterprise grids with who holds a role in each.
async fn members_by_grid(
    db: &impl ConnectionTrait,
    grids: &BTreeSet<i32>,
) -> Result<HashMap<i32, HashSet<i32>>, AppError> {
    let rows: Vec<(i32, i32)> = role_assignment::Entity::find()
        .select_only()
        .column(role_assignment::Column::GridId)
        .column(role_assignment::Column::PersonId)
        .filter(role_assignment::Column::GridId.is_in(grids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_grid: HashMap<i32, HashSet<i32>> = HashMap::new();
    for (grid, person) in rows {
        by_grid.entry(grid).or_default().insert(person);
    }
    Ok(by_grid)
}

pub fn rejected(code: &str, message: impl Into<String>) -> RecordOutcome {
    RecordOutcome::Rejected {
        problems: vec![Problem::new(code, None, message)],
    }
}

pub fn version_of(record: &RecordEnvelope) -> i32 {
    i32::try_from(record.version).unwrap_or(i32::MAX)
}

/// The month's work is approved, so no record may enter or change it.
pub fn locked_problem(month: Month, field: &str) -> Vec<Problem> {
    vec![Problem::new(
        "month_locked",
        Some(field),
        format!(
            "{}的工作已经乡镇审核通过并锁定，不能再记入或修改该月的记录；如需补记，请联系乡镇网格长解锁",
            month.label()
        ),
    )]
}

/// The answer to a version made meanwhile elsewhere: the stored one goes back with it.
pub fn conflict(
    what: &str,
    stored_version: u32,
    current: impl serde::Serialize,
) -> Result<RecordOutcome, AppError> {
    Ok(RecordOutcome::Conflict {
        problems: vec![Problem::new(
            "stale_version",
            None,
            format!("这条{what}已在别处改为第{stored_version}版，与您的修改不同；请选择保留哪一版"),
        )],
        current: CurrentVersion {
            version: stored_version,
            payload: serde_json::to_value(current).map_err(|_| AppError::Internal)?,
        },
    })
}
