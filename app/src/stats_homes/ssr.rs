//! The homes read and changed in the database: whoever oversees a unit reads them with the
//! activities held in each this year; its leader and 分管领导, or the city bureau, change them;
//! each change goes into the audit log.
use super::api::{StatsHomeRow, StatsHomes, UnitHomes};
use super::entity as stats_home;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::db::grid_activity;
use crate::directory::api::StatsHomeSummary;
use crate::domain::grid::GridId;
use crate::domain::grid::GridKind;
use crate::domain::period::format_date;
use crate::domain::permission::Ability;
use crate::domain::stats_home::{StatsHomeDraft, ValidStatsHome, check_register, held_in};
use crate::error::AppError;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::{BTreeMap, BTreeSet};

/// The homes of `grid` for a viewer who oversees it: a level-2 unit's own, or, for the city
/// grid, every unit's count; `None` for any other grid.
pub async fn homes(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
) -> Result<Option<StatsHomes>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some(row) = viewer.grids.get(grid) else {
        return Ok(None);
    };
    let kind = GridKind::from_code(&row.kind);
    let units: Vec<(GridId, String)> = match kind {
        Some(GridKind::City) => (viewer.grids.all().iter())
            .filter(|g| !g.closed && viewer.visible.contains(&g.id))
            .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two))
            .map(|g| (g.id, g.name.clone()))
            .collect(),
        Some(k) if k.is_level_two() => vec![(grid, row.name.clone())],
        _ => return Ok(None),
    };
    let year = viewer.today()?.year();
    let ids: Vec<GridId> = units.iter().map(|u| u.0).collect();
    let registered = stored(db, &ids).await?;
    let places = places_held(db, viewer, &ids, year).await?;
    // Each unit's homes (ids and names), gathered once rather than for every activity.
    let mut by_unit: BTreeMap<GridId, (Vec<i32>, Vec<String>)> = BTreeMap::new();
    for home in &registered {
        let (ids, names) = by_unit.entry(home.grid_id).or_default();
        ids.push(home.id);
        names.push(home.name.clone());
    }
    let mut held: BTreeMap<i32, usize> = BTreeMap::new();
    let mut held_elsewhere = 0;
    for (unit, place) in places {
        let home =
            (by_unit.get(&unit)).and_then(|(ids, names)| held_in(&place, names).map(|i| ids[i]));
        match home {
            Some(id) => *held.entry(id).or_default() += 1,
            None => held_elsewhere += 1,
        }
    }
    let count = |id: i32| held.get(&id).copied().unwrap_or_default();
    let (homes, units) = if kind == Some(GridKind::City) {
        let units = (units.into_iter())
            .map(|(id, unit)| {
                let own = registered.iter().filter(|h| h.grid_id == id);
                UnitHomes {
                    unit,
                    homes: own.clone().count(),
                    activities: own.map(|h| count(h.id)).sum(),
                }
            })
            .collect();
        (Vec::new(), units)
    } else {
        let homes = (registered.into_iter())
            .map(|h| StatsHomeRow {
                activities: count(h.id),
                id: h.id,
                name: h.name,
                address: h.address,
                opened_on: format_date(h.opened_on),
                note: h.note,
            })
            .collect();
        (homes, Vec::new())
    };
    Ok(Some(StatsHomes {
        grid_id: grid,
        unit: row.name.clone(),
        year,
        homes,
        held_elsewhere,
        may_edit: kind != Some(GridKind::City)
            && viewer.permits_over(Ability::KeepProvisions, grid),
        units,
    }))
}

/// The homes `units` registered, by unit and then in the order they were registered.
pub async fn stored(
    db: &impl ConnectionTrait,
    units: &[GridId],
) -> Result<Vec<stats_home::Model>, AppError> {
    Ok(stats_home::Entity::find()
        .filter(stats_home::Column::GridId.is_in(units.iter().copied()))
        .order_by_asc(stats_home::Column::GridId)
        .order_by_asc(stats_home::Column::Id)
        .all(db)
        .await?)
}

/// The place of each activity held in `year` in `units` and the grids below them, with the
/// unit it was held in.
async fn places_held(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    units: &[GridId],
    year: i32,
) -> Result<Vec<(GridId, String)>, AppError> {
    let year_of = crate::domain::cadence::Period::Year(year);
    let (first, last) = (year_of.first_day(), year_of.last_day());
    let tree = &viewer.grids.tree;
    let grids: BTreeSet<GridId> = units.iter().flat_map(|&u| tree.subtree(u)).collect();
    let rows: Vec<(i32, String)> = grid_activity::Entity::find()
        .select_only()
        .column(grid_activity::Column::GridId)
        .column(grid_activity::Column::Place)
        .filter(grid_activity::Column::GridId.is_in(grids))
        .filter(grid_activity::Column::ActivityDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(grid, place)| Some((tree.unit_of(grid)?, place)))
        .collect())
}

