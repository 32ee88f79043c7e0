//! Importing a directory of 100,000 enterprises (XLSX), previewed then applied, over HTTP.
use crate::db::{Backend, Res, fresh, start};
use crate::report::{Goal, figure};
use app::domain::credit_code::CreditCode;
use serde_json::{Value, json};
use std::time::Instant;

const GRIDS: [&str; 6] = [
    "东湖工业一网格",
    "东湖工业二网格",
    "东湖贸易网格",
    "西岭服务业网格",
    "西岭工业网格",
    "住建建筑业网格",
];

fn directory(rows: usize) -> Res<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "企业名称",
        "统一社会信用代码",
        "行业",
        "所属网格",
        "四上企业",
        "小升规培育",
        "统计人员",
        "统计人员电话",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        let code =
            CreditCode::from_body(&format!("91339904MD{i:07}")).map_err(|e| e.to_string())?;
        sheet.write_string(r, 0, format!("基准导入企业{i}有限公司"))?;
        sheet.write_string(r, 1, code.as_str())?;
        sheet.write_string(r, 2, "工业")?;
        sheet.write_string(r, 3, GRIDS[i % GRIDS.len()])?;
        sheet.write_string(r, 4, if i % 3 == 0 { "否" } else { "是" })?;
        sheet.write_string(r, 5, if i % 3 == 0 { "是" } else { "否" })?;
        sheet.write_string(r, 6, "统计员")?;
        sheet.write_string(r, 7, format!("139{:08}", i % 100_000_000))?;
    }
    Ok(book.save_to_buffer()?)
}

pub async fn run(backend: Backend, rows: usize) -> Res<()> {
    let base = start(fresh(backend, "import").await?, true).await?.base;
    let client = crate::db::browser(&base)?;
    client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"phone": "13800000001", "password": server::demo::DEMO_PASSWORD}))
        .send()
        .await?
        .error_for_status()?;
    let file = directory(rows)?;
    let name = backend.name();
    for apply in [false, true] {
        let started = Instant::now();
        let report: Value = client
            .post(format!(
                "{base}/api/v1/admin/import?layout=enterprises&apply={apply}"
            ))
            .body(file.clone())
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let seconds = started.elapsed().as_secs_f64();
        if report["valid_rows"].as_u64() != Some(rows as u64) {
            return Err(format!("import accepted {} of {rows} rows", report["valid_rows"]).into());
        }
        let what = if apply {
            "import (preview + one transaction)"
        } else {
            "preview"
        };
        figure(
            &format!("{rows} enterprises XLSX, {what} ({name})"),
            seconds,
            "s",
            Goal::Info,
        );
        figure(
            &format!("  rate ({name})"),
            rows as f64 / seconds,
            "rows/s",
            Goal::Info,
        );
    }
    Ok(())
}
