//! 统计人员名册 (001 §三(四)3): a township's leader keeps its statistics staff, the roster tells
//! how far it is from the 5 the document asks, and no one else's roster is theirs to read or
//! change.
use crate::common::*;
use serde_json::{Value, json};

fn person(name: &str, employment: &str) -> Value {
    json!({"name": name, "post": "统计员", "employment": employment})
}

async fn add_staff(app: &TestApp, who: &reqwest::Client, grid: i64, staff: Value) -> (u16, Value) {
    app.call(who, "staff_add", json!({"grid_id": grid, "staff": staff}))
        .await
}

fn names(roster: &Value) -> Vec<&str> {
    let staff = roster["staff"].as_array().unwrap();
    staff.iter().map(|s| s["name"].as_str().unwrap()).collect()
}

db_test!(
    a_township_keeps_its_staff_and_sees_how_many_it_lacks,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (status, empty) = app
            .call(&leader, "staff_roster", json!({"grid_id": donghu}))
            .await;
        assert_eq!(status, 200, "{empty}");
        assert_eq!(empty["floor"], 5);
        assert_eq!(empty["shortfall"], 5);
        assert_eq!(empty["may_edit"], true);

        for (name, employment) in [
            ("刘芳", "full_time"),
            ("陈明", "seconded"),
            ("王丽", "contracted"),
        ] {
            let (status, roster) = add_staff(app, &leader, donghu, person(name, employment)).await;
            assert_eq!(status, 200, "{roster}");
        }
        let (_, roster) = app
            .call(&leader, "staff_roster", json!({"grid_id": donghu}))
            .await;
        assert_eq!(names(&roster), ["刘芳", "陈明", "王丽"]);
        assert_eq!(roster["staff"][1]["employment"], "seconded");
        assert_eq!(roster["shortfall"], 2);

        // A village surveyor with a yearly subsidy is listed, but is no office staff.
        let surveyor = json!({"name": "王海", "post": "东湖村统计调查员",
            "employment": "village_surveyor", "subsidy_yuan": "1200"});
        let (status, roster) = add_staff(app, &leader, donghu, surveyor).await;
        assert_eq!(status, 200, "{roster}");
        assert_eq!(
            (roster["office"].as_u64(), roster["surveyors"].as_u64()),
            (Some(3), Some(1))
        );
        assert_eq!(roster["shortfall"], 2);
        assert_eq!(roster["subsidy_total_fen"], 120_000);
        // So is an online-reporting enterprise's statistician paid a subsidy (004 §三(一)).
        let statistician = json!({"name": "钱多多", "post": "云江鼎丰精密铸造有限公司统计员",
            "employment": "enterprise_reporter", "subsidy_yuan": "600"});
        let (status, roster) = add_staff(app, &leader, donghu, statistician).await;
        assert_eq!(status, 200, "{roster}");
        let counts =
            ["office", "surveyors", "enterprise_statisticians"].map(|k| roster[k].as_u64());
        assert_eq!(counts, [Some(3), Some(1), Some(1)]);
        assert_eq!(roster["subsidy_total_fen"], 180_000);
        let bad = json!({"name": "李四", "post": "西村统计调查员",
            "employment": "village_surveyor", "subsidy_yuan": "一千二"});
        let (status, refused) = add_staff(app, &leader, donghu, bad).await;
        assert_eq!(status, 422);
        assert!(
            refused.to_string().contains("年工作补助应为金额"),
            "{refused}"
        );

        // Nothing typed is lost to a refusal: the message names every problem.
        let (status, refused) = add_staff(
            app,
            &leader,
            donghu,
            json!({"name": " ", "post": "", "employment": "part_time"}),
        )
        .await;
        assert_eq!(status, 422);
        let message = refused.to_string();
        assert!(
            message.contains("请填写姓名") && message.contains("请填写职务"),
            "{message}"
        );

        // Taking one off.
        let id = roster["staff"][0]["id"].as_i64().unwrap();
        let (status, after) = app
            .call(
                &leader,
                "staff_remove",
                json!({"grid_id": donghu, "id": id}),
            )
            .await;
        assert_eq!(status, 200, "{after}");
        assert_eq!(names(&after), ["陈明", "王丽", "王海", "钱多多"]);
        assert_eq!(after["shortfall"], 3);
    }
);

