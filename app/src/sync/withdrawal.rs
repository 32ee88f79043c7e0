//! Withdrawing records (撤回): a newer version of a record marked `withdrawn` removes it, as
//! long as the township has not reviewed it (its month locked, its report approved, its major
//! event read). The id is kept as a tombstone, so a resend of an older version cannot bring the
//! record back; a withdrawal sent again is answered as the first time.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::{
    annual_plan, grid_activity, major_event, monthly_report, report_event, training,
    training_attendee, visit, withdrawal,
};
use crate::domain::period::{Month, format_date};
use crate::domain::report::ReviewStatus;
use crate::domain::visit::VisitDraft;
use crate::error::AppError;
use crate::reports::ssr::store::locked_months;
use crate::sync::api::{
    KIND_ACTIVITY, KIND_ANNUAL_PLAN, KIND_MAJOR_EVENT, KIND_MONTHLY_REPORT, KIND_TRAINING,
    KIND_VISIT, Problem, RecordEnvelope, RecordOutcome, RecordResult,
};
use crate::sync::versioned::{conflict, locked_problem, rejected, version_of};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait, QueryFilter,
    TransactionTrait, sea_query::OnConflict,
};
use std::collections::HashSet;
use time::Date;
use uuid::Uuid;

/// What became of the record a withdrawal names.
enum Removal {
    /// Removed from its grid.
    Removed(i32),
    /// Never stored (or already gone): the tombstone alone keeps it from arriving later.
    Absent,
    Refused(Vec<Problem>),
    /// The stored version is as new as the withdrawal or newer: the user chooses.
    Stale {
        version: u32,
        current: serde_json::Value,
    },
}

/// The ids among `ids` that were withdrawn.
pub async fn tombstoned(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashSet<Uuid>, AppError> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(withdrawal::Entity::find()
        .filter(withdrawal::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|w| w.id)
        .collect())
}

/// The records withdrawn at or after `since` that the viewer's phone may hold: their own, and
/// the reports and plans of the grids they lead (which both leaders of a grid hold); with the
/// latest time among them.
pub async fn withdrawn_since(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    since: i64,
) -> Result<(Vec<Uuid>, i64), AppError> {
    let leads: Vec<i32> = viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect();
    let rows = withdrawal::Entity::find()
        .filter(withdrawal::Column::AtMs.gte(since))
        .filter(
            sea_orm::Condition::any()
                .add(withdrawal::Column::PersonId.eq(viewer.person_id()))
                .add(
                    sea_orm::Condition::all()
                        .add(withdrawal::Column::GridId.is_in(leads))
                        .add(
                            withdrawal::Column::Kind.is_in([KIND_MONTHLY_REPORT, KIND_ANNUAL_PLAN]),
                        ),
                ),
        )
        .all(db)
        .await?;
    let latest = rows.iter().map(|r| r.at_ms).fold(since, i64::max);
    Ok((rows.into_iter().map(|r| r.id).collect(), latest))
}

/// The answer to a record resent after it was withdrawn.
pub fn gone(id: Uuid) -> RecordResult {
    RecordResult {
        id,
        outcome: rejected("record_withdrawn", "这条记录已撤回，不能再提交或修改"),
    }
}

/// Answers every withdrawal of a batch, one at a time.
pub async fn apply(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    let mut results = Vec::with_capacity(records.len());
    for record in records {
        let tx = db.begin().await?;
        let outcome = match withdrawal::Entity::find_by_id(record.id).one(&tx).await? {
            Some(done) => RecordOutcome::Accepted {
                received_at_ms: done.at_ms,
            },
            None => match remove(&tx, viewer, &record).await? {
                removal @ (Removal::Removed(_) | Removal::Absent) => {
                    let grid_id = match removal {
                        Removal::Removed(grid) => Some(grid),
                        _ => None,
                    };
                    let at_ms = now_ms();
                    withdrawal::Entity::insert(withdrawal::ActiveModel {
                        id: sea_orm::Set(record.id),
                        kind: sea_orm::Set(record.kind.clone()),
                        person_id: sea_orm::Set(viewer.person_id()),
                        grid_id: sea_orm::Set(grid_id),
                        version: sea_orm::Set(version_of(&record)),
                        at_ms: sea_orm::Set(at_ms),
                    })
                    .on_conflict(
                        OnConflict::column(withdrawal::Column::Id)
                            .do_nothing()
                            .to_owned(),
                    )
                    .exec_without_returning(&tx)
                    .await?;
                    RecordOutcome::Accepted {
                        received_at_ms: at_ms,
                    }
                }
                Removal::Refused(problems) => RecordOutcome::Rejected { problems },
                Removal::Stale { version, current } => conflict("记录", version, current)?,
            },
        };
        tx.commit().await?;
        results.push(RecordResult {
            id: record.id,
            outcome,
        });
    }
    Ok(results)
}

fn not_yours() -> Removal {
    Removal::Refused(vec![Problem::new(
        "not_allowed",
        None,
        "只能撤回自己有权修改的记录",
    )])
}

/// The stored version is not older than the withdrawal: let the user see it first.
fn stale(stored: i32, record: &RecordEnvelope, current: impl serde::Serialize) -> Option<Removal> {
    let stored = u32::try_from(stored).unwrap_or(0);
    (record.version <= stored).then(|| Removal::Stale {
        version: stored,
        current: serde_json::to_value(current).unwrap_or_default(),
    })
}

