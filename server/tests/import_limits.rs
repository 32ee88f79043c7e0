//! Imports that cannot take the server down: a crafted XLSX with a far-away cell, a zip bomb,
//! a huge shared-string count and a million-row CSV are each refused with a Chinese message
//! naming the cap, and the server goes on serving; nobody but the city administrator gets to
//! send an import's body at all.
use crate::common::*;
use app::directory::import::test_files::{PEOPLE_HEADER, Part, rows, with_written_parts, xlsx};
use serde_json::Value;
use std::io::Write;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PEOPLE_IMPORT: &str = "/api/v1/admin/import?layout=people";

/// Posts `body` as an import of people: status and error message (or the whole report).
async fn import(app: &TestApp, client: &reqwest::Client, body: Vec<u8>) -> (u16, String) {
    let response = client
        .post(app.url(PEOPLE_IMPORT))
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    let message = body["error"]["message"].as_str().map(str::to_owned);
    (status, message.unwrap_or_else(|| body.to_string()))
}

/// The server still answers, and still imports an ordinary file.
async fn still_serving(app: &TestApp, admin: &reqwest::Client) {
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
    let csv = "姓名,手机号,所属网格,角色\n钱多多,13912340000,东湖工业一网格,网格员\n";
    let (status, report) = import(app, admin, csv.as_bytes().to_vec()).await;
    assert_eq!(status, 200, "{report}");
    assert!(report.contains("\"total_rows\":1"), "{report}");
}

/// An ordinary workbook of people (the header row only), with `parts` put in by name.
fn workbook_with(parts: &[Part]) -> Vec<u8> {
    let base = xlsx(&rows(&[&PEOPLE_HEADER]));
    with_written_parts(&base, parts)
}

const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

db_test!(a_sheet_with_a_far_away_cell_is_refused_by_its_size, |app| {
    let admin = app.login(CITY_ADMIN).await;
    // The review's 1.5 KB file: A1 and XFD1048576, declared or not.
    for dimension in [r#"<dimension ref="A1:XFD1048576"/>"#, ""] {
        let sheet = format!(
            r#"{SHEET_START}{dimension}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>"#
        );
        let write = |out: &mut dyn Write| out.write_all(sheet.as_bytes()).unwrap();
        let file = workbook_with(&[("xl/worksheets/sheet1.xml", &write)]);
        assert!(file.len() < 8 * 1024, "a small file: {} bytes", file.len());
        let (status, message) = import(app, &admin, file).await;
        assert_eq!(status, 422);
        assert_eq!(message, "文件超过 100,000 行的上限");
    }
    still_serving(app, &admin).await;
});

db_test!(a_zip_bomb_is_refused_by_its_unzipped_size, |app| {
    let admin = app.login(CITY_ADMIN).await;
    // 1 GiB of spaces between the cells, deflated to about a megabyte, written as it goes.
    let write = |out: &mut dyn Write| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        out.write_all(b"<sheetData>").unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..1024 {
            out.write_all(&spaces).unwrap();
        }
        out.write_all(b"</sheetData></worksheet>").unwrap();
    };
    let bomb = workbook_with(&[("xl/worksheets/sheet1.xml", &write)]);
    assert!(bomb.len() < 4 << 20, "compressed to {} bytes", bomb.len());
    let (status, message) = import(app, &admin, bomb).await;
    assert_eq!(status, 422);
    assert_eq!(message, "文件解压后超过 256 MB 的上限");
    still_serving(app, &admin).await;
});

db_test!(
    a_huge_shared_string_count_is_refused_before_room_is_made,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let strings = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4000000000000"><si><t>姓名</t></si><si><t>手机号</t></si><si><t>所属网格</t></si><si><t>角色</t></si></sst>"#;
        let write = |out: &mut dyn Write| out.write_all(strings.as_bytes()).unwrap();
        let file = workbook_with(&[("xl/sharedStrings.xml", &write)]);
        let (status, message) = import(app, &admin, file).await;
        assert_eq!(status, 422);
        assert_eq!(message, "文件中的文字条目超过 2,000,000 条的上限");
        still_serving(app, &admin).await;
    }
);

db_test!(a_million_row_csv_is_refused_at_the_row_cap, |app| {
    let admin = app.login(CITY_ADMIN).await;
    let mut csv = String::from("姓名,手机号,所属网格,角色\n");
    for n in 0..1_000_000 {
        csv.push_str(&format!("人员{n},139{n:08},东湖工业一网格,网格员\n"));
    }
    let started = Instant::now();
    let (status, message) = import(app, &admin, csv.into_bytes()).await;
    assert_eq!(status, 422);
    assert_eq!(message, "文件超过 100,000 行的上限");
    assert!(started.elapsed() < Duration::from_secs(30));
    still_serving(app, &admin).await;
});

db_test!(
    a_non_administrator_is_refused_before_the_body_is_read,
    |app| {
        // The phone's session and the office one, which the import needs.
        let cookie = app.session_cookies(DONGHU_LEADER).await;
        // Declares 100 MiB (over the route's 64 MiB), sends a kilobyte, then waits: the answer
        // can only come if the server did not wait for the body.
        let host = app.base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
        let head = format!(
            "POST {PEOPLE_IMPORT} HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nCookie: {cookie}\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\n\r\n",
            app.base,
            100 << 20
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(&[b'x'; 1024]).await.unwrap();
        let mut answer = vec![0; 4096];
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer))
            .await
            .expect("answered without the body")
            .unwrap();
        let answer = String::from_utf8_lossy(&answer[..read]);
        assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
        assert!(answer.contains("forbidden"), "{answer}");
    }
);
