//! Annual plans as a record kind: one per grid and year, held by both leaders of the grid,
//! edited by either (a stale edit is a conflict); and the plans the township sees.
use crate::auth::ssr::Viewer;
use crate::db::annual_plan;
use crate::domain::annual_plan::{AnnualPlanDraft, ValidAnnualPlan};
use crate::domain::period::{format_date, shanghai_date};
use crate::error::ServerError;
use crate::plans::api::{PULLED_AS, PlanRecord, PlanSummary};
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{Head, Holders, Incoming, RecordKind};
use crate::sync::store::{inserted, wire_version};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

pub struct Plans;

impl RecordKind for Plans {
    type Draft = AnnualPlanDraft;
    /// The grids the writer leads.
    type Scope = BTreeSet<i32>;
    type Admitted = ValidAnnualPlan;
    type Row = annual_plan::Model;
    type Pulled = PlanRecord;

    const NOUN: &'static str = "年度工作计划";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::GridLeaders;

    async fn scope(
        _tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<BTreeSet<i32>, ServerError> {
        Ok(led_grids(viewer))
    }

    fn admit(
        grids: &BTreeSet<i32>,
        _draft: &AnnualPlanDraft,
        valid: ValidAnnualPlan,
    ) -> Result<ValidAnnualPlan, Vec<Problem>> {
        if !grids.contains(&valid.grid_id) {
            return Err(vec![Problem::new(
                "grid_not_allowed",
                Some("grid_id"),
                "您不是该网格的网格长，不能制定它的年度工作计划",
            )]);
        }
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

    async fn find(tx: &DatabaseTransaction, id: Uuid) -> Result<Option<Self::Row>, ServerError> {
        annual_plan::Entity::find_by_id(id)
            .one(tx)
            .await
            .map_err(ServerError::db("reading a plan"))
    }

    fn head(row: &Self::Row) -> Head {
        Head {
            grid_id: row.grid_id,
            person_id: row.person_id,
            version: wire_version(row.version),
            changed_at_ms: row.received_at_ms,
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<AnnualPlanDraft, ServerError> {
        Ok(draft_of(row))
    }

    fn refuse_change(row: &Self::Row, valid: &ValidAnnualPlan) -> Option<Vec<Problem>> {
        (row.grid_id != valid.grid_id || row.year != valid.year).then(|| {
            vec![Problem::new(
                "plan_moved",
                None,
                "计划提交后不能更换网格或年份；其他年份请另写一份计划",
            )]
        })
    }

    /// A plan stays editable all year, whatever the months' locks.
    async fn locked(
        _tx: &DatabaseTransaction,
        _row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok(None)
    }

    async fn taken(
        tx: &DatabaseTransaction,
        valid: &ValidAnnualPlan,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        let taken = annual_plan::Entity::find()
            .filter(annual_plan::Column::GridId.eq(valid.grid_id))
            .filter(annual_plan::Column::Year.eq(valid.year))
            .one(tx)
            .await
            .map_err(ServerError::db("reading the grid's plan of the year"))?;
        Ok(taken.map(|_| {
            vec![Problem::new(
                "plan_exists",
                None,
                format!(
                    "该网格{}年的工作计划已有人提交；请同步后在“我的记录”中修改那一份",
                    valid.year
                ),
            )]
        }))
    }

    async fn insert(
        tx: &DatabaseTransaction,
        new: Incoming<'_, ValidAnnualPlan>,
    ) -> Result<bool, ServerError> {
        let valid = new.admitted;
        let inserted = inserted(
            annual_plan::Entity::insert(annual_plan::ActiveModel {
                id: Set(new.id),
                grid_id: Set(valid.grid_id),
                year: Set(valid.year),
                person_id: Set(new.person_id),
                goals: Set(valid.goals.clone()),
                measures: Set(valid.measures.clone()),
                schedule: Set(valid.schedule.clone()),
                version: Set(new.version),
                device_time_ms: Set(new.device_time_ms),
                first_received_at_ms: Set(new.at_ms),
                received_at_ms: Set(new.at_ms),
            })
            .on_conflict_do_nothing()
            .exec_without_returning(tx)
            .await
            .map_err(ServerError::db("inserting a plan"))?,
        );
        Ok(inserted)
    }

    async fn update(
        tx: &DatabaseTransaction,
        row: Self::Row,
        new: Incoming<'_, ValidAnnualPlan>,
    ) -> Result<(), ServerError> {
        let valid = new.admitted;
        let mut active: annual_plan::ActiveModel = row.into();
        active.person_id = Set(new.person_id);
        active.goals = Set(valid.goals.clone());
        active.measures = Set(valid.measures.clone());
        active.schedule = Set(valid.schedule.clone());
        active.version = Set(new.version);
        active.device_time_ms = Set(new.device_time_ms);
        active.received_at_ms = Set(new.at_ms);
        active
            .update(tx)
            .await
            .map_err(ServerError::db("updating a plan"))?;
        Ok(())
    }

    async fn delete(tx: &DatabaseTransaction, row: Self::Row) -> Result<(), ServerError> {
        annual_plan::Entity::delete_by_id(row.id)
            .exec(tx)
            .await
            .map_err(ServerError::db("deleting a plan"))?;
        Ok(())
    }

    /// Every leader of a grid holds its plan, so either may edit it.
    async fn since(
        db: &DatabaseConnection,
        viewer: &Viewer,
        since: i64,
    ) -> Result<Vec<PlanRecord>, ServerError> {
        let grids = led_grids(viewer);
        if grids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = annual_plan::Entity::find()
            .filter(annual_plan::Column::GridId.is_in(grids))
            .filter(annual_plan::Column::ReceivedAtMs.gte(since))
            .order_by_asc(annual_plan::Column::ReceivedAtMs)
            .all(db)
            .await
            .map_err(ServerError::db("reading plans since the cursor"))?;
        Ok(rows
            .into_iter()
            .map(|row| PlanRecord {
                id: row.id,
                draft: draft_of(&row),
                version: wire_version(row.version),
                received_at_ms: row.received_at_ms,
            })
            .collect())
    }

    fn pulled_at(record: &PlanRecord) -> i64 {
        record.received_at_ms
    }
}

/// The grids the viewer leads or deputises for.
fn led_grids(viewer: &Viewer) -> BTreeSet<i32> {
    viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect()
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
