//! Importing the enterprise directory (名录库) and the people of the grids
//! from XLSX or CSV, and exporting them back in the same layout.
//!
//! Pure and server-only: bytes in, a typed [`ImportPreview`] out, with a
//! Chinese error for every bad cell. Nothing here touches the database; the
//! caller resolves grid names ([`ImportPreview::reject_unknown_grids`]),
//! compares with what exists ([`classify`]) and writes in one transaction.

mod cells;
mod diff;
mod error;
mod export;
mod layout;
pub mod limits;
mod package;
mod preview;
mod records;
mod sheet;
mod table;

#[cfg(any(test, feature = "test-files"))]
pub mod test_files;

pub use diff::{ChangeSummary, ExistingEnterprise, RowChange, classify, summarize};
pub use error::ImportError;
pub use export::{enterprises_to_csv, enterprises_to_xlsx, people_to_csv, people_to_xlsx};
pub use layout::{Layout, column};
pub use preview::{ImportPreview, PreviewRow, Record, RowError};
pub use records::{EnterpriseRow, PersonRow, Staffing};

/// Reads an uploaded file (XLSX or another spreadsheet, or CSV in UTF-8 or
/// GBK) of either layout, told apart by its headers.
pub fn preview(bytes: &[u8]) -> Result<ImportPreview, ImportError> {
    let rows = table::read_rows(bytes)?;
    ImportPreview::from_rows(&rows, None)
}

/// Like [`preview`], for a file that must be of `layout`: one of the other
/// layout is refused with the headers it lacks.
pub fn preview_as(bytes: &[u8], layout: Layout) -> Result<ImportPreview, ImportError> {
    let rows = table::read_rows(bytes)?;
    ImportPreview::from_rows(&rows, Some(layout))
}

#[cfg(test)]
mod file_tests;
#[cfg(test)]
mod preview_tests;
