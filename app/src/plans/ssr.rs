//! Storing pushed plan versions exactly once (one plan per grid and year, stale versions
//! answered with a conflict), and reading them back for the phone and the township.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::annual_plan;
use crate::domain::annual_plan::{AnnualPlanDraft, ValidAnnualPlan};
use crate::domain::period::{format_date, shanghai_date};
use crate::domain::version::{EditCheck, check_edit};
use crate::error::AppError;
use crate::plans::api::{PlanRecord, PlanSummary};
use crate::sync::api::{Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::versioned::{answer_each, conflict, rejected, version_of};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};

fn planning_grids(viewer: &Viewer) -> BTreeSet<i32> {
    viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect()
}

pub async fn store_plans(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let today = shanghai_date(now_ms()).ok_or(AppError::Internal)?;
    let grids = planning_grids(viewer);
    answer_each(
        records,
        |record| {
            let draft: AnnualPlanDraft = record.payload_as()?;
            let valid = draft.validate(today).map_err(Problem::of_fields)?;
            if !grids.contains(&valid.grid_id) {
                return Err(vec![Problem::new(
                    "grid_not_allowed",
                    Some("grid_id"),
                    "您不是该网格的网格长，不能制定它的年度工作计划",
                )]);
            }
            Ok(valid)
        },
        |record, valid| store_one(db, viewer.person_id(), record, valid),
    )
    .await
}

async fn store_one(
    db: &DatabaseConnection,
    person_id: i32,
    record: RecordEnvelope,
    valid: ValidAnnualPlan,
) -> Result<RecordOutcome, AppError> {
    let at_ms = now_ms();
    let tx = db.begin().await?;
    let stored = annual_plan::Entity::find_by_id(record.id).one(&tx).await?;
    let outcome = match stored {
        Some(row) if row.grid_id != valid.grid_id || row.year != valid.year => rejected(
            "plan_moved",
            "计划提交后不能更换网格或年份；其他年份请另写一份计划",
        ),
        Some(row) => {
            let stored_version = u32::try_from(row.version).unwrap_or(0);
            let same = row.goals == valid.goals
                && row.measures == valid.measures
                && row.schedule == valid.schedule;
            match check_edit(stored_version, record.version, same, true) {
                EditCheck::Replay => RecordOutcome::Accepted {
                    received_at_ms: row.received_at_ms,
                },
                EditCheck::Stale | EditCheck::Locked => {
                    conflict("年度工作计划", stored_version, draft_of(&row))?
                }
                EditCheck::Apply => {
                    let mut active: annual_plan::ActiveModel = row.into();
                    active.person_id = Set(person_id);
                    active.goals = Set(valid.goals);
                    active.measures = Set(valid.measures);
                    active.schedule = Set(valid.schedule);
                    active.version = Set(version_of(&record));
                    active.device_time_ms = Set(record.device_time_ms);
                    active.received_at_ms = Set(at_ms);
                    active.update(&tx).await?;
                    RecordOutcome::Accepted {
                        received_at_ms: at_ms,
                    }
                }
            }
        }
        None => {
            let taken = annual_plan::Entity::find()
                .filter(annual_plan::Column::GridId.eq(valid.grid_id))
                .filter(annual_plan::Column::Year.eq(valid.year))
                .one(&tx)
                .await?;
            if taken.is_some() {
                rejected(
                    "plan_exists",
                    format!(
                        "该网格{}年的工作计划已有人提交；请同步后在“我的记录”中修改那一份",
                        valid.year
                    ),
                )
            } else {
                annual_plan::Entity::insert(annual_plan::ActiveModel {
                    id: Set(record.id),
                    grid_id: Set(valid.grid_id),
                    year: Set(valid.year),
                    person_id: Set(person_id),
                    goals: Set(valid.goals),
                    measures: Set(valid.measures),
                    schedule: Set(valid.schedule),
                    version: Set(version_of(&record)),
                    device_time_ms: Set(record.device_time_ms),
                    first_received_at_ms: Set(at_ms),
                    received_at_ms: Set(at_ms),
                })
                .exec_without_returning(&tx)
                .await?;
                RecordOutcome::Accepted {
                    received_at_ms: at_ms,
                }
            }
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

pub(crate) fn draft_of(row: &annual_plan::Model) -> AnnualPlanDraft {
    AnnualPlanDraft {
        grid_id: row.grid_id,
        year: row.year,
        goals: row.goals.clone(),
        measures: row.measures.clone(),
        schedule: row.schedule.clone(),
    }
}

/// Plans of the viewer's planning grids changed at or after `since`, oldest first: every
/// leader of a grid holds its plan, so either may edit it.
pub async fn plans_since(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    since: i64,
) -> Result<Vec<PlanRecord>, AppError> {
    let grids = planning_grids(viewer);
    if grids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = annual_plan::Entity::find()
        .filter(annual_plan::Column::GridId.is_in(grids))
        .filter(annual_plan::Column::ReceivedAtMs.gte(since))
        .order_by_asc(annual_plan::Column::ReceivedAtMs)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| PlanRecord {
            id: row.id,
            draft: draft_of(&row),
            version: u32::try_from(row.version).unwrap_or(1),
            received_at_ms: row.received_at_ms,
        })
        .collect())
}

/// The plans of `grids` for `year`, by grid.
pub async fn plans_of(
    db: &impl ConnectionTrait,
    grids: &[i32],
    year: i32,
) -> Result<HashMap<i32, PlanSummary>, AppError> {
    let rows = annual_plan::Entity::find()
        .filter(annual_plan::Column::GridId.is_in(grids.iter().copied()))
        .filter(annual_plan::Column::Year.eq(year))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let submitted_on = shanghai_date(r.first_received_at_ms)
                .map(format_date)
                .unwrap_or_default();
            (
                r.grid_id,
                PlanSummary {
                    submitted_on,
                    version: u32::try_from(r.version).unwrap_or(1),
                    goals: r.goals,
                    measures: r.measures,
                    schedule: r.schedule,
                },
            )
        })
        .collect())
}
