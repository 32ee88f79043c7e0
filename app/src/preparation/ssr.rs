//! The preparation stage read and marked in the database: whoever oversees a unit reads its
//! milestones with what the grid tree and the roster show; its leader and 分管领导, or the city
//! bureau, mark them done or take a mark back; each change goes into the audit log.
use super::api::{MilestoneRow, Preparation, UnitStage};
use super::entity as setup_milestone;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::db::{grid_activity, role_assignment, visit};
use crate::domain::grid::{GridId, GridKind, Role};
use crate::domain::period::format_date;
use crate::domain::permission::Ability;
use crate::domain::preparation::{Milestone, MilestoneMark, UnitFacts, status};
use crate::error::AppError;
use crate::staffing::entity as staff_member;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use time::Date;

/// How many years back the stage may be looked at or marked.
const YEARS_BACK: i32 = 10;

/// The marks of `grids` for `year`, by unit and milestone.
type Marks = HashMap<(GridId, Milestone), setup_milestone::Model>;

/// A mark as the audit log keeps it.
#[derive(Serialize)]
struct Marked<'a> {
    done_on: String,
    document: &'a str,
}

/// Unit `grid`'s stage in `year`, for a viewer who oversees it; `None` when the stage asks
/// nothing of the grid.
pub async fn stage(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
    year: i32,
) -> Result<Option<Preparation>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let today = viewer.today()?;
    check_year(year, today)?;
    let Some((unit, kind)) = asked(viewer, grid) else {
        return Ok(None);
    };
    let units: Vec<(GridId, String, GridKind)> = if kind == GridKind::City {
        (viewer.grids.all().iter())
            .filter(|g| !g.closed && viewer.visible.contains(&g.id))
            .filter_map(|g| Some((g.id, g.name.clone(), GridKind::from_code(&g.kind)?)))
            .filter(|(_, _, k)| k.is_level_two())
            .collect()
    } else {
        Vec::new()
    };
    let ids: Vec<GridId> = std::iter::once(grid)
        .chain(units.iter().map(|u| u.0))
        .collect();
    let marks = marks_of(db, &ids, year).await?;
    let facts = match kind {
        GridKind::City => None,
        _ => Some(facts(db, viewer, grid, year).await?),
    };
    let milestones = (Milestone::of_kind(kind).iter())
        .map(|&m| {
            let mark = marks.get(&(grid, m));
            let due = m.due(year).ok_or_else(AppError::internal)?;
            Ok(MilestoneRow {
                milestone: m,
                due: format_date(due),
                status: status(due, mark.map(|r| r.done_on), today),
                done_on: mark.map(|r| format_date(r.done_on)),
                document: mark.map(|r| r.document.clone()).unwrap_or_default(),
                evidence: facts.and_then(|f| evidence(m, f)),
            })
        })
        .collect::<Result<_, AppError>>()?;
    let units = (units.into_iter())
        .map(|(id, unit, kind)| UnitStage {
            unit,
            milestones: verdicts(&marks, id, kind, year, today),
        })
        .collect();
    Ok(Some(Preparation {
        grid_id: grid,
        unit,
        year,
        milestones,
        may_edit: viewer.permits_over(Ability::Prepare, grid),
        units,
    }))
}

/// Marks one of unit `grid`'s milestones of `year` done, or corrects the mark.
pub async fn mark(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    year: i32,
    mark: &MilestoneMark,
) -> Result<Preparation, AppError> {
    let unit = prepared_unit(viewer, grid)?;
    let today = viewer.today()?;
    check_year(year, today)?;
    let facts = facts(db, viewer, grid, year).await?;
    let valid = mark
        .check(unit.1, year, today, facts)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let tx = crate::db::begin_write(db).await?;
    let before = stored(&tx, grid, year, valid.milestone).await?;
    let by = Actor::of(viewer);
    let row = setup_milestone::ActiveModel {
        id: before.as_ref().map_or(NotSet, |b| Set(b.id)),
        grid_id: Set(grid),
        year: Set(year),
        milestone: Set(valid.milestone.code().to_owned()),
        done_on: Set(valid.done_on),
        document: Set(valid.document.clone()),
        marked_by: Set(by.person_id),
        marked_at_ms: Set(by.at_ms),
    };
    match before {
        Some(_) => {
            setup_milestone::Entity::update(row).exec(&tx).await?;
        }
        None => {
            setup_milestone::Entity::insert(row)
                .exec_without_returning(&tx)
                .await?;
        }
    }
    let after = Marked {
        done_on: format_date(valid.done_on),
        document: &valid.document,
    };
    let key = words::key(&unit.0, year, valid.milestone.label());
    let before = before.as_ref().map(marked);
    audit::record(
        &tx,
        by,
        "mark_milestone",
        "preparation",
        &key,
        before.as_ref(),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    stage(db, viewer, grid, year)
        .await?
        .ok_or(AppError::Forbidden)
}

/// Takes back unit `grid`'s mark of `milestone` in `year`.
pub async fn unmark(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    year: i32,
    milestone: Milestone,
) -> Result<Preparation, AppError> {
    let unit = prepared_unit(viewer, grid)?;
    check_year(year, viewer.today()?)?;
    let tx = crate::db::begin_write(db).await?;
    if let Some(before) = stored(&tx, grid, year, milestone).await? {
        setup_milestone::Entity::delete_by_id(before.id)
            .exec(&tx)
            .await?;
        let key = words::key(&unit.0, year, milestone.label());
        let before = marked(&before);
        audit::record(
            &tx,
            Actor::of(viewer),
            "unmark_milestone",
            "preparation",
            &key,
            Some(&before),
            None,
        )
        .await?;
    }
    tx.commit().await?;
    stage(db, viewer, grid, year)
        .await?
        .ok_or(AppError::Forbidden)
}

fn marked(row: &setup_milestone::Model) -> Marked<'_> {
    Marked {
        done_on: format_date(row.done_on),
        document: &row.document,
    }
}

