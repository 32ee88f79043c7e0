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
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
    sea_query::OnConflict,
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

/// The stored record a withdrawal is checked against, as each kind describes it.
struct Stored {
    grid: i32,
    version: i32,
    /// Whether the viewer may change it: its author, or a leader of its grid for reports and
    /// plans.
    may_change: bool,
    /// Why it can no longer be withdrawn (the township reviewed it), if so.
    reviewed: Option<Removal>,
    /// The stored version as the phone's draft, shown if the withdrawal is stale.
    current: serde_json::Value,
}

fn json(draft: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(draft).unwrap_or_default()
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

/// The checks every kind shares, then the kind's own removal.
async fn remove(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    record: &RecordEnvelope,
) -> Result<Removal, AppError> {
    let Some(stored) = stored(db, viewer, record).await? else {
        return Ok(Removal::Absent);
    };
    if !stored.may_change {
        return Ok(not_yours());
    }
    if let Some(refused) = stored.reviewed {
        return Ok(refused);
    }
    let version = u32::try_from(stored.version).unwrap_or(0);
    if record.version <= version {
        return Ok(Removal::Stale {
            version,
            current: stored.current,
        });
    }
    delete(db, record).await?;
    Ok(Removal::Removed(stored.grid))
}

/// The record as stored, if it is (a kind that cannot be withdrawn comes back refused).
async fn stored(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    record: &RecordEnvelope,
) -> Result<Option<Stored>, AppError> {
    let me = viewer.person_id();
    let leads = |grid: i32| {
        viewer
            .profile
            .reporting_grids()
            .iter()
            .any(|r| r.grid_id == grid)
    };
    let id = record.id;
    Ok(match record.kind.as_str() {
        KIND_VISIT => match visit::Entity::find_by_id(id).one(db).await? {
            None => None,
            Some(row) => Some(Stored {
                grid: row.grid_id,
                version: row.version,
                may_change: row.person_id == me,
                reviewed: locked(db, row.grid_id, row.visit_date, "visit_date").await?,
                current: json(VisitDraft {
                    enterprise_id: row.enterprise_id,
                    visit_date: format_date(row.visit_date),
                    purpose: row.purpose,
                    findings: row.findings,
                    follow_up: row.follow_up,
                    photos: serde_json::from_str(&row.photos).unwrap_or_default(),
                }),
            }),
        },
        KIND_ACTIVITY => match grid_activity::Entity::find_by_id(id).one(db).await? {
            None => None,
            Some(row) => Some(Stored {
                grid: row.grid_id,
                version: row.version,
                may_change: row.person_id == me,
                reviewed: locked(db, row.grid_id, row.activity_date, "activity_date").await?,
                current: json(crate::activities::ssr::record_of(row).draft),
            }),
        },
        KIND_TRAINING => match training::Entity::find_by_id(id).one(db).await? {
            None => None,
            Some(row) => {
                let attendees = crate::trainings::ssr::attendees_of(db, [id])
                    .await?
                    .remove(&id)
                    .unwrap_or_default();
                Some(Stored {
                    grid: row.grid_id,
                    version: row.version,
                    may_change: row.person_id == me,
                    reviewed: locked(db, row.grid_id, row.training_date, "training_date").await?,
                    current: json(crate::trainings::ssr::draft_of(&row, attendees)),
                })
            }
        },
        KIND_MONTHLY_REPORT => monthly_report::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|row| Stored {
                grid: row.grid_id,
                version: row.version,
                may_change: leads(row.grid_id),
                reviewed: (row.status == ReviewStatus::Approved.code()).then(|| {
                    Removal::Refused(vec![Problem::new(
                        "month_locked",
                        None,
                        "这份汇报已审核通过，不能撤回；如需撤回，请联系乡镇网格长解锁",
                    )])
                }),
                current: json(crate::reports::ssr::store::draft_of(&row)),
            }),
        KIND_MAJOR_EVENT => major_event::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|row| Stored {
                grid: row.grid_id,
                version: row.version,
                may_change: row.person_id == me,
                reviewed: row.read_at_ms.is_some().then(|| {
                    Removal::Refused(vec![Problem::new(
                        "already_read",
                        None,
                        "这条重大事项已被乡镇或市统计局阅知，不能撤回；如有更正，请修改后重新上报",
                    )])
                }),
                current: json(crate::major_events::ssr::draft_of(&row)),
            }),
        KIND_ANNUAL_PLAN => annual_plan::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|row| Stored {
                grid: row.grid_id,
                version: row.version,
                may_change: leads(row.grid_id),
                reviewed: None,
                current: json(crate::plans::ssr::draft_of(&row)),
            }),
        _ => Some(Stored {
            grid: 0,
            version: 0,
            may_change: true,
            reviewed: Some(Removal::Refused(vec![Problem::new(
                "unknown_kind",
                None,
                "不支持的记录类型",
            )])),
            current: serde_json::Value::Null,
        }),
    })
}

/// Removes the record of a kind that `stored` found, with what hangs on it.
async fn delete(db: &impl ConnectionTrait, record: &RecordEnvelope) -> Result<(), AppError> {
    let id = record.id;
    match record.kind.as_str() {
        KIND_VISIT => {
            visit::Entity::delete_by_id(id).exec(db).await?;
        }
        KIND_ACTIVITY => {
            grid_activity::Entity::delete_by_id(id).exec(db).await?;
        }
        KIND_TRAINING => {
            training_attendee::Entity::delete_many()
                .filter(training_attendee::Column::TrainingId.eq(id))
                .exec(db)
                .await?;
            training::Entity::delete_by_id(id).exec(db).await?;
        }
        KIND_MONTHLY_REPORT => {
            report_event::Entity::delete_many()
                .filter(report_event::Column::ReportId.eq(id))
                .exec(db)
                .await?;
            monthly_report::Entity::delete_by_id(id).exec(db).await?;
        }
        KIND_MAJOR_EVENT => {
            major_event::Entity::delete_by_id(id).exec(db).await?;
        }
        KIND_ANNUAL_PLAN => {
            annual_plan::Entity::delete_by_id(id).exec(db).await?;
        }
        _ => {}
    }
    Ok(())
}
