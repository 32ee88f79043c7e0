//! The first worksheet of a checked XLSX package, read cell by cell with calamine's
//! streaming reader: nothing is sized by where a cell is, so a lone cell at XFD1048576 costs
//! one cell and is refused by the caps, where a calamine `Range` would allocate every cell
//! between it and A1.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx};

use super::error::ImportError;
use super::limits::Cap;
use super::package::{self, unreadable};
use super::table::Row;

/// The non-blank rows of the workbook's first sheet, each from the sheet's first used column.
pub(super) fn read_xlsx(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let package = package::checked(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(package)).map_err(unreadable)?;
    let name = workbook
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(ImportError::NoSheet)?;
    let mut reader = workbook.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut sheet = Sheet::default();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        sheet.add(cell.get_position(), cell_text(cell.get_value())?)?;
    }
    Ok(sheet.into_rows()?)
}

/// A cell as text: whole numbers without `.0`, booleans as 是/否.
fn cell_text(value: &DataRef<'_>) -> Result<String, Cap> {
    let text = match value {
        DataRef::String(text) => text.as_str(),
        // Several cells may show one long shared string: each copy is checked.
        DataRef::SharedString(text) => text,
        DataRef::Empty => return Ok(String::new()),
        // `f64`'s `Display` never writes an exponent nor a `.0`: 13812345678.0 → "13812345678".
        DataRef::Float(number) => return Ok(number.to_string()),
        DataRef::Bool(true) => return Ok("是".to_owned()),
        DataRef::Bool(false) => return Ok("否".to_owned()),
        other => return Ok(Data::from(other.clone()).to_string().trim().to_owned()),
    };
    Cap::FieldBytes.check(text.len() as u64)?;
    Ok(text.trim().to_owned())
}

/// The filled cells read so far and their extent, refused as soon as a cap is passed.
#[derive(Default)]
struct Sheet {
    /// (row, column, text), from 0, in the order read.
    cells: Vec<(u32, u32, String)>,
    text_bytes: u64,
    rows: Option<(u32, u32)>,
    columns: Option<(u32, u32)>,
}

impl Sheet {
    fn add(&mut self, (row, column): (u32, u32), text: String) -> Result<(), Cap> {
        if text.is_empty() {
            return Ok(());
        }
        self.rows = Some(widen(self.rows, row));
        self.columns = Some(widen(self.columns, column));
        Cap::Rows.check(extent(self.rows))?;
        Cap::Columns.check(extent(self.columns))?;
        Cap::Cells.check(self.cells.len() as u64 + 1)?;
        self.text_bytes += text.len() as u64;
        Cap::TextBytes.check(self.text_bytes)?;
        self.cells.push((row, column, text));
        Ok(())
    }

    /// The rows, each as wide as its last filled cell; a later cell at the same place wins.
    fn into_rows(mut self) -> Result<Vec<Row>, Cap> {
        let first_column = self.columns.map_or(0, |(first, _)| first);
        // Stable: cells at one place stay in the order read.
        self.cells.sort_by_key(|&(row, column, _)| (row, column));
        let slots = self
            .cells
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|row| row.last())
            .map(|&(_, last, _)| u64::from(last - first_column) + 1)
            .sum();
        Cap::Cells.check(slots)?;
        let mut rows: Vec<Row> = Vec::new();
        for (row, column, text) in self.cells {
            let number = row.saturating_add(1);
            if rows.last().is_none_or(|last| last.number != number) {
                rows.push(Row {
                    number,
                    cells: Vec::new(),
                });
            }
            if let Some(last) = rows.last_mut() {
                let at = (column - first_column) as usize;
                if last.cells.len() <= at {
                    last.cells.resize(at + 1, String::new());
                }
                last.cells[at] = text;
            }
        }
        Ok(rows)
    }
}

fn widen(span: Option<(u32, u32)>, at: u32) -> (u32, u32) {
    span.map_or((at, at), |(first, last)| (first.min(at), last.max(at)))
}

fn extent(span: Option<(u32, u32)>) -> u64 {
    span.map_or(0, |(first, last)| u64::from(last - first) + 1)
}
