//! Monthly reports as a record kind: one per grid and month, held by both leaders of the grid,
//! each version written to the report's history, and locked once the township approves it.
use crate::db::{monthly_report, report_event};
use crate::domain::grid::GridKind;
use crate::domain::report::{ReportDraft, ReviewStatus, ValidReport};
use crate::error::ServerError;
use crate::grid_scope::LedGrids;
use crate::reports::api::{PULLED_AS, ReportRecord};
use crate::sync::api::Problem;
use crate::sync::kind::{Holders, Incoming, RecordKind, Write, stored_row};
use crate::sync::rows::place_taken;
use crate::sync::store::wire_version;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter,
};
use uuid::Uuid;

pub struct Reports;

stored_row!(monthly_report, updated_at_ms, UpdatedAtMs);

impl RecordKind for Reports {
    type Draft = ReportDraft;
    type Scope = LedGrids;
    type Admitted = ValidReport;
    type Row = monthly_report::Model;
    type Entity = monthly_report::Entity;
    type Pulled = ReportRecord;

    const NOUN: &'static str = "汇报";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::GridLeaders;

    fn admit(
        grids: &LedGrids,
        _draft: &ReportDraft,
        valid: ValidReport,
    ) -> Result<ValidReport, Vec<Problem>> {
        // The lower grids' leaders, and a township's 经发办 staff for the township.
        let reported = [GridKind::REPORTING, GridKind::MEETING].concat();
        grids.admit(
            valid.grid_id,
            &reported,
            "您不是该网格的网格长或乡镇统计人员，不能提交它的情况汇报",
        )?;
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

    /// A report stays with its grid and month.
    fn refuse_change(row: &Self::Row, valid: &ValidReport) -> Option<Vec<Problem>> {
        (row.grid_id != valid.grid_id || row.month != valid.month.to_string()).then(|| {
            let why = "汇报提交后不能更换网格或月份；请为其他月份另写一份汇报";
            vec![Problem::new("report_moved", None, why)]
        })
    }

    async fn locked(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        once_approved(row, || {
            format!(
                "{}的情况汇报已审核通过并锁定，不能修改；如需修改，请联系乡镇（部门）解锁",
                month_label(&row.month)
            )
        })
    }

    async fn withdrawal_refused(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        once_approved(row, || {
            "这份汇报已审核通过，不能撤回；如需撤回，请联系乡镇（部门）解锁".to_owned()
        })
    }

    /// One report per grid and month.
    async fn taken(
        tx: &DatabaseTransaction,
        id: Uuid,
        valid: &ValidReport,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        let month = monthly_report::Column::Month.eq(valid.month.to_string());
        let taken = place_taken::<Self>(tx, id, valid.grid_id, month).await?;
        Ok(taken.then(|| {
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

    /// Every version is submitted for review anew; an edit keeps when the report first
    /// arrived.
    fn row(
        new: &Incoming<'_, ValidReport>,
        before: Option<&Self::Row>,
    ) -> monthly_report::ActiveModel {
        let valid = new.admitted;
        monthly_report::ActiveModel {
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
            first_received_at_ms: Set(before.map_or(new.at_ms, |b| b.first_received_at_ms)),
            updated_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    /// Each version goes into the report's history, with its text.
    async fn write_beside(
        tx: &DatabaseTransaction,
        new: &Incoming<'_, ValidReport>,
        write: Write,
    ) -> Result<(), ServerError> {
        let action = match write {
            Write::Insert => "submitted",
            Write::Update => "resubmitted",
        };
        event(tx, new, action).await
    }

    async fn remove_beside(tx: &DatabaseTransaction, row: &Self::Row) -> Result<(), ServerError> {
        report_event::Entity::delete_many()
            .filter(report_event::Column::ReportId.eq(row.id))
            .exec(tx)
            .await
            .map_err(ServerError::db("deleting a report's history"))?;
        Ok(())
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<ReportRecord>, ServerError> {
        rows.into_iter().map(record).collect()
    }
}

fn status(row: &monthly_report::Model) -> Result<ReviewStatus, ServerError> {
    ReviewStatus::from_code(&row.status)
        .ok_or_else(|| ServerError::Corrupt(format!("report status {:?}", row.status)))
}

/// The refusal of an approved report, locked until the township unlocks it; `why` says what
/// it may no longer do.
fn once_approved(
    row: &monthly_report::Model,
    why: impl FnOnce() -> String,
) -> Result<Option<Vec<Problem>>, ServerError> {
    let approved = status(row)? == ReviewStatus::Approved;
    Ok(approved.then(|| vec![Problem::new("month_locked", None, why())]))
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
