//! Annual plans as a record kind: one per grid and year, held by both leaders of the grid,
//! edited by either (a stale edit is a conflict); and the plans the township sees.
use crate::db::annual_plan;
use crate::domain::annual_plan::{AnnualPlanDraft, ValidAnnualPlan};
use crate::domain::grid::GridKind;
use crate::domain::period::{format_date, shanghai_date};
use crate::error::ServerError;
use crate::grid_scope::LedGrids;
use crate::plans::api::{PULLED_AS, PlanRecord, PlanSummary};
use crate::sync::api::Problem;
use crate::sync::kind::{Holders, Incoming, RecordKind, stored_record, stored_row};
use crate::sync::rows::place_taken;
use crate::sync::store::wire_version;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter,
};
use std::collections::HashMap;
use uuid::Uuid;

pub struct Plans;

stored_row!(annual_plan, received_at_ms, ReceivedAtMs);

impl RecordKind for Plans {
    type Draft = AnnualPlanDraft;
    type Scope = LedGrids;
    type Admitted = ValidAnnualPlan;
    type Row = annual_plan::Model;
    type Entity = annual_plan::Entity;
    type Pulled = PlanRecord;

    const NOUN: &'static str = "年度工作计划";
    const PULLED_AS: &'static str = PULLED_AS;
    /// Every leader of a grid holds its plan, so either may edit it.
    const HOLDERS: Holders = Holders::GridLeaders;

    fn admit(
        grids: &LedGrids,
        _draft: &AnnualPlanDraft,
        valid: ValidAnnualPlan,
    ) -> Result<ValidAnnualPlan, Vec<Problem>> {
        grids.admit(
            valid.grid_id,
            &[GridKind::Enterprise],
            "只有企业网格的网格长、副网格长能制定它的年度工作计划",
        )?;
        Ok(valid)
    }

    fn as_draft(valid: &ValidAnnualPlan) -> AnnualPlanDraft {
        AnnualPlanDraft {
            grid_id: valid.grid_id,
            year: valid.year,
            goals: valid.goals.clone(),
            measures: valid.measures.clone(),
            schedule: valid.schedule.clone(),
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<AnnualPlanDraft, ServerError> {
        Ok(draft_of(row))
    }

    /// A plan stays editable all year, whatever the months' locks: `locked` keeps its
    /// default. It stays with its grid and year.
    fn refuse_change(row: &Self::Row, valid: &ValidAnnualPlan) -> Option<Vec<Problem>> {
        let moved = row.grid_id != valid.grid_id || row.year != valid.year;
        moved.then(|| {
            let why = "计划提交后不能更换网格或年份；其他年份请另写一份计划";
            vec![Problem::new("plan_moved", None, why)]
        })
    }

    /// One plan per grid and year.
    async fn taken(
        tx: &DatabaseTransaction,
        id: Uuid,
        valid: &ValidAnnualPlan,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        let year = annual_plan::Column::Year.eq(valid.year);
        Ok(place_taken::<Self>(tx, id, valid.grid_id, year)
            .await?
            .then(|| {
                let why = format!(
                    "该网格{}年的工作计划已有人提交；请同步后在“我的记录”中修改那一份",
                    valid.year
                );
                vec![Problem::new("plan_exists", None, why)]
            }))
    }

    /// An edit keeps when the plan first arrived.
    fn row(
        new: &Incoming<'_, ValidAnnualPlan>,
        before: Option<&Self::Row>,
    ) -> annual_plan::ActiveModel {
        let valid = new.admitted;
        annual_plan::ActiveModel {
            id: Set(new.id),
            grid_id: Set(valid.grid_id),
            year: Set(valid.year),
            person_id: Set(new.person_id),
            goals: Set(valid.goals.clone()),
            measures: Set(valid.measures.clone()),
            schedule: Set(valid.schedule.clone()),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            first_received_at_ms: Set(before.map_or(new.at_ms, |b| b.first_received_at_ms)),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<PlanRecord>, ServerError> {
        Ok(rows
            .iter()
            .map(|row| stored_record(row, draft_of(row)))
            .collect())
    }
}

fn draft_of(row: &annual_plan::Model) -> AnnualPlanDraft {
    AnnualPlanDraft {
        grid_id: row.grid_id,
        year: row.year,
        goals: row.goals.clone(),
        measures: row.measures.clone(),
        schedule: row.schedule.clone(),
    }
}

/// The plans of `grids` for `year`, by grid.
pub async fn plans_of(
    db: &impl ConnectionTrait,
    grids: &[i32],
    year: i32,
) -> Result<HashMap<i32, PlanSummary>, ServerError> {
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
                    version: wire_version(r.version),
                    goals: r.goals,
                    measures: r.measures,
                    schedule: r.schedule,
                },
            )
        })
        .collect())
}
