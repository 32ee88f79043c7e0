//! Importing people and their roles: one row per role in a grid. A new person gets a first
//! password that the administrator hands over and the person replaces at first login.
use super::accounts::first_password;
use super::audit;
use super::progress::ImportTicker;
use crate::admin::api::{ChangedRow, ImportReport, ImportStage, InitialPassword, RowProblem};
use crate::auth::password::hash_password;
use crate::auth::ssr::Viewer;
use crate::db::{grid, person, role_assignment};
use crate::directory::import::{ImportPreview, Layout, PersonRow, Record};
use crate::domain::grid::GridKind;
use crate::error::AppError;
use crate::staffing::import::Rosters;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::{HashMap, HashSet};

/// Open grids whose name is unique; a name two grids share cannot be told apart in a file.
pub fn unique_names<'a>(grids: &[&'a grid::Model]) -> HashMap<&'a str, i32> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for g in grids {
        *count.entry(g.name.as_str()).or_default() += 1;
    }
    grids
        .iter()
        .filter(|g| count.get(g.name.as_str()) == Some(&1))
        .map(|g| (g.name.as_str(), g.id))
        .collect()
}

pub fn base_report(layout: Layout, preview: &ImportPreview) -> ImportReport {
    ImportReport {
        layout: layout.label().to_owned(),
        total_rows: preview.rows.len() + preview.rejected_rows(),
        valid_rows: preview.rows.len(),
        errors: preview
            .errors
            .iter()
            .map(|e| RowProblem {
                row: e.row,
                column: e.column.clone(),
                message: e.message.clone(),
            })
            .collect(),
        ..Default::default()
    }
}

