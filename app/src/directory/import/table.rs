//! Reading an uploaded file's bytes as rows of text: a spreadsheet through
//! calamine (first sheet), anything else as CSV in UTF-8, UTF-16 (with a BOM)
//! or GB18030/GBK as older Excel exports it.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use encoding_rs::{Encoding, GB18030};

use super::error::ImportError;

/// One non-blank row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    /// The row's number as the user sees it in Excel, from 1.
    pub(super) number: u32,
    /// Each cell's text, trimmed.
    pub(super) cells: Vec<String>,
}

/// Signature of a zip archive: XLSX, XLSB or ODS.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Signature of an OLE compound file: the old binary XLS.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Reads `bytes` as rows, leaving out blank ones; an empty file has none.
pub(super) fn read_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC) {
        read_spreadsheet(bytes)
    } else {
        read_csv(&decode(bytes)?)
    }
}

/// The first worksheet of a workbook.
fn read_spreadsheet(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let unreadable = |e: calamine::Error| ImportError::Spreadsheet {
        detail: e.to_string(),
    };
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(ImportError::NoSheet)?
        .map_err(unreadable)?;
    let first_row = range.start().map_or(0, |(row, _)| row);
    Ok(range
        .rows()
        .zip(first_row.saturating_add(1)..)
        .map(|(cells, number)| Row {
            number,
            cells: cells.iter().map(cell_text).collect(),
        })
        .filter(|row| !is_blank(row))
        .collect())
}

/// A cell as text: whole numbers without `.0`, booleans as 是/否.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.trim().to_owned(),
        // `f64`'s `Display` never writes an exponent nor a `.0`: 13812345678.0 → "13812345678".
        Data::Float(number) => number.to_string(),
        Data::Bool(true) => "是".to_owned(),
        Data::Bool(false) => "否".to_owned(),
        other => other.to_string().trim().to_owned(),
    }
}

/// The text of a file that is not a spreadsheet: a BOM decides the encoding,
/// then valid UTF-8 is UTF-8 and anything else GB18030 (a superset of GBK).
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    let (text, had_errors) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&bytes[bom..]),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), false),
            Err(_) => GB18030.decode_without_bom_handling(bytes),
        },
    };
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'));
    if had_errors || binary {
        Err(ImportError::UnsupportedFormat)
    } else {
        Ok(text)
    }
}

/// Records of CSV text, separated by commas, or by tabs when the first line
/// has more tabs than commas (Excel's "Unicode text").
fn read_csv(text: &str) -> Result<Vec<Row>, ImportError> {
    let first_line = text.lines().next().unwrap_or_default();
    let tabs = first_line.matches('\t').count();
    let delimiter = if tabs > first_line.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Excel shows a record's line, less the line breaks inside earlier cells.
    let mut breaks_in_cells = 0;
    for (record, index) in reader.records().zip(1u64..) {
        let record = record.map_err(|e| ImportError::Csv {
            row: index,
            detail: e.to_string(),
        })?;
        let line = record
            .position()
            .map_or(index, |p| p.line() + skipped_lines(text, p.byte()));
        let number = u32::try_from(line.saturating_sub(breaks_in_cells)).unwrap_or(u32::MAX);
        breaks_in_cells += record
            .iter()
            .map(|cell| cell.matches('\n').count() as u64)
            .sum::<u64>();
        let row = Row {
            number,
            cells: record.iter().map(|cell| cell.trim().to_owned()).collect(),
        };
        if !is_blank(&row) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Empty lines at `byte`, which the CSV reader skips but counts in a record's position.
fn skipped_lines(text: &str, byte: u64) -> u64 {
    let start = usize::try_from(byte).unwrap_or(usize::MAX);
    let rest = text.as_bytes().get(start..).unwrap_or_default();
    let blank = rest.iter().take_while(|b| matches!(b, b'\r' | b'\n'));
    blank.filter(|b| **b == b'\n').count() as u64
}

/// Whether every cell of `row` is empty.
fn is_blank(row: &Row) -> bool {
    row.cells.iter().all(String::is_empty)
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
