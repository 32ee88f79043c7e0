//! Tests of reading bytes as rows: encodings, delimiters, cell text.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::super::test_files::{gbk, xlsx_with};
use super::*;

fn cells(rows: &[Row]) -> Vec<Vec<&str>> {
    rows.iter()
        .map(|r| r.cells.iter().map(String::as_str).collect())
        .collect()
}

#[test]
fn utf8_with_or_without_bom_and_gbk_decode_alike() {
    let text = "企业名称,行业\n甲公司,工业\n";
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    for bytes in [text.as_bytes().to_vec(), with_bom, gbk(text)] {
        let rows = read_rows(&bytes).unwrap();
        assert_eq!(cells(&rows), [["企业名称", "行业"], ["甲公司", "工业"]]);
    }
}

#[test]
fn utf16_tab_separated_text_is_read() {
    let text = "姓名\t手机号\r\n\r\n陈一\t13812345678\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let rows = read_rows(&bytes).unwrap();
    assert_eq!(cells(&rows), [["姓名", "手机号"], ["陈一", "13812345678"]]);
    assert_eq!(rows[1].number, 3);
}

#[test]
fn csv_rows_keep_their_numbers_past_blank_rows() {
    let rows = read_rows("a,b\n,\n\n\"x,\r\ny\",\" z \"\nc,d".as_bytes()).unwrap();
    let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [1, 4, 5]);
    assert_eq!(cells(&rows)[1], ["x,\r\ny", "z"]);
}

#[test]
fn binary_bytes_are_not_csv() {
    assert_eq!(
        read_rows(b"\x00\x01\x02\x03"),
        Err(ImportError::UnsupportedFormat)
    );
    // 0x80 and 0xFF are not valid GB18030 either.
    assert_eq!(
        read_rows(b"\xFF\x80abc"),
        Err(ImportError::UnsupportedFormat)
    );
}

#[test]
fn spreadsheet_cells_become_text() {
    let bytes = xlsx_with(|sheet| {
        sheet.write_string(2, 1, " 名称 ").unwrap();
        sheet.write_number(2, 2, 13_812_345_678.0).unwrap();
        sheet.write_number(2, 3, 1.5).unwrap();
        sheet.write_boolean(4, 1, true).unwrap();
        sheet.write_number(4, 2, 91_330_000_000_000_000.0).unwrap();
    });
    let rows = read_rows(&bytes).unwrap();
    let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [3, 5]);
    assert_eq!(
        cells(&rows),
        [
            vec!["名称", "13812345678", "1.5"],
            vec!["是", "91330000000000000"]
        ]
    );
}

#[test]
fn legacy_xls_is_refused_with_a_hint() {
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec();
    let error = read_rows(&ole).unwrap_err();
    assert_eq!(error, ImportError::UnsupportedSpreadsheet);
    assert!(error.to_string().contains("另存为 XLSX 或 CSV"));
}

#[test]
fn a_csv_over_the_row_cap_is_refused_and_one_at_it_read() {
    use super::super::limits::{Cap, MAX_ROWS};
    let at_cap = "a,b\n".repeat(MAX_ROWS as usize);
    assert_eq!(
        read_rows(at_cap.as_bytes()).unwrap().len(),
        MAX_ROWS as usize
    );
    let over = format!("{at_cap}a,b\n");
    let error = read_rows(over.as_bytes()).unwrap_err();
    assert_eq!(error, Cap::Rows.into());
    assert_eq!(error.to_string(), "文件超过 100,000 行的上限");
}

#[test]
fn a_csv_too_wide_or_with_a_huge_cell_is_refused() {
    use super::super::limits::{Cap, MAX_COLUMNS, MAX_FIELD_BYTES};
    let wide = ",".repeat(MAX_COLUMNS as usize);
    assert_eq!(read_rows(wide.as_bytes()), Err(Cap::Columns.into()));
    let huge = format!("a,{}\n", "x".repeat(MAX_FIELD_BYTES as usize + 1));
    assert_eq!(read_rows(huge.as_bytes()), Err(Cap::FieldBytes.into()));
}
