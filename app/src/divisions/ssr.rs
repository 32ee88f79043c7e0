//! Reading and importing divisions; both for the city administrator only.
use super::entity;
use crate::admin::api::{ChangedRow, ImportReport, ImportStage};
use crate::admin::ssr::audit;
use crate::admin::ssr::progress::ImportTicker;
use crate::auth::ssr::Viewer;
use crate::directory::import::{ImportPreview, Layout, column};
use crate::domain::evaluation::{Division, DivisionCode};
use crate::error::AppError;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait};
use std::collections::BTreeMap;

fn division_of(model: entity::Model) -> Option<Division> {
    let code = DivisionCode::parse(&model.code).ok()?;
    Some(Division {
        code,
        name: model.name,
        short: model.short,
    })
}

pub(crate) async fn stored(
    db: &impl ConnectionTrait,
) -> Result<BTreeMap<DivisionCode, Division>, AppError> {
    let all = entity::Entity::find().all(db).await?;
    Ok(all
        .into_iter()
        .filter_map(division_of)
        .map(|d| (d.code, d))
        .collect())
}

pub async fn list(db: &DatabaseConnection, viewer: &Viewer) -> Result<Vec<Division>, AppError> {
    if !viewer.is_city_admin() {
        return Err(AppError::Forbidden);
    }
    Ok(stored(db).await?.into_values().collect())
}

/// What importing `row` over `before` changes: 新增, or the headers of the fields that differ.
fn change(row: &Division, before: Option<&Division>) -> Vec<String> {
    let Some(before) = before else {
        return vec!["新增".to_owned()];
    };
    let mut fields = Vec::new();
    if before.name != row.name {
        fields.push(column::DIVISION_NAME.to_owned());
    }
    if before.short != row.short {
        fields.push(column::SHORT_NAME.to_owned());
    }
    fields
}

/// Compares the file's divisions with those stored and, with `apply`, writes the new and
/// changed ones in one transaction, each with an audit entry. Divisions not in the file stay.
pub async fn import(
    db: &DatabaseConnection,
    viewer: &Viewer,
    preview: ImportPreview,
    apply: bool,
    ticker: &ImportTicker,
) -> Result<ImportReport, AppError> {
    let before = stored(db).await?;
    let mut report = crate::admin::ssr::people::base_report(Layout::Divisions, &preview);
    let rows: Vec<(u32, &Division)> = (preview.rows.iter())
        .filter_map(|r| match &r.record {
            crate::directory::import::Record::Division(d) => Some((r.row, d)),
            _ => None,
        })
        .collect();
    let mut writes = Vec::new();
    for (row, division) in &rows {
        let fields = change(division, before.get(&division.code));
        match (fields.is_empty(), before.contains_key(&division.code)) {
            (true, _) => report.unchanged += 1,
            (false, true) => report.changed += 1,
            (false, false) => report.new += 1,
        }
        if !fields.is_empty() {
            let key = division.code.to_string();
            let name = division.name.clone();
            report.changes.push(ChangedRow {
                row: *row,
                key,
                name,
                fields,
            });
            writes.push(*division);
        }
    }
    if !apply {
        return Ok(report);
    }
    ticker.stage(ImportStage::Writing, writes.len()).await;
    let tx = crate::db::begin_write(db).await?;
    let me = audit::Actor::of(viewer);
    let mut entries = Vec::new();
    for division in writes {
        let code = division.code.to_string();
        let model = entity::ActiveModel {
            code: Set(code.clone()),
            name: Set(division.name.clone()),
            short: Set(division.short.clone()),
        };
        let earlier = before.get(&division.code);
        if earlier.is_some() {
            entity::Entity::update(model).exec(&tx).await?;
        } else {
            entity::Entity::insert(model).exec(&tx).await?;
        }
        ticker.advance(1).await;
        entries.push(audit::entry(
            me,
            "import_division",
            "division",
            &code,
            earlier,
            Some(division),
        ));
    }
    audit::record_all(&tx, entries).await?;
    tx.commit().await?;
    report.applied = true;
    Ok(report)
}