/// The unit `grid`'s name, for a viewer who keeps its register.
fn kept_unit(viewer: &Viewer, grid: GridId) -> Result<String, AppError> {
    if !viewer.permits_over(Ability::KeepProvisions, grid) {
        return Err(AppError::Forbidden);
    }
    let (name, _) = viewer.unit(grid).ok_or(AppError::Forbidden)?;
    Ok(name)
}

/// Registers a home in `grid`, or changes its home `id`.
pub async fn save(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    id: Option<i32>,
    draft: &StatsHomeDraft,
) -> Result<StatsHomes, AppError> {
    let unit = kept_unit(viewer, grid)?;
    let valid = (draft.validate(viewer.today()?)).map_err(|e| AppError::refused(&e))?;
    let tx = crate::db::begin_write(db).await?;
    let held = stored(&tx, &[grid]).await?;
    let before = match id {
        Some(id) => Some(
            (held.iter().find(|h| h.id == id))
                .ok_or_else(|| AppError::Invalid(words::NOT_REGISTERED.into()))?,
        ),
        None => None,
    };
    let others: Vec<String> = (held.iter())
        .filter(|h| Some(h.id) != id)
        .map(|h| h.name.clone())
        .collect();
    check_register(&valid.name, &others).map_err(|e| AppError::refused(&[e]))?;
    let by = Actor::of(viewer);
    let row = stats_home::ActiveModel {
        id: id.map_or(NotSet, Set),
        grid_id: Set(grid),
        name: Set(valid.name.clone()),
        address: Set(valid.address.clone()),
        opened_on: Set(valid.opened_on),
        note: Set(valid.note.clone()),
        saved_by: Set(by.person_id),
        saved_at_ms: Set(by.at_ms),
    };
    if id.is_some() {
        stats_home::Entity::update(row).exec(&tx).await?;
    } else {
        stats_home::Entity::insert(row).exec(&tx).await?;
    }
    let key = format!("{unit} {}", valid.name);
    let before = before.map(audited);
    let after = Some(as_audited(&valid));
    let action = if id.is_some() {
        "change_stats_home"
    } else {
        "add_stats_home"
    };
    audit::record(
        &tx,
        by,
        action,
        "stats_home",
        &key,
        before.as_ref(),
        after.as_ref(),
    )
    .await?;
    tx.commit().await?;
    homes(db, viewer, grid).await?.ok_or(AppError::Forbidden)
}

/// Takes home `id` off `grid`'s register.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    id: i32,
) -> Result<StatsHomes, AppError> {
    let unit = kept_unit(viewer, grid)?;
    let tx = crate::db::begin_write(db).await?;
    let row = stats_home::Entity::find_by_id(id)
        .filter(stats_home::Column::GridId.eq(grid))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid(words::NOT_REGISTERED.into()))?;
    stats_home::Entity::delete_by_id(id).exec(&tx).await?;
    let key = format!("{unit} {}", row.name);
    let before = Some(audited(&row));
    let action = "remove_stats_home";
    audit::record(
        &tx,
        Actor::of(viewer),
        action,
        "stats_home",
        &key,
        before.as_ref(),
        None,
    )
    .await?;
    tx.commit().await?;
    homes(db, viewer, grid).await?.ok_or(AppError::Forbidden)
}

/// A home as the audit log keeps it, its day written out.
#[derive(serde::Serialize)]
struct Audited<'a> {
    name: &'a str,
    address: &'a str,
    opened_on: String,
    note: &'a str,
}

fn audited(row: &stats_home::Model) -> Audited<'_> {
    Audited {
        name: &row.name,
        address: &row.address,
        opened_on: format_date(row.opened_on),
        note: &row.note,
    }
}

fn as_audited(home: &ValidStatsHome) -> Audited<'_> {
    Audited {
        name: &home.name,
        address: &home.address,
        opened_on: format_date(home.opened_on),
        note: &home.note,
    }
}

/// For each of `grids`, the homes of the level-2 unit it lies in, as a phone's directory
/// carries them for the activity form, in the order they were registered.
pub async fn for_grids(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grids: &BTreeSet<GridId>,
) -> Result<Vec<StatsHomeSummary>, AppError> {
    let tree = &viewer.grids.tree;
    let units: BTreeSet<GridId> = grids.iter().filter_map(|&g| tree.unit_of(g)).collect();
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let homes = stored(db, &units.into_iter().collect::<Vec<_>>()).await?;
    Ok((grids.iter())
        .flat_map(|&grid| {
            let unit = tree.unit_of(grid);
            (homes.iter())
                .filter(move |h| Some(h.grid_id) == unit)
                .map(move |h| StatsHomeSummary {
                    grid_id: grid,
                    name: h.name.clone(),
                })
        })
        .collect())
}
