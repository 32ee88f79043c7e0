//! The finance bureau's payment list (001 §三(四)5: 所需经费由市财政局承担): every confirmed
//! unit's rewarded members (or grids) with their stars or grade and amount, a subtotal per
//! unit and the city's total, as XLSX.
use super::api::{AwardList, AwardUnit, PAYMENTS_PATH};
use super::words;
use crate::auth::ssr::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route(PAYMENTS_PATH, get(payments))
}

#[derive(Deserialize)]
struct YearQuery {
    year: Option<i32>,
}

async fn payments(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<YearQuery>,
) -> Result<Response, AppError> {
    let year = query
        .year
        .map_or_else(|| viewer.today().map(|d| d.year()), Ok)?;
    let city = super::ssr::city(&state.db, &viewer, year).await?;
    if !city.may_edit {
        return Err(AppError::Forbidden);
    }
    let list = super::ssr::awards(&state.db, &viewer, year).await?;
    let bytes = to_xlsx(&list).map_err(|e| {
        tracing::error!(error = %e, "payment list failed");
        AppError::internal()
    })?;
    let name = words::payments_file(year);
    let disposition = format!(
        "attachment; filename=\"payments-{year}.xlsx\"; filename*=UTF-8''{}",
        crate::township::export::percent_encode(&name)
    );
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok((
        [
            (header::CONTENT_TYPE, xlsx.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

fn to_xlsx(list: &AwardList) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(words::PAYMENTS_SHEET)?;
    sheet.write_string_with_format(0, 0, words::payments_title(list.year), &bold)?;
    let mut row = 1;
    if !list.pending.is_empty() {
        sheet.write_string(row, 0, words::not_confirmed(&list.pending))?;
        row += 1;
    }
    for (col, h) in (0u16..).zip(words::PAYMENT_HEADERS) {
        sheet.write_string_with_format(row, col, h, &bold)?;
        sheet.set_column_width(col, if col == 2 { 24 } else { 14 })?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    row += 1;
    for unit in &list.units {
        for line in &unit.lines {
            sheet.write_string(row, 0, &unit.unit)?;
            sheet.write_string(row, 1, &line.name)?;
            sheet.write_string(row, 2, &line.grids)?;
            sheet.write_string(row, 3, &line.rated)?;
            sheet.write_string(row, 4, &line.total)?;
            sheet.write_number(row, 5, f64::from(line.reward_yuan))?;
            row += 1;
        }
        sheet.write_string_with_format(row, 0, words::unit_total(&unit.unit), &bold)?;
        let noun = words::noun(unit.assessed);
        sheet.write_string_with_format(row, 1, words::subtotal(noun, unit.lines.len()), &bold)?;
        sheet.write_number_with_format(row, 5, unit.total_yuan() as f64, &bold)?;
        row += 1;
    }
    let people: usize = list.units.iter().map(|u| u.lines.len()).sum();
    let city_total: u64 = list.units.iter().map(AwardUnit::total_yuan).sum();
    // Units of one scheme name their people; mixed, the count is of entries.
    let nouns: Vec<&str> = list.units.iter().map(|u| words::noun(u.assessed)).collect();
    let noun = if nouns.windows(2).all(|w| w[0] == w[1]) {
        nouns.first().copied().unwrap_or("人")
    } else {
        "个"
    };
    sheet.write_string_with_format(row, 0, words::CITY_TOTAL, &bold)?;
    sheet.write_string_with_format(row, 1, words::subtotal(noun, people), &bold)?;
    sheet.write_number_with_format(row, 5, city_total as f64, &bold)?;
    book.save_to_buffer()
}
