//! 行政区划: imported from a file like the directory, listed in official order, updated by code.
use crate::common::*;
use serde_json::{Value, json};

async fn import(app: &TestApp, admin: &reqwest::Client, csv: &str, apply: bool) -> Value {
    let url = format!("/api/v1/admin/import?layout=divisions&apply={apply}");
    let response = admin
        .post(app.url(&url))
        .body(csv.to_owned())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn listed(app: &TestApp, admin: &reqwest::Client) -> Vec<(String, String, Value)> {
    let (status, list) = app.admin_call(admin, "divisions", json!({})).await;
    assert_eq!(status, 200, "{list}");
    // The demo's own divisions (province 99) are left out.
    (list.as_array().unwrap().iter())
        .filter(|d| !d["code"].as_str().unwrap().starts_with("99"))
        .map(|d| {
            (
                d["code"].as_str().unwrap().into(),
                d["name"].as_str().unwrap().into(),
                d["short"].clone(),
            )
        })
        .collect()
}

const FILE: &str = "湖南省行政区划\n\
区划代码,区划名称,简称\n\
430102001000,荷花园街道,\n\
433100,湘西土家族苗族自治州,湘西州\n\
430100,长沙市,\n\
4301,坏代码,\n\
430102,芙蓉区,\n\
430102001001,某村,\n\
430100,长沙市重复,\n\
430000,湖南省,\n";

db_test!(
    divisions_are_imported_in_official_order_and_updated_by_code,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let preview = import(app, &admin, FILE, false).await;
        assert_eq!(preview["layout"], "行政区划", "{preview}");
        assert_eq!(
            (preview["valid_rows"].as_u64(), preview["new"].as_u64()),
            (Some(5), Some(5))
        );
        let errors: Vec<(u64, String)> = (preview["errors"].as_array().unwrap().iter())
            .map(|e| {
                (
                    e["row"].as_u64().unwrap(),
                    e["message"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0].0, 6);
        assert!(errors[0].1.contains("区划代码应为 6 位"), "{errors:?}");
        assert_eq!(errors[1].0, 8);
        assert!(errors[1].1.contains("应以 000 结尾"), "{errors:?}");
        assert_eq!(errors[2], (9, "与第5行重复".to_owned()));
        assert!(
            listed(app, &admin).await.is_empty(),
            "a preview writes nothing"
        );

        let done = import(app, &admin, FILE, true).await;
        assert_eq!(done["applied"], true, "{done}");
        let list = listed(app, &admin).await;
        let codes: Vec<&str> = list.iter().map(|(c, _, _)| c.as_str()).collect();
        assert_eq!(codes, ["430000", "430100", "430102", "430102001", "433100"]);
        assert_eq!(list[4].2, "湘西州");
        assert_eq!(list[3].2, Value::Null);

        let again =
            "区划代码,区划名称,简称\n430100,长沙市,\n430102,芙蓉区（新）,\n430103,天心区,\n";
        let report = import(app, &admin, again, true).await;
        let counts = ["new", "changed", "unchanged"].map(|k| report[k].as_u64().unwrap());
        assert_eq!(counts, [1, 1, 1], "{report}");
        assert_eq!(
            report["changes"][0]["fields"],
            json!(["区划名称"]),
            "{report}"
        );
        let list = listed(app, &admin).await;
        assert_eq!(list.len(), 6, "divisions not in the file stay");
        assert_eq!(list[2].1, "芙蓉区（新）");
        let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
        let imported = (log.as_array().unwrap().iter())
            .filter(|e| e["action"] == "import_division")
            .count();
        assert_eq!(imported, 7);
    }
);

db_test!(only_the_city_administrator_imports_divisions, |app| {
    let leader = app.login(DONGHU_LEADER).await;
    let url = app.url("/api/v1/admin/import?layout=divisions&apply=true");
    let response = leader
        .post(url)
        .body("区划代码,区划名称\n430100,长沙市\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
});
