//! Administration: importing the directory and people from XLSX and CSV, exports, the audit log.
use crate::common::*;
use app::domain::credit_code::CreditCode;
use serde_json::{Value, json};

const HEADER: [&str; 8] = [
    "企业名称",
    "统一社会信用代码",
    "行业",
    "所属网格",
    "四上企业",
    "小升规培育",
    "统计人员",
    "统计人员电话",
];

fn code(n: u32) -> String {
    CreditCode::from_body(&format!("91339902MB{n:07}"))
        .unwrap()
        .as_str()
        .to_owned()
}

fn xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, cell).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn row(name: &str, code: &str, industry: &str, grid: &str) -> Vec<String> {
    [
        name,
        code,
        industry,
        grid,
        "是",
        "否",
        "钱多多",
        "13912340000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

async fn enterprise_count(app: &TestApp) -> i64 {
    let row = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM enterprise",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

use sea_orm::ConnectionTrait;

db_test!(
    a_preview_explains_bad_rows_in_chinese_and_stores_nothing,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let before = enterprise_count(app).await;
        let mut bad_code = code(1);
        bad_code.replace_range(17..18, if bad_code.ends_with('0') { "1" } else { "0" });
        let file = xlsx(&[
            row("云江新材料有限公司", &code(1), "工业", "东湖工业一网格"),
            row("校验码错误公司", &bad_code, "工业", "东湖工业一网格"),
            row("行业不明公司", &code(2), "采矿", "东湖工业一网格"),
            row("重复公司", &code(1), "工业", "东湖工业一网格"),
            row("没有网格公司", &code(3), "工业", "不存在的网格"),
        ]);
        let (status, report) = import(app, &admin, "enterprises", false, file).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["valid_rows"], 1);
        assert_eq!(report["new"], 1);
        assert_eq!(report["applied"], false);
        let messages: Vec<String> = report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{}:{}", e["row"], e["message"]))
            .collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("3:") && m.contains("校验码")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("4:") && m.contains("行业")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("5:") && m.contains("重复")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("6:") && m.contains("网格")),
            "{messages:?}"
        );
        assert_eq!(
            enterprise_count(app).await,
            before,
            "a preview writes nothing"
        );
    }
);

db_test!(
    importing_again_updates_by_credit_code_and_reports_what_changed,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let before = enterprise_count(app).await;
        let first = xlsx(&[
            row("云江新材料有限公司", &code(11), "工业", "东湖工业一网格"),
            row("云江商贸有限公司", &code(12), "贸易", "东湖贸易网格"),
        ]);
        let (status, report) = import(app, &admin, "enterprises", true, first).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["applied"], true);
        assert_eq!(report["new"], 2);
        assert_eq!(enterprise_count(app).await, before + 2);

        let second = xlsx(&[
            row(
                "云江新材料股份有限公司",
                &code(11),
                "工业",
                "东湖工业二网格",
            ),
            row("云江商贸有限公司", &code(12), "贸易", "东湖贸易网格"),
        ]);
        let (_, report) = import(app, &admin, "enterprises", true, second).await;
        assert_eq!(report["new"], 0);
        assert_eq!(report["changed"], 1);
        assert_eq!(report["unchanged"], 1);
        let fields = report["changes"][0]["fields"].to_string();
        assert!(
            fields.contains("企业名称") && fields.contains("所属网格"),
            "{fields}"
        );
        assert_eq!(
            enterprise_count(app).await,
            before + 2,
            "updated in place, not added"
        );

        // The member of 东湖工业二网格's instructor now sees the moved enterprise there.
        let instructor = app.login("13800000008").await;
        let pulled = app.pull(&instructor).await;
        assert!(pulled.to_string().contains("云江新材料股份有限公司"));

        let audit: Value = admin
            .get(app.url("/api/v1/admin/audit"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let latest = &audit[0];
        assert_eq!(latest["person_name"], "周明远");
        assert_eq!(latest["target_key"], code(11));
        assert!(
            latest["before"]
                .as_str()
                .unwrap()
                .contains("云江新材料有限公司")
        );
        assert!(
            latest["after"]
                .as_str()
                .unwrap()
                .contains("云江新材料股份有限公司")
        );
    }
);

