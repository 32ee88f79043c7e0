//! The roster read and changed in the database: whoever oversees a unit reads it; its leader
//! and 分管领导, or the city bureau, change it; each change goes into the audit log.
use super::api::{Roster, StaffMember, UnitStaffing};
use super::entity as staff_member;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::db::role_assignment;
use crate::domain::grid::{GridKind, Role};
use crate::domain::permission::Ability;
use crate::domain::staffing::{Employment, ROSTER_MAX, StaffDraft, floor, shortfall};
use crate::error::AppError;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

/// The roster of `grid`, for a viewer who oversees it; `None` when it is neither a level-2
/// unit nor the city.
pub async fn roster(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
) -> Result<Option<Roster>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some((name, kind)) = roster_of(viewer, grid) else {
        return Ok(None);
    };
    let staff: Vec<StaffMember> = staff_of(db, &[grid])
        .await?
        .into_iter()
        .map(|row| StaffMember {
            id: row.id,
            employment: employment(&row),
            name: row.name,
            post: row.post,
            subsidy_fen: row.subsidy_fen,
        })
        .collect();
    let office = staff.iter().filter(|s| s.employment.in_office()).count();
    let counted = |e: Employment| staff.iter().filter(|s| s.employment == e).count();
    let city = kind == GridKind::City;
    Ok(Some(Roster {
        grid_id: grid,
        unit: name,
        city,
        office,
        surveyors: counted(Employment::VillageSurveyor),
        enterprise_statisticians: counted(Employment::EnterpriseReporter),
        subsidy_total_fen: staff.iter().map(|s| s.subsidy_fen).sum(),
        surveyors_unlisted: if city {
            Vec::new()
        } else {
            surveyors_unlisted(db, viewer, grid, &staff).await?
        },
        floor: floor(kind),
        shortfall: shortfall(kind, office),
        staff,
        may_edit: viewer.permits_over(Ability::KeepProvisions, grid),
        units: if city {
            units_staffing(db, viewer).await?
        } else {
            Vec::new()
        },
    }))
}

/// The names of the village surveyors holding the role in `unit` or a grid below it whom
/// `staff` does not list as surveyors, by name.
async fn surveyors_unlisted(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    staff: &[StaffMember],
) -> Result<Vec<String>, AppError> {
    let people: Vec<i32> = role_assignment::Entity::find()
        .select_only()
        .column(role_assignment::Column::PersonId)
        .filter(role_assignment::Column::GridId.is_in(viewer.grids.tree.subtree(unit)))
        .filter(role_assignment::Column::Role.eq(Role::Surveyor.code()))
        .into_tuple()
        .all(db)
        .await?;
    let listed = |name: &String| {
        (staff.iter()).any(|s| s.employment == Employment::VillageSurveyor && s.name == *name)
    };
    let mut names: Vec<String> = crate::notices::ssr::names(db, people)
        .await?
        .into_values()
        .filter(|name| !listed(name))
        .collect();
    names.sort();
    Ok(names)
}

/// The people on the rosters of `grids`, in the order they were added.
async fn staff_of(
    db: &impl ConnectionTrait,
    grids: &[i32],
) -> Result<Vec<staff_member::Model>, AppError> {
    Ok(staff_member::Entity::find()
        .filter(staff_member::Column::GridId.is_in(grids.iter().copied()))
        .order_by_asc(staff_member::Column::Id)
        .all(db)
        .await?)
}

fn employment(row: &staff_member::Model) -> Employment {
    Employment::from_code(&row.employment).unwrap_or(Employment::PartTime)
}