async fn locked(
    db: &impl ConnectionTrait,
    grid: i32,
    day: Date,
    field: &str,
) -> Result<Option<Removal>, AppError> {
    let month = Month::of(day);
    Ok(locked_months(db, [grid])
        .await?
        .contains(&(grid, month))
        .then(|| Removal::Refused(locked_problem(month, field))))
}

async fn remove(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    record: &RecordEnvelope,
) -> Result<Removal, AppError> {
    let me = viewer.person_id();
    let id = record.id;
    Ok(match record.kind.as_str() {
        KIND_VISIT => {
            let Some(row) = visit::Entity::find_by_id(id).one(db).await? else {
                return Ok(Removal::Absent);
            };
            if row.person_id != me {
                return Ok(not_yours());
            }
            if let Some(refused) = locked(db, row.grid_id, row.visit_date, "visit_date").await? {
                return Ok(refused);
            }
            let draft = VisitDraft {
                enterprise_id: row.enterprise_id,
                visit_date: format_date(row.visit_date),
                purpose: row.purpose.clone(),
                findings: row.findings.clone(),
                follow_up: row.follow_up,
                photos: serde_json::from_str(&row.photos).unwrap_or_default(),
            };
            if let Some(stale) = stale(row.version, record, draft) {
                return Ok(stale);
            }
            let grid = row.grid_id;
            row.delete(db).await?;
            Removal::Removed(grid)
        }
        KIND_ACTIVITY => {
            let Some(row) = grid_activity::Entity::find_by_id(id).one(db).await? else {
                return Ok(Removal::Absent);
            };
            if row.person_id != me {
                return Ok(not_yours());
            }
            if let Some(refused) =
                locked(db, row.grid_id, row.activity_date, "activity_date").await?
            {
                return Ok(refused);
            }
            let version = row.version;
            let current = crate::activities::ssr::record_of(row.clone()).draft;
            if let Some(stale) = stale(version, record, current) {
                return Ok(stale);
            }
            let grid = row.grid_id;
            row.delete(db).await?;
            Removal::Removed(grid)
        }
        KIND_TRAINING => {
            let Some(row) = training::Entity::find_by_id(id).one(db).await? else {
                return Ok(Removal::Absent);
            };
            if row.person_id != me {
                return Ok(not_yours());
            }
            if let Some(refused) =
                locked(db, row.grid_id, row.training_date, "training_date").await?
            {
                return Ok(refused);
            }
            let attendees = crate::trainings::ssr::attendees_of(db, [id])
                .await?
                .remove(&id)
                .unwrap_or_default();
            let current = crate::trainings::ssr::draft_of(&row, attendees);
            if let Some(stale) = stale(row.version, record, current) {
                return Ok(stale);
            }
            training_attendee::Entity::delete_many()
                .filter(training_attendee::Column::TrainingId.eq(id))
                .exec(db)
                .await?;
            let grid = row.grid_id;
            row.delete(db).await?;
            Removal::Removed(grid)
        }
        KIND_MONTHLY_REPORT => {
            let Some(row) = monthly_report::Entity::find_by_id(id).one(db).await? else {
                return Ok(Removal::Absent);
            };
            if !viewer
                .profile
                .reporting_grids()
                .iter()
                .any(|r| r.grid_id == row.grid_id)
            {
                return Ok(not_yours());
            }
            if row.status == ReviewStatus::Approved.code() {
                return Ok(Removal::Refused(vec![Problem::new(
                    "month_locked",
                    None,
                    "这份汇报已审核通过，不能撤回；如需撤回，请联系乡镇网格长解锁",
                )]));
            }
            let current = crate::reports::ssr::store::draft_of(&row);
            if let Some(stale) = stale(row.version, record, current) {
                return Ok(stale);
            }
            report_event::Entity::delete_many()
                .filter(report_event::Column::ReportId.eq(id))
                .exec(db)
                .await?;
            let grid = row.grid_id;
            row.delete(db).await?;
            Removal::Removed(grid)
        }
        KIND_MAJOR_EVENT => {
            let Some(row) = major_event::Entity::find_by_id(id).one(db).await? else {
                return Ok(Removal::Absent);
            };
            if row.person_id != me {
                return Ok(not_yours());
            }
            if row.read_at_ms.is_some() {
                return Ok(Removal::Refused(vec![Problem::new(
                    "already_read",
                    None,
                    "这条重大事项已被乡镇或市统计局阅知，不能撤回；如有更正，请修改后重新上报",
                )]));
            }
            let current = crate::major_events::ssr::draft_of(&row);
            if let Some(stale) = stale(row.version, record, current) {
                return Ok(stale);
            }
            let grid = row.grid_id;
            row.delete(db).await?;
            Removal::Removed(grid)
        }
        KIND_ANNUAL_PLAN => {
            let Some(row) = annual_plan::Entity::find_by_id(id).one(db).await? else {
                return Ok(Removal::Absent);
            };
            if !viewer
                .profile
                .reporting_grids()
                .iter()
                .any(|r| r.grid_id == row.grid_id)
            {
                return Ok(not_yours());
            }
            let current = crate::plans::ssr::draft_of(&row);
            if let Some(stale) = stale(row.version, record, current) {
                return Ok(stale);
            }
            let grid = row.grid_id;
            row.delete(db).await?;
            Removal::Removed(grid)
        }
        _ => Removal::Refused(vec![Problem::new("unknown_kind", None, "不支持的记录类型")]),
    })
}