db_test!(only_the_unit_and_the_bureau_keep_its_roster, |app| {
    let city = app.login(CITY_ADMIN).await;
    let xiling = grid_id(&app.pull(&city).await, "西岭街道");
    let department = grid_id(&app.pull(&city).await, "市住建局");
    let (status, added) = add_staff(app, &city, xiling, person("赵强", "part_time")).await;
    assert_eq!(status, 200, "{added}");
    // A department keeps a roster too, with no floor set by the documents.
    let (_, roster) = add_staff(app, &city, department, person("孙悦", "full_time")).await;
    assert!(
        roster["floor"].is_null() && roster["shortfall"].is_null(),
        "{roster}"
    );

    // 东湖镇's leader may neither read nor change 西岭街道's roster.
    let donghu_leader = app.login(DONGHU_LEADER).await;
    let (status, _) = app
        .call(&donghu_leader, "staff_roster", json!({"grid_id": xiling}))
        .await;
    assert_eq!(status, 403);
    assert_eq!(
        add_staff(app, &donghu_leader, xiling, person("某人", "full_time"))
            .await
            .0,
        403
    );
    let id = added["staff"][0]["id"].as_i64().unwrap();
    let donghu = grid_id(&app.pull(&donghu_leader).await, "东湖镇");
    // Nor take 西岭街道's person off by naming their own township.
    let (status, body) = app
        .call(
            &donghu_leader,
            "staff_remove",
            json!({"grid_id": donghu, "id": id}),
        )
        .await;
    assert_eq!(status, 422, "{body}");

    // A grid member reads no roster; 西岭街道's leader reads its own, and may keep it.
    let member = app.login(DONGHU_MEMBER).await;
    let (status, _) = app
        .call(&member, "staff_roster", json!({"grid_id": donghu}))
        .await;
    assert_eq!(status, 403);
    let xiling_leader = app.login(XILING_LEADER).await;
    let (_, own) = app
        .call(&xiling_leader, "staff_roster", json!({"grid_id": xiling}))
        .await;
    assert_eq!(names(&own), ["赵强"]);
    assert_eq!(own["may_edit"], true);
});

db_test!(
    a_development_zone_is_a_unit_of_its_own_with_a_floor_of_three,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        let city = named(&grids, "云江市");
        let add = |parent: i64, kind: &str, name: &str| json!({"change": {"change": "add", "parent_id": parent, "kind": kind, "name": name}});
        let (status, grids) = app
            .admin_call(
                &admin,
                "grid_change",
                add(city, "development_zone", "云江经济开发区"),
            )
            .await;
        assert_eq!(status, 200, "{grids}");
        let zone = named(&grids, "云江经济开发区");
        // Enterprise grids sit under it; work areas are a township's.
        let (status, grids) = app
            .admin_call(
                &admin,
                "grid_change",
                add(zone, "enterprise", "开发区工业网格"),
            )
            .await;
        assert_eq!(status, 200, "{grids}");
        let (status, refused) = app
            .admin_call(&admin, "grid_change", add(zone, "work_area", "开发区一片"))
            .await;
        assert_eq!(status, 422);
        assert!(
            refused.to_string().contains("工作管理片不能设在开发区之下"),
            "{refused}"
        );

        // Its roster is held to the 3 of 001 §三(四)3, not a township's 5.
        let (status, roster) = app
            .call(&admin, "staff_roster", json!({"grid_id": zone}))
            .await;
        assert_eq!(status, 200, "{roster}");
        assert_eq!(roster["floor"], 3);
        let (_, roster) = add_staff(app, &admin, zone, person("张国力", "full_time")).await;
        assert_eq!(roster["shortfall"], 2);
        assert_eq!(roster["unit"], "云江经济开发区");
    }
);

fn named(grids: &Value, name: &str) -> i64 {
    let all = grids.as_array().unwrap();
    all.iter().find(|g| g["name"] == name).unwrap()["id"]
        .as_i64()
        .unwrap()
}

