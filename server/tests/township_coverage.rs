//! 走访覆盖 on the township view: the visit cadence (each enterprise once a quarter) judged per
//! grid by the cadence engine, from the visits the phones synced.
use crate::common::*;
use serde_json::{Value, json};

async fn coverage(app: &TestApp, client: &reqwest::Client, month: Option<&str>) -> Value {
    let response = client
        .post(app.url("/api/township_overview"))
        .json(&json!({"query": {"scope": null, "month": month}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["coverage"].clone()
}

fn grid<'a>(coverage: &'a Value, name: &str) -> &'a Value {
    coverage["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["grid_name"] == name)
        .unwrap_or_else(|| panic!("{name} in {coverage}"))
}

db_test!(
    a_visit_this_quarter_counts_and_a_quarter_without_visits_is_overdue,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let before = coverage(app, &leader, None).await;
        let one = grid(&before, "东湖工业一网格");
        assert_eq!(one["enterprises"], server::demo::ENTERPRISES_PER_GRID);
        assert_eq!(one["counts"]["done_on_time"], 0);
        let waiting = before["not_visited_total"].as_u64().unwrap();
        assert!(
            waiting >= server::demo::ENTERPRISES_PER_GRID as u64,
            "{before}"
        );

        let member = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let (status, _) = app
            .push(
                &member,
                json!([visit(&new_id(), enterprise, &app.today(), "核对月报数据")]),
            )
            .await;
        assert_eq!(status, 200);
        // A second visit to the same enterprise does not count twice.
        app.push(
            &member,
            json!([visit(&new_id(), enterprise, &app.today(), "再次核对")]),
        )
        .await;

        let after = coverage(app, &leader, None).await;
        assert_eq!(
            grid(&after, "东湖工业一网格")["counts"]["done_on_time"],
            1,
            "{after}"
        );
        assert_eq!(after["not_visited_total"].as_u64().unwrap(), waiting - 1);
        assert_eq!(grid(&after, "东湖工业二网格")["counts"]["done_on_time"], 0);

        // The first quarter of this year has passed without visits: every enterprise is overdue.
        let past = coverage(app, &leader, Some("2026-01")).await;
        let counts = &grid(&past, "东湖工业一网格")["counts"];
        assert_eq!(
            counts["overdue"],
            server::demo::ENTERPRISES_PER_GRID,
            "{past}"
        );
        assert!(
            past["not_visited"][0]["status"]["status"] == "overdue",
            "{past}"
        );
        // A quarter that has not begun has nothing to judge yet.
        let future = coverage(app, &leader, Some("2027-01")).await;
        assert_eq!(future["started"], false);
    }
);

db_test!(
    the_administrator_adjusts_the_cadence_and_the_township_view_follows,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let call = |endpoint: &'static str, body: Value| app.admin_call(&admin, endpoint, body);
        let (status, settings) = call("cadence", json!({})).await;
        assert_eq!(status, 200, "{settings}");
        assert_eq!(settings["saved"], false);
        assert_eq!(settings["policy"]["name"], "玉环市");

        // Yueqing's preset, with two visits a quarter.
        let mut policy = settings["presets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "乐清市")
            .unwrap()
            .clone();
        for rule in policy["rules"].as_array_mut().unwrap() {
            if rule["kind"]["kind"] == "enterprise_visits" {
                rule["kind"]["per_quarter"] = json!(2);
            }
        }
        let (status, saved) = call("cadence_save", json!({"policy": policy})).await;
        assert_eq!(status, 200, "{saved}");
        assert_eq!(saved["saved"], true);

        let leader = app.login(DONGHU_LEADER).await;
        let now = coverage(app, &leader, None).await;
        assert_eq!(now["per_quarter"], 2, "{now}");
        assert_eq!(now["policy_name"], "乐清市");
        // One visit is no longer enough.
        let member = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        app.push(
            &member,
            json!([visit(&new_id(), enterprise, &app.today(), "第一次")]),
        )
        .await;
        let after = coverage(app, &leader, None).await;
        assert_eq!(
            grid(&after, "东湖工业一网格")["counts"]["done_on_time"],
            0,
            "{after}"
        );
        app.push(
            &member,
            json!([visit(&new_id(), enterprise, &app.today(), "第二次")]),
        )
        .await;
        let after = coverage(app, &leader, None).await;
        assert_eq!(
            grid(&after, "东湖工业一网格")["counts"]["done_on_time"],
            1,
            "{after}"
        );

        // A nonsensical rule is refused in Chinese and the policy in force stays.
        for rule in policy["rules"].as_array_mut().unwrap() {
            if rule["kind"]["kind"] == "enterprise_visits" {
                rule["kind"]["per_quarter"] = json!(0);
            }
        }
        let (status, body) = call("cadence_save", json!({"policy": policy})).await;
        assert_eq!(status, 422);
        assert!(body.to_string().contains("应大于0"), "{body}");
        assert_eq!(coverage(app, &leader, None).await["per_quarter"], 2);

        // Audited, and for the city administrator only.
        let (_, log) = call("audit", json!({})).await;
        assert!(log.to_string().contains("set_cadence_policy"), "{log}");
        let response = leader
            .post(app.url("/api/admin/cadence_save"))
            .json(&json!({"policy": policy}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403);
    }
);

db_test!(the_township_export_holds_the_figures_of_the_view, |app| {
    use calamine::{Data, Reader, Xlsx};
    let member = app.login(DONGHU_MEMBER).await;
    let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
    app.push(
        &member,
        json!([visit(&new_id(), enterprise, &app.today(), "导出核对")]),
    )
    .await;
    let leader = app.login(DONGHU_LEADER).await;
    let view: Value = leader
        .post(app.url("/api/township_overview"))
        .json(&json!({"query": {"scope": null, "month": null}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let month = view["month"].as_str().unwrap();
    let scope = view["scope_id"].as_i64().unwrap();

    let response = leader
        .get(app.url(&format!(
            "/api/v1/township/export/visits.xlsx?scope={scope}&month={month}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let summary = book.worksheet_range("汇总").unwrap();
    let rows: Vec<&[Data]> = summary.rows().collect();
    assert_eq!(rows[0][0], Data::String("企业网格".into()));
    for grid in view["grids"].as_array().unwrap() {
        let name = grid["grid_name"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| r[0] == Data::String(name.into()))
            .unwrap_or_else(|| panic!("{name} in the summary"));
        assert_eq!(
            row[1],
            Data::Float(grid["enterprise_count"].as_f64().unwrap())
        );
        assert_eq!(
            row[2],
            Data::Float(grid["visited_enterprises"].as_f64().unwrap())
        );
        assert_eq!(row[3], Data::Float(grid["visits"].as_f64().unwrap()));
    }
    let one = book.worksheet_range("东湖工业一网格").unwrap();
    assert!(
        one.rows()
            .any(|r| r.iter().any(|c| c == &Data::String("导出核对".into()))),
        "the grid's sheet lists the visit"
    );

    let csv = leader
        .get(app.url(&format!(
            "/api/v1/township/export/visits.csv?scope={scope}&month={month}"
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    assert!(
        csv.contains("东湖工业一网格") && csv.contains("导出核对"),
        "{csv}"
    );

    // Another township's figures are not for this leader.
    let status = leader
        .get(app.url(&format!(
            "/api/v1/township/export/visits.csv?scope=1&month={month}"
        )))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 403);
});

db_test!(
    the_trend_counts_this_months_visits_and_judges_past_quarters,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        app.push(
            &member,
            json!([visit(&new_id(), enterprise, &app.today(), "趋势")]),
        )
        .await;
        let leader = app.login(DONGHU_LEADER).await;
        let history: Value = leader
            .post(app.url("/api/township_history"))
            .json(&json!({"scope": null}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let months = history["months"].as_array().unwrap();
        assert_eq!(months.len(), 12, "{history}");
        assert_eq!(months[11]["month"], &app.today()[..7]);
        assert_eq!(months[11]["visits"], 1);
        assert!(months[..11].iter().all(|m| m["visits"] == 0));
        let quarters = history["quarters"].as_array().unwrap();
        assert_eq!(quarters.len(), 4);
        // The quarter before this one passed without visits: nothing was done.
        assert_eq!(quarters[1]["completeness"], 0, "{history}");
        assert_eq!(quarters[1]["timeliness"], 0);

        let member_status = member
            .post(app.url("/api/township_history"))
            .json(&json!({"scope": null}))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(member_status, 403, "a member oversees no township");
    }
);

db_test!(
    a_visit_corrected_to_another_enterprise_moves_its_coverage,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let member = app.login(DONGHU_MEMBER).await;
        let pulled = app.pull(&member).await;
        let first = enterprise_in(&pulled, "东湖工业一网格");
        let enterprises = pulled["directory"]["enterprises"].as_array().unwrap();
        let entry = enterprises.iter().find(|e| e["id"] == first).unwrap();
        let named = entry["name"].clone();
        let other = enterprises
            .iter()
            .find(|e| e["grid_id"] == entry["grid_id"] && e["id"] != first)
            .unwrap();
        let waiting = |coverage: &Value, name: &Value| {
            coverage["not_visited"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["enterprise_name"] == *name)
        };
        let id = new_id();
        app.push(&member, json!([visit(&id, first, &app.today(), "核对台账")]))
            .await;
        let visited = coverage(app, &leader, None).await;
        assert!(!waiting(&visited, &named), "{visited}");
        assert!(waiting(&visited, &other["name"]), "{visited}");

        // The member finds the visit was to the neighbouring firm and corrects it.
        let mut corrected = visit(&id, other["id"].as_i64().unwrap(), &app.today(), "核对台账");
        corrected["version"] = json!(2);
        let (_, answer) = app.push(&member, json!([corrected])).await;
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
        let after = coverage(app, &leader, None).await;
        assert!(waiting(&after, &named), "{after}");
        assert!(!waiting(&after, &other["name"]), "{after}");
        assert_eq!(
            grid(&after, "东湖工业一网格")["counts"]["done_on_time"],
            1,
            "{after}"
        );
    }
);
