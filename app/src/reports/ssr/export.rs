//! The township's monthly reports as a file: XLSX with a summary sheet (each grid's report
//! state, the cadence's verdict and the month's visits) and a sheet per reported grid (the
//! text and the review history), or CSV with one line per grid.
use crate::error::AppError;
use crate::reports::api::{ReportRow, ReviewBoard};
use crate::spreadsheet::write_row;
use crate::township::export::sheet_name;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::collections::HashSet;

pub const SUMMARY_SHEET: &str = "汇总";
pub const SUMMARY_HEADERS: [&str; 8] = [
    "企业网格",
    "汇报状态",
    "报送节奏",
    "版本",
    "填报人",
    "本月走访次数",
    "已走访企业",
    "企业数",
];

/// The row's state and verdict in words, as on the board.
fn words(row: &ReportRow) -> (&'static str, &'static str) {
    (
        row.report.as_ref().map_or("未提交", |r| r.status.label()),
        row.duty.as_ref().map_or("", |d| d.label()),
    )
}

pub fn to_xlsx(b: &ReviewBoard) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let summary = book.add_worksheet();
    summary.set_name(SUMMARY_SHEET)?;
    for (col, h) in (0u16..).zip(SUMMARY_HEADERS) {
        summary.write_string_with_format(0, col, h, &bold)?;
        summary.set_column_width(col, if col == 0 { 20 } else { 12 })?;
    }
    summary.set_freeze_panes(1, 0)?;
    for (row, r) in (1u32..).zip(&b.rows) {
        let (state, duty) = words(r);
        summary.write_string(row, 0, &r.grid_name)?;
        summary.write_string(row, 1, state)?;
        summary.write_string(row, 2, duty)?;
        if let Some(v) = &r.report {
            summary.write_number(row, 3, f64::from(v.version))?;
            summary.write_string(row, 4, &v.author)?;
            summary.write_number(row, 5, v.visits as f64)?;
            summary.write_number(row, 6, v.visited_enterprises as f64)?;
            summary.write_number(row, 7, v.enterprises as f64)?;
        }
    }
    let mut used = HashSet::from([SUMMARY_SHEET.to_owned()]);
    for (r, v) in b
        .rows
        .iter()
        .filter_map(|r| r.report.as_ref().map(|v| (r, v)))
    {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&r.grid_name, &mut used))?;
        sheet.set_column_width(0, 16)?;
        sheet.set_column_width(1, 60)?;
        let parts = [
            ("汇报月份", b.month.as_str()),
            ("汇报状态", v.status.label()),
            ("本月工作情况", v.work_done.as_str()),
            ("存在问题", v.problems.as_str()),
            ("下月工作打算", v.next_steps.as_str()),
        ];
        for (row, (label, text)) in (0u32..).zip(parts) {
            sheet.write_string_with_format(row, 0, label, &bold)?;
            sheet.write_string_with_format(row, 1, text, &wrap)?;
        }
        let start = parts.len() as u32 + 1;
        sheet.write_string_with_format(start, 0, "审核记录", &bold)?;
        for (row, h) in (start + 1..).zip(&v.history) {
            sheet.write_string(row, 0, &h.at)?;
            let comment = h
                .comment
                .as_deref()
                .map(|c| format!("：{c}"))
                .unwrap_or_default();
            sheet.write_string(
                row,
                1,
                format!("{} {}（第{}版）{comment}", h.person, h.action, h.version),
            )?;
        }
    }
    book.save_to_buffer()
}

/// One line per grid, after a UTF-8 BOM so that Excel reads the Chinese.
pub fn to_csv(b: &ReviewBoard) -> Result<Vec<u8>, AppError> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |_| AppError::internal();
    write_row(
        &mut out,
        [
            "企业网格",
            "汇报月份",
            "汇报状态",
            "报送节奏",
            "填报人",
            "本月工作情况",
            "存在问题",
            "下月工作打算",
            "本月走访次数",
        ],
    )
    .map_err(fail)?;
    for r in &b.rows {
        let (state, duty) = words(r);
        let v = r.report.as_ref();
        let text = |f: fn(&crate::reports::api::ReportView) -> &str| v.map_or("", f);
        let visits = v.map(|v| v.visits.to_string()).unwrap_or_default();
        write_row(
            &mut out,
            [
                r.grid_name.as_str(),
                &b.month,
                state,
                duty,
                text(|v| &v.author),
                text(|v| &v.work_done),
                text(|v| &v.problems),
                text(|v| &v.next_steps),
                &visits,
            ],
        )
        .map_err(fail)?;
    }
    out.into_inner().map_err(|_| AppError::internal())
}
