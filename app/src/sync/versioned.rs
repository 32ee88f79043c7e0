//! What the stores of versioned grid records (activities, trainings) share: who belongs to the
//! grids, and the answers for refused, locked and conflicting versions.
use crate::db::role_assignment;
use crate::domain::period::Month;
use crate::error::AppError;
use crate::sync::api::{CurrentVersion, Problem, RecordEnvelope, RecordOutcome};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The viewer's enterprise grids with who holds a role in each.
pub async fn members_by_grid(
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
