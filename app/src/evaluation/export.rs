//! The results notice to take away: every unit scored as a spreadsheet (grade, city, unit, code,
//! total, in the notice's order), and the notice itself as a Word document laid out as an
//! official document (GB/T 9704: A4, 小标宋 title, 仿宋 body) for the bureau to edit and issue.
use super::api::{NOTICE_DOCX_PATH, NOTICE_XLSX_PATH};
use super::ssr::results::{Results, results};
use super::words;
use crate::auth::ssr::Viewer;
use crate::domain::evaluation::listing;
use crate::error::AppError;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(NOTICE_XLSX_PATH, get(xlsx))
        .route(NOTICE_DOCX_PATH, get(docx))
}

#[derive(Deserialize)]
struct CampaignQuery {
    id: i32,
}

async fn load(state: &AppState, viewer: &Viewer, id: i32) -> Result<Results, AppError> {
    results(&state.db, viewer, id)
        .await?
        .ok_or_else(|| AppError::Invalid(words::NOT_FOUND.into()))
}

async fn xlsx(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<CampaignQuery>,
) -> Result<Response, AppError> {
    let results = load(&state, &viewer, query.id).await?;
    let bytes = to_xlsx(&results).map_err(failed("notice xlsx"))?;
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(download(xlsx, &results.name, query.id, "xlsx", bytes))
}

async fn docx(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<CampaignQuery>,
) -> Result<Response, AppError> {
    let results = load(&state, &viewer, query.id).await?;
    let issued = words::issued_on(viewer.today()?);
    let bytes = to_docx(&results, &issued).map_err(failed("notice docx"))?;
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    Ok(download(docx, &results.name, query.id, "docx", bytes))
}

fn failed<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> AppError {
    move |e| {
        tracing::error!(error = %e, "{what} failed");
        AppError::internal()
    }
}

