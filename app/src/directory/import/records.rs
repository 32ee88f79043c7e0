//! The typed rows of each layout, read from cells, and the checks across rows
//! of one file (the same enterprise or assignment twice).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::credit_code::CreditCode;
use crate::domain::evaluation::{Division, DivisionCode};
use crate::domain::grid::{Industry, Role};
use crate::domain::phone::PhoneNumber;
use crate::domain::staffing::{Employment, POST_MAX_CHARS};

use super::cells::{Cells, parse_employment, parse_industry, parse_role};
use super::error::RowProblem;
use super::layout::column::*;
use super::preview::RowError;

/// A valid row of the enterprise directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseRow {
    /// 企业名称.
    pub name: String,
    /// 统一社会信用代码, the key an import updates by.
    pub credit_code: CreditCode,
    /// 行业.
    pub industry: Industry,
    /// 四上企业.
    pub above_scale: bool,
    /// 小升规培育.
    pub cultivation: bool,
    /// 统计人员, if given.
    pub statistician_name: Option<String>,
    /// 统计人员电话, if given.
    pub statistician_phone: Option<PhoneNumber>,
    /// 所属网格, by name; the caller resolves it against the grid tree.
    pub grid_name: String,
}

/// A valid row of the people layout: one role of one person in one grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    /// 姓名.
    pub name: String,
    /// 手机号, which identifies the person.
    pub phone: PhoneNumber,
    /// 所属网格, by name; the caller resolves it against the grid tree.
    pub grid_name: String,
    /// 角色.
    pub role: Role,
    /// 职务 and 配备方式, for a level-2 unit's roster of statistics staff.
    pub staffing: Option<Staffing>,
}

/// How a person staffs a level-2 unit's statistics office, as its roster lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staffing {
    /// 职务.
    pub post: String,
    /// 配备方式.
    pub employment: Employment,
}

/// The keys met so far in a file, with the row each was first met on.
#[derive(Debug, Default)]
pub(super) struct Seen {
    credit_codes: HashMap<CreditCode, u32>,
    assignments: HashMap<(PhoneNumber, String, Role), u32>,
    names: HashMap<PhoneNumber, (u32, String)>,
    divisions: HashMap<DivisionCode, u32>,
}

/// Reads an enterprise row; a credit code already met is a duplicate.
pub(super) fn read_enterprise(
    mut cells: Cells<'_>,
    seen: &mut Seen,
) -> Result<EnterpriseRow, Vec<RowError>> {
    let name = cells.required_text(ENTERPRISE_NAME);
    let credit_code = cells.required(CREDIT_CODE, |text| {
        CreditCode::parse(text).map_err(RowProblem::CreditCode)
    });
    let industry = cells.required(INDUSTRY, parse_industry);
    let grid_name = cells.required_text(GRID);
    let above_scale = cells.flag(ABOVE_SCALE);
    let cultivation = cells.flag(CULTIVATION);
    let statistician_name = Some(cells.text(STATISTICIAN).to_owned()).filter(|n| !n.is_empty());
    let statistician_phone = cells.optional(STATISTICIAN_PHONE, |text| {
        PhoneNumber::parse(text).map_err(RowProblem::Phone)
    });
    if let Some(code) = &credit_code {
        let first_row = *seen
            .credit_codes
            .entry(code.clone())
            .or_insert(cells.number());
        if first_row != cells.number() {
            cells.reject(CREDIT_CODE, RowProblem::Duplicate { first_row });
        }
    }
    match (name, credit_code, industry, grid_name) {
        (Some(name), Some(credit_code), Some(industry), Some(grid_name))
            if cells.errors.is_empty() =>
        {
            Ok(EnterpriseRow {
                name,
                credit_code,
                industry,
                above_scale,
                cultivation,
                statistician_name,
                statistician_phone,
                grid_name,
            })
        }
        _ => Err(cells.errors),
    }
}

