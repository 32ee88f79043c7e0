//! Reading an uploaded file's bytes as rows of text: an XLSX workbook's first
//! sheet ([`sheet`]), anything else as CSV in UTF-8, UTF-16 (with a BOM) or
//! GB18030/GBK as older Excel exports it, within the caps of [`super::limits`].

use std::borrow::Cow;

use csv::StringRecord;
use encoding_rs::{Encoding, GB18030};

use super::error::ImportError;
use super::limits::Cap;
use super::sheet;

/// One non-blank row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    /// The row's number as the user sees it in Excel, from 1.
    pub(super) number: u32,
    /// Each cell's text, trimmed.
    pub(super) cells: Vec<String>,
}

/// Signature of a zip archive: XLSX (XLSB and ODS are refused as unreadable).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Signature of an OLE compound file: the old binary XLS, or an encrypted workbook.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Reads `bytes` as rows, leaving out blank ones; an empty file has none.
pub(super) fn read_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    if bytes.starts_with(ZIP_MAGIC) {
        sheet::read_xlsx(bytes)
    } else if bytes.starts_with(OLE_MAGIC) {
        Err(ImportError::UnsupportedSpreadsheet)
    } else {
        read_csv(&decode(bytes)?)
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
    let mut cells = 0;
    for (record, index) in reader.records().zip(1u64..) {
        let record = record.map_err(|e| ImportError::Csv {
            row: index,
            detail: e.to_string(),
        })?;
        Cap::Rows.check(index)?;
        cells += record.len() as u64;
        check_record(&record, cells)?;
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

/// Refuses a record over the caps, `cells` being the fields read so far with it.
fn check_record(record: &StringRecord, cells: u64) -> Result<(), Cap> {
    Cap::Columns.check(record.len() as u64)?;
    Cap::Cells.check(cells)?;
    Cap::RecordBytes.check(record.as_slice().len() as u64)?;
    let longest = record.iter().map(str::len).max().unwrap_or(0);
    Cap::FieldBytes.check(longest as u64)
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