/// The file as an attachment named after the campaign, with an ASCII name for old clients.
fn download(mime: &str, campaign: &str, id: i32, ext: &str, bytes: Vec<u8>) -> Response {
    let name = format!("{}.{ext}", words::notice_file(campaign));
    let disposition = format!(
        "attachment; filename=\"evaluation-{id}.{ext}\"; filename*=UTF-8''{}",
        crate::township::export::percent_encode(&name)
    );
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

pub fn to_xlsx(results: &Results) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(words::RESULTS_SHEET)?;
    sheet.write_string_with_format(0, 0, words::notice_heading(&results.name), &bold)?;
    let notice = results.notice();
    sheet.write_string(1, 0, &notice.opening)?;
    let mut row = 2;
    if results.unscored > 0 {
        sheet.write_string(row, 0, words::unscored(results.unscored))?;
        row += 1;
    }
    for (col, (header, width)) in
        (0u16..).zip(words::RESULT_HEADERS.iter().zip([6, 8, 12, 28, 12, 8]))
    {
        sheet.write_string_with_format(row, col, *header, &bold)?;
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    for (n, unit) in (1u32..).zip(listing(
        &results.scored,
        &results.thresholds,
        &results.places,
    )) {
        row += 1;
        sheet.write_number(row, 0, n)?;
        sheet.write_string(row, 1, unit.grade.label())?;
        sheet.write_string(row, 2, &unit.city)?;
        sheet.write_string(row, 3, &unit.name)?;
        sheet.write_string(row, 4, unit.code.to_string())?;
        sheet.write_number(row, 5, f64::from(unit.total) / 10.0)?;
    }
    book.save_to_buffer()
}

/// Half-points: 二号 (22 pt) for the title, 三号 (16 pt) for the text.
const TITLE_SIZE: usize = 44;
const TEXT_SIZE: usize = 32;
/// Two characters of 三号 text, in twentieths of a point: the first-line indent of a paragraph.
const INDENT: i32 = 640;

fn text(line: &str, font: &str) -> Paragraph {
    Paragraph::new()
        .add_run(
            Run::new()
                .add_text(line)
                .fonts(RunFonts::new().east_asia(font)),
        )
        .size(TEXT_SIZE)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
}

pub fn to_docx(results: &Results, issued: &str) -> Result<Vec<u8>, docx_rs::DocxError> {
    let notice = results.notice();
    let title = Run::new()
        .add_text(words::notice_heading(&results.name))
        .fonts(RunFonts::new().east_asia("方正小标宋简体"))
        .size(TITLE_SIZE);
    // A4, with the margins of GB/T 9704 (37, 35, 28 and 26 mm), in twentieths of a point.
    let mut doc = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(
            PageMargin::new()
                .top(2_098)
                .bottom(1_984)
                .left(1_587)
                .right(1_474),
        )
        .default_fonts(RunFonts::new().east_asia("仿宋_GB2312"))
        .default_size(TEXT_SIZE)
        .add_paragraph(Paragraph::new().add_run(title).align(AlignmentType::Center))
        .add_paragraph(Paragraph::new());
    if notice.sections.is_empty() {
        doc = doc.add_paragraph(text(words::NO_RESULTS, "仿宋_GB2312"));
    } else {
        let opening = format!("{}{}", notice.opening, words::NOTICE_ORDER);
        doc = doc.add_paragraph(text(&opening, "仿宋_GB2312"));
    }
    for section in &notice.sections {
        doc = doc.add_paragraph(text(&section.heading, "楷体_GB2312"));
        for city in &section.cities {
            doc = doc.add_paragraph(text(&city.text(), "仿宋_GB2312"));
        }
    }
    let date = Run::new().add_text(issued);
    doc = doc
        .add_paragraph(Paragraph::new())
        .add_paragraph(Paragraph::new().add_run(date).align(AlignmentType::Right));
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes)?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::evaluation::{Division, DivisionCode, Evaluated, Gazetteer, Thresholds};
    use std::io::Read;

    fn results() -> Results {
        let code = |c: &str| DivisionCode::parse(c).unwrap();
        let place = |c: &str, name: &str| Division {
            code: code(c),
            name: name.into(),
            short: None,
        };
        let scored = |c: &str, total| Evaluated {
            code: code(c),
            name: None,
            total,
        };
        Results {
            name: "2026年联点评价".into(),
            thresholds: Thresholds::default(),
            scored: vec![scored("430103002", 850), scored("430102001", 962)],
            unscored: 1,
            places: Gazetteer::new([
                place("430100", "长沙市"),
                place("430102", "芙蓉区"),
                place("430103", "天心区"),
                place("430102001", "荷花园街道"),
                place("430103002", "新开铺街道"),
            ]),
        }
    }

    fn part(bytes: Vec<u8>, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn the_word_notice_has_the_title_the_figures_each_grade_and_the_date_in_order() {
        let xml = part(
            to_docx(&results(), "2026年12月5日").unwrap(),
            "word/document.xml",
        );
        let order = [
            "关于2026年联点评价结果的通报",
            "共评价2个单位，平均分数为90.6分。",
            "（一）优秀（90分及以上）",
            "长沙市（1个）：芙蓉区荷花园街道",
            "（二）合格（80分及以上）",
            "长沙市（1个）：天心区新开铺街道",
            "2026年12月5日",
        ];
        let at: Vec<usize> = order.iter().map(|t| xml.find(t).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert!(xml.contains("楷体_GB2312"));
    }

    #[test]
    fn the_spreadsheet_lists_every_unit_scored_with_grade_and_total() {
        let xml = part(to_xlsx(&results()).unwrap(), "xl/sharedStrings.xml");
        for text in [
            "优秀",
            "芙蓉区荷花园街道",
            "430102001",
            "合格",
            "另有 1 个单位尚未评分",
        ] {
            assert!(xml.contains(text), "{text} missing");
        }
        let sheet = part(to_xlsx(&results()).unwrap(), "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<v>96.2</v>") && sheet.contains("<v>85</v>"));
    }
}