/// Reads a person row; the same assignment twice is a duplicate, and so is
/// one phone number under two names.
pub(super) fn read_person(
    mut cells: Cells<'_>,
    seen: &mut Seen,
) -> Result<PersonRow, Vec<RowError>> {
    let name = cells.required_text(PERSON_NAME);
    let phone = cells.required(PHONE, |text| {
        PhoneNumber::parse(text).map_err(RowProblem::Phone)
    });
    let grid_name = cells.required_text(GRID);
    let role = cells.required(ROLE, parse_role);
    let staffing = read_staffing(&mut cells);
    let number = cells.number();
    if let (Some(phone), Some(name)) = (&phone, &name) {
        let (first_row, first_name) = seen
            .names
            .entry(phone.clone())
            .or_insert_with(|| (number, name.clone()));
        if first_name != name {
            let problem = RowProblem::PhoneOfAnother {
                first_row: *first_row,
                name: first_name.clone(),
            };
            cells.reject(PHONE, problem);
        }
    }
    if let (Some(phone), Some(grid_name), Some(role)) = (&phone, &grid_name, role) {
        let key = (phone.clone(), grid_name.clone(), role);
        let first_row = *seen.assignments.entry(key).or_insert(number);
        if first_row != number {
            cells.reject(ROLE, RowProblem::Duplicate { first_row });
        }
    }
    match (name, phone, grid_name, role) {
        (Some(name), Some(phone), Some(grid_name), Some(role)) if cells.errors.is_empty() => {
            Ok(PersonRow {
                name,
                phone,
                grid_name,
                role,
                staffing,
            })
        }
        _ => Err(cells.errors),
    }
}

/// 职务 and 配备方式: both or neither.
fn read_staffing(cells: &mut Cells<'_>) -> Option<Staffing> {
    let post = cells.optional(POST, |text| {
        if text.chars().count() > POST_MAX_CHARS {
            Err(RowProblem::TooLong {
                max: POST_MAX_CHARS,
            })
        } else {
            Ok(text.to_owned())
        }
    });
    let employment = cells.optional(EMPLOYMENT, parse_employment);
    match (post, employment) {
        (Some(post), Some(employment)) => Some(Staffing { post, employment }),
        (None, None) => None,
        (Some(_), None) if cells.text(EMPLOYMENT).is_empty() => {
            cells.reject(EMPLOYMENT, RowProblem::Empty);
            None
        }
        (None, Some(_)) if cells.text(POST).is_empty() => {
            cells.reject(POST, RowProblem::Empty);
            None
        }
        _ => None,
    }
}

/// Longest division name and short name, in characters.
pub const DIVISION_NAME_MAX_CHARS: usize = 40;
pub const SHORT_NAME_MAX_CHARS: usize = 20;

fn at_most(max: usize) -> impl Fn(&str) -> Result<String, RowProblem> {
    move |text| match text.chars().count() {
        n if n > max => Err(RowProblem::TooLong { max }),
        _ => Ok(text.to_owned()),
    }
}

/// Reads a division row; a code already met is a duplicate.
pub(super) fn read_division(
    mut cells: Cells<'_>,
    seen: &mut Seen,
) -> Result<Division, Vec<RowError>> {
    let code = cells.required(DIVISION_CODE, |text| {
        DivisionCode::parse(text).map_err(RowProblem::DivisionCode)
    });
    let name = cells.required(DIVISION_NAME, at_most(DIVISION_NAME_MAX_CHARS));
    let short = cells.optional(SHORT_NAME, at_most(SHORT_NAME_MAX_CHARS));
    if let Some(code) = code {
        let first_row = *seen.divisions.entry(code).or_insert(cells.number());
        if first_row != cells.number() {
            cells.reject(DIVISION_CODE, RowProblem::Duplicate { first_row });
        }
    }
    match (code, name) {
        (Some(code), Some(name)) if cells.errors.is_empty() => Ok(Division { code, name, short }),
        _ => Err(cells.errors),
    }
}
