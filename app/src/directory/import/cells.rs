//! Reading one row's cells into typed values, collecting a [`RowError`] for
//! every cell that does not parse.

use crate::domain::grid::{Industry, Role};
use crate::domain::staffing::Employment;

use super::error::RowProblem;
use super::layout::Columns;
use super::preview::RowError;
use super::table::Row;

/// One row being read: its cells and the errors found so far.
pub(super) struct Cells<'a> {
    columns: &'a Columns,
    row: &'a Row,
    pub(super) errors: Vec<RowError>,
}

impl<'a> Cells<'a> {
    /// Starts reading `row`, laid out as `columns`.
    pub(super) fn new(columns: &'a Columns, row: &'a Row) -> Self {
        Self {
            columns,
            row,
            errors: Vec::new(),
        }
    }

    /// The row's number as the user sees it.
    pub(super) fn number(&self) -> u32 {
        self.row.number
    }

    /// The trimmed text under `column`.
    pub(super) fn text(&self, column: &'static str) -> &'a str {
        self.columns.cell(&self.row.cells, column)
    }

    /// Records `problem` in `column`.
    pub(super) fn reject(&mut self, column: &'static str, problem: RowProblem) {
        self.errors
            .push(RowError::new(self.row.number, column, &problem));
    }

    /// A required cell, parsed; `None` (with an error) when blank or invalid.
    pub(super) fn required<T>(
        &mut self,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, RowProblem>,
    ) -> Option<T> {
        let text = self.text(column);
        if text.is_empty() {
            self.reject(column, RowProblem::Empty);
            return None;
        }
        self.parsed(column, parse(text))
    }

    /// An optional cell, parsed; `None` when blank, and also (with an error) when invalid.
    pub(super) fn optional<T>(
        &mut self,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, RowProblem>,
    ) -> Option<T> {
        let text = self.text(column);
        if text.is_empty() {
            return None;
        }
        self.parsed(column, parse(text))
    }

    /// A required cell's text.
    pub(super) fn required_text(&mut self, column: &'static str) -> Option<String> {
        self.required(column, |text| Ok(text.to_owned()))
    }

    /// A 是/否 cell; blank means 否.
    pub(super) fn flag(&mut self, column: &'static str) -> bool {
        self.optional(column, parse_flag).unwrap_or(false)
    }

    fn parsed<T>(&mut self, column: &'static str, result: Result<T, RowProblem>) -> Option<T> {
        result.map_err(|problem| self.reject(column, problem)).ok()
    }
}

/// 是/否, also written Y/N, TRUE/FALSE or 1/0.
fn parse_flag(text: &str) -> Result<bool, RowProblem> {
    match text.to_ascii_uppercase().as_str() {
        "是" | "Y" | "YES" | "TRUE" | "1" => Ok(true),
        "否" | "N" | "NO" | "FALSE" | "0" => Ok(false),
        _ => Err(RowProblem::NotYesNo(text.to_owned())),
    }
}

/// An industry by its Chinese label or its code.
pub(super) fn parse_industry(text: &str) -> Result<Industry, RowProblem> {
    Industry::from_label(text)
        .or_else(|| Industry::from_code(&text.to_ascii_lowercase()))
        .ok_or_else(|| RowProblem::UnknownIndustry(text.to_owned()))
}

/// A role by its Chinese label or its code.
pub(super) fn parse_role(text: &str) -> Result<Role, RowProblem> {
    Role::ALL
        .into_iter()
        .find(|role| role.label() == text)
        .or_else(|| Role::from_code(&text.to_ascii_lowercase()))
        .ok_or_else(|| RowProblem::UnknownRole(text.to_owned()))
}

/// A way of staffing by its Chinese label or its code.
pub(super) fn parse_employment(text: &str) -> Result<Employment, RowProblem> {
    Employment::ALL
        .into_iter()
        .find(|e| e.label() == text)
        .or_else(|| Employment::from_code(&text.to_ascii_lowercase()))
        .ok_or_else(|| RowProblem::UnknownEmployment(text.to_owned()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn flags_accept_chinese_and_common_spellings() {
        for yes in ["是", "Y", "yes", "TRUE", "1"] {
            assert_eq!(parse_flag(yes), Ok(true), "{yes}");
        }
        for no in ["否", "n", "False", "0"] {
            assert_eq!(parse_flag(no), Ok(false), "{no}");
        }
        assert_eq!(
            parse_flag("有").unwrap_err().to_string(),
            "“有”无法识别，应填写“是”或“否”"
        );
    }

    #[test]
    fn industries_and_roles_by_label_or_code() {
        assert_eq!(parse_industry("工业"), Ok(Industry::Industrial));
        assert_eq!(parse_industry("Real_Estate"), Ok(Industry::RealEstate));
        assert_eq!(
            parse_industry("农业").unwrap_err().to_string(),
            "未知行业“农业”，应为以下之一：工业、贸易、服务业、建筑业、房地产、其他"
        );
        assert_eq!(parse_role("副网格长"), Ok(Role::DeputyLeader));
        assert_eq!(parse_role("member"), Ok(Role::Member));
        assert_eq!(
            parse_role("组长").unwrap_err().to_string(),
            "未知角色“组长”，应为以下之一：网格长、副网格长、网格指导员、网格员、村统计调查员"
        );
    }
}
