//! Tests of the package checks and the streaming sheet reader against crafted files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::super::limits::{Cap, MAX_COLUMNS, MAX_ROWS};
use super::super::table::read_rows;
use super::super::test_files::{crafted, rows, sheet_xml, with_parts, xlsx};
use super::*;

#[test]
fn cell_references_are_read_as_row_and_column() {
    assert_eq!(position("A1"), Some((1, 1)));
    assert_eq!(position("$B$7"), Some((7, 2)));
    assert_eq!(position("XFD1048576"), Some((1_048_576, 16_384)));
    assert_eq!(position("1A"), None);
    assert_eq!(position("ABCD1"), None);
}

#[test]
fn a_declared_dimension_over_the_caps_is_refused() {
    let sheet = sheet_xml(Some("A1:XFD1048576"), &[("A1", "x")]);
    assert_eq!(read_rows(&crafted(&sheet)), Err(Cap::Rows.into()));
    let wide = sheet_xml(Some("A1:XFD1"), &[("A1", "x")]);
    assert_eq!(read_rows(&crafted(&wide)), Err(Cap::Columns.into()));
}

#[test]
fn a_far_away_cell_is_refused_without_a_declared_dimension() {
    let sheet = sheet_xml(None, &[("A1", "x"), ("XFD1048576", "y")]);
    assert_eq!(read_rows(&crafted(&sheet)), Err(Cap::Rows.into()));
    let wide = sheet_xml(None, &[("A1", "x"), ("XFD1", "y")]);
    let error = read_rows(&crafted(&wide)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("文件超过 {MAX_COLUMNS} 列的上限")
    );
    assert_eq!(error.code(), "import_over_limit");
}

#[test]
fn a_sheet_just_within_the_caps_is_read() {
    let last_row = format!("A{MAX_ROWS}");
    let sheet = sheet_xml(
        Some(&format!("A1:CV{MAX_ROWS}")),
        &[("A1", "x"), ("CV1", "y"), (&last_row, "z")],
    );
    let rows = read_rows(&crafted(&sheet)).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].cells.len(), MAX_COLUMNS as usize);
    assert_eq!(rows[1].number, MAX_ROWS as u32);
}

#[test]
fn a_huge_declared_shared_string_count_is_refused() {
    let base = xlsx(&rows(&[&["名称"], &["甲公司"]]));
    let strings = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="4000000000000"><si><t>名称</t></si><si><t>甲公司</t></si></sst>"#;
    let bytes = with_parts(&base, &[("xl/sharedStrings.xml", strings)]);
    let error = read_rows(&bytes).unwrap_err();
    assert_eq!(error, Cap::SharedStrings.into());
    assert_eq!(error.to_string(), "文件中的文字条目超过 2,000,000 条的上限");
}

#[test]
fn styles_are_left_out_and_the_cells_still_read() {
    let bytes = xlsx(&rows(&[&["名称", "行业"], &["甲公司", "工业"]]));
    let checked = checked(&bytes).unwrap();
    let archive = zip::ZipArchive::new(Cursor::new(checked)).unwrap();
    assert!(
        archive
            .file_names_raw()
            .all(|n| !n.ends_with(b"styles.xml"))
    );
    let rows = read_rows(&bytes).unwrap();
    assert_eq!(rows[1].cells, ["甲公司", "工业"]);
}
