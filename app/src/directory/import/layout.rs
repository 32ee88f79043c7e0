//! The file layouts, their Chinese headers, and finding the header row.

use serde::{Deserialize, Serialize};

use super::error::ImportError;
use super::table::Row;

/// The column headers, as written in the files.
pub mod column {
    /// 企业名称: the enterprise's name.
    pub const ENTERPRISE_NAME: &str = "企业名称";
    /// 统一社会信用代码: the enterprise's unified social credit code.
    pub const CREDIT_CODE: &str = "统一社会信用代码";
    /// 行业: the industry, as a label (工业) or a code (industrial).
    pub const INDUSTRY: &str = "行业";
    /// 所属网格: the grid's name.
    pub const GRID: &str = "所属网格";
    /// 四上企业: 是/否.
    pub const ABOVE_SCALE: &str = "四上企业";
    /// 小升规培育: 是/否.
    pub const CULTIVATION: &str = "小升规培育";
    /// 统计人员: the enterprise statistician's name.
    pub const STATISTICIAN: &str = "统计人员";
    /// 统计人员电话: the statistician's mobile number.
    pub const STATISTICIAN_PHONE: &str = "统计人员电话";
    /// 姓名: a person's name.
    pub const PERSON_NAME: &str = "姓名";
    /// 手机号: a person's mobile number.
    pub const PHONE: &str = "手机号";
    /// 角色: a role in the grid, as a label (网格长) or a code (leader).
    pub const ROLE: &str = "角色";
    /// 职务: the post of a level-2 unit's statistics staff, for its roster.
    pub const POST: &str = "职务";
    /// 配备方式: how they are staffed (专职, 兼职, 派驻, 购买服务, 村（社区）统计调查员).
    pub const EMPLOYMENT: &str = "配备方式";
    /// 区划代码: a division's code (6, 9 or 12 digits).
    pub const DIVISION_CODE: &str = "区划代码";
    /// 区划名称: its official name.
    pub const DIVISION_NAME: &str = "区划名称";
    /// 简称: the shorter name a notice lists it by, if any.
    pub const SHORT_NAME: &str = "简称";
}

use column::*;

/// Rows searched for the header, so a title row or two above it is allowed.
const HEADER_SEARCH_ROWS: usize = 10;

/// The kind of file, told apart by its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// The enterprise directory (名录库): one row per enterprise.
    Enterprises,
    /// People and their roles: one row per role assignment.
    People,
    /// Administrative divisions above the grid: one row per division.
    Divisions,
}

impl Layout {
    /// Every layout; the first is preferred when headers fit several equally.
    pub const ALL: [Layout; 3] = [Layout::Enterprises, Layout::People, Layout::Divisions];

    /// Chinese name shown to users.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Enterprises => "企业名录",
            Self::People => "人员名单",
            Self::Divisions => "行政区划",
        }
    }

    /// Every header, in the order the export writes them.
    pub fn headers(&self) -> &'static [&'static str] {
        match self {
            Self::Enterprises => &[
                ENTERPRISE_NAME,
                CREDIT_CODE,
                INDUSTRY,
                GRID,
                ABOVE_SCALE,
                CULTIVATION,
                STATISTICIAN,
                STATISTICIAN_PHONE,
            ],
            Self::People => &[PERSON_NAME, PHONE, GRID, ROLE, POST, EMPLOYMENT],
            Self::Divisions => &[DIVISION_CODE, DIVISION_NAME, SHORT_NAME],
        }
    }

    /// The headers a file must have; the others may be left out.
    pub fn required(&self) -> &'static [&'static str] {
        match self {
            Self::Enterprises | Self::People => &self.headers()[..4],
            Self::Divisions => &self.headers()[..2],
        }
    }
}

/// Where a layout's headers sit in the header row.
#[derive(Debug)]
pub(super) struct Columns {
    layout: Layout,
    /// Aligned with `layout.headers()`; `None` for an optional header left out.
    positions: Vec<Option<usize>>,
}

impl Columns {
    /// Matches `header` against `layout`, or lists the required headers missing.
    fn find(layout: Layout, header: &[String]) -> Result<Self, Vec<&'static str>> {
        let normalized: Vec<String> = header.iter().map(|h| normalize(h)).collect();
        let positions: Vec<Option<usize>> = layout
            .headers()
            .iter()
            .map(|name| normalized.iter().position(|h| h == name))
            .collect();
        let missing: Vec<&'static str> = layout
            .headers()
            .iter()
            .zip(&positions)
            .filter(|(name, at)| at.is_none() && layout.required().contains(name))
            .map(|(name, _)| *name)
            .collect();
        if missing.is_empty() {
            Ok(Self { layout, positions })
        } else {
            Err(missing)
        }
    }

    /// The layout matched.
    pub(super) fn layout(&self) -> Layout {
        self.layout
    }

    /// The trimmed text under `column` in `cells`; empty when absent.
    pub(super) fn cell<'r>(&self, cells: &'r [String], column: &str) -> &'r str {
        self.layout
            .headers()
            .iter()
            .position(|name| *name == column)
            .and_then(|i| self.positions.get(i).copied().flatten())
            .and_then(|at| cells.get(at))
            .map_or("", |text| text.trim())
    }
}

/// A header as matched: all whitespace dropped, so `企业 名称` or a header
/// broken over two lines in its cell still matches.
fn normalize(header: &str) -> String {
    header.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Finds the header row among the first rows and the layout it fits (only
/// `expected`, if given). Returns the header's index in `rows`.
pub(super) fn locate(
    rows: &[Row],
    expected: Option<Layout>,
) -> Result<(usize, Columns), ImportError> {
    let layouts: Vec<Layout> = expected.map_or(Layout::ALL.to_vec(), |l| vec![l]);
    let mut closest: Option<(Layout, Vec<&'static str>)> = None;
    for (index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        for &layout in &layouts {
            match Columns::find(layout, &row.cells) {
                Ok(columns) => return Ok((index, columns)),
                Err(missing) => {
                    if closest
                        .as_ref()
                        .is_none_or(|(_, m)| missing.len() < m.len())
                    {
                        closest = Some((layout, missing));
                    }
                }
            }
        }
    }
    match closest {
        Some((layout, missing)) => Err(ImportError::MissingColumns { layout, missing }),
        None => Err(ImportError::NoDataRows),
    }
}
