//! Writing rows back in the layout they were imported in, as XLSX or as CSV
//! (UTF-8 with a BOM, so Excel opens it with the Chinese intact).

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::error::ImportError;
use super::layout::Layout;
use super::records::{EnterpriseRow, PersonRow};
use crate::spreadsheet::write_row;

/// The byte order mark that tells Excel a CSV file is UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// Width of every exported column, in characters.
const COLUMN_WIDTH: f64 = 20.0;

/// The enterprise directory as an XLSX workbook of one sheet.
pub fn enterprises_to_xlsx(rows: &[EnterpriseRow]) -> Result<Vec<u8>, ImportError> {
    to_xlsx(Layout::Enterprises, rows.iter().map(enterprise_cells))
}

/// The enterprise directory as CSV.
pub fn enterprises_to_csv(rows: &[EnterpriseRow]) -> Result<Vec<u8>, ImportError> {
    to_csv(Layout::Enterprises, rows.iter().map(enterprise_cells))
}

/// People and their roles as an XLSX workbook of one sheet.
pub fn people_to_xlsx(rows: &[PersonRow]) -> Result<Vec<u8>, ImportError> {
    to_xlsx(Layout::People, rows.iter().map(person_cells))
}

/// People and their roles as CSV.
pub fn people_to_csv(rows: &[PersonRow]) -> Result<Vec<u8>, ImportError> {
    to_csv(Layout::People, rows.iter().map(person_cells))
}

/// An enterprise row's cells, in the order of `Layout::Enterprises.headers()`.
fn enterprise_cells(row: &EnterpriseRow) -> Vec<String> {
    vec![
        row.name.clone(),
        row.credit_code.to_string(),
        row.industry.label().to_owned(),
        row.grid_name.clone(),
        yes_no(row.above_scale),
        yes_no(row.cultivation),
        row.statistician_name.clone().unwrap_or_default(),
        row.statistician_phone
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    ]
}

/// A person row's cells, in the order of `Layout::People.headers()`.
fn person_cells(row: &PersonRow) -> Vec<String> {
    vec![
        row.name.clone(),
        row.phone.to_string(),
        row.grid_name.clone(),
        row.role.label().to_owned(),
        row.staffing
            .as_ref()
            .map(|s| s.post.clone())
            .unwrap_or_default(),
        row.staffing
            .as_ref()
            .map(|s| s.employment.label().to_owned())
            .unwrap_or_default(),
    ]
}

fn yes_no(flag: bool) -> String {
    if flag { "是" } else { "否" }.to_owned()
}

/// Every cell is written as text, so codes and phone numbers keep their digits.
fn to_xlsx(
    layout: Layout,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, ImportError> {
    let failed = |e: XlsxError| ImportError::Export {
        detail: e.to_string(),
    };
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(layout.label()).map_err(failed)?;
    let bold = Format::new().set_bold();
    for (col, header) in (0u16..).zip(layout.headers()) {
        sheet
            .write_string_with_format(0, col, *header, &bold)
            .map_err(failed)?;
        sheet.set_column_width(col, COLUMN_WIDTH).map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    for (cells, row) in rows.zip(1u32..) {
        for (col, cell) in (0u16..).zip(cells) {
            if !cell.is_empty() {
                sheet.write_string(row, col, cell).map_err(failed)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(failed)
}

/// Comma-separated with CRLF line ends as Excel writes them, header first, after a UTF-8 BOM.
fn to_csv(layout: Layout, rows: impl Iterator<Item = Vec<String>>) -> Result<Vec<u8>, ImportError> {
    let failed = |e: csv::Error| ImportError::Export {
        detail: e.to_string(),
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(UTF8_BOM.to_vec());
    write_row(&mut writer, layout.headers()).map_err(failed)?;
    for cells in rows {
        write_row(&mut writer, cells).map_err(failed)?;
    }
    writer.into_inner().map_err(|e| ImportError::Export {
        detail: e.to_string(),
    })
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
