//! The board of major events for the township and the city, their two read marks (the
//! township's and the city bureau's), and the reminders that flag unread and escalated events.
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, major_event, person};
use crate::domain::cadence::Status;
use crate::domain::major_event::{city_escalated, city_read_hours};
use crate::domain::period::{format_date, format_shanghai_minute};
use crate::duties::api::Reminder;
use crate::error::AppError;
use crate::major_events::api::MajorEventRow;
use crate::major_events::words;
use crate::sync::store::wire_version;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// How many events the board shows: the unread ones first, then the latest read ones.
const BOARD_MAX: usize = 200;

/// The grids whose events the viewer reviews (a township's or department's leader and
/// instructor, the city bureau); refused for anyone who reviews none.
fn reviewed_grids(viewer: &Viewer) -> Result<BTreeSet<i32>, AppError> {
    let grids = viewer.reviewed_grids();
    if grids.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(grids)
}

/// Whose read mark a viewer sets and waits on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The township or department the event's grid lies in.
    Unit,
    /// The city bureau, to which the event goes at once (001 §三(三)3).
    City,
}

impl Side {
    fn of(viewer: &Viewer) -> Side {
        if viewer.is_city_admin() {
            Side::City
        } else {
            Side::Unit
        }
    }

    fn column(self) -> major_event::Column {
        match self {
            Side::Unit => major_event::Column::ReadAtMs,
            Side::City => major_event::Column::CityReadAtMs,
        }
    }

    fn has_read(self, row: &major_event::Model) -> bool {
        match self {
            Side::Unit => row.read_at_ms.is_some(),
            Side::City => row.city_read_at_ms.is_some(),
        }
    }
}

async fn events_of(
    db: &impl ConnectionTrait,
    grids: &BTreeSet<i32>,
    side: Side,
    unread_only: bool,
) -> Result<Vec<major_event::Model>, AppError> {
    let mut query = major_event::Entity::find()
        .filter(major_event::Column::GridId.is_in(grids.iter().copied()));
    if unread_only {
        query = query.filter(side.column().is_null());
    }
    let mut rows = query
        .order_by_desc(major_event::Column::ReceivedAtMs)
        .all(db)
        .await?;
    // Unread on the viewer's side first; the sort is stable, so each part stays newest first.
    rows.sort_by_key(|r| side.has_read(r));
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
    let side = Side::of(viewer);
    let mut rows = events_of(db, &grids, side, false).await?;
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
                        .flat_map(|r| [Some(r.person_id), r.read_by, r.city_read_by])
                        .flatten(),
                ),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name)),
    );
    let name = |map: &HashMap<i32, String>, id: i32| map.get(&id).cloned().unwrap_or_default();
    let button = match side {
        Side::Unit => words::MARK_READ,
        Side::City => words::CITY_ACKNOWLEDGE,
    };
    let hours = city_read_hours(&crate::cadence::ssr::policy(db).await?.0);
    Ok(rows
        .into_iter()
        .map(|r| MajorEventRow {
            escalated: city_escalated(
                r.received_at_ms,
                r.city_read_at_ms.is_some(),
                viewer.now_ms,
                hours,
            ),
            city_read_hours: hours,
            acknowledge: (!side.has_read(&r)).then(|| button.to_owned()),
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
                words::township_read(&name(&people, by), &format_shanghai_minute(at))
            }),
            city_read: r
                .city_read_by
                .zip(r.city_read_at_ms)
                .map(|(by, at)| words::city_read(&name(&people, by), &format_shanghai_minute(at))),
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
    let side = Side::of(viewer);
    if side.has_read(&row) {
        return Ok(());
    }
    let mut active: major_event::ActiveModel = row.into();
    let (by, at) = (Set(Some(viewer.person_id())), Set(Some(viewer.now_ms)));
    match side {
        Side::Unit => (active.read_by, active.read_at_ms) = (by, at),
        Side::City => (active.city_read_by, active.city_read_at_ms) = (by, at),
    }
    active.update(db).await?;
    Ok(())
}

/// One reminder per event unread on the viewer's side, so a township leader's phone flags it
/// on the next sync; for the city bureau's leaders, an event past the city's time to read it
/// is escalated as such.
pub async fn unread_reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<Reminder>, AppError> {
    let Ok(grids) = reviewed_grids(viewer) else {
        return Ok(Vec::new());
    };
    let side = Side::of(viewer);
    let hours = city_read_hours(&crate::cadence::ssr::policy(db).await?.0);
    Ok(events_of(db, &grids, side, true)
        .await?
        .into_iter()
        .map(|r| {
            let escalated =
                side == Side::City && city_escalated(r.received_at_ms, false, viewer.now_ms, hours);
            Reminder {
                title: if escalated {
                    words::escalated_reminder(&r.title)
                } else {
                    words::unread_reminder(&r.title)
                },
                note: if escalated {
                    words::city_overdue(hours)
                } else {
                    words::reminder_note(&format_date(r.occurred_on))
                },
                status: Status::Overdue,
                report: None,
            }
        })
        .collect())
}