/// The grid's name and kind when the stage asks something of it.
fn asked(viewer: &Viewer, grid: GridId) -> Option<(String, GridKind)> {
    let row = viewer.grids.get(grid).filter(|g| !g.closed)?;
    let kind = GridKind::from_code(&row.kind)?;
    (!Milestone::of_kind(kind).is_empty()).then(|| (row.name.clone(), kind))
}

/// The unit `grid`, for a viewer who marks its stage.
fn prepared_unit(viewer: &Viewer, grid: GridId) -> Result<(String, GridKind), AppError> {
    if !viewer.permits_over(Ability::Prepare, grid) {
        return Err(AppError::Forbidden);
    }
    asked(viewer, grid).ok_or(AppError::Forbidden)
}

fn check_year(year: i32, today: Date) -> Result<(), AppError> {
    let now = today.year();
    if (now - YEARS_BACK..=now).contains(&year) {
        Ok(())
    } else {
        Err(AppError::BadRequest(format!(
            "年份应在 {}—{now} 之间",
            now - YEARS_BACK
        )))
    }
}

async fn stored(
    db: &impl ConnectionTrait,
    grid: GridId,
    year: i32,
    milestone: Milestone,
) -> Result<Option<setup_milestone::Model>, AppError> {
    Ok(setup_milestone::Entity::find()
        .filter(setup_milestone::Column::GridId.eq(grid))
        .filter(setup_milestone::Column::Year.eq(year))
        .filter(setup_milestone::Column::Milestone.eq(milestone.code()))
        .one(db)
        .await?)
}

async fn marks_of(
    db: &impl ConnectionTrait,
    grids: &[GridId],
    year: i32,
) -> Result<Marks, AppError> {
    let rows = setup_milestone::Entity::find()
        .filter(setup_milestone::Column::GridId.is_in(grids.iter().copied()))
        .filter(setup_milestone::Column::Year.eq(year))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some(((r.grid_id, Milestone::from_code(&r.milestone)?), r)))
        .collect())
}

/// Each milestone asked of unit `grid` of `kind` with its verdict.
fn verdicts(
    marks: &Marks,
    grid: GridId,
    kind: GridKind,
    year: i32,
    today: Date,
) -> Vec<(Milestone, crate::domain::cadence::Status)> {
    (Milestone::of_kind(kind).iter())
        .filter_map(|&m| {
            let done = marks.get(&(grid, m)).map(|r| r.done_on);
            Some((m, status(m.due(year)?, done, today)))
        })
        .collect()
}

/// The open enterprise grids below unit `grid` and how many have a leader, its roster, and
/// the work its grids recorded in `year`.
async fn facts(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
    year: i32,
) -> Result<UnitFacts, AppError> {
    let below = viewer.grids.tree.subtree(grid);
    let enterprise_grids: Vec<GridId> = (viewer.grids.all().iter())
        .filter(|g| !g.closed && below.contains(&g.id))
        .filter(|g| GridKind::from_code(&g.kind) == Some(GridKind::Enterprise))
        .map(|g| g.id)
        .collect();
    let led: HashSet<GridId> = if enterprise_grids.is_empty() {
        HashSet::new()
    } else {
        role_assignment::Entity::find()
            .select_only()
            .column(role_assignment::Column::GridId)
            .filter(role_assignment::Column::GridId.is_in(enterprise_grids.iter().copied()))
            .filter(role_assignment::Column::Role.eq(Role::Leader.code()))
            .into_tuple::<GridId>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let staff = staff_member::Entity::find()
        .filter(staff_member::Column::GridId.eq(grid))
        .count(db)
        .await?;
    let year_of = crate::domain::cadence::Period::Year(year);
    let (first, last) = (year_of.first_day(), year_of.last_day());
    let activity_grids: Vec<GridId> = grid_activity::Entity::find()
        .select_only()
        .column(grid_activity::Column::GridId)
        .filter(grid_activity::Column::GridId.is_in(below.iter().copied()))
        .filter(grid_activity::Column::ActivityDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    let visit_grids: Vec<GridId> = visit::Entity::find()
        .select_only()
        .column(visit::Column::GridId)
        .distinct()
        .filter(visit::Column::GridId.is_in(below.iter().copied()))
        .filter(visit::Column::VisitDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    let recording: HashSet<GridId> = activity_grids.iter().chain(&visit_grids).copied().collect();
    Ok(UnitFacts {
        enterprise_grids: enterprise_grids.len(),
        led_grids: led.len(),
        staff: usize::try_from(staff).unwrap_or(usize::MAX),
        activities: activity_grids.len(),
        recording_grids: recording.len(),
    })
}

/// What the grid tree or the roster shows of milestone `m` now.
fn evidence(m: Milestone, facts: UnitFacts) -> Option<String> {
    match m {
        Milestone::GridsDrawn => Some(words::grids(facts.enterprise_grids, facts.led_grids)),
        Milestone::StaffRegistered => Some(words::staff(facts.staff)),
        Milestone::OfflineExchanges => Some(words::activities(facts.activities)),
        Milestone::Platform => Some(words::recording(facts.recording_grids)),
        _ => None,
    }
}
