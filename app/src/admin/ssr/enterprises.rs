//! Importing the enterprise directory: validate every row, then write the valid ones in one
//! transaction, updating by credit code, with an audit entry for each change.
use super::audit;
use super::progress::ImportTicker;
use crate::admin::api::{ChangedRow, ImportReport, ImportStage};
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, grid};
use crate::directory::import::{
    EnterpriseRow, ExistingEnterprise, ImportPreview, Layout, RowChange, classify, summarize,
};
use crate::domain::credit_code::CreditCode;
use crate::domain::grid::{GridKind, Industry};
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// The change shown for a closed enterprise that an import brings back.
const REOPENED: &str = "重新启用";

pub async fn import(
    db: &DatabaseConnection,
    viewer: &Viewer,
    mut preview: ImportPreview,
    apply: bool,
    ticker: &ImportTicker,
) -> Result<ImportReport, AppError> {
    let grids: Vec<&grid::Model> = (viewer.grids.all().iter())
        .filter(|g| !g.closed && g.kind == GridKind::Enterprise.code())
        .collect();
    let by_name = super::people::unique_names(&grids);
    preview.reject_unknown_grids(|name| by_name.contains_key(name));
    let names: HashMap<i32, String> = grids.iter().map(|g| (g.id, g.name.clone())).collect();
    let rows: Vec<(u32, &EnterpriseRow)> = preview
        .rows
        .iter()
        .filter_map(|r| match &r.record {
            crate::directory::import::Record::Enterprise(e) => Some((r.row, e)),
            _ => None,
        })
        .collect();
    let codes: Vec<String> = rows
        .iter()
        .map(|(_, r)| r.credit_code.as_str().to_owned())
        .collect();
    let mut stored: HashMap<CreditCode, enterprise::Model> = HashMap::new();
    // In chunks: a directory has more codes than a statement may bind.
    for chunk in codes.chunks(audit::INSERT_CHUNK) {
        let found = enterprise::Entity::find()
            .filter(enterprise::Column::CreditCode.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        stored.extend(
            found
                .into_iter()
                .filter_map(|e| CreditCode::parse(&e.credit_code).ok().map(|c| (c, e))),
        );
    }
    let existing: HashMap<CreditCode, ExistingEnterprise> = stored
        .iter()
        .filter_map(|(code, e)| {
            row_of(e, &names).map(|r| (code.clone(), ExistingEnterprise::from(&r)))
        })
        .collect();
    let row_refs: Vec<&EnterpriseRow> = rows.iter().map(|(_, r)| *r).collect();
    let mut changes = classify(&existing, row_refs.iter().copied());
    // A closed enterprise that is in the directory again is opened again.
    for ((_, r), change) in rows.iter().zip(changes.iter_mut()) {
        if stored.get(&r.credit_code).is_some_and(|e| e.closed) {
            match change {
                RowChange::Changed { fields } => fields.push(REOPENED),
                RowChange::Unchanged => {
                    *change = RowChange::Changed {
                        fields: vec![REOPENED],
                    }
                }
                RowChange::New => {}
            }
        }
    }
    let summary = summarize(&changes);
    let mut report = super::people::base_report(Layout::Enterprises, &preview);
    report.new = summary.new;
    report.changed = summary.changed;
    report.unchanged = summary.unchanged;
    for ((row, r), change) in rows.iter().zip(&changes) {
        let fields = match change {
            RowChange::New => vec!["新增".to_owned()],
            RowChange::Changed { fields } => fields.iter().map(|f| (*f).to_owned()).collect(),
            RowChange::Unchanged => continue,
        };
        report.changes.push(ChangedRow {
            row: *row,
            key: r.credit_code.as_str().to_owned(),
            name: r.name.clone(),
            fields,
        });
    }
    if !apply {
        return Ok(report);
    }
    let to_write = report.new + report.changed;
    ticker.stage(ImportStage::Writing, to_write).await;
    let tx = crate::db::begin_write(db).await?;
    let me = audit::Actor::of(viewer);
    let mut new_rows = Vec::new();
    let mut entries = Vec::new();
    for ((_, r), change) in rows.iter().zip(&changes) {
        let grid_id = by_name
            .get(r.grid_name.as_str())
            .copied()
            .ok_or_else(AppError::internal)?;
        let code = r.credit_code.as_str();
        match (change, stored.get(&r.credit_code)) {
            (RowChange::New, _) => {
                new_rows.push(model(r, grid_id));
                entries.push(audit::entry(
                    me,
                    "import_enterprise",
                    "enterprise",
                    code,
                    None,
                    Some(*r),
                ));
            }
            (RowChange::Changed { .. }, Some(before)) => {
                let mut updated = model(r, grid_id);
                updated.id = Set(before.id);
                enterprise::Entity::update(updated).exec(&tx).await?;
                ticker.advance(1).await;
                let before_row = row_of(before, &names);
                entries.push(audit::entry(
                    me,
                    "import_enterprise",
                    "enterprise",
                    code,
                    before_row.as_ref(),
                    Some(*r),
                ));
            }
            _ => {}
        }
    }
    for chunk in new_rows.chunks(audit::INSERT_CHUNK) {
        enterprise::Entity::insert_many(chunk.to_vec())
            .exec(&tx)
            .await?;
        ticker.advance(chunk.len()).await;
    }
    audit::record_all(&tx, entries).await?;
    tx.commit().await?;
    report.applied = true;
    Ok(report)
}

fn model(r: &EnterpriseRow, grid_id: i32) -> enterprise::ActiveModel {
    enterprise::ActiveModel {
        grid_id: Set(grid_id),
        name: Set(r.name.clone()),
        credit_code: Set(r.credit_code.as_str().to_owned()),
        industry: Set(r.industry.code().to_owned()),
        above_scale: Set(r.above_scale),
        cultivation: Set(r.cultivation),
        statistician_name: Set(r.statistician_name.clone().unwrap_or_default()),
        statistician_phone: Set(r
            .statistician_phone
            .as_ref()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()),
        closed: Set(false),
        ..Default::default()
    }
}

/// A stored enterprise in the import's terms (for comparing, exporting and the audit log);
/// `None` for a stored credit code that is not valid, which no import could have written.
pub fn row_of(e: &enterprise::Model, names: &HashMap<i32, String>) -> Option<EnterpriseRow> {
    Some(EnterpriseRow {
        name: e.name.clone(),
        credit_code: CreditCode::parse(&e.credit_code).ok()?,
        industry: Industry::from_code(&e.industry).unwrap_or(Industry::Other),
        above_scale: e.above_scale,
        cultivation: e.cultivation,
        statistician_name: Some(e.statistician_name.clone()).filter(|n| !n.is_empty()),
        statistician_phone: PhoneNumber::parse(&e.statistician_phone).ok(),
        grid_name: names.get(&e.grid_id).cloned().unwrap_or_default(),
    })
}
