//! The roster read and changed in the database: whoever oversees a unit reads it; its leader
//! and 分管领导, or the city bureau, change it; each change goes into the audit log.
use super::api::{Roster, StaffMember};
use super::entity as staff_member;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::domain::permission::Ability;
use crate::domain::staffing::{Employment, ROSTER_MAX, StaffDraft, floor, shortfall};
use crate::error::AppError;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

/// The roster of `grid`, for a viewer who oversees it; `None` when it is no level-2 unit.
pub async fn roster(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
) -> Result<Option<Roster>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some((name, kind)) = viewer.unit(grid) else {
        return Ok(None);
    };
    let staff: Vec<StaffMember> = staff_member::Entity::find()
        .filter(staff_member::Column::GridId.eq(grid))
        .order_by_asc(staff_member::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| StaffMember {
            id: row.id,
            employment: Employment::from_code(&row.employment).unwrap_or(Employment::PartTime),
            name: row.name,
            post: row.post,
            subsidy_fen: row.subsidy_fen,
        })
        .collect();
    let office = staff.iter().filter(|s| s.employment.in_office()).count();
    let counted = |e: Employment| staff.iter().filter(|s| s.employment == e).count();
    Ok(Some(Roster {
        grid_id: grid,
        unit: name,
        office,
        surveyors: counted(Employment::VillageSurveyor),
        enterprise_statisticians: counted(Employment::EnterpriseReporter),
        subsidy_total_fen: staff.iter().map(|s| s.subsidy_fen).sum(),
        floor: floor(kind),
        shortfall: shortfall(kind, office),
        staff,
        may_edit: viewer.permits_over(Ability::KeepProvisions, grid),
    }))
}

/// The unit `grid`'s name, for a viewer who keeps its roster.
fn kept_unit(viewer: &Viewer, grid: i32) -> Result<String, AppError> {
    if !viewer.permits_over(Ability::KeepProvisions, grid) {
        return Err(AppError::Forbidden);
    }
    let (name, _) = viewer.unit(grid).ok_or(AppError::Forbidden)?;
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
    let valid = draft.validate().map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        AppError::Invalid(messages.join("；"))
    })?;
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
