//! The check read from the database: the members and deputies of the enterprise grids in the
//! scope, with their phones, against the statisticians' phones of their grids' enterprises.
use super::api::{MembershipCheck, Misfit};
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, person, role_assignment};
use crate::domain::grid::{GridKind, Role};
use crate::domain::membership::{Firm, Standing, checked, standing};
use crate::domain::permission::Ability;
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub async fn check(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: i32,
) -> Result<MembershipCheck, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, scope) {
        return Err(AppError::Forbidden);
    }
    let grids: HashMap<i32, String> = (viewer.grids.all().iter())
        .filter(|g| g.kind == GridKind::Enterprise.code() && !g.closed)
        .filter(|g| viewer.grids.tree.is_within(g.id, scope))
        .map(|g| (g.id, g.name.clone()))
        .collect();
    let ids: Vec<i32> = grids.keys().copied().collect();
    let firms = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(ids.clone()))
        .filter(enterprise::Column::Closed.eq(false))
        .order_by_asc(enterprise::Column::Id)
        .all(db)
        .await?;
    let roles = role_assignment::Entity::find()
        .filter(role_assignment::Column::GridId.is_in(ids))
        .order_by_asc(role_assignment::Column::GridId)
        .order_by_asc(role_assignment::Column::PersonId)
        .all(db)
        .await?;
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(roles.iter().map(|r| r.person_id)))
        .filter(person::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let names: HashMap<i32, &str> = firms.iter().map(|f| (f.id, f.name.as_str())).collect();
    let mut result = MembershipCheck {
        checked: 0,
        fitting: 0,
        misfits: Vec::new(),
    };
    for r in &roles {
        let (Some(role), Some(who)) = (Role::from_code(&r.role), people.get(&r.person_id)) else {
            continue;
        };
        if !checked(role) {
            continue;
        }
        let own: Vec<Firm> = (firms.iter())
            .filter(|f| f.grid_id == r.grid_id)
            .map(|f| Firm {
                id: f.id,
                statistician_phone: f.statistician_phone.clone(),
                above_scale: f.above_scale,
                cultivation: f.cultivation,
            })
            .collect();
        result.checked += 1;
        let found = match PhoneNumber::parse(&who.phone) {
            Ok(phone) => standing(role, &phone, &own),
            Err(_) => Standing::Unmatched,
        };
        let enterprise_id = match found {
            Standing::Meets { .. } => {
                result.fitting += 1;
                continue;
            }
            Standing::WrongEnterprise { enterprise_id } => Some(enterprise_id),
            Standing::Unmatched => None,
        };
        result.misfits.push(Misfit {
            name: who.name.clone(),
            grid_name: grids.get(&r.grid_id).cloned().unwrap_or_default(),
            role,
            standing: found,
            enterprise_name: enterprise_id.and_then(|id| names.get(&id).map(|n| (*n).to_owned())),
        });
    }
    Ok(result)
}
