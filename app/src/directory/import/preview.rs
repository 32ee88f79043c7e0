//! The preview of an import: the valid rows, typed, and an error for every
//! bad cell, each with the row number the user sees in Excel.

use std::fmt;

use crate::domain::evaluation::Division;
use crate::domain::grid::Role;

use serde::{Deserialize, Serialize};

use super::cells::Cells;
use super::error::{ImportError, RowProblem};
use super::layout::{Layout, column, locate};
use super::records::{EnterpriseRow, PersonRow, Seen, read_division, read_enterprise, read_person};
use super::table::Row;

/// A problem in one cell, keeping its row out of the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// The row number as shown in Excel (the header is row 1).
    pub row: u32,
    /// The column's header.
    pub column: String,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl RowError {
    pub(super) fn new(row: u32, column: &str, problem: &RowProblem) -> Self {
        Self {
            row,
            column: column.to_owned(),
            message: problem.to_string(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第{}行【{}】{}", self.row, self.column, self.message)
    }
}

/// A valid row of either layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    /// A row of the enterprise directory.
    Enterprise(EnterpriseRow),
    /// A row of the people layout.
    Person(PersonRow),
    /// A row of the divisions layout.
    Division(Division),
}

/// A valid row and where it was in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// The row number as shown in Excel.
    pub row: u32,
    /// The row's values.
    pub record: Record,
}

/// What an import would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The layout the headers matched.
    pub layout: Layout,
    /// The valid rows, in file order.
    pub rows: Vec<PreviewRow>,
    /// Every problem found, by row and then column order.
    pub errors: Vec<RowError>,
}

impl ImportPreview {
    /// Reads `rows`, whose header is among the first few, as a preview.
    pub(super) fn from_rows(rows: &[Row], expected: Option<Layout>) -> Result<Self, ImportError> {
        let (header, columns) = locate(rows, expected)?;
        let data = rows.get(header + 1..).unwrap_or_default();
        if data.is_empty() {
            return Err(ImportError::NoDataRows);
        }
        let mut preview = Self {
            layout: columns.layout(),
            rows: Vec::with_capacity(data.len()),
            errors: Vec::new(),
        };
        let mut seen = Seen::default();
        for row in data {
            let cells = Cells::new(&columns, row);
            let record = match columns.layout() {
                Layout::Enterprises => read_enterprise(cells, &mut seen).map(Record::Enterprise),
                Layout::People => read_person(cells, &mut seen).map(Record::Person),
                Layout::Divisions => read_division(cells, &mut seen).map(Record::Division),
            };
            match record {
                Ok(record) => preview.rows.push(PreviewRow {
                    row: row.number,
                    record,
                }),
                Err(errors) => preview.errors.extend(errors),
            }
        }
        Ok(preview)
    }

    /// The valid enterprise rows (none for a people file).
    pub fn enterprises(&self) -> impl Iterator<Item = &EnterpriseRow> {
        self.rows.iter().filter_map(|r| match &r.record {
            Record::Enterprise(row) => Some(row),
            _ => None,
        })
    }

    /// The valid person rows (none for an enterprise file).
    pub fn people(&self) -> impl Iterator<Item = &PersonRow> {
        self.rows.iter().filter_map(|r| match &r.record {
            Record::Person(row) => Some(row),
            _ => None,
        })
    }

    /// The valid division rows (none for another layout).
    pub fn divisions(&self) -> impl Iterator<Item = &Division> {
        self.rows.iter().filter_map(|r| match &r.record {
            Record::Division(row) => Some(row),
            _ => None,
        })
    }

    /// How many rows have at least one error.
    pub fn rejected_rows(&self) -> usize {
        let mut rows: Vec<u32> = self.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows.len()
    }

    /// Moves the rows whose grid `is_known` rejects from `rows` to `errors`
    /// (“未找到网格”), once the caller has the township's grid names.
    pub fn reject_unknown_grids(&mut self, is_known: impl Fn(&str) -> bool) {
        let mut unknown = Vec::new();
        self.rows.retain(|row| {
            let grid = match &row.record {
                Record::Enterprise(r) => &r.grid_name,
                Record::Person(r) => &r.grid_name,
                Record::Division(_) => return true,
            };
            let known = is_known(grid);
            if !known {
                let problem = RowProblem::UnknownGrid(grid.clone());
                unknown.push(RowError::new(row.row, column::GRID, &problem));
            }
            known
        });
        self.errors.extend(unknown);
        self.errors.sort_by_key(|e| e.row);
    }

    /// Moves the person rows that give 职务 and 配备方式 for a grid `keeps_roster` rejects (one
    /// under no level-2 unit) from `rows` to `errors`.
    /// Refuses each person row whose role its grid cannot hold (`fits(grid name, role)`).
    pub fn reject_roles_out_of_place(&mut self, fits: impl Fn(&str, Role) -> bool) {
        let mut refused = Vec::new();
        self.rows.retain(|row| match &row.record {
            Record::Person(p) if !fits(&p.grid_name, p.role) => {
                refused.push(RowError::new(
                    row.row,
                    column::ROLE,
                    &RowProblem::RoleOutOfPlace,
                ));
                false
            }
            _ => true,
        });
        self.errors.extend(refused);
        self.errors.sort_by_key(|e| e.row);
    }

    pub fn reject_staffing_outside_units(&mut self, keeps_roster: impl Fn(&str) -> bool) {
        let mut refused = Vec::new();
        self.rows.retain(|row| match &row.record {
            Record::Person(p) if p.staffing.is_some() && !keeps_roster(&p.grid_name) => {
                refused.push(RowError::new(
                    row.row,
                    column::EMPLOYMENT,
                    &RowProblem::NoRoster,
                ));
                false
            }
            _ => true,
        });
        self.errors.extend(refused);
        self.errors.sort_by_key(|e| e.row);
    }
}
