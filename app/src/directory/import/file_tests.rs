//! File-level behaviour of the preview: encodings, header rows, numeric
//! cells, empty files, files of another layout or of no known format.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::test_files::*;
use super::*;

#[test]
fn gb18030_characters_beyond_gbk_are_read() {
    let table = with_header(
        &PEOPLE_HEADER,
        rows(&[&["王𪚥", "13900000000", "城东网格", "网格员"]]),
    );
    let text = csv_text(&table);
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let preview = preview(&bytes).unwrap();
    assert_eq!(preview.people().next().unwrap().name, "王𪚥");
}
#[test]
fn headers_match_in_any_order_with_spaces_and_a_title_row_above() {
    let c1 = code(1);
    let table = rows(&[
        &["城东镇企业名录（2026年）"],
        &[
            " 所属网格 ",
            "备注",
            "行业",
            "统一社会\n信用代码",
            "企业名称",
        ],
        &[
            "城东网格",
            "新开",
            "服务业",
            &c1.to_lowercase(),
            "  庚咨询公司 ",
        ],
    ]);
    let preview = preview(&xlsx(&table)).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert_eq!(preview.rows[0].row, 3);
    let row = preview.enterprises().next().unwrap();
    assert_eq!(
        (row.name.as_str(), row.grid_name.as_str()),
        ("庚咨询公司", "城东网格")
    );
    assert_eq!(row.credit_code.as_str(), c1);
    assert!(!row.above_scale && row.statistician_name.is_none());
}
#[test]
fn numeric_cells_are_read_without_a_decimal_point() {
    let bytes = xlsx_with(|sheet| {
        sheet.write_row(0, 0, PEOPLE_HEADER).unwrap();
        sheet.write_string(1, 0, "赵六").unwrap();
        sheet.write_number(1, 1, 13_812_345_678.0).unwrap();
        sheet.write_number(1, 2, 7.0).unwrap();
        sheet.write_string(1, 3, "网格长").unwrap();
    });
    let preview = preview(&bytes).unwrap();
    let person = preview.people().next().unwrap();
    assert_eq!(person.phone.as_str(), "13812345678");
    assert_eq!(person.grid_name, "7");
}
#[test]
fn empty_and_header_only_files_have_no_data_rows() {
    let header_only = with_header(&ENTERPRISE_HEADER, vec![]);
    for bytes in [
        Vec::new(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\r\n\r\n ,, \r\n".to_vec(),
        xlsx(&[]),
        xlsx(&header_only),
        gbk(&csv_text(&header_only)),
    ] {
        let error = preview(&bytes).unwrap_err();
        assert_eq!(error, ImportError::NoDataRows);
        assert_eq!(error.to_string(), "文件中没有数据行");
        assert_eq!(error.code(), "import_no_data_rows");
    }
}
#[test]
fn a_file_of_another_layout_names_the_missing_headers() {
    let people = with_header(
        &PEOPLE_HEADER,
        rows(&[&["陈一", "13812345678", "城东网格", "网格员"]]),
    );
    let error = preview_as(&xlsx(&people), Layout::Enterprises).unwrap_err();
    assert_eq!(
        error.to_string(),
        "缺少列：企业名称、统一社会信用代码、行业"
    );
    assert_eq!(error.code(), "import_missing_columns");
    assert_eq!(
        preview_as(&xlsx(&people), Layout::People)
            .unwrap()
            .rows
            .len(),
        1
    );

    let visits = rows(&[
        &["企业名称", "走访日期", "所属网格"],
        &["甲公司", "2026-05-01", "城东网格"],
    ]);
    let error = preview(csv_text(&visits).as_bytes()).unwrap_err();
    assert_eq!(
        error,
        ImportError::MissingColumns {
            layout: Layout::Enterprises,
            missing: vec!["统一社会信用代码", "行业"],
        }
    );
}
#[test]
fn a_file_that_is_neither_xlsx_nor_csv_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    let error = preview(&png).unwrap_err();
    assert_eq!(error, ImportError::UnsupportedFormat);
    assert_eq!(
        error.to_string(),
        "无法识别文件格式，请上传 XLSX 或 CSV 文件"
    );
    let mut broken = xlsx(&with_header(&PEOPLE_HEADER, vec![]));
    broken.truncate(200);
    let error = preview(&broken).unwrap_err();
    assert_eq!(error.code(), "import_unreadable_spreadsheet");
    assert_eq!(error.to_string(), "无法读取表格文件，文件可能已损坏或加密");
}