/// Each level-2 unit the viewer sees, with how it is staffed.
async fn units_staffing(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<UnitStaffing>, AppError> {
    let units: Vec<(i32, String, GridKind)> = (viewer.grids.all().iter())
        .filter(|g| !g.closed && viewer.visible.contains(&g.id))
        .filter_map(|g| Some((g.id, g.name.clone(), GridKind::from_code(&g.kind)?)))
        .filter(|(_, _, k)| k.is_level_two())
        .collect();
    let ids: Vec<i32> = units.iter().map(|u| u.0).collect();
    let rows = staff_of(db, &ids).await?;
    Ok(units
        .into_iter()
        .map(|(id, unit, kind)| {
            let of_unit: Vec<Employment> = (rows.iter())
                .filter(|r| r.grid_id == id)
                .map(employment)
                .collect();
            let office = of_unit.iter().filter(|e| e.in_office()).count();
            let by_employment = (Employment::ALL.into_iter())
                .map(|e| (e, of_unit.iter().filter(|&&o| o == e).count()))
                .filter(|(_, n)| *n > 0)
                .collect();
            UnitStaffing {
                unit,
                office,
                shortfall: shortfall(kind, office),
                by_employment,
            }
        })
        .collect())
}

/// The name and kind of `grid` where it keeps a roster: a level-2 unit, or the city, whose
/// bureau keeps its 乡镇（街道）统计工作管理办公室's (004 §四(一)).
fn roster_of(viewer: &Viewer, grid: i32) -> Option<(String, GridKind)> {
    viewer.unit(grid).or_else(|| {
        let row = viewer.grids.get(grid)?;
        (GridKind::from_code(&row.kind) == Some(GridKind::City))
            .then(|| (row.name.clone(), GridKind::City))
    })
}

/// The name of `grid`, for a viewer who keeps its roster.
fn kept_unit(viewer: &Viewer, grid: i32) -> Result<String, AppError> {
    if !viewer.permits_over(Ability::KeepProvisions, grid) {
        return Err(AppError::Forbidden);
    }
    let (name, _) = roster_of(viewer, grid).ok_or(AppError::Forbidden)?;
    Ok(name)
}

/// Puts a person on `grid`'s roster.
pub async fn add(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: i32,
    draft: &StaffDraft,
) -> Result<Roster, AppError> {
    let unit = kept_unit(viewer, grid)?;
    let valid = draft.validate().map_err(|e| AppError::refused(&e))?;
    let tx = crate::db::begin_write(db).await?;
    let on_roster = staff_member::Entity::find()
        .filter(staff_member::Column::GridId.eq(grid))
        .count(&tx)
        .await?;
    if on_roster >= ROSTER_MAX as u64 {
        return Err(AppError::Invalid(words::roster_full(ROSTER_MAX)));
    }
    let by = Actor::of(viewer);
    staff_member::Entity::insert(staff_member::ActiveModel {
        id: NotSet,
        grid_id: Set(grid),
        name: Set(valid.name.clone()),
        post: Set(valid.post.clone()),
        employment: Set(valid.employment.code().to_owned()),
        subsidy_fen: Set(valid.subsidy_fen),
        added_at_ms: Set(by.at_ms),
        added_by: Set(by.person_id),
    })
    .exec(&tx)
    .await?;
    let key = format!("{unit} {}", valid.name);
    audit::record(&tx, by, "add_staff", "staff", &key, None, Some(&valid)).await?;
    tx.commit().await?;
    roster(db, viewer, grid).await?.ok_or(AppError::Forbidden)
}

/// Takes person `id` off `grid`'s roster.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: i32,
    id: i32,
) -> Result<Roster, AppError> {
    let unit = kept_unit(viewer, grid)?;
    let tx = crate::db::begin_write(db).await?;
    let row = staff_member::Entity::find_by_id(id)
        .filter(staff_member::Column::GridId.eq(grid))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid(words::NOT_ON_ROSTER.into()))?;
    staff_member::Entity::delete_by_id(id).exec(&tx).await?;
    let before = (&row.name, &row.post, &row.employment, row.subsidy_fen);
    let key = format!("{unit} {}", row.name);
    audit::record(
        &tx,
        Actor::of(viewer),
        "remove_staff",
        "staff",
        &key,
        Some(&before),
        None,
    )
    .await?;
    tx.commit().await?;
    roster(db, viewer, grid).await?.ok_or(AppError::Forbidden)
}
