//! The finance bureau's payment list (001 §三(四)5: 所需经费由市财政局承担): every confirmed
//! unit's rewarded members (or grids) with their stars or grade and amount, a subtotal per
//! unit and the city's total, as XLSX.
use super::api::{PAYMENTS_PATH, Sheet};
use super::words;
use crate::auth::ssr::Viewer;
use crate::domain::assessment::{Scheme, points_text};
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
    let (units, pending) = super::ssr::confirmed(&state.db, &viewer, year).await?;
    let bytes = to_xlsx(year, &units, &pending).map_err(|e| {
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

fn to_xlsx(
    year: i32,
    units: &[(String, Scheme, Vec<Sheet>)],
    pending: &[String],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(words::PAYMENTS_SHEET)?;
    sheet.write_string_with_format(0, 0, words::payments_title(year), &bold)?;
    let mut row = 1;
    if !pending.is_empty() {
        sheet.write_string(row, 0, words::not_confirmed(pending))?;
        row += 1;
    }
    for (col, h) in (0u16..).zip(words::PAYMENT_HEADERS) {
        sheet.write_string_with_format(row, col, h, &bold)?;
        sheet.set_column_width(col, if col == 2 { 24 } else { 14 })?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    row += 1;
    let mut city_total: u64 = 0;
    for (unit, scheme, sheets) in units {
        let paid: Vec<&Sheet> = sheets
            .iter()
            .filter(|s| s.outcome.reward_yuan > 0)
            .collect();
        for s in &paid {
            sheet.write_string(row, 0, unit)?;
            sheet.write_string(row, 1, &s.name)?;
            sheet.write_string(row, 2, &s.grids)?;
            sheet.write_string(row, 3, words::rated(scheme, s))?;
            sheet.write_string(row, 4, points_text(s.scored.total))?;
            sheet.write_number(row, 5, f64::from(s.outcome.reward_yuan))?;
            row += 1;
        }
        let subtotal: u64 = paid.iter().map(|s| u64::from(s.outcome.reward_yuan)).sum();
        sheet.write_string_with_format(row, 0, words::unit_total(unit), &bold)?;
        let noun = words::noun(scheme.assessed);
        sheet.write_string_with_format(row, 1, words::subtotal(noun, paid.len()), &bold)?;
        sheet.write_number_with_format(row, 5, subtotal as f64, &bold)?;
        city_total += subtotal;
        row += 1;
    }
    let people: usize = (units.iter())
        .map(|(_, _, s)| s.iter().filter(|s| s.outcome.reward_yuan > 0).count())
        .sum();
    // Units of one scheme name their people; mixed, the count is of entries.
    let nouns: Vec<&str> = units
        .iter()
        .map(|(_, s, _)| words::noun(s.assessed))
        .collect();
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
