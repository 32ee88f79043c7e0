//! The roster filled from the people import (人员名单): a row that gives 职务 and 配备方式 puts
//! the person on the roster of the level-2 unit at or above the row's grid, or corrects their
//! post and staffing, matched by name within the unit. A subsidy is kept by hand in the
//! township view.
use super::entity as staff_member;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::directory::import::Staffing;
use crate::domain::staffing::{Employment, ROSTER_MAX};
use crate::error::AppError;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use serde::Serialize;
use std::collections::HashMap;

/// The rosters of the units an import names, as it goes.
pub struct Rosters {
    by_name: HashMap<(i32, String), staff_member::Model>,
    counts: HashMap<i32, usize>,
}

/// An entry as the audit log keeps it.
#[derive(Serialize)]
struct Entry<'a> {
    name: &'a str,
    post: &'a str,
    employment: &'a str,
}

impl Rosters {
    pub async fn load(
        db: &impl ConnectionTrait,
        units: impl IntoIterator<Item = i32>,
    ) -> Result<Self, AppError> {
        let units: Vec<i32> = units.into_iter().collect();
        let mut rosters = Rosters {
            by_name: HashMap::new(),
            counts: HashMap::new(),
        };
        for chunk in units.chunks(audit::INSERT_CHUNK) {
            let rows = staff_member::Entity::find()
                .filter(staff_member::Column::GridId.is_in(chunk.to_vec()))
                .all(db)
                .await?;
            for row in rows {
                *rosters.counts.entry(row.grid_id).or_default() += 1;
                rosters.by_name.insert((row.grid_id, row.name.clone()), row);
            }
        }
        Ok(rosters)
    }

    /// What putting `name` on unit `grid`'s roster as `staffing` changes, in words; `None`
    /// when the roster already says so.
    pub fn change(&self, grid: i32, name: &str, staffing: &Staffing) -> Option<String> {
        match self.by_name.get(&(grid, name.to_owned())) {
            None => Some(words::imported(staffing.employment.label(), &staffing.post)),
            Some(row) if same(row, staffing) => None,
            Some(_) => Some(words::corrected(
                staffing.employment.label(),
                &staffing.post,
            )),
        }
    }

    /// Puts `name` on unit `grid` (`unit` by name)'s roster as `staffing`, or corrects their
    /// entry; audited.
    pub async fn apply(
        &mut self,
        db: &impl ConnectionTrait,
        viewer: &Viewer,
        (grid, unit): (i32, &str),
        name: &str,
        staffing: &Staffing,
    ) -> Result<(), AppError> {
        let by = Actor::of(viewer);
        let key = format!("{unit} {name}");
        let after = Entry {
            name,
            post: &staffing.post,
            employment: staffing.employment.code(),
        };
        match self.by_name.get(&(grid, name.to_owned())) {
            Some(row) if same(row, staffing) => return Ok(()),
            Some(row) => {
                let mut changed: staff_member::ActiveModel = row.clone().into();
                changed.post = Set(staffing.post.clone());
                changed.employment = Set(staffing.employment.code().to_owned());
                let row = staff_member::Entity::update(changed).exec(db).await?;
                let before = Entry {
                    name,
                    post: &row.post,
                    employment: &row.employment,
                };
                audit::record(
                    db,
                    by,
                    "change_staff",
                    "staff",
                    &key,
                    Some(&before),
                    Some(&after),
                )
                .await?;
                self.by_name.insert((grid, name.to_owned()), row);
            }
            None => {
                let count = self.counts.entry(grid).or_default();
                if *count >= ROSTER_MAX {
                    return Err(AppError::Invalid(format!(
                        "{unit}：{}",
                        words::roster_full(ROSTER_MAX)
                    )));
                }
                *count += 1;
                let row = staff_member::Entity::insert(staff_member::ActiveModel {
                    id: NotSet,
                    grid_id: Set(grid),
                    name: Set(name.to_owned()),
                    post: Set(staffing.post.clone()),
                    employment: Set(staffing.employment.code().to_owned()),
                    subsidy_fen: Set(0),
                    added_at_ms: Set(by.at_ms),
                    added_by: Set(by.person_id),
                })
                .exec_with_returning(db)
                .await?;
                audit::record(db, by, "add_staff", "staff", &key, None, Some(&after)).await?;
                self.by_name.insert((grid, name.to_owned()), row);
            }
        }
        Ok(())
    }

    /// The staffing of `name` on unit `grid`'s roster, for the export.
    pub fn staffing_of(&self, grid: i32, name: &str) -> Option<Staffing> {
        let row = self.by_name.get(&(grid, name.to_owned()))?;
        Some(Staffing {
            post: row.post.clone(),
            employment: Employment::from_code(&row.employment)?,
        })
    }
}

fn same(row: &staff_member::Model, staffing: &Staffing) -> bool {
    row.post == staffing.post && row.employment == staffing.employment.code()
}
