//! The board of major events for the township and the city, their read marks, and the
//! reminders that flag unread events.
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, major_event, person};
use crate::domain::cadence::Status;
use crate::domain::period::{format_date, format_shanghai_minute};
use crate::duties::api::Reminder;
use crate::error::AppError;
use crate::major_events::api::MajorEventRow;
use crate::sync::store::wire_version;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// How many events the board shows: the unread ones first, then the latest read ones.
const BOARD_MAX: usize = 200;

/// The grids whose events the viewer reviews (township leaders and deputies, the city
/// bureau); refused for anyone who reviews none.
fn reviewed_grids(viewer: &Viewer) -> Result<BTreeSet<i32>, AppError> {
    let grids = viewer.reviewed_grids();
    if grids.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(grids)
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

/// The events of the grids the viewer reviews, unread first.
pub async fn board(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<MajorEventRow>, AppError> {
    // Nothing to review is an empty board, not a refusal: the board sits on the township
    // page of grid leaders too, and a refusal would make the whole page answer 403.
    let grids = viewer.reviewed_grids();
    if grids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = events_of(db, &grids, false).await?;
    rows.truncate(BOARD_MAX);
    let grid_names = viewer.grids.names();
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
            version: wire_version(r.version),
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
    active.read_at_ms = Set(Some(viewer.now_ms));
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