pub async fn import(
    db: &DatabaseConnection,
    viewer: &Viewer,
    mut preview: ImportPreview,
    apply: bool,
    ticker: &ImportTicker,
) -> Result<ImportReport, AppError> {
    let grids: Vec<&grid::Model> = viewer.grids.all().iter().filter(|g| !g.closed).collect();
    let by_name = unique_names(&grids);
    preview.reject_unknown_grids(|name| by_name.contains_key(name));
    let units: HashMap<i32, &str> = (grids.iter())
        .filter(|g| {
            GridKind::from_code(&g.kind).is_some_and(|k| k.is_level_two() || k == GridKind::City)
        })
        .map(|g| (g.id, g.name.as_str()))
        .collect();
    // The roster a row's 职务 and 配备方式 go on: that of the level-2 unit at or above its grid
    // (a work area's village surveyor, an enterprise grid's leader from the township staff),
    // or, for the city grid's people, its bureau's office for township statistics.
    let unit_of = |grid: i32| {
        std::iter::successors(Some(grid), |g| viewer.grids.tree.parent(*g))
            .find_map(|g| units.get(&g).map(|name| (g, *name)))
    };
    let keeps_roster = |name: &str| by_name.get(name).is_some_and(|id| unit_of(*id).is_some());
    preview.reject_staffing_outside_units(keeps_roster);
    let kind_of = |name: &str| {
        let grid = by_name.get(name).and_then(|id| viewer.grids.get(*id));
        grid.and_then(|g| GridKind::from_code(&g.kind))
    };
    preview
        .reject_roles_out_of_place(|name, role| kind_of(name).is_none_or(|k| role.may_hold_in(k)));
    let rows: Vec<(u32, &PersonRow)> = preview
        .rows
        .iter()
        .filter_map(|r| match &r.record {
            Record::Person(p) => Some((r.row, p)),
            _ => None,
        })
        .collect();
    let phones: Vec<String> = rows
        .iter()
        .map(|(_, r)| r.phone.as_str().to_owned())
        .collect();
    // In chunks: a large file has more phones than a statement may bind.
    let mut people: HashMap<String, person::Model> = HashMap::new();
    for chunk in phones.chunks(audit::INSERT_CHUNK) {
        let found = person::Entity::find()
            .filter(person::Column::Phone.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        people.extend(found.into_iter().map(|p| (p.phone.clone(), p)));
    }
    let ids: Vec<i32> = people.values().map(|p| p.id).collect();
    let mut assigned: HashSet<(i32, i32, String)> = HashSet::new();
    for chunk in ids.chunks(audit::INSERT_CHUNK) {
        let found = role_assignment::Entity::find()
            .filter(role_assignment::Column::PersonId.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        assigned.extend(found.into_iter().map(|a| (a.person_id, a.grid_id, a.role)));
    }

    let mut rosters = Rosters::load(db, units.keys().copied()).await?;
    let mut report = base_report(Layout::People, &preview);
    let mut plan = Vec::new();
    for (row, r) in &rows {
        let grid_id = by_name
            .get(r.grid_name.as_str())
            .copied()
            .ok_or_else(AppError::internal)?;
        let existing = people.get(r.phone.as_str());
        let mut fields = Vec::new();
        match existing {
            None => fields.push("新增人员".to_owned()),
            Some(p) if p.name != r.name => fields.push("姓名".to_owned()),
            Some(_) => {}
        }
        let has_role =
            existing.is_some_and(|p| assigned.contains(&(p.id, grid_id, r.role.code().to_owned())));
        if !has_role {
            fields.push(format!("新增角色：{} {}", r.grid_name, r.role.label()));
        }
        let staffing = (r.staffing.as_ref().zip(unit_of(grid_id)))
            .and_then(|(s, (unit, _))| rosters.change(unit, &r.name, s));
        fields.extend(staffing);
        match (existing, fields.is_empty()) {
            (_, true) => report.unchanged += 1,
            (None, false) => report.new += 1,
            (Some(_), false) => report.changed += 1,
        }
        if !fields.is_empty() {
            report.changes.push(ChangedRow {
                row: *row,
                key: r.phone.as_str().to_owned(),
                name: r.name.clone(),
                fields,
            });
            plan.push((*r, grid_id, has_role));
        }
    }
    if !apply {
        return Ok(report);
    }
    ticker.stage(ImportStage::Writing, plan.len()).await;
    let tx = crate::db::begin_write(db).await?;
    let mut created: HashMap<String, i32> = HashMap::new();
    let mut renamed: HashSet<String> = HashSet::new();
    for (r, grid_id, has_role) in plan {
        let phone = r.phone.as_str().to_owned();
        let person_id = match (people.get(&phone), created.get(&phone)) {
            (Some(p), _) => {
                if p.name != r.name && renamed.insert(phone.clone()) {
                    let mut renamed: person::ActiveModel = p.clone().into();
                    renamed.name = Set(r.name.clone());
                    person::Entity::update(renamed).exec(&tx).await?;
                    audit::record(
                        &tx,
                        audit::Actor::of(viewer),
                        "rename_person",
                        "person",
                        &phone,
                        Some(&p.name),
                        Some(&r.name),
                    )
                    .await?;
                }
                p.id
            }
            (None, Some(id)) => *id,
            (None, None) => {
                let password = first_password();
                let id = person::Entity::insert(person::ActiveModel {
                    name: Set(r.name.clone()),
                    phone: Set(phone.clone()),
                    password_hash: Set(hash_password(&password).await?),
                    active: Set(true),
                    password_reset: Set(true),
                    ..Default::default()
                })
                .exec(&tx)
                .await?
                .last_insert_id;
                audit::record(
                    &tx,
                    audit::Actor::of(viewer),
                    "import_person",
                    "person",
                    &phone,
                    None,
                    Some(&r.name),
                )
                .await?;
                report.initial_passwords.push(InitialPassword {
                    phone: phone.clone(),
                    name: r.name.clone(),
                    password,
                });
                created.insert(phone.clone(), id);
                id
            }
        };
        if !has_role {
            role_assignment::Entity::insert(role_assignment::ActiveModel {
                person_id: Set(person_id),
                grid_id: Set(grid_id),
                role: Set(r.role.code().to_owned()),
                ..Default::default()
            })
            .exec(&tx)
            .await?;
            let what = format!("{} {}", r.grid_name, r.role.label());
            audit::record(
                &tx,
                audit::Actor::of(viewer),
                "assign_role",
                "person",
                &phone,
                None,
                Some(&what),
            )
            .await?;
        }
        if let Some((staffing, unit)) = r.staffing.as_ref().zip(unit_of(grid_id)) {
            rosters.apply(&tx, viewer, unit, &r.name, staffing).await?;
        }
        ticker.advance(1).await;
    }
    tx.commit().await?;
    report.applied = true;
    Ok(report)
}
