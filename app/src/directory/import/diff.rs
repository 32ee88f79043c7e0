//! What importing the directory again would change: each valid row is new,
//! changed (with the fields that differ) or unchanged, keyed by credit code.

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::credit_code::CreditCode;
use crate::domain::grid::Industry;
use crate::domain::phone::PhoneNumber;

use super::layout::column::*;
use super::records::EnterpriseRow;

/// An enterprise as the database has it, in the terms of the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingEnterprise {
    /// 企业名称.
    pub name: String,
    /// 行业.
    pub industry: Industry,
    /// 所属网格, by name.
    pub grid_name: String,
    /// 四上企业.
    pub above_scale: bool,
    /// 小升规培育.
    pub cultivation: bool,
    /// 统计人员.
    pub statistician_name: Option<String>,
    /// 统计人员电话.
    pub statistician_phone: Option<PhoneNumber>,
}

impl From<&EnterpriseRow> for ExistingEnterprise {
    fn from(row: &EnterpriseRow) -> Self {
        Self {
            name: row.name.clone(),
            industry: row.industry,
            grid_name: row.grid_name.clone(),
            above_scale: row.above_scale,
            cultivation: row.cultivation,
            statistician_name: row.statistician_name.clone(),
            statistician_phone: row.statistician_phone.clone(),
        }
    }
}

/// What importing one row would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum RowChange {
    /// No enterprise has the row's credit code yet.
    New,
    /// The enterprise exists and these fields (Chinese headers) differ.
    Changed {
        /// Headers of the differing fields, in the layout's order.
        fields: Vec<&'static str>,
    },
    /// The enterprise exists exactly as in the row.
    Unchanged,
}

/// Counts of each kind of change, for the preview's summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeSummary {
    /// Rows that add an enterprise.
    pub new: usize,
    /// Rows that update one.
    pub changed: usize,
    /// Rows that change nothing.
    pub unchanged: usize,
}

/// Classifies each row against `existing`, in the rows' order.
pub fn classify<'a>(
    existing: &HashMap<CreditCode, ExistingEnterprise>,
    rows: impl IntoIterator<Item = &'a EnterpriseRow>,
) -> Vec<RowChange> {
    rows.into_iter()
        .map(|row| match existing.get(&row.credit_code) {
            None => RowChange::New,
            Some(old) => {
                let fields = changed_fields(old, &ExistingEnterprise::from(row));
                if fields.is_empty() {
                    RowChange::Unchanged
                } else {
                    RowChange::Changed { fields }
                }
            }
        })
        .collect()
}

/// Adds up `changes`.
pub fn summarize(changes: &[RowChange]) -> ChangeSummary {
    let mut summary = ChangeSummary::default();
    for change in changes {
        match change {
            RowChange::New => summary.new += 1,
            RowChange::Changed { .. } => summary.changed += 1,
            RowChange::Unchanged => summary.unchanged += 1,
        }
    }
    summary
}

/// The headers of the fields that differ between `old` and `new`.
fn changed_fields(old: &ExistingEnterprise, new: &ExistingEnterprise) -> Vec<&'static str> {
    [
        (ENTERPRISE_NAME, old.name != new.name),
        (INDUSTRY, old.industry != new.industry),
        (GRID, old.grid_name != new.grid_name),
        (ABOVE_SCALE, old.above_scale != new.above_scale),
        (CULTIVATION, old.cultivation != new.cultivation),
        (STATISTICIAN, old.statistician_name != new.statistician_name),
        (
            STATISTICIAN_PHONE,
            old.statistician_phone != new.statistician_phone,
        ),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
