//! Storing pushed major events exactly once, the board of the township and the city, and the
//! reminders that flag unread events.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::{enterprise, grid, major_event, person};
use crate::domain::cadence::Status;
use crate::domain::major_event::{MajorEventDraft, ValidMajorEvent};
use crate::domain::period::{format_date, format_shanghai_minute};
use crate::domain::version::{EditCheck, check_edit};
use crate::duties::api::Reminder;
use crate::error::AppError;
use crate::major_events::api::{MajorEventRecord, MajorEventRow};
use crate::sync::api::{Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::versioned::{answer_each, conflict, rejected, version_of};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// How many events the board shows: the unread ones and the latest read ones.
const BOARD_MAX: u64 = 200;

/// Answers every major event of a batch. A month locked by the township does not refuse one:
/// an event must reach the city whenever it happens.
pub async fn store_major_events(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let today = crate::domain::period::shanghai_date(now_ms()).ok_or(AppError::Internal)?;
    let own: BTreeSet<i32> = viewer
        .profile
        .activity_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect();
    let firms: HashMap<i32, i32> = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(own.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.grid_id))
        .collect();
    answer_each(
        records,
        |record| {
            let draft: MajorEventDraft = record.payload_as()?;
            let valid = draft.validate(today).map_err(Problem::of_fields)?;
            if !own.contains(&valid.grid_id) {
                return Err(vec![Problem::new(
                    "grid_not_allowed",
                    Some("grid_id"),
                    "您不是该网格的成员，不能以它的名义上报重大事项",
                )]);
            }
            if let Some(firm) = valid.enterprise_id
                && firms.get(&firm) != Some(&valid.grid_id)
            {
                return Err(vec![Problem::new(
                    "enterprise_not_in_grid",
                    Some("enterprise_id"),
                    "所选企业不在该网格内，请同步后重新选择",
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
    valid: ValidMajorEvent,
) -> Result<RecordOutcome, AppError> {
    let at_ms = now_ms();
    let tx = db.begin().await?;
    let stored = major_event::Entity::find_by_id(record.id).one(&tx).await?;
    let fresh = active_model(&record, person_id, &valid, at_ms);
    let outcome = match stored {
        None => {
            major_event::Entity::insert(fresh)
                .on_conflict_do_nothing()
                .exec_without_returning(&tx)
                .await?;
            match major_event::Entity::find_by_id(record.id).one(&tx).await? {
                Some(row) if row.person_id == person_id => RecordOutcome::Accepted {
                    received_at_ms: row.received_at_ms,
                },
                _ => rejected("not_stored", "服务器未能保存该记录，请重试"),
            }
        }
        Some(row) if row.person_id != person_id => {
            rejected("id_taken", "记录编号与他人的记录重复，请重新保存")
        }
        Some(row) => {
            let stored_version = u32::try_from(row.version).unwrap_or(0);
            let same = draft_of(&row) == draft_of_valid(&valid);
            match check_edit(stored_version, record.version, same, true) {
                EditCheck::Replay => RecordOutcome::Accepted {
                    received_at_ms: row.received_at_ms,
                },
                EditCheck::Stale | EditCheck::Locked => {
                    conflict("重大事项", stored_version, draft_of(&row))?
                }
                EditCheck::Apply => {
                    // A changed event is news again: it waits to be read anew.
                    let mut active = fresh;
                    active.read_by = Set(None);
                    active.read_at_ms = Set(None);
                    active.update(&tx).await?;
                    RecordOutcome::Accepted {
                        received_at_ms: at_ms,
                    }
                }
            }
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

fn active_model(
    record: &RecordEnvelope,
    person_id: i32,
    valid: &ValidMajorEvent,
    at_ms: i64,
) -> major_event::ActiveModel {
    major_event::ActiveModel {
        id: Set(record.id),
        grid_id: Set(valid.grid_id),
        person_id: Set(person_id),
        enterprise_id: Set(valid.enterprise_id),
        occurred_on: Set(valid.occurred_on),
        title: Set(valid.title.clone()),
        details: Set(valid.details.clone()),
        impact: Set(valid.impact.clone()),
        version: Set(version_of(record)),
        device_time_ms: Set(record.device_time_ms),
        received_at_ms: Set(at_ms),
        read_by: Set(None),
        read_at_ms: Set(None),
    }
}

pub(crate) fn draft_of(row: &major_event::Model) -> MajorEventDraft {
    MajorEventDraft {
        grid_id: row.grid_id,
        enterprise_id: row.enterprise_id,
        occurred_on: format_date(row.occurred_on),
        title: row.title.clone(),
        details: row.details.clone(),
        impact: row.impact.clone(),
    }
}

fn draft_of_valid(valid: &ValidMajorEvent) -> MajorEventDraft {
    MajorEventDraft {
        grid_id: valid.grid_id,
        enterprise_id: valid.enterprise_id,
        occurred_on: format_date(valid.occurred_on),
        title: valid.title.clone(),
        details: valid.details.clone(),
        impact: valid.impact.clone(),
    }
}

/// The person's own events stored or changed at or after `since`, oldest first.
pub async fn own_major_events_since(
    db: &impl ConnectionTrait,
    person_id: i32,
    since: i64,
) -> Result<Vec<MajorEventRecord>, AppError> {
    let rows = major_event::Entity::find()
        .filter(major_event::Column::PersonId.eq(person_id))
        .filter(major_event::Column::ReceivedAtMs.gte(since))
        .order_by_asc(major_event::Column::ReceivedAtMs)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| MajorEventRecord {
            id: row.id,
            draft: draft_of(&row),
            version: u32::try_from(row.version).unwrap_or(1),
            received_at_ms: row.received_at_ms,
        })
        .collect())
}

/// The grids whose events the viewer reviews: every grid they see, for a township leader or
/// deputy and for the city bureau; none for anyone else.
fn reviewed_grids(viewer: &Viewer) -> Result<BTreeSet<i32>, AppError> {
    if !viewer.profile.reviews_reports() {
        return Err(AppError::Forbidden);
    }
    Ok(viewer.visible.clone())
}

async fn events_of(
    db: &impl ConnectionTrait,
    grids: &BTreeSet<i32>,
    unread_only: bool,
) -> Result<Vec<major_event::Model>, AppError> {
    let mut query = major_event::Entity::find()
        .filter(major_event::Column::GridId.is_in(grids.iter().copied()));
    if unread_only {
        query = query.filter(major_event::Column::ReadAtMs.is_null());
    }
    let mut rows = query
        .order_by_desc(major_event::Column::ReceivedAtMs)
        .all(db)
        .await?;
    // Unread first; the sort is stable, so each part stays newest first.
    rows.sort_by_key(|r| r.read_at_ms.is_some());
    Ok(rows)
}

pub async fn board(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<MajorEventRow>, AppError> {
    let grids = reviewed_grids(viewer)?;
    let rows = events_of(db, &grids, false).await?;
    let rows: Vec<major_event::Model> = rows.into_iter().take(BOARD_MAX as usize).collect();
    let grid_names = names(
        grid::Entity::find()
            .filter(grid::Column::Id.is_in(rows.iter().map(|r| r.grid_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|g| (g.id, g.name)),
    );
    let firm_names = names(
        enterprise::Entity::find()
            .filter(enterprise::Column::Id.is_in(rows.iter().filter_map(|r| r.enterprise_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e.name)),
    );
    let people = names(
        person::Entity::find()
            .filter(
                person::Column::Id.is_in(
                    rows.iter()
                        .flat_map(|r| [Some(r.person_id), r.read_by])
                        .flatten(),
                ),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name)),
    );
    let name = |map: &HashMap<i32, String>, id: i32| map.get(&id).cloned().unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|r| MajorEventRow {
            id: r.id,
            version: u32::try_from(r.version).unwrap_or(1),
            grid_name: name(&grid_names, r.grid_id),
            enterprise_name: r.enterprise_id.map(|id| name(&firm_names, id)),
            reporter: name(&people, r.person_id),
            occurred_on: format_date(r.occurred_on),
            title: r.title,
            details: r.details,
            impact: r.impact,
            received: format_shanghai_minute(r.received_at_ms),
            read: r.read_by.zip(r.read_at_ms).map(|(by, at)| {
                format!(
                    "{} 于 {} 已阅",
                    name(&people, by),
                    format_shanghai_minute(at)
                )
            }),
        })
        .collect())
}

fn names(pairs: impl Iterator<Item = (i32, String)>) -> HashMap<i32, String> {
    pairs.collect()
}

pub async fn mark_read(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    version: u32,
) -> Result<(), AppError> {
    let grids = reviewed_grids(viewer)?;
    let row = major_event::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|r| grids.contains(&r.grid_id))
        .ok_or(AppError::Forbidden)?;
    if u32::try_from(row.version).ok() != Some(version) {
        return Err(AppError::Invalid(
            "该重大事项已有更新的版本，请刷新页面查看后再标记已阅".into(),
        ));
    }
    if row.read_at_ms.is_some() {
        return Ok(());
    }
    let mut active: major_event::ActiveModel = row.into();
    active.read_by = Set(Some(viewer.person_id()));
    active.read_at_ms = Set(Some(now_ms()));
    active.update(db).await?;
    Ok(())
}

/// One reminder per unread event for those who review them, so a township leader's phone
/// flags it on the next sync.
pub async fn unread_reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<Reminder>, AppError> {
    let Ok(grids) = reviewed_grids(viewer) else {
        return Ok(Vec::new());
    };
    Ok(events_of(db, &grids, true)
        .await?
        .into_iter()
        .map(|r| Reminder {
            title: format!("重大事项待阅：{}", r.title),
            note: format!(
                "发生于 {}，请在“乡镇走访情况”中查阅",
                format_date(r.occurred_on)
            ),
            status: Status::Overdue,
            report: None,
        })
        .collect())
}
