//! What can go wrong in an import, with the Chinese messages shown to users:
//! a file that cannot be read at all ([`ImportError`]), and a problem in one
//! cell of one row ([`RowProblem`]), which only keeps that row out.

use std::fmt;

use crate::domain::credit_code::CreditCodeError;
use crate::domain::evaluation::CodeError;
use crate::domain::grid::{Industry, Role};
use crate::domain::phone::PhoneError;
use crate::domain::staffing::Employment;

use super::layout::Layout;
use super::limits::Cap;

/// Why a whole file cannot be imported or exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file is empty, or has a header row and nothing under it.
    #[error("文件中没有数据行")]
    NoDataRows,
    /// Neither a spreadsheet nor text that could be CSV.
    #[error("无法识别文件格式，请上传 XLSX 或 CSV 文件")]
    UnsupportedFormat,
    /// A spreadsheet that the reader could not open (damaged, encrypted).
    #[error("无法读取表格文件，文件可能已损坏或加密")]
    Spreadsheet {
        /// The reader's own message, for the server log.
        detail: String,
    },
    /// A workbook without any worksheet.
    #[error("表格文件中没有工作表")]
    NoSheet,
    /// A CSV record that could not be read.
    #[error("CSV 文件第{row}行无法读取")]
    Csv {
        /// 1-based record number.
        row: u64,
        /// The parser's own message, for the server log.
        detail: String,
    },
    /// The header row lacks columns of the layout.
    #[error("缺少列：{}", .missing.join("、"))]
    MissingColumns {
        /// The layout the headers came closest to, or the one asked for.
        layout: Layout,
        /// The missing headers, in the layout's order.
        missing: Vec<&'static str>,
    },
    /// A file over one of the import's caps, named in the message.
    #[error("{0}")]
    OverCap(Cap),
    /// The old binary XLS (or an encrypted workbook), which cannot be checked before it is read.
    #[error("无法读取旧版 XLS 或加密的表格，请在 Excel 中另存为 XLSX 或 CSV 后再上传")]
    UnsupportedSpreadsheet,
    /// Writing an export file failed.
    #[error("生成导出文件失败")]
    Export {
        /// The writer's own message, for the server log.
        detail: String,
    },
}

impl ImportError {
    /// Stable machine code for the API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoDataRows => "import_no_data_rows",
            Self::UnsupportedFormat => "import_unsupported_format",
            Self::Spreadsheet { .. } => "import_unreadable_spreadsheet",
            Self::NoSheet => "import_no_sheet",
            Self::Csv { .. } => "import_unreadable_csv",
            Self::MissingColumns { .. } => "import_missing_columns",
            Self::Export { .. } => "import_export_failed",
            Self::OverCap(_) => "import_over_limit",
            Self::UnsupportedSpreadsheet => "import_unsupported_spreadsheet",
        }
    }
}

impl From<Cap> for ImportError {
    fn from(cap: Cap) -> Self {
        Self::OverCap(cap)
    }
}

/// What is wrong with one cell; its `Display` is the message shown in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RowProblem {
    /// A required cell is blank.
    Empty,
    /// Not a valid unified social credit code.
    CreditCode(CreditCodeError),
    /// Not a mainland mobile number.
    Phone(PhoneError),
    /// Neither the label nor the code of an industry.
    UnknownIndustry(String),
    /// Neither the label nor the code of a role.
    UnknownRole(String),
    /// Not 是 or 否.
    NotYesNo(String),
    /// The same key as an earlier row.
    Duplicate { first_row: u32 },
    /// The same phone number as an earlier row, under another name.
    PhoneOfAnother { first_row: u32, name: String },
    /// A grid name the township does not have.
    UnknownGrid(String),
    /// Neither the label nor the code of a way of staffing.
    UnknownEmployment(String),
    /// A cell longer than its column allows.
    TooLong { max: usize },
    /// 职务 and 配备方式 on a row whose grid keeps no roster.
    NoRoster,
    /// A role the row's grid cannot hold (a village surveyor outside the villages).
    RoleOutOfPlace,
    /// Not a division code of a province, city, county or township.
    DivisionCode(CodeError),
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("不能为空"),
            Self::CreditCode(error) => write!(f, "{error}"),
            Self::Phone(error) => write!(f, "{error}"),
            Self::UnknownIndustry(text) => {
                let labels = Industry::ALL.map(|i| i.label()).join("、");
                write!(f, "未知行业“{text}”，应为以下之一：{labels}")
            }
            Self::UnknownRole(text) => {
                let labels = Role::ALL.map(|r| r.label()).join("、");
                write!(f, "未知角色“{text}”，应为以下之一：{labels}")
            }
            Self::NotYesNo(text) => write!(f, "“{text}”无法识别，应填写“是”或“否”"),
            Self::Duplicate { first_row } => write!(f, "与第{first_row}行重复"),
            Self::PhoneOfAnother { first_row, name } => {
                write!(f, "与第{first_row}行手机号相同，但姓名不同（{name}）")
            }
            Self::UnknownGrid(name) => write!(f, "未找到网格“{name}”"),
            Self::UnknownEmployment(text) => {
                let labels = Employment::ALL.map(|e| e.label()).join("、");
                write!(f, "未知配备方式“{text}”，应为以下之一：{labels}")
            }
            Self::TooLong { max } => write!(f, "不能超过{max}个字"),
            Self::RoleOutOfPlace => f.write_str(crate::domain::grid::SURVEYOR_PLACES),
            Self::DivisionCode(error) => write!(f, "{error}"),
            Self::NoRoster => f.write_str(
                "职务和配备方式用于乡镇（街道）、部门、开发区和市（县）统计局的统计人员名册，该网格不在这类单位之下",
            ),
        }
    }
}
