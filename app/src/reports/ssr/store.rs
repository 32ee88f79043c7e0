//! Storing pushed report versions exactly once, refusing edits of locked or stale versions,
//! and reading them back for the phone.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::{monthly_report, report_event};
use crate::domain::period::{Month, shanghai_date};
use crate::domain::report::{ReportDraft, ReviewStatus, ValidReport};
use crate::domain::version::{EditCheck, check_edit};
use crate::error::AppError;
use crate::reports::api::ReportRecord;
use crate::sync::api::{
    CurrentVersion, KIND_MONTHLY_REPORT, Problem, RecordEnvelope, RecordOutcome, RecordResult,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::{BTreeSet, HashSet};
use time::Date;

fn reporting_grids(viewer: &Viewer) -> BTreeSet<i32> {
    viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect()
}

/// Answers every report of a batch, one at a time (a person sends a few a month).
pub async fn store_reports(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    let today = shanghai_date(now_ms()).ok_or(AppError::Internal)?;
    let grids = reporting_grids(viewer);
    let mut results = Vec::with_capacity(records.len());
    for record in records {
        let outcome = match check(&record, today, &grids) {
            Ok(valid) => store_one(db, viewer.person_id(), &record, valid).await?,
            Err(problems) => RecordOutcome::Rejected { problems },
        };
        results.push(RecordResult {
            id: record.id,
            outcome,
        });
    }
    Ok(results)
}

fn check(
    record: &RecordEnvelope,
    today: Date,
    grids: &BTreeSet<i32>,
) -> Result<ValidReport, Vec<Problem>> {
    debug_assert_eq!(record.kind, KIND_MONTHLY_REPORT);
    let draft: ReportDraft = record.payload_as()?;
    let valid = draft.validate(today).map_err(Problem::of_fields)?;
    if !grids.contains(&valid.grid_id) {
        return Err(vec![Problem::new(
            "grid_not_allowed",
            Some("grid_id"),
            "您不是该网格的网格长，不能提交它的情况汇报",
        )]);
    }
    Ok(valid)
}

fn rejected(code: &str, message: impl Into<String>) -> RecordOutcome {
    RecordOutcome::Rejected {
        problems: vec![Problem::new(code, None, message)],
    }
}

/// The text of a version, kept in its history entry.
fn content(valid: &ValidReport) -> String {
    serde_json::json!({
        "work_done": valid.work_done,
        "problems": valid.problems,
        "next_steps": valid.next_steps,
    })
    .to_string()
}

async fn store_one(
    db: &DatabaseConnection,
    person_id: i32,
    record: &RecordEnvelope,
    valid: ValidReport,
) -> Result<RecordOutcome, AppError> {
    let month = valid.month.to_string();
    let label = valid.month.label();
    let version = i32::try_from(record.version).unwrap_or(i32::MAX);
    let tx = db.begin().await?;
    let stored = monthly_report::Entity::find_by_id(record.id)
        .one(&tx)
        .await?;
    let at_ms = now_ms();
    // Ok(the history step written) or Err(the answer, nothing written).
    let written: Result<&str, RecordOutcome> = match stored {
        Some(row) if row.grid_id != valid.grid_id || row.month != month => Err(rejected(
            "report_moved",
            "汇报提交后不能更换网格或月份；请为其他月份另写一份汇报",
        )),
        Some(row) => {
            let status = ReviewStatus::from_code(&row.status).ok_or(AppError::Internal)?;
            let stored_version = u32::try_from(row.version).unwrap_or(0);
            let same = row.work_done == valid.work_done
                && row.problems == valid.problems
                && row.next_steps == valid.next_steps;
            match check_edit(stored_version, record.version, same, status.editable()) {
                EditCheck::Replay => Err(RecordOutcome::Accepted {
                    received_at_ms: row.updated_at_ms,
                }),
                EditCheck::Locked => Err(rejected(
                    "month_locked",
                    format!(
                        "{label}的情况汇报已审核通过并锁定，不能修改；如需修改，请联系乡镇网格长解锁"
                    ),
                )),
                EditCheck::Stale => Err(RecordOutcome::Conflict {
                    problems: vec![Problem::new(
                        "stale_version",
                        None,
                        format!(
                            "这份汇报已在别处改为第{stored_version}版，与您的修改不同；请选择保留哪一版"
                        ),
                    )],
                    current: CurrentVersion {
                        version: stored_version,
                        payload: serde_json::to_value(draft_of(&row))
                            .map_err(|_| AppError::Internal)?,
                    },
                }),
                EditCheck::Apply => {
                    let mut active: monthly_report::ActiveModel = row.into();
                    active.person_id = Set(person_id);
                    active.work_done = Set(valid.work_done.clone());
                    active.problems = Set(valid.problems.clone());
                    active.next_steps = Set(valid.next_steps.clone());
                    active.version = Set(version);
                    active.status = Set(ReviewStatus::Submitted.code().to_owned());
                    active.review_comment = Set(None);
                    active.updated_at_ms = Set(at_ms);
                    active.update(&tx).await?;
                    Ok("resubmitted")
                }
            }
        }
        None => {
            let taken = monthly_report::Entity::find()
                .filter(monthly_report::Column::GridId.eq(valid.grid_id))
                .filter(monthly_report::Column::Month.eq(month.as_str()))
                .one(&tx)
                .await?;
            if taken.is_some() {
                Err(rejected(
                    "report_exists",
                    format!("该网格{label}的情况汇报已有人提交；请在“我的记录”中修改那一份"),
                ))
            } else {
                monthly_report::Entity::insert(monthly_report::ActiveModel {
                    id: Set(record.id),
                    grid_id: Set(valid.grid_id),
                    month: Set(month),
                    person_id: Set(person_id),
                    work_done: Set(valid.work_done.clone()),
                    problems: Set(valid.problems.clone()),
                    next_steps: Set(valid.next_steps.clone()),
                    version: Set(version),
                    status: Set(ReviewStatus::Submitted.code().to_owned()),
                    review_comment: Set(None),
                    first_received_at_ms: Set(at_ms),
                    updated_at_ms: Set(at_ms),
                })
                .exec_without_returning(&tx)
                .await?;
                Ok("submitted")
            }
        }
    };
    let outcome = match written {
        Ok(action) => {
            event(&tx, record, action, content(&valid), person_id, at_ms).await?;
            RecordOutcome::Accepted {
                received_at_ms: at_ms,
            }
        }
        Err(answer) => answer,
    };
    tx.commit().await?;
    Ok(outcome)
}

async fn event(
    db: &impl ConnectionTrait,
    record: &RecordEnvelope,
    action: &str,
    content: String,
    person_id: i32,
    at_ms: i64,
) -> Result<(), AppError> {
    report_event::Entity::insert(report_event::ActiveModel {
        report_id: Set(record.id),
        version: Set(i32::try_from(record.version).unwrap_or(i32::MAX)),
        action: Set(action.to_owned()),
        comment: Set(None),
        content: Set(Some(content)),
        person_id: Set(person_id),
        at_ms: Set(at_ms),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Reports of the viewer's reporting grids changed at or after `since`, oldest change first.
pub async fn reports_since(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    since: i64,
) -> Result<Vec<ReportRecord>, AppError> {
    let grids = reporting_grids(viewer);
    if grids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = monthly_report::Entity::find()
        .filter(monthly_report::Column::GridId.is_in(grids))
        .filter(monthly_report::Column::UpdatedAtMs.gte(since))
        .order_by_asc(monthly_report::Column::UpdatedAtMs)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(record).collect())
}

/// The stored version as the phone's draft.
pub(crate) fn draft_of(row: &monthly_report::Model) -> ReportDraft {
    ReportDraft {
        grid_id: row.grid_id,
        month: row.month.clone(),
        work_done: row.work_done.clone(),
        problems: row.problems.clone(),
        next_steps: row.next_steps.clone(),
    }
}

fn record(row: monthly_report::Model) -> Option<ReportRecord> {
    Some(ReportRecord {
        id: row.id,
        grid_id: row.grid_id,
        status: ReviewStatus::from_code(&row.status)?,
        month: row.month,
        work_done: row.work_done,
        problems: row.problems,
        next_steps: row.next_steps,
        version: u32::try_from(row.version).unwrap_or(1),
        review_comment: row.review_comment,
        updated_at_ms: row.updated_at_ms,
    })
}

/// The (grid, month) pairs among `grids` whose report is approved: their records are locked.
pub async fn locked_months(
    db: &impl ConnectionTrait,
    grids: impl IntoIterator<Item = i32>,
) -> Result<HashSet<(i32, Month)>, AppError> {
    let grids: Vec<i32> = grids.into_iter().collect();
    if grids.is_empty() {
        return Ok(HashSet::new());
    }
    let rows: Vec<(i32, String)> = monthly_report::Entity::find()
        .select_only()
        .column(monthly_report::Column::GridId)
        .column(monthly_report::Column::Month)
        .filter(monthly_report::Column::GridId.is_in(grids))
        .filter(monthly_report::Column::Status.eq(ReviewStatus::Approved.code()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(grid, month)| Some((grid, Month::parse(&month).ok()?)))
        .collect())
}