db_test!(a_gbk_csv_from_old_excel_is_read, |app| {
    let admin = app.login(CITY_ADMIN).await;
    let mut text = HEADER.join(",");
    text.push_str(&format!(
        "\r\n云江老表格有限公司,{},服务业,西岭服务业网格,否,是,,\r\n",
        code(21)
    ));
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let (status, report) = import(app, &admin, "enterprises", true, bytes.into_owned()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["new"], 1);
    let pulled = app.pull(&admin).await;
    assert!(pulled.to_string().contains("云江老表格有限公司"));
});

db_test!(an_empty_file_or_another_layout_is_refused_whole, |app| {
    let admin = app.login(CITY_ADMIN).await;
    let before = enterprise_count(app).await;
    let (status, body) = import(app, &admin, "enterprises", true, Vec::new()).await;
    assert_eq!(status, 422);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| c > '\u{4e00}')
    );
    let people = "姓名,手机号,所属网格,角色\r\n钱多多,13912345678,东湖工业一网格,网格员\r\n"
        .as_bytes()
        .to_vec();
    let (status, body) = import(app, &admin, "enterprises", true, people).await;
    assert_eq!(status, 422);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("缺少列"),
        "{body}"
    );
    assert_eq!(enterprise_count(app).await, before);
});

db_test!(
    an_imported_person_logs_in_with_the_first_password_and_sees_the_grid,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let file = "姓名,手机号,所属网格,角色\r\n钱多多,13912345678,东湖工业二网格,网格长\r\n钱多多,13912345678,东湖贸易网格,网格员\r\n";
        let (status, report) = import(app, &admin, "people", true, file.as_bytes().to_vec()).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(
            report["initial_passwords"].as_array().unwrap().len(),
            1,
            "{report}"
        );
        let password = report["initial_passwords"][0]["password"].as_str().unwrap();
        let client = app.browser();
        let login = client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"phone": "13912345678", "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(login.status(), 200);
        let login: Value = login.json().await.unwrap();
        assert_eq!(login["profile"]["must_change_password"], true);
        let refused = client
            .get(app.url("/api/v1/sync/pull"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            refused.status(),
            403,
            "work waits for the person's own password"
        );
        let body: Value = refused.json().await.unwrap();
        assert_eq!(body["error"]["code"], "password_change_required");
        let short = client
            .post(app.url("/api/v1/auth/password"))
            .json(&json!({"current": password, "new": "short"}))
            .send()
            .await
            .unwrap();
        assert_eq!(short.status(), 422);
        let changed = client
            .post(app.url("/api/v1/auth/password"))
            .json(&json!({"current": password, "new": "my-own-password"}))
            .send()
            .await
            .unwrap();
        assert_eq!(changed.status(), 200);
        let pulled = app.pull(&client).await;
        let grids = pulled["directory"]["grids"].to_string();
        assert!(
            grids.contains("东湖工业二网格") && grids.contains("东湖贸易网格"),
            "{grids}"
        );
    }
);

db_test!(
    only_the_city_administrator_may_import_export_or_read_the_audit_log,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let (status, _) = import(
            app,
            &leader,
            "enterprises",
            true,
            xlsx(&[row("越权公司", &code(31), "工业", "东湖工业一网格")]),
        )
        .await;
        assert_eq!(status, 403);
        for path in [
            "/api/v1/admin/export/enterprises.xlsx",
            "/api/v1/admin/audit",
        ] {
            let response = leader.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), 403, "{path}");
        }
    }
);

db_test!(an_export_imports_back_unchanged, |app| {
    let admin = app.login(CITY_ADMIN).await;
    for file in ["enterprises.xlsx", "enterprises.csv"] {
        let exported = admin
            .get(app.url(&format!("/api/v1/admin/export/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(exported.status(), 200);
        let bytes = exported.bytes().await.unwrap().to_vec();
        let (status, report) = import(app, &admin, "enterprises", false, bytes).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["valid_rows"], 120, "{file}: {}", report["errors"]);
        assert_eq!(report["unchanged"], 120, "{file}");
    }
    let people = admin
        .get(app.url("/api/v1/admin/export/people.xlsx"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let (_, report) = import(app, &admin, "people", false, people.to_vec()).await;
    // One row per role of each demo account.
    let roles: usize = server::demo::ACCOUNTS.iter().map(|(_, _, r)| r.len()).sum();
    assert_eq!(report["unchanged"], roles, "{report}");
});
