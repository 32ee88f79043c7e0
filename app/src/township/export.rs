//! The township's month as a file: visits (XLSX with a summary sheet and a sheet per grid, or
//! CSV of every visit) and monthly reports (`reports::ssr::export`). The same figures as the
//! screens, from the same queries.
use super::api::{OverviewQuery, TownshipOverview, VisitRow};
use crate::auth::ssr::Viewer;
use crate::domain::period::Month;
use crate::error::AppError;
use crate::spreadsheet::write_row;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::collections::{HashMap, HashSet};

/// The month's visits by grid.
type Visits = HashMap<i32, Vec<VisitRow>>;

pub const EXPORT_PATH: &str = "/api/v1/township/export";

pub fn router() -> Router<AppState> {
    Router::new().route(&format!("{EXPORT_PATH}/{{file}}"), get(export))
}

/// `?scope=&month=` as on the township view.
async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(file): Path<String>,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, AppError> {
    let xlsx_failed = |e: XlsxError| {
        tracing::error!(error = %e, "township export failed");
        AppError::internal()
    };
    let (what, scopes, scope_id, month, bytes) = match file.as_str() {
        "visits.xlsx" | "visits.csv" => {
            let o = super::ssr::overview(&state.reads, &viewer, query).await?;
            let month = Month::parse(&o.month).map_err(|_| AppError::internal())?;
            let grids: Vec<i32> = o.grids.iter().map(|g| g.grid_id).collect();
            let visits = super::ssr::visit_rows(&state.reads, &grids, month).await?;
            let bytes = if file.ends_with("xlsx") {
                to_xlsx(&o, &visits).map_err(xlsx_failed)?
            } else {
                to_csv(&o, &visits)?
            };
            ("走访情况", o.scopes, o.scope_id, o.month, bytes)
        }
        "reports.xlsx" | "reports.csv" => {
            let b =
                crate::reports::ssr::review::board(&state.reads, &viewer, query.scope, query.month)
                    .await?;
            let bytes = if file.ends_with("xlsx") {
                crate::reports::ssr::export::to_xlsx(&b).map_err(xlsx_failed)?
            } else {
                crate::reports::ssr::export::to_csv(&b)?
            };
            ("情况汇报", b.scopes, b.scope_id, b.month, bytes)
        }
        _ => return Err(AppError::Invalid("没有这个导出文件".into())),
    };
    let scope = scopes
        .iter()
        .find(|s| s.grid_id == scope_id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let (extension, content_type) = if file.ends_with("xlsx") {
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    } else {
        ("csv", "text/csv; charset=utf-8")
    };
    // RFC 5987, so that the Chinese file name survives.
    let name = format!("{scope}{month}{what}.{extension}");
    let disposition = format!(
        "attachment; filename=\"township-{month}.{extension}\"; filename*=UTF-8''{}",
        percent_encode(&name)
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

pub const SUMMARY_SHEET: &str = "汇总";
pub const SUMMARY_HEADERS: [&str; 6] = [
    "企业网格",
    "企业数",
    "本月已走访企业",
    "本月走访次数",
    "本季度已按要求走访企业",
    "本季度走访情况",
];
const VISIT_HEADERS: [&str; 6] = [
    "走访日期",
    "企业",
    "走访人",
    "走访目的",
    "发现的问题",
    "需要跟进",
];

fn to_xlsx(o: &TownshipOverview, visits: &Visits) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let summary = book.add_worksheet();
    summary.set_name(SUMMARY_SHEET)?;
    for (col, h) in (0u16..).zip(SUMMARY_HEADERS) {
        summary.write_string_with_format(0, col, h, &bold)?;
        summary.set_column_width(col, 18)?;
    }
    summary.set_freeze_panes(1, 0)?;
    for (row, g) in (1u32..).zip(&o.grids) {
        let coverage = o.coverage.grids.iter().find(|c| c.grid_id == g.grid_id);
        summary.write_string(row, 0, &g.grid_name)?;
        summary.write_number(row, 1, g.enterprise_count as f64)?;
        summary.write_number(row, 2, g.visited_enterprises as f64)?;
        summary.write_number(row, 3, g.visits as f64)?;
        if let Some(c) = coverage {
            summary.write_number(row, 4, c.visited() as f64)?;
            summary.write_string(row, 5, c.status_words())?;
        }
    }
    let mut used = HashSet::new();
    for g in &o.grids {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&g.grid_name, &mut used))?;
        for (col, h) in (0u16..).zip(VISIT_HEADERS) {
            sheet.write_string_with_format(0, col, h, &bold)?;
            sheet.set_column_width(col, if col == 4 { 40 } else { 14 })?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (row, v) in (1u32..).zip(visits.get(&g.grid_id).into_iter().flatten()) {
            sheet.write_string(row, 0, &v.visit_date)?;
            sheet.write_string(row, 1, &v.enterprise_name)?;
            sheet.write_string(row, 2, &v.person_name)?;
            sheet.write_string(row, 3, v.purpose.label())?;
            sheet.write_string(row, 4, &v.findings)?;
            sheet.write_string(row, 5, if v.follow_up { "是" } else { "否" })?;
        }
    }
    book.save_to_buffer()
}

/// Every visit of the month, one line each, after a UTF-8 BOM so that Excel reads the Chinese.
fn to_csv(o: &TownshipOverview, visits: &Visits) -> Result<Vec<u8>, AppError> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |_| AppError::internal();
    let mut header = vec!["企业网格"];
    header.extend(VISIT_HEADERS);
    write_row(&mut out, header).map_err(fail)?;
    for g in &o.grids {
        for v in visits.get(&g.grid_id).into_iter().flatten() {
            write_row(
                &mut out,
                [
                    g.grid_name.as_str(),
                    &v.visit_date,
                    &v.enterprise_name,
                    &v.person_name,
                    v.purpose.label(),
                    &v.findings,
                    if v.follow_up { "是" } else { "否" },
                ],
            )
            .map_err(fail)?;
        }
    }
    out.into_inner().map_err(|_| AppError::internal())
}

/// A valid, unique worksheet name: at most 31 characters, none of `[]:*?/\`.
pub(crate) fn sheet_name(grid: &str, used: &mut HashSet<String>) -> String {
    let clean: String = grid
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let mut name = clean.clone();
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{clean}({n})");
        n += 1;
    }
    name
}

pub(crate) fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = HashSet::new();
        let long = "很长的网格名称".repeat(6);
        let first = sheet_name(&long, &mut used);
        let second = sheet_name(&long, &mut used);
        assert!(first.chars().count() <= 31 && second.chars().count() <= 31);
        assert_ne!(first, second);
        assert_eq!(sheet_name("工业/贸易[1]", &mut used), "工业_贸易_1_");
    }

    #[test]
    fn file_names_are_percent_encoded_as_utf8() {
        assert_eq!(percent_encode("东 a"), "%E4%B8%9C%20a");
    }
}
