//! Real files for the tests: XLSX workbooks made with rust_xlsxwriter, CSV
//! text in UTF-8 or GBK, and valid credit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rust_xlsxwriter::Workbook;
use std::io::{Cursor, Write};

use crate::domain::credit_code::CreditCode;

/// The enterprise layout's headers, in the export's order.
pub const ENTERPRISE_HEADER: [&str; 8] = [
    "企业名称",
    "统一社会信用代码",
    "行业",
    "所属网格",
    "四上企业",
    "小升规培育",
    "统计人员",
    "统计人员电话",
];

/// The people layout's headers.
pub const PEOPLE_HEADER: [&str; 4] = ["姓名", "手机号", "所属网格", "角色"];

/// A valid credit code numbered `n`.
pub fn code(n: u32) -> String {
    CreditCode::from_body(&format!("913300000000{n:05}"))
        .unwrap()
        .to_string()
}

/// An XLSX workbook whose first sheet holds `rows` as text cells, from A1.
pub fn xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    xlsx_with(|sheet| {
        for (r, row) in (0u32..).zip(rows) {
            for (c, cell) in (0u16..).zip(row) {
                if !cell.is_empty() {
                    sheet.write_string(r, c, cell).unwrap();
                }
            }
        }
    })
}

/// An XLSX workbook whose first sheet `fill` writes.
pub fn xlsx_with(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    fill(workbook.add_worksheet());
    workbook.save_to_buffer().unwrap()
}

/// CSV text of `rows`, quoting every cell that needs it.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// `text` encoded as GBK, as older Excel saves a CSV on a Chinese Windows.
pub fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "not encodable in GBK: {text}");
    bytes.into_owned()
}

/// Rows from string slices.
pub fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
        .collect()
}

/// A header row and then `body`.
pub fn with_header(header: &[&str], body: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut all = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    all.extend(body);
    all
}

/// `base` (an XLSX package) with `parts` put in by name, in place of any of the same name.
pub fn with_parts(base: &[u8], parts: &[(&str, &str)]) -> Vec<u8> {
    let writers: Vec<_> = parts
        .iter()
        .map(|(_, text)| move |out: &mut dyn Write| out.write_all(text.as_bytes()).unwrap())
        .collect();
    let named: Vec<Part> = parts
        .iter()
        .zip(&writers)
        .map(|((name, _), write)| (*name, write as &dyn Fn(&mut dyn Write)))
        .collect();
    with_written_parts(base, &named)
}

/// A part of a workbook's zip: its name, and what writes its content (as it goes, so that a
/// zip bomb's gigabyte is never held in memory).
pub type Part<'a> = (&'a str, &'a dyn Fn(&mut dyn Write));

/// `base` with `parts` written in by name, in place of any of the same name.
pub fn with_written_parts(base: &[u8], parts: &[Part]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).unwrap();
        if !parts
            .iter()
            .any(|(name, _)| name.as_bytes() == entry.name_raw())
        {
            out.raw_copy_file(entry).unwrap();
        }
    }
    for (name, write) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        write(&mut out);
    }
    out.finish().unwrap().into_inner()
}

/// A worksheet part holding `cells`, text cells written inline, with an optional declared
/// `<dimension ref>`.
pub fn sheet_xml(dimension: Option<&str>, cells: &[(&str, &str)]) -> String {
    let dimension = dimension.map_or(String::new(), |r| format!(r#"<dimension ref="{r}"/>"#));
    let cells: String = cells
        .iter()
        .map(|(at, text)| {
            format!(r#"<row><c r="{at}" t="inlineStr"><is><t>{text}</t></is></c></row>"#)
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{cells}</sheetData></worksheet>"#
    )
}

/// A one-sheet workbook whose sheet is `sheet` (from [`sheet_xml`]).
pub fn crafted(sheet: &str) -> Vec<u8> {
    let base = xlsx(&rows(&[&["x"]]));
    with_parts(&base, &[("xl/worksheets/sheet1.xml", sheet)])
}
