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
            vec!["是", "91330000000000000", ""]
        ]
    );
}
