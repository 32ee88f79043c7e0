//! A county's archive (002 asks that every stage's materials be bound and kept): one zip of a
//! printable book (`index.html`: each unit's inspection beside its self-assessment item by item,
//! its rectification, questionnaire and summary report, with the photos beside them, a unit to
//! a printed section), the photos themselves, and a spreadsheet of the county's units.
use super::api::{ARCHIVE_PATH, UnitLine, UnitReview};
use super::components::ReviewBody;
use super::ssr::{review::review, view};
use super::words;
use crate::auth::ssr::Viewer;
use crate::db::photo;
use crate::domain::evaluation::{DivisionCode, Level};
use crate::error::AppError;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use std::io::Write;
use uuid::Uuid;

/// Most photo bytes in one archive: a county's photos are held in memory while the zip is
/// written. A local setting; a county over it is told so.
pub const PHOTO_BYTES_MAX: usize = 256 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route(ARCHIVE_PATH, get(archive))
}

#[derive(Deserialize)]
struct ArchiveQuery {
    id: i32,
    county: String,
}

/// Whether unit `code` lies in `county` (or is it).
fn in_county(code: &str, county: DivisionCode) -> bool {
    DivisionCode::parse(code).is_ok_and(|c| c.ancestor(Level::County) == Some(county))
}

async fn archive(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<ArchiveQuery>,
) -> Result<Response, AppError> {
    let db = &state.db;
    let campaign = view(db, &viewer, query.id)
        .await?
        .ok_or_else(|| AppError::Invalid(words::NOT_FOUND.into()))?;
    let county = DivisionCode::parse(query.county.trim())
        .ok()
        .filter(|c| c.level() == Level::County)
        .ok_or_else(|| AppError::Invalid(words::NOT_A_COUNTY.into()))?;
    let county_name = (campaign.archives.iter())
        .find(|(code, _)| *code == county.to_string())
        .map(|(_, name)| name.clone())
        .ok_or_else(|| AppError::Invalid(words::NO_UNITS_IN_COUNTY.into()))?;
    let units: Vec<UnitLine> = (campaign.units.into_iter())
        .filter(|u| in_county(&u.code, county))
        .collect();
    let mut reviews = Vec::new();
    for unit in &units {
        reviews.extend(review(db, &viewer, query.id, &unit.code).await?);
    }
    let photos = photos_of(db, &reviews).await?;
    let html = book(&campaign.name, &reviews, &photos);
    let sheet = spreadsheet(&campaign.name, &units).map_err(failed)?;
    let zip = zipped(&html, &sheet, &photos).map_err(failed)?;
    let name = words::archive_file(&campaign.name, &county_name);
    let disposition = format!(
        "attachment; filename=\"archive-{}-{county}.zip\"; filename*=UTF-8''{}",
        query.id,
        crate::township::export::percent_encode(&name)
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        zip,
    )
        .into_response())
}

fn failed<E: std::fmt::Display>(e: E) -> AppError {
    tracing::error!(error = %e, "evaluation archive failed");
    AppError::internal()
}

/// Every photo the reviews show, with its bytes; refused past [`PHOTO_BYTES_MAX`].
async fn photos_of(
    db: &sea_orm::DatabaseConnection,
    reviews: &[UnitReview],
) -> Result<Vec<(Uuid, Vec<u8>)>, AppError> {
    let mut ids: Vec<Uuid> = Vec::new();
    for r in reviews {
        for item in r.aspects.iter().flat_map(|a| &a.items) {
            for mark in [&item.inspection, &item.self_assessment]
                .into_iter()
                .flatten()
            {
                ids.extend(&mark.photos);
            }
        }
        for task in &r.tasks {
            ids.extend(task.closing.iter().flat_map(|c| &c.photos));
        }
        ids.extend(r.materials.iter().flat_map(|m| &m.report_photos));
    }
    ids.sort();
    ids.dedup();
    let mut found = Vec::new();
    let mut bytes = 0;
    for chunk in ids.chunks(100) {
        let rows = photo::Entity::find()
            .filter(photo::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        for row in rows {
            bytes += row.bytes.len();
            if bytes > PHOTO_BYTES_MAX {
                return Err(AppError::Invalid(words::archive_too_large(
                    PHOTO_BYTES_MAX / 1024 / 1024,
                )));
            }
            found.push((row.id, row.bytes));
        }
    }
    Ok(found)
}

/// Where the book finds a photo: beside it in the zip.
fn photo_file(id: Uuid) -> String {
    format!("photos/{id}.jpg")
}

/// The printable book: a unit to a section, each section starting a page.
pub fn book(campaign: &str, reviews: &[UnitReview], photos: &[(Uuid, Vec<u8>)]) -> String {
    let reviews = reviews.to_vec();
    let campaign = campaign.to_owned();
    let body = Owner::new().with(move || {
        view! {
            <h1>{campaign}</h1>
            <ol class="contents">
                {reviews.iter().map(|r| view! { <li>{r.unit.clone()}</li> }).collect_view()}
            </ol>
            {reviews.into_iter().map(|r| view! {
                <section class="unit">
                    <h2>{r.unit.clone()}</h2>
                    <ReviewBody review=r />
                </section>
            }).collect_view()}
        }
        .to_html()
    });
    let body = photos.iter().fold(body, |html, (id, _)| {
        html.replace(&crate::photos::photo_url(*id), &photo_file(*id))
    });
    format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{}</style></head><body>{body}</body></html>",
        words::ARCHIVE_TITLE,
        BOOK_STYLE
    )
}

const BOOK_STYLE: &str = "body{font-family:'Noto Serif CJK SC',serif;margin:2em;color:#111}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}\
img.thumb{max-width:160px;margin:2px}section.unit{break-before:page}.muted{color:#555}";

/// The county's units, one to a row.
fn spreadsheet(campaign: &str, units: &[UnitLine]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(words::ARCHIVE_SHEET)?;
    sheet.write_string_with_format(0, 0, campaign, &bold)?;
    for (col, (h, width)) in (0u16..).zip(
        words::ARCHIVE_HEADERS
            .iter()
            .zip([24, 12, 12, 36, 8, 8, 18, 48]),
    ) {
        sheet.write_string_with_format(1, col, *h, &bold)?;
        sheet.set_column_width(col, width)?;
    }
    for (row, u) in (2u32..).zip(units) {
        let cells = [
            u.name.clone(),
            u.code.clone(),
            u.kind.clone(),
            u.sheets.join("；"),
            u.total.clone().unwrap_or_default(),
            u.grade.clone().unwrap_or_default(),
            u.rectification.clone().unwrap_or_default(),
            u.materials.join("；"),
        ];
        for (col, cell) in (0u16..).zip(cells) {
            sheet.write_string(row, col, cell)?;
        }
    }
    book.save_to_buffer()
}

fn zipped(html: &str, sheet: &[u8], photos: &[(Uuid, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default();
    // JPEGs do not shrink: stored as they are.
    let stored = deflated.compression_method(zip::CompressionMethod::Stored);
    zip.start_file("index.html", deflated)?;
    zip.write_all(html.as_bytes())?;
    zip.start_file("units.xlsx", stored)?;
    zip.write_all(sheet)?;
    for (id, bytes) in photos {
        zip.start_file(photo_file(*id), stored)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