db_test!(the_people_import_fills_each_units_roster, |app| {
    let admin = app.login(CITY_ADMIN).await;
    let file = "姓名,手机号,所属网格,角色,职务,配备方式\r\n\
            刘芳,13900000013,东湖镇,网格员,经发办统计员,派驻\r\n\
            周丽,13900000014,东湖镇,网格员,统计站站长,兼职\r\n\
            李娜,13800000005,东湖工业一网格,网格员,,\r\n\
            王海,13900000016,东湖北片,网格员,东湖村统计调查员,村（社区）统计调查员\r\n\
            周明远,13800000001,云江市,网格指导员,乡镇统计工作管理办公室主任,专职\r\n";
    let (status, preview) = import(app, &admin, "people", false, file.as_bytes().to_vec()).await;
    assert_eq!(status, 200, "{preview}");
    let changes = preview["changes"].to_string();
    assert!(
        changes.contains("列入统计人员名册：派驻 经发办统计员"),
        "{changes}"
    );
    assert_eq!(preview["errors"], json!([]), "{preview}");

    let (status, applied) = import(app, &admin, "people", true, file.as_bytes().to_vec()).await;
    assert_eq!(status, 200, "{applied}");
    let leader = app.login(DONGHU_LEADER).await;
    let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
    let (_, roster) = app
        .call(&leader, "staff_roster", json!({"grid_id": donghu}))
        .await;
    // The village surveyor of a work area goes on its township's roster.
    assert_eq!(names(&roster), ["刘芳", "周丽", "王海"]);
    assert_eq!(roster["surveyors"], 1);
    assert_eq!(roster["staff"][0]["employment"], "seconded");
    // The city grid's person goes on the bureau's office for township statistics (004 §四(一)).
    let city = grid_id(&app.pull(&admin).await, "云江市");
    let (_, office) = app
        .call(&admin, "staff_roster", json!({"grid_id": city}))
        .await;
    assert_eq!(names(&office), ["周明远"]);

    // A second file corrects a post; sent again, it changes nothing.
    let corrected = file.replace("统计站站长,兼职", "统计站站长,专职");
    let (_, applied) = import(app, &admin, "people", true, corrected.clone().into_bytes()).await;
    assert!(
        applied["changes"]
            .to_string()
            .contains("统计人员名册改为：专职 统计站站长"),
        "{applied}"
    );
    let (_, again) = import(app, &admin, "people", false, corrected.into_bytes()).await;
    assert!(
        !again["changes"].to_string().contains("统计人员名册"),
        "{again}"
    );
    let (_, roster) = app
        .call(&leader, "staff_roster", json!({"grid_id": donghu}))
        .await;
    assert_eq!(roster["staff"][1]["employment"], "full_time");

    // The export writes the roster's columns back.
    let export = admin
        .get(app.url("/api/v1/admin/export/people.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for line in [
        "刘芳,13900000013,东湖镇,网格员,经发办统计员,派驻",
        "王海,13900000016,东湖北片,网格员,东湖村统计调查员,村（社区）统计调查员",
        "周明远,13800000001,云江市,网格指导员,乡镇统计工作管理办公室主任,专职",
    ] {
        assert!(export.contains(line), "{line} in {export}");
    }
});

db_test!(
    the_bureau_keeps_its_office_for_township_statistics_and_sees_every_units_staffing,
    |app| {
        let bureau = app.login(CITY_ADMIN).await;
        let pulled = app.pull(&bureau).await;
        let city = grid_id(&pulled, "云江市");
        let donghu = grid_id(&pulled, "东湖镇");
        // 004 §四(一): the office's staff, seconded to the townships.
        let (status, office) = add_staff(app, &bureau, city, person("黄志强", "seconded")).await;
        assert_eq!(status, 200, "{office}");
        assert_eq!(
            (office["city"].clone(), office["floor"].clone()),
            (json!(true), Value::Null)
        );
        for (name, employment) in [
            ("陈明", "seconded"),
            ("吴刚", "seconded"),
            ("王丽", "contracted"),
        ] {
            add_staff(app, &bureau, donghu, person(name, employment)).await;
        }
        let (_, office) = app
            .call(&bureau, "staff_roster", json!({"grid_id": city}))
            .await;
        assert_eq!(names(&office), ["黄志强"]);
        assert_eq!(office["may_edit"], true);
        let units = office["units"].as_array().unwrap();
        let row = units.iter().find(|u| u["unit"] == "东湖镇").unwrap();
        assert_eq!(row["office"], 3);
        assert_eq!(row["shortfall"], 2);
        assert_eq!(
            row["by_employment"],
            json!([["seconded", 2], ["contracted", 1]])
        );
        let xiling = units.iter().find(|u| u["unit"] == "西岭街道").unwrap();
        assert_eq!(
            (xiling["office"].clone(), xiling["shortfall"].clone()),
            (json!(0), json!(5))
        );

        // A township's leader neither reads nor keeps the bureau's office.
        let leader = app.login(DONGHU_LEADER).await;
        let (status, _) = app
            .call(&leader, "staff_roster", json!({"grid_id": city}))
            .await;
        assert_eq!(status, 403);
        assert_eq!(
            add_staff(app, &leader, city, person("某人", "full_time"))
                .await
                .0,
            403
        );
        // The vice-mayor who leads the city grid reads it, and keeps nothing.
        let mayor = app.login("13800000012").await;
        let (status, seen) = app
            .call(&mayor, "staff_roster", json!({"grid_id": city}))
            .await;
        assert_eq!(status, 200, "{seen}");
        assert_eq!(seen["may_edit"], false);
        assert_eq!(
            add_staff(app, &mayor, city, person("某人", "full_time"))
                .await
                .0,
            403
        );
    }
);
