//! The year of work `make run` gives the demo city (`server::demo::history`): a newcomer sees
//! visits, meetings, plans and reports in every state, not rows of 0% and 逾期; written once.
use crate::common::reports::row;
use crate::common::*;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use time::macros::date;

async fn call(app: &TestApp, who: &reqwest::Client, endpoint: &str, query: Value) -> Value {
    let (status, answer) = app.call(who, endpoint, query).await;
    assert_eq!(status, 200, "{answer}");
    answer
}

db_test!(
    the_demo_city_has_a_year_of_work_in_every_state,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let today = date!(2026 - 12 - 10);
        server::demo::history::seed(&app.db, today).await.unwrap();
        let visits = app::db::visit::Entity::find().count(&app.db).await.unwrap();
        assert!(visits > 400, "{visits} visits");
        // Written once: a restart leaves it as it is.
        server::demo::history::seed(&app.db, today).await.unwrap();
        let again = app::db::visit::Entity::find().count(&app.db).await.unwrap();
        assert_eq!(again, visits);

        let leader = app.login(DONGHU_LEADER).await;
        // 东湖镇's year is assessed and confirmed: 李娜, who took part in her grid's activities,
        // qualifies and has her star; 西岭街道's is still to be scored.
        let city = call(app, &app.login(CITY_ADMIN).await, "assessment_city", json!({"year": 2026})).await;
        let stage = |unit: &str| {
            let units = city["units"].as_array().unwrap();
            units.iter().find(|u| u["unit"] == unit).unwrap()["stage"].clone()
        };
        assert_eq!(stage("东湖镇"), "confirmed", "{city}");
        assert_eq!(stage("西岭街道"), "draft", "{city}");
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let view = call(app, &leader, "assessment_load", json!({"unit": donghu, "year": 2026})).await;
        let lina = (view["sheets"].as_array().unwrap().iter())
            .find(|s| s["name"] == "李娜")
            .unwrap();
        assert!(lina["figures"][2]["count"].as_u64().unwrap() >= 3, "activities: {lina}");
        assert_eq!(lina["outcome"]["stars"], 1, "{view}");
        // November: the township met, its grids were visited, their plans of the year were
        // filed on time, and half of them held this quarter's activity already.
        let november = call(
            app,
            &leader,
            "township_overview",
            json!({"query": {"scope": null, "month": "2026-11"}}),
        )
        .await;
        assert_eq!(november["meetings"]["status"]["status"], "on_time", "{november}");
        let grids = november["grids"].as_array().unwrap();
        assert!(grids.iter().all(|g| g["plan_status"]["status"] == "on_time"));
        let held: Vec<&Value> = grids.iter().map(|g| &g["activity_status"]["status"]).collect();
        assert!(held.contains(&&json!("on_time")), "{held:?}");
        assert!(held.contains(&&json!("not_yet_due")), "{held:?}");
        let coverage = &november["coverage"];
        assert!(coverage["not_visited_total"].as_u64().unwrap() > 0, "{coverage}");
        let done: u64 = coverage["grids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["counts"]["done_on_time"].as_u64().unwrap())
            .sum();
        assert!(done > 30, "{coverage}");
        // September's meeting was missed.
        let september = call(
            app,
            &leader,
            "township_overview",
            json!({"query": {"scope": null, "month": "2026-09"}}),
        )
        .await;
        assert_eq!(september["meetings"]["status"]["status"], "overdue");
        // Its statistics staff: three of the five the document asks for.
        let township = november["scope_id"].clone();
        let roster = call(app, &leader, "staff_roster", json!({"grid_id": township})).await;
        assert_eq!(roster["office"], 3, "{roster}");
        assert_eq!(roster["shortfall"], 2);
        // And two village surveyors, each with 1,200 yuan a year.
        assert_eq!(roster["surveyors"], 2);
        assert_eq!(roster["subsidy_total_fen"], 240_000);
        // Its preparation stage: staff registered in March, its rules issued in April, late;
        // its grids not drawn while two of them have no leader. April's work done, its
        // standardization plan late, in May.
        let stage = call(app, &leader, "preparation", json!({"grid_id": township, "year": 2026})).await;
        let verdicts: Vec<&str> = (stage["milestones"].as_array().unwrap().iter())
            .map(|m| m["status"]["status"].as_str().unwrap())
            .collect();
        assert_eq!(
            verdicts,
            ["overdue", "on_time", "late", "on_time", "on_time", "late"],
            "{stage}"
        );
        // Its training plan, and the 联审辅导 its 经发办 held for the grids below.
        let plan = call(
            app,
            &leader,
            "training_plan",
            json!({"grid_id": township, "year": 2026}),
        )
        .await;
        assert_eq!(plan["duty"][0]["status"], "on_time", "{plan}");
        assert_eq!(plan["subjects"][0]["planned"], 2);
        assert_eq!(plan["joint_reviews"], 1);
        // The bureau's office for township statistics, and every unit's staffing beside it.
        let bureau = app.login(CITY_ADMIN).await;
        let city = grid_id(&app.pull(&bureau).await, "云江市");
        let office = call(app, &bureau, "staff_roster", json!({"grid_id": city})).await;
        assert_eq!(office["staff"].as_array().unwrap().len(), 2, "{office}");
        let units = office["units"].as_array().unwrap();
        assert!(units.iter().any(|u| u["unit"] == "西岭街道" && u["shortfall"].is_null()), "{office}");
        // Its data-quality checks, made on the year's visits.
        let checks = call(app, &leader, "data_quality", json!({"grid_id": township})).await;
        assert!(checks["checks"].as_u64().unwrap() > 10, "{checks}");
        assert!(checks["above_scale_checked"].as_u64().unwrap() > 0, "{checks}");
        // Its 统计之家, where most of the year's activities were held.
        let homes = call(app, &leader, "stats_homes", json!({"grid_id": township})).await;
        assert_eq!(homes["homes"][0]["name"], "东湖镇统计之家", "{homes}");
        let there = homes["homes"][0]["activities"].as_u64().unwrap();
        let elsewhere = homes["held_elsewhere"].as_u64().unwrap();
        assert!(there > elsewhere && elsewhere > 0, "{homes}");
        // Its grid's member and deputy keep two of the grid's 四上 enterprises' statistics.
        let members = call(app, &leader, "membership_check", json!({"scope": township})).await;
        assert_eq!(members["checked"], 2, "{members}");
        assert_eq!(members["fitting"], 2, "{members}");

        // November's reports: one returned, one waiting, one never sent, the rest approved.
        let board = call(
            app,
            &leader,
            "report_board",
            json!({"scope": null, "month": "2026-11"}),
        )
        .await;
        assert_eq!(row(&board, "东湖工业一网格")["report"]["status"], "returned");
        assert_eq!(row(&board, "东湖工业二网格")["report"]["status"], "submitted");
        assert!(row(&board, "东湖贸易网格")["report"].is_null());
        assert_eq!(row(&board, "东湖贸易网格")["duty"]["status"], "overdue");
        assert_eq!(row(&board, "东湖北片")["report"]["status"], "approved");

        // 西岭's industrial grid was excused from September's report, with the reason kept.
        let xiling = app.login(XILING_LEADER).await;
        let board = call(
            app,
            &xiling,
            "report_board",
            json!({"scope": null, "month": "2026-09"}),
        )
        .await;
        let waived = &row(&board, "西岭工业网格")["duty"];
        assert_eq!(waived["status"], "waived", "{waived}");
        assert!(waived["reason"].as_str().unwrap().contains("集中搬迁"));

        // A member of 东湖镇 has the bureau's and the township's notices, unread, and a course.
        let member = app.login(DONGHU_MEMBER).await;
        let notices: Vec<Value> = (member.get(app.url("/api/v1/notices")).send().await.unwrap())
            .json()
            .await
            .unwrap();
        let units: Vec<&str> = notices.iter().map(|n| n["unit"].as_str().unwrap()).collect();
        assert_eq!(units, ["东湖镇", "市统计局"]);
        assert!(notices.iter().all(|n| n["read"] == false));
        let courses: Vec<Value> = (member.get(app.url("/api/v1/courses")).send().await.unwrap())
            .json()
            .await
            .unwrap();
        assert_eq!(courses.len(), 1);

        // A finished 联点评价 over the fictional province: six townships inspected and totalled,
        // the notice by city in division order, 东湖镇's self-assessment begun.
        let bureau = app.login(CITY_ADMIN).await;
        let campaigns = call(app, &bureau, "evaluation/campaigns", json!({})).await;
        let named = |part: &str| {
            (campaigns.as_array().unwrap().iter())
                .find(|c| c["name"].as_str().unwrap().contains(part))
                .unwrap_or_else(|| panic!("{part}: {campaigns}"))
                .clone()
        };
        let contact = named("联点评价");
        let id = contact["id"].clone();
        assert_eq!(contact["units"], 7, "{campaigns}");
        let notice = call(app, &bureau, "evaluation/campaign_notice", json!({"id": id})).await;
        assert_eq!(notice["unscored"], 1, "{notice}");
        let results = &notice["notice"];
        assert!(results["opening"].as_str().unwrap().starts_with("共评价6个单位"), "{results}");
        let lists: Vec<(&str, usize)> = (results["sections"].as_array().unwrap().iter())
            .flat_map(|s| s["cities"].as_array().unwrap().iter())
            .map(|c| (c["city"].as_str().unwrap(), c["units"].as_array().unwrap().len()))
            .collect();
        assert_eq!(lists, [("云州市", 3), ("海州州", 2), ("海州州", 1)]);
        let view = call(app, &bureau, "evaluation/campaign", json!({"id": id})).await;
        let donghu = (view["units"].as_array().unwrap().iter())
            .find(|u| u["name"] == "云江市东湖镇")
            .unwrap();
        assert_eq!(donghu["total"], Value::Null);
        assert!(donghu["sheets"][0].as_str().unwrap().starts_with("自评"), "{donghu}");
        let leader = app.login(DONGHU_LEADER).await;
        let sheets: Vec<Value> = (leader.get(app.url("/api/v1/evaluation/mine")).send().await.unwrap())
            .json()
            .await
            .unwrap();
        assert_eq!(sheets[0]["role"], "self_assessment");
        // 周明远 links two townships as a bureau leader, as 000 gives.
        assert_eq!(view["contact_points"][0]["links"], "联点 2 个", "{view}");
        // 西岭街道 has closed one of the items its inspection marked down.
        let street = (view["units"].as_array().unwrap().iter())
            .find(|u| u["name"] == "云江市西岭街道")
            .unwrap();
        let progress = street["rectification"].as_str().unwrap();
        assert!(progress.starts_with("整改 1/"), "{street}");
        assert!(view["rectification"].as_str().unwrap().contains("已完成 1 项"), "{view}");
        let xiling_leader = app.login(XILING_LEADER).await;
        let tasks = call(app, &xiling_leader, "evaluation/rectification_mine", json!({})).await;
        assert_eq!(tasks[0]["unit"], "云江市西岭街道");
        assert!(tasks[0]["tasks"][0]["closing"]["by"].as_str().unwrap().starts_with("已整改（郑雅"), "{tasks}");
        assert_eq!(tasks[0]["tasks"][1]["closing"], Value::Null);

        // The look-back under way over 云州市: an inspector for each level. 马骏 (青山县) has
        // scored 青山镇 and has 白石乡 to do; 罗青 (云州市) spot-checked 青山镇 on her own sheet,
        // which decides its review.
        let id = named("回头看")["id"].clone();
        for (phone, role) in [("13800000015", "inspection"), ("13800000016", "city_inspection")] {
            let inspector = app.login(phone).await;
            let sheets: Vec<Value> = (inspector.get(app.url("/api/v1/evaluation/mine")).send().await.unwrap())
                .json()
                .await
                .unwrap();
            let units: Vec<(&str, &str)> = (sheets.iter())
                .map(|s| (s["unit"].as_str().unwrap(), s["role"].as_str().unwrap()))
                .collect();
            assert_eq!(units, [("青山县青山镇", role), ("青山县白石乡", role)], "{phone}");
        }
        let review = call(app, &bureau, "evaluation/campaign_unit", json!({"id": id, "code": "990121100"})).await;
        assert_eq!(review["inspection"], "市级抽查", "{review}");
        assert_eq!(review["totals"].as_array().unwrap().len(), 2, "{review}");
        let view = call(app, &bureau, "evaluation/campaign", json!({"id": id})).await;
        let board = (view["counties"].as_array().unwrap().iter()).find(|c| c["county"] == "青山县").unwrap();
        assert_eq!(board["quota"], "已检查 1 个，不少于 2 个", "{view}");
    }
);
