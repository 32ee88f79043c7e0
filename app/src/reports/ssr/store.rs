//! Monthly reports as a record kind: one per grid and month, held by both leaders of the grid,
//! each version written to the report's history, and locked once the township approves it.
use crate::auth::ssr::Viewer;
use crate::db::{monthly_report, report_event};
use crate::domain::report::{ReportDraft, ReviewStatus, ValidReport};
use crate::error::ServerError;
use crate::reports::api::{PULLED_AS, ReportRecord};
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{Head, Holders, Incoming, RecordKind};
use crate::sync::store::{inserted, wire_version};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::BTreeSet;
use uuid::Uuid;

pub struct Reports;

impl RecordKind for Reports {
    type Draft = ReportDraft;
    /// The grids the writer leads.
    type Scope = BTreeSet<i32>;
    type Admitted = ValidReport;
    type Row = monthly_report::Model;
    type Pulled = ReportRecord;

    const NOUN: &'static str = "汇报";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::GridLeaders;

    async fn scope(
        _tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<BTreeSet<i32>, ServerError> {
        Ok(reporting_grids(viewer))
    }

    fn admit(
        grids: &BTreeSet<i32>,
        _draft: &ReportDraft,
        valid: ValidReport,
    ) -> Result<ValidReport, Vec<Problem>> {
        if !grids.contains(&valid.grid_id) {
            return Err(vec![Problem::new(
                "grid_not_allowed",
                Some("grid_id"),
                "您不是该网格的网格长，不能提交它的情况汇报",
            )]);
        }
        Ok(valid)
    }

    fn as_draft(valid: &ValidReport) -> ReportDraft {
        ReportDraft {
            grid_id: valid.grid_id,
            month: valid.month.to_string(),
            work_done: valid.work_done.clone(),
            problems: valid.problems.clone(),
            next_steps: valid.next_steps.clone(),
        }
    }

    async fn find(tx: &DatabaseTransaction, id: Uuid) -> Result<Option<Self::Row>, ServerError> {
        monthly_report::Entity::find_by_id(id)
            .one(tx)
            .await
            .map_err(ServerError::db("reading a report"))
    }

    fn head(row: &Self::Row) -> Head {
        Head {
            grid_id: row.grid_id,
            person_id: row.person_id,
            version: wire_version(row.version),
            changed_at_ms: row.updated_at_ms,
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<ReportDraft, ServerError> {
        Ok(ReportDraft {
            grid_id: row.grid_id,
            month: row.month.clone(),
            work_done: row.work_done.clone(),
            problems: row.problems.clone(),
            next_steps: row.next_steps.clone(),
        })
    }

    fn refuse_change(row: &Self::Row, valid: &ValidReport) -> Option<Vec<Problem>> {
        (row.grid_id != valid.grid_id || row.month != valid.month.to_string()).then(|| {
            vec![Problem::new(
                "report_moved",
                None,
                "汇报提交后不能更换网格或月份；请为其他月份另写一份汇报",
            )]
        })
    }

    async fn locked(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok((status(row)? == ReviewStatus::Approved).then(|| {
            vec![Problem::new(
                "month_locked",
                None,
                format!(
                    "{}的情况汇报已审核通过并锁定，不能修改；如需修改，请联系乡镇网格长解锁",
                    month_label(&row.month)
                ),
            )]
        }))
    }

    async fn withdrawal_refused(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok((status(row)? == ReviewStatus::Approved).then(|| {
            vec![Problem::new(
                "month_locked",
                None,
                "这份汇报已审核通过，不能撤回；如需撤回，请联系乡镇网格长解锁",
            )]
        }))
    }

    async fn taken(
        tx: &DatabaseTransaction,
        valid: &ValidReport,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        let taken = monthly_report::Entity::find()
            .filter(monthly_report::Column::GridId.eq(valid.grid_id))
            .filter(monthly_report::Column::Month.eq(valid.month.to_string()))
            .one(tx)
            .await
            .map_err(ServerError::db("reading the grid's report of the month"))?;
        Ok(taken.map(|_| {
            vec![Problem::new(
                "report_exists",
                None,
                format!(
                    "该网格{}的情况汇报已有人提交；请在“我的记录”中修改那一份",
                    valid.month.label()
                ),
            )]
        }))
    }

    async fn insert(
        tx: &DatabaseTransaction,
        new: Incoming<'_, ValidReport>,
    ) -> Result<bool, ServerError> {
        let valid = new.admitted;
        let inserted = inserted(
            monthly_report::Entity::insert(monthly_report::ActiveModel {
                id: Set(new.id),
                grid_id: Set(valid.grid_id),
                month: Set(valid.month.to_string()),
                person_id: Set(new.person_id),
                work_done: Set(valid.work_done.clone()),
                problems: Set(valid.problems.clone()),
                next_steps: Set(valid.next_steps.clone()),
                version: Set(new.version),
                status: Set(ReviewStatus::Submitted.code().to_owned()),
                review_comment: Set(None),
                first_received_at_ms: Set(new.at_ms),
                updated_at_ms: Set(new.at_ms),
            })
            .on_conflict_do_nothing()
            .exec_without_returning(tx)
            .await
            .map_err(ServerError::db("inserting a report"))?,
        );
        if inserted {
            event(tx, &new, "submitted").await?;
        }
        Ok(inserted)
    }

    /// A new version is submitted again for review.
    async fn update(
        tx: &DatabaseTransaction,
        row: Self::Row,
        new: Incoming<'_, ValidReport>,
    ) -> Result<(), ServerError> {
        let valid = new.admitted;
        let mut active: monthly_report::ActiveModel = row.into();
        active.person_id = Set(new.person_id);
        active.work_done = Set(valid.work_done.clone());
        active.problems = Set(valid.problems.clone());
        active.next_steps = Set(valid.next_steps.clone());
        active.version = Set(new.version);
        active.status = Set(ReviewStatus::Submitted.code().to_owned());
        active.review_comment = Set(None);
        active.updated_at_ms = Set(new.at_ms);
        active
            .update(tx)
            .await
            .map_err(ServerError::db("updating a report"))?;
        event(tx, &new, "resubmitted").await
    }

    async fn delete(tx: &DatabaseTransaction, row: Self::Row) -> Result<(), ServerError> {
        report_event::Entity::delete_many()
            .filter(report_event::Column::ReportId.eq(row.id))
            .exec(tx)
            .await
            .map_err(ServerError::db("deleting a report's history"))?;
        monthly_report::Entity::delete_by_id(row.id)
            .exec(tx)
            .await
            .map_err(ServerError::db("deleting a report"))?;
        Ok(())
    }

    async fn since(
        db: &DatabaseConnection,
        viewer: &Viewer,
        since: i64,
    ) -> Result<Vec<ReportRecord>, ServerError> {
        let grids = reporting_grids(viewer);
        if grids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = monthly_report::Entity::find()
            .filter(monthly_report::Column::GridId.is_in(grids))
            .filter(monthly_report::Column::UpdatedAtMs.gte(since))
            .order_by_asc(monthly_report::Column::UpdatedAtMs)
            .all(db)
            .await
            .map_err(ServerError::db("reading reports since the cursor"))?;
        rows.into_iter().map(record).collect()
    }

    fn pulled_at(record: &ReportRecord) -> i64 {
        record.updated_at_ms
    }
}

fn reporting_grids(viewer: &Viewer) -> BTreeSet<i32> {
    viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect()
}

fn status(row: &monthly_report::Model) -> Result<ReviewStatus, ServerError> {
    ReviewStatus::from_code(&row.status)
        .ok_or_else(|| ServerError::Corrupt(format!("report status {:?}", row.status)))
}

fn month_label(month: &str) -> String {
    crate::domain::period::Month::parse(month).map_or_else(|_| month.to_owned(), |m| m.label())
}

/// Writes a version to the report's history, with its text.
async fn event(
    db: &impl ConnectionTrait,
    new: &Incoming<'_, ValidReport>,
    action: &str,
) -> Result<(), ServerError> {
    let valid = new.admitted;
    let content = serde_json::json!({
        "work_done": valid.work_done,
        "problems": valid.problems,
        "next_steps": valid.next_steps,
    });
    report_event::Entity::insert(report_event::ActiveModel {
        report_id: Set(new.id),
        version: Set(new.version),
        action: Set(action.to_owned()),
        comment: Set(None),
        content: Set(Some(content.to_string())),
        person_id: Set(new.person_id),
        at_ms: Set(new.at_ms),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await
    .map_err(ServerError::db("writing a report's history"))?;
    Ok(())
}

fn record(row: monthly_report::Model) -> Result<ReportRecord, ServerError> {
    Ok(ReportRecord {
        id: row.id,
        grid_id: row.grid_id,
        status: status(&row)?,
        month: row.month,
        work_done: row.work_done,
        problems: row.problems,
        next_steps: row.next_steps,
        version: wire_version(row.version),
        review_comment: row.review_comment,
        updated_at_ms: row.updated_at_ms,
    })
}
