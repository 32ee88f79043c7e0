//! After the sheets (issue 15): the unit closes what its inspection marked down, a look-back's
//! county board and materials, a county's archive, and contact points.
use crate::common::sheets::*;
use crate::common::*;
use serde_json::{Value, json};

db_test!(the_unit_closes_the_items_its_inspection_marked_down_and_the_board_shows_what_is_open, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    let inspector = app.login(XILING_LEADER).await;
    let unit = app.login(DONGHU_LEADER).await;
    let (_, nothing) = app.call(&unit, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(nothing, json!([]), "no inspection yet, no tasks");
    let sheet_of = mine(app, &inspector).await.remove(0);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let three = items(&sheet_of, 3);
    let inspection = json!([
        {"item": three[0].0, "points": three[0].1 - 10, "note": "台账不全", "done": true},
        {"item": three[1].0, "points": three[1].1 - 15, "note": "分析报告只有一篇", "done": true},
        {"item": three[2].0, "points": three[2].1, "done": true},
    ]);
    let (_, answer) = app.push(&inspector, json!([sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, inspection)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");

    let (code, tasks) = app.call(&unit, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(code, 200, "{tasks}");
    assert_eq!(tasks.as_array().unwrap().len(), 1, "{tasks}");
    assert_eq!(tasks[0]["unit"], "云江市东湖镇");
    let lines: Vec<&Value> = tasks[0]["tasks"].as_array().unwrap().iter().collect();
    assert_eq!(lines.len(), 2, "only the items that lost points: {tasks}");
    assert!(lines[0]["text"].as_str().unwrap().ends_with("：扣 1 分。台账不全"), "{tasks}");
    let board = |view: &Value| {
        let unit = view["units"].as_array().unwrap().iter().find(|u| u["code"] == DONGHU_TOWN).unwrap().clone();
        (view["rectification"].clone(), unit["rectification"].clone())
    };
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(board(&view), (json!("整改事项共 2 项（1 个单位），已完成 0 项，未完成 2 项。"), json!("整改 0/2 项已完成")));

    // Refused in words, nothing kept: the inspector is not the unit; an item not marked down;
    // no note; a photo never uploaded.
    let close = |item: &str, note: &str, photos: Value| json!({"entry": {
        "campaign_id": id, "code": DONGHU_TOWN, "item": item, "note": note, "photos": photos}});
    let report = three[1].0.as_str();
    for (client, entry, expected) in [
        (&inspector, close(report, "已补写", json!([])), "只有负责该单位自评的人员可以填写整改情况"),
        (&unit, close(&three[2].0, "已补写", json!([])), "这一项没有扣分，无需整改"),
        (&unit, close(report, "  ", json!([])), "请填写整改情况"),
        (&unit, close(report, "已补写", json!([uuid::Uuid::now_v7()])), "有照片没有上传成功"),
    ] {
        let (code, answer) = app.call(client, "evaluation/rectification_close", entry).await;
        assert_eq!(code, 422, "{answer}");
        assert!(answer.to_string().contains(expected), "{answer}");
    }

    let photo = uuid::Uuid::now_v7().to_string();
    assert_eq!(upload(app, &unit, &photo, jpeg(3, 2000)).await, 204);
    let (code, tasks) = app.call(&unit, "evaluation/rectification_close",
        close(report, "已补写分析报告三篇，报镇党委", json!([photo]))).await;
    assert_eq!(code, 200, "{tasks}");
    let closing = &tasks[0]["tasks"][1]["closing"];
    assert_eq!((closing["note"].as_str(), closing["by"].as_str()),
               (Some("已补写分析报告三篇，报镇党委"), Some("已整改（陈晓岚，10月20日）")), "{tasks}");
    assert_eq!(closing["photos"], json!([photo]));
    assert_eq!(tasks[0]["tasks"][0]["closing"], Value::Null);
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(board(&view), (json!("整改事项共 2 项（1 个单位），已完成 1 项，未完成 1 项。"), json!("整改 1/2 项已完成")));
    let (_, review) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(review["tasks"][1]["closing"]["note"], "已补写分析报告三篇，报镇党委");

    // The evidence: the bureau and whoever is assigned to the unit, nobody else.
    let url = app.url(&format!("/api/v1/photos/{photo}"));
    for (client, expected) in [(&admin, 200), (&inspector, 200), (&app.login(DONGHU_MEMBER).await, 403)] {
        assert_eq!(client.get(url.clone()).send().await.unwrap().status(), expected);
    }

    // Closed again without the photo: the note changes, the photo leaves the closing.
    let (_, tasks) = app.call(&unit, "evaluation/rectification_close", close(report, "已补写三篇", json!([]))).await;
    assert_eq!(tasks[0]["tasks"][1]["closing"]["note"], "已补写三篇");
    assert_eq!(tasks[0]["tasks"][1]["closing"]["photos"], json!([]));
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let closings = log.as_array().unwrap().iter().filter(|e| e["action"] == "evaluation_rectify").count();
    assert_eq!(closings, 2);
    let (_, none) = app.call(&inspector, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(none, json!([]), "an inspector has no tasks of the unit's own");

    // The bureau sends the closing back with its reason: the task is open again, the unit sees
    // why. Only the bureau may; only a closing that stands; a reason is needed.
    let back = |item: &str, reason: &str| json!({"entry": {
        "campaign_id": id, "code": DONGHU_TOWN, "item": item, "reason": reason}});
    let (code, _) = app.call(&unit, "evaluation/rectification_return", back(report, "照片看不清")).await;
    assert_eq!(code, 403);
    for (entry, expected) in [(back(report, " "), "请填写退回理由"), (back(&three[0].0, "重新整改"), "尚未整改")] {
        let (code, answer) = app.call(&admin, "evaluation/rectification_return", entry).await;
        assert_eq!(code, 422, "{answer}");
        assert!(answer.to_string().contains(expected), "{answer}");
    }
    let (code, review) = app.call(&admin, "evaluation/rectification_return", back(report, "未见补写的分析报告")).await;
    assert_eq!(code, 200, "{review}");
    let returned = review["tasks"][1]["closing"]["returned"].as_str().unwrap();
    assert!(returned.starts_with("已退回（周明远，10月20日）") && returned.ends_with("未见补写的分析报告"), "{review}");
    let (code, again) = app.call(&admin, "evaluation/rectification_return", back(report, "再次退回")).await;
    assert_eq!(code, 422, "a closing sent back is not sent back twice: {again}");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(board(&view), (json!("整改事项共 2 项（1 个单位），已完成 0 项，未完成 2 项。"), json!("整改 0/2 项已完成")));
    let (_, tasks) = app.call(&unit, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(tasks[0]["tasks"][1]["closing"]["returned"].as_str(), Some(returned));

    // Closed anew, it stands again.
    let (_, tasks) = app.call(&unit, "evaluation/rectification_close", close(report, "已补写三篇并报送", json!([]))).await;
    assert_eq!(tasks[0]["tasks"][1]["closing"]["returned"], Value::Null);
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(board(&view).1, json!("整改 1/2 项已完成"));
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let returns = log.as_array().unwrap().iter().filter(|e| e["action"] == "evaluation_rectify_return").count();
    assert_eq!(returns, 1);
});

db_test!(a_look_back_shows_each_county_its_townships_inspected_against_the_quota, at "2026-06-01T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let draft = json!({"draft": {"name": "回头看", "year": 2026, "kind": "jinzhong", "root": "990100"}});
    let (_, id) = app.call(&admin, "evaluation/campaign_create", draft).await;
    let id = id.as_i64().unwrap();
    let counties = |view: &Value| -> Vec<(String, String, String)> {
        (view["counties"].as_array().unwrap().iter())
            .map(|c| (c["county"].as_str().unwrap().into(), c["quota"].as_str().unwrap().into(), c["timing"].as_str().unwrap().into()))
            .collect()
    };
    let line = |county: &str, quota: &str| (county.to_string(), quota.to_string(), "进行中".to_string());
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(counties(&view), [line("青山县", "已检查 0 个，不少于 2 个"), line("云江市", "已检查 0 个，不少于 2 个")]);

    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    let inspector = app.login(XILING_LEADER).await;
    let sheet_of = mine(app, &inspector).await.remove(0);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let one = items(&sheet_of, 1);
    let mut record = sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, json!([{"item": one[0].0, "points": one[0].1}]));
    record["payload"]["scored_on"] = json!("2026-06-01");
    let (_, answer) = app.push(&inspector, json!([record])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(counties(&view), [line("青山县", "已检查 0 个，不少于 2 个"), line("云江市", "已检查 1 个，不少于 2 个")]);
    // A Hunan campaign has no county stage, and so no board.
    let hunan = campaign(app, &admin).await;
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": hunan})).await;
    assert_eq!(view["counties"], json!([]));
});

db_test!(a_unit_sends_its_questionnaire_and_summary_report_and_the_bureau_sees_when, at "2026-06-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let draft = json!({"draft": {"name": "回头看", "year": 2026, "kind": "jinzhong", "root": "990100"}});
    let (_, id) = app.call(&admin, "evaluation/campaign_create", draft).await;
    let id = id.as_i64().unwrap();
    assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    let unit = app.login(DONGHU_LEADER).await;
    let (code, mine) = app.call(&unit, "evaluation/materials_mine", json!({})).await;
    assert_eq!(code, 200, "{mine}");
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!((mine[0]["unit"].as_str(), mine[0]["due"].as_str()), (Some("云江市东湖镇"), Some("材料报送截止：7月1日")));
    assert_eq!(mine[0]["questionnaire_sent"], Value::Null);
    let questions = mine[0]["questions"].as_array().unwrap().clone();
    assert_eq!(questions.len(), 6);

    let send = |body: Value| json!({"entry": {"campaign_id": id, "code": DONGHU_TOWN, "body": body}});
    // Half answered, one choice not offered: every reason, nothing kept.
    let (code, answer) = app.call(&unit, "evaluation/materials_send",
        send(json!({"kind": "questionnaire", "answers": [["body", "也许"], ["staff", 3]]}))).await;
    assert_eq!(code, 422, "{answer}");
    let text = answer.to_string();
    assert!(text.contains("“是否设立独立的统计机构”请从给出的选项中选择") && text.contains("“规范化建设中遇到的主要困难”尚未回答"), "{answer}");
    let answers = json!([["body", "是"], ["staff", 3], ["budget", "是"], ["network", "基本满足"], ["trainings", 4], ["difficulties", "人员流动大"]]);
    let (code, mine) = app.call(&unit, "evaluation/materials_send", send(json!({"kind": "questionnaire", "answers": answers}))).await;
    assert_eq!(code, 200, "{mine}");
    assert_eq!(mine[0]["questionnaire_sent"], "已提交（陈晓岚，6月20日，按时完成）");
    assert_eq!(mine[0]["answers"], answers);

    let report = |problems: &str| json!({"experience": "建立了统计台账", "problems": problems,
                                        "suggestions": "加强培训", "next_steps": "完善制度"});
    let (code, answer) = app.call(&unit, "evaluation/materials_send", send(json!({"kind": "summary_report", "report": report(" ")}))).await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("请填写存在问题"), "{answer}");
    let photo = uuid::Uuid::now_v7().to_string();
    assert_eq!(upload(app, &unit, &photo, jpeg(5, 2000)).await, 204);
    let (code, mine) = app.call(&unit, "evaluation/materials_send",
        send(json!({"kind": "summary_report", "report": report("人员不足"), "photos": [photo]}))).await;
    assert_eq!(code, 200, "{mine}");
    assert_eq!(mine[0]["report"]["problems"], "人员不足");
    assert_eq!(mine[0]["report_photos"], json!([photo]));

    // The bureau: each unit's materials on the campaign page, the unit's in its review.
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    let materials = |code: &str| (view["units"].as_array().unwrap().iter())
        .find(|u| u["code"] == code).unwrap()["materials"].clone();
    assert_eq!(materials(DONGHU_TOWN), json!(["调查问卷：已提交（陈晓岚，6月20日，按时完成）", "总结报告：已提交（陈晓岚，6月20日，按时完成）"]));
    assert_eq!(materials("990181001"), json!(["调查问卷：未提交", "总结报告：未提交"]));
    let (_, review) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(review["materials"]["report"]["experience"], "建立了统计台账");
    let url = app.url(&format!("/api/v1/photos/{photo}"));
    for (client, expected) in [(&admin, 200), (&app.login(DONGHU_MEMBER).await, 403)] {
        assert_eq!(client.get(url.clone()).send().await.unwrap().status(), expected);
    }

    // Only the unit's own people send; a Hunan campaign asks for nothing.
    let inspector = app.login(XILING_LEADER).await;
    let (code, answer) = app.call(&inspector, "evaluation/materials_send", send(json!({"kind": "questionnaire", "answers": answers}))).await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("只有负责该单位自评的人员可以报送材料"), "{answer}");
    let hunan = campaign(app, &admin).await;
    assign(app, &admin, hunan, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    let (_, mine) = app.call(&unit, "evaluation/materials_mine", json!({})).await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "the Hunan campaign asks for no materials");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": hunan})).await;
    assert_eq!(view["units"][0]["materials"], json!([]));
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let sent = log.as_array().unwrap().iter().filter(|e| e["action"] == "evaluation_material").count();
    assert_eq!(sent, 2);
});

db_test!(a_countys_archive_binds_its_units_sheets_with_their_photos_and_a_summary, at "2026-10-20T09:00:00+08:00", |app| {
    use calamine::{Reader, Xlsx};
    use std::io::Read;
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(view["archives"], json!([["990121", "青山县"], ["990181", "云江市"]]));
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    let inspector = app.login(XILING_LEADER).await;
    let sheet_of = mine(app, &inspector).await.remove(0);
    let two = items(&sheet_of, 2);
    let photo = uuid::Uuid::now_v7().to_string();
    let bytes = jpeg(7, 3000);
    assert_eq!(upload(app, &inspector, &photo, bytes.clone()).await, 204);
    let marks = json!([
        {"item": two[0].0, "points": two[0].1, "done": true},
        {"item": two[1].0, "points": two[1].1 - 10, "note": "台账不全", "done": true, "photos": [photo]},
    ]);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let (_, answer) = app.push(&inspector, json!([sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, marks)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");

    let url = |county: &str| app.url(&format!("{}?id={id}&county={county}", app::evaluation::api::ARCHIVE_PATH));
    let response = admin.get(url("990181")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let zipped = response.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
    let mut html = String::new();
    zip.by_name("index.html").unwrap().read_to_string(&mut html).unwrap();
    // A section per unit of 云江市 in division order, the mark's note and its photo beside it.
    let west = html.find("<h2>云江市西岭街道</h2>").expect("西岭街道's section");
    let east = html.find("<h2>云江市东湖镇</h2>").expect("东湖镇's section");
    assert!(west < east && !html.contains("青山县青山镇"));
    assert!(html.contains("台账不全") && html.contains(&format!("src=\"photos/{photo}.jpg\"")), "{html}");
    let mut kept = Vec::new();
    zip.by_name(&format!("photos/{photo}.jpg")).unwrap().read_to_end(&mut kept).unwrap();
    assert_eq!(kept, bytes);
    let mut sheet_bytes = Vec::new();
    zip.by_name("units.xlsx").unwrap().read_to_end(&mut sheet_bytes).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(sheet_bytes)).unwrap();
    let range = book.worksheet_range("单位汇总").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(ToString::to_string).collect()).collect();
    assert_eq!(rows[1][..3], ["单位", "区划代码", "类别"]);
    let units: Vec<&str> = rows[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(units, ["云江市西岭街道", "云江市东湖镇"]);
    assert!(rows[3][3].starts_with("检查评分"), "{rows:?}");

    // A city is not a county; a county the campaign does not cover has no units; only the bureau.
    for (county, expected) in [("990100", "请选择一个县（市、区）的区划代码"), ("990221", "没有评价单位")] {
        let response = admin.get(url(county)).send().await.unwrap();
        assert_eq!(response.status(), 422);
        assert!(response.text().await.unwrap().contains(expected));
    }
    assert_eq!(inspector.get(url("990181")).send().await.unwrap().status(), 403);
});

db_test!(
    a_contact_point_answers_for_the_townships_it_links_and_shows_how_many_it_should,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let id = campaign(app, &admin).await;
        let link = |code: &str, role: &str, linker: &str| {
            json!({"id": id, "entry": {
        "code": code, "phone": XILING_LEADER, "role": role, "linker": linker}})
        };
        let (code, view) = app
            .call(
                &admin,
                "evaluation/campaign_assign",
                link(DONGHU_TOWN, "inspection", "bureau_leader"),
            )
            .await;
        assert_eq!(code, 200, "{view}");
        assert_eq!(view["assignments"][0]["linker"], "bureau_leader");
        let point = |view: &Value| {
            let p = &view["contact_points"][0];
            (
                p["person"].clone(),
                p["linker"].clone(),
                p["units"].clone(),
                p["links"].clone(),
                p["met"].clone(),
            )
        };
        let person = format!("郑雅 {XILING_LEADER}");
        assert_eq!(
            point(&view),
            (
                json!(person),
                json!("局领导"),
                json!("云江市东湖镇"),
                json!("联点 1 个，应联点 2 个"),
                json!(false)
            )
        );
        let (_, view) = app
            .call(
                &admin,
                "evaluation/campaign_assign",
                link("990181001", "inspection", "bureau_leader"),
            )
            .await;
        assert_eq!(
            point(&view),
            (
                json!(person),
                json!("局领导"),
                json!("云江市西岭街道、云江市东湖镇"),
                json!("联点 2 个"),
                json!(true)
            )
        );
        // Linking is for inspections: a self-assessment is the unit's own.
        let (code, answer) = app
            .call(
                &admin,
                "evaluation/campaign_assign",
                link("990121100", "self_assessment", "division"),
            )
            .await;
        assert_eq!(code, 422);
        assert!(
            answer.to_string().contains("联点和包县区只用于检查评分"),
            "{answer}"
        );
    }
);

db_test!(the_city_spot_checks_a_sampled_township_on_a_sheet_of_its_own_which_decides_its_tasks, at "2026-10-20T09:00:00+08:00", |app| {
    // The demo's inspectors outside the grid: 青山县's (县级检查) and 云州市's (市级抽查).
    const COUNTY_INSPECTOR: &str = "13800000015";
    const CITY_INSPECTOR: &str = "13800000016";
    let admin = app.login(CITY_ADMIN).await;
    let draft = json!({"draft": {"name": "回头看", "year": 2026, "kind": "jinzhong", "root": "990100"}});
    let (_, id) = app.call(&admin, "evaluation/campaign_create", draft).await;
    let id = id.as_i64().unwrap();
    // Refused in words: before the sample is drawn, and in a campaign with no city stage.
    let (code, answer) = assign(app, &admin, id, DONGHU_TOWN, CITY_INSPECTOR, "city_inspection").await;
    assert_eq!(code, 422, "{answer}");
    assert!(answer.to_string().contains("该单位未被抽中"), "{answer}");
    let hunan = campaign(app, &admin).await;
    let (code, answer) = assign(app, &admin, hunan, DONGHU_TOWN, CITY_INSPECTOR, "city_inspection").await;
    assert_eq!(code, 422, "{answer}");
    assert!(answer.to_string().contains("没有市级检查阶段"), "{answer}");

    let (code, drawn) = app.call(&admin, "evaluation/campaign_draw", json!({"id": id})).await;
    assert_eq!(code, 200, "{drawn}");
    for (phone, role) in [(COUNTY_INSPECTOR, "inspection"), (CITY_INSPECTOR, "city_inspection")] {
        let (code, answer) = assign(app, &admin, id, DONGHU_TOWN, phone, role).await;
        assert_eq!(code, 200, "{answer}");
    }
    let county = app.login(COUNTY_INSPECTOR).await;
    let city = app.login(CITY_INSPECTOR).await;
    let county_sheet = mine(app, &county).await.remove(0);
    let city_sheet = mine(app, &city).await.remove(0);
    assert_eq!((county_sheet["role"].as_str(), city_sheet["role"].as_str()), (Some("inspection"), Some("city_inspection")));
    let unit_id = county_sheet["unit_id"].as_i64().unwrap();
    let two = items(&county_sheet, 2);
    // The county marks the first item down, the city the second.
    let county_marks = json!([
        {"item": two[0].0, "points": two[0].1 - 10, "note": "台账不全", "done": true},
        {"item": two[1].0, "points": two[1].1, "done": true},
    ]);
    let city_marks = json!([
        {"item": two[0].0, "points": two[0].1, "done": true},
        {"item": two[1].0, "points": two[1].1 - 20, "note": "分析报告未上报", "done": true},
    ]);
    let (_, answer) = app.push(&county, json!([sheet(&sheet_id(id, unit_id, 0), 1, &county_sheet, county_marks)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    // The city's version 1 is a sheet of its own: no conflict with the county's.
    let (_, answer) = app.push(&city, json!([sheet(&sheet_id(id, unit_id, 2), 1, &city_sheet, city_marks.clone())])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    // Nor may the city write onto the county's sheet.
    let (_, answer) = app.push(&city, json!([sheet(&sheet_id(id, unit_id, 0), 2, &county_sheet, city_marks)])).await;
    assert_ne!(status(&answer).0, "accepted", "{answer}");

    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    let lines = unit_sheets(&view, DONGHU_TOWN);
    let lines: Vec<&str> = lines.as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("检查评分")) && lines.iter().any(|l| l.starts_with("市级抽查")), "{lines:?}");
    // The county board counts the county's inspection only.
    let board = (view["counties"].as_array().unwrap().iter()).find(|c| c["county"] == "云江市").unwrap();
    assert_eq!(board["quota"], "已检查 1 个，不少于 2 个");

    // The review sets the city's check beside the self-assessment, and its items are the tasks.
    let (_, review) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(review["inspection"], "市级抽查");
    let totals: Vec<&str> = review["totals"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(totals.len(), 2, "{totals:?}");
    assert!(totals[0].starts_with("检查评分") && totals[1].starts_with("市级抽查"), "{totals:?}");
    let tasks: Vec<&str> = review["tasks"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert!(tasks[0].ends_with("：扣 2 分。分析报告未上报"), "{tasks:?}");
});
