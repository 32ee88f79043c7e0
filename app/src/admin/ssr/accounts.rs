//! People: list, deactivate (sessions end at once), reset a password, assign and remove roles.
use super::{AdminSession, audit};
use crate::admin::api::{PersonChange, PersonChangeDone, PersonEntry};
use crate::auth::api::GridRole;
use crate::auth::password::hash_password;
use crate::auth::ssr::end_sessions;
use crate::db::{person, role_assignment};
use crate::domain::grid::{GridKind, Role, SURVEYOR_PLACES};
use crate::error::AppError;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// A first password: 10 characters that cannot be misread (no 0/O, 1/l/I).
pub(super) fn first_password() -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    (0..10)
        .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
        .collect()
}

impl AdminSession {
    pub async fn list_people(&self) -> Result<Vec<PersonEntry>, AppError> {
        let grids = &self.viewer.grids;
        let mut roles: HashMap<i32, Vec<GridRole>> = HashMap::new();
        for a in role_assignment::Entity::find()
            .order_by_asc(role_assignment::Column::Id)
            .all(&self.db)
            .await?
        {
            let (Some(g), Some(role)) = (grids.get(a.grid_id), Role::from_code(&a.role)) else {
                continue;
            };
            roles.entry(a.person_id).or_default().push(GridRole {
                grid_id: g.id,
                grid_name: g.name.clone(),
                kind: GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise),
                role,
            });
        }
        let people = person::Entity::find()
            .order_by_asc(person::Column::Id)
            .all(&self.db)
            .await?;
        Ok(people
            .into_iter()
            .map(|p| PersonEntry {
                roles: roles.remove(&p.id).unwrap_or_default(),
                id: p.id,
                name: p.name,
                phone: p.phone,
                active: p.active,
            })
            .collect())
    }

    pub async fn change_person(&self, change: PersonChange) -> Result<PersonChangeDone, AppError> {
        let me = audit::Actor::of(&self.viewer);
        let target = match &change {
            PersonChange::Deactivate { person_id }
            | PersonChange::Reactivate { person_id }
            | PersonChange::ResetPassword { person_id }
            | PersonChange::Assign { person_id, .. }
            | PersonChange::Unassign { person_id, .. }
            | PersonChange::EndSessions { person_id } => *person_id,
        };
        let tx = crate::db::begin_write(&self.db).await?;
        let p = person::Entity::find_by_id(target)
            .one(&tx)
            .await?
            .ok_or_else(|| AppError::Invalid("没有这个人员".into()))?;
        let key = p.phone.clone();
        let mut done = PersonChangeDone::default();
        match &change {
            PersonChange::Deactivate { .. } => {
                if target == me.person_id {
                    return Err(AppError::Invalid("不能停用自己的账号".into()));
                }
                let mut off: person::ActiveModel = p.into();
                off.active = Set(false);
                person::Entity::update(off).exec(&tx).await?;
                end_sessions(&tx, target).await?;
                audit::record(
                    &tx,
                    me,
                    "deactivate_person",
                    "person",
                    &key,
                    Some(&true),
                    Some(&false),
                )
                .await?;
            }
            PersonChange::Reactivate { .. } => {
                let mut on: person::ActiveModel = p.into();
                on.active = Set(true);
                person::Entity::update(on).exec(&tx).await?;
                audit::record(
                    &tx,
                    me,
                    "reactivate_person",
                    "person",
                    &key,
                    Some(&false),
                    Some(&true),
                )
                .await?;
            }
            PersonChange::ResetPassword { .. } => {
                let password = first_password();
                let mut reset: person::ActiveModel = p.into();
                reset.password_hash = Set(hash_password(&password).await?);
                reset.password_reset = Set(true);
                person::Entity::update(reset).exec(&tx).await?;
                end_sessions(&tx, target).await?;
                // The audit log says that the password was reset, never what to.
                audit::record::<()>(&tx, me, "reset_password", "person", &key, None, None).await?;
                done.new_password = Some(password);
            }
            PersonChange::Assign { grid_id, role, .. } => {
                let g = self
                    .viewer
                    .grids
                    .get(*grid_id)
                    .filter(|g| !g.closed)
                    .ok_or_else(|| AppError::Invalid("没有这个网格，或网格已关闭".into()))?;
                let kind = GridKind::from_code(&g.kind).ok_or_else(AppError::internal)?;
                if !role.may_hold_in(kind) {
                    return Err(AppError::Invalid(SURVEYOR_PLACES.into()));
                }
                let exists = role_assignment::Entity::find()
                    .filter(role_assignment::Column::PersonId.eq(target))
                    .filter(role_assignment::Column::GridId.eq(*grid_id))
                    .filter(role_assignment::Column::Role.eq(role.code()))
                    .one(&tx)
                    .await?;
                if exists.is_none() {
                    role_assignment::Entity::insert(role_assignment::ActiveModel {
                        person_id: Set(target),
                        grid_id: Set(*grid_id),
                        role: Set(role.code().to_owned()),
                        ..Default::default()
                    })
                    .exec(&tx)
                    .await?;
                    let what = format!("{} {}", g.name, role.label());
                    audit::record(&tx, me, "assign_role", "person", &key, None, Some(&what))
                        .await?;
                }
            }
            PersonChange::Unassign { grid_id, role, .. } => {
                role_assignment::Entity::delete_many()
                    .filter(role_assignment::Column::PersonId.eq(target))
                    .filter(role_assignment::Column::GridId.eq(*grid_id))
                    .filter(role_assignment::Column::Role.eq(role.code()))
                    .exec(&tx)
                    .await?;
                let what = format!("{grid_id} {}", role.label());
                audit::record(&tx, me, "unassign_role", "person", &key, Some(&what), None).await?;
            }
            PersonChange::EndSessions { .. } => {
                end_sessions(&tx, target).await?;
                audit::record::<()>(&tx, me, "end_sessions", "person", &key, None, None).await?;
            }
        }
        tx.commit().await?;
        Ok(done)
    }
}
