//! 年度考核 (001 §三(四)5, §四(三); 003 §三(四)4): a township assesses its grid members from
//! the year's records and its own points, submits, and the city bureau confirms, returns or
//! unlocks; the results then stand as submitted. Only the unit's leader and 分管领导 score it,
//! only the bureau decides, and a year keeps the scheme it started with.
use crate::common::*;
use serde_json::{Value, json};

async fn load(app: &TestApp, who: &reqwest::Client, unit: i64) -> (u16, Value) {
    app.call(who, "assessment_load", json!({"unit": unit, "year": 2026}))
        .await
}

async fn mark(
    app: &TestApp,
    who: &reqwest::Client,
    unit: i64,
    subject: i64,
    manual: &str,
) -> (u16, Value) {
    let mark = json!({"subject_id": subject, "manual": manual, "remark": "走访扎实", "chosen": ""});
    app.call(
        who,
        "assessment_mark",
        json!({"unit": unit, "year": 2026, "mark": mark}),
    )
    .await
}

async fn decide(app: &TestApp, who: &reqwest::Client, unit: i64, decision: Value) -> (u16, Value) {
    let body = json!({"unit": unit, "year": 2026, "decision": decision});
    app.call(who, "assessment_decide", body).await
}

fn sheet<'v>(view: &'v Value, name: &str) -> &'v Value {
    let sheets = view["sheets"].as_array().unwrap();
    sheets
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {view}"))
}

async fn my_years(app: &TestApp, who: &reqwest::Client) -> Vec<Value> {
    let response = who
        .get(app.url(app::assessment::api::MINE_PATH))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The payment list of 2026 as text, row by row.
async fn payment_rows(app: &TestApp, bureau: &reqwest::Client) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let url = format!("{}?year=2026", app::assessment::api::PAYMENTS_PATH);
    let response = bureau.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("奖励发放名单").unwrap();
    range
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect()
}

async fn audit_actions(app: &TestApp, admin: &reqwest::Client) -> Vec<String> {
    let (_, log) = app.admin_call(admin, "audit", json!({})).await;
    (log.as_array().unwrap().iter())
        .filter_map(|e| e["action"].as_str())
        .filter(|a| a.starts_with("assessment"))
        .map(str::to_owned)
        .collect()
}

db_test!(
    a_township_assesses_its_members_and_the_city_confirms_returns_and_unlocks,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let member = app.login(DONGHU_MEMBER).await;
        let bureau = app.login(CITY_ADMIN).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        for day in ["2026-03-02", "2026-06-15", "2026-09-09"] {
            let (status, _) = app
                .push(&member, json!([visit(&new_id(), enterprise, day, "产值核对")]))
                .await;
            assert_eq!(status, 200);
        }

        // The township's sheet of 李娜, filled from her year: three visits of the 12 aimed at.
        let (status, view) = load(app, &leader, donghu).await;
        assert_eq!(status, 200, "{view}");
        assert_eq!(view["stage"], "draft");
        assert_eq!(view["may_mark"], true);
        assert_eq!(view["scheme"]["indicators"][0]["measure"], "visits");
        let lina = sheet(&view, "李娜");
        assert_eq!(lina["grids"], "东湖工业一网格");
        assert_eq!(lina["figures"][0]["count"], 3);
        assert_eq!(lina["scored"]["earned"][0], 25, "10 points × 3/12, in tenths");
        // Her grid's enterprises visited, by anyone: one of its enterprises so far.
        assert_eq!(lina["figures"][1]["count"], 1);
        // By 20 December 3 of 12 visits is behind; the 24 hours of training too.
        assert_eq!(lina["behind"][0], "visits");
        assert!(lina["behind"].as_array().unwrap().contains(&json!("education_hours")), "{lina}");
        let subject = lina["subject_id"].as_i64().unwrap();

        // Points beyond the scheme's are refused in words, and the last ones stay.
        let (status, marked) = mark(app, &leader, donghu, subject, "12.5").await;
        assert_eq!(status, 200, "{marked}");
        assert_eq!(sheet(&marked, "李娜")["scored"]["manual"], 125);
        assert_eq!(sheet(&marked, "李娜")["remark"], "走访扎实");
        let (status, refused) = mark(app, &leader, donghu, subject, "21").await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("评定分最多 20 分"), "{refused}");
        let (_, again) = load(app, &leader, donghu).await;
        assert_eq!(sheet(&again, "李娜")["scored"]["manual"], 125);

        // 李娜 follows her figures on the phone, without the township's points before the city
        // confirms them.
        let mine = my_years(app, &member).await;
        assert_eq!(mine[0]["year"], 2026);
        assert_eq!(mine[0]["unit"], "东湖镇");
        let own = &mine[0]["own"][0];
        assert_eq!(own["figures"][0]["count"], 3);
        assert_eq!(own["scored"]["manual"], 0);
        assert_eq!(own["remark"], "");

        // Nobody else scores 东湖镇's members; other townships do not even read them.
        let xiling = app.login(XILING_LEADER).await;
        assert_eq!(load(app, &xiling, donghu).await.0, 403);
        assert_eq!(load(app, &member, donghu).await.0, 403);
        assert_eq!(mark(app, &bureau, donghu, subject, "15").await.0, 403);
        assert_eq!(decide(app, &leader, donghu, json!({"decision": "confirm"})).await.0, 403);

        // Below the 80% floor (李娜 alone, unqualified), no stars are given, and it says why.
        assert!(
            view["no_stars"].as_str().unwrap().contains("低于 80% 的下限"),
            "{view}"
        );

        // The bureau cannot confirm what was not submitted; once it is, the sheet is locked.
        let (status, early) = decide(app, &bureau, donghu, json!({"decision": "confirm"})).await;
        assert_eq!(status, 422);
        assert!(early.to_string().contains("尚未上报"), "{early}");
        let (status, submitted) = app
            .call(&leader, "assessment_submit", json!({"unit": donghu, "year": 2026}))
            .await;
        assert_eq!(status, 200, "{submitted}");
        assert_eq!(submitted["stage"], "submitted");
        assert_eq!(submitted["may_mark"], false);
        let (status, locked) = mark(app, &leader, donghu, subject, "15").await;
        assert_eq!(status, 422);
        assert!(locked.to_string().contains("不能再修改"), "{locked}");

        // A visit after submission does not change what the city confirms.
        app.push(&member, json!([visit(&new_id(), enterprise, "2026-12-18", "年末核对")]))
            .await;
        let (_, city) = app.call(&bureau, "assessment_city", json!({"year": 2026})).await;
        let line = (city["units"].as_array().unwrap().iter())
            .find(|u| u["unit"] == "东湖镇")
            .unwrap();
        assert_eq!(line["stage"], "submitted");
        assert_eq!(line["assessed"], 1);
        assert_eq!(line["qualified"], 0);
        let (_, seen) = load(app, &bureau, donghu).await;
        assert_eq!(sheet(&seen, "李娜")["figures"][0]["count"], 3);
        assert_eq!(seen["may_decide"], true);

        // Returned with a reason, the township scores again, from today's records.
        let (status, bare) = decide(app, &bureau, donghu, json!({"decision": "return", "reason": " "})).await;
        assert_eq!(status, 422);
        assert!(bare.to_string().contains("请填写原因"), "{bare}");
        let back = json!({"decision": "return", "reason": "请补充李娜12月走访"});
        let (status, returned) = decide(app, &bureau, donghu, back).await;
        assert_eq!(status, 200, "{returned}");
        assert_eq!(returned["stage"], "returned");
        assert_eq!(returned["note"], "请补充李娜12月走访");
        let (_, reopened) = load(app, &leader, donghu).await;
        assert_eq!(reopened["may_mark"], true);
        assert_eq!(sheet(&reopened, "李娜")["figures"][0]["count"], 4);
        assert_eq!(sheet(&reopened, "李娜")["scored"]["manual"], 125);
        let (status, _) = app
            .call(&leader, "assessment_submit", json!({"unit": donghu, "year": 2026}))
            .await;
        assert_eq!(status, 200);
        let (status, confirmed) = decide(app, &bureau, donghu, json!({"decision": "confirm"})).await;
        assert_eq!(status, 200, "{confirmed}");
        assert_eq!(confirmed["stage"], "confirmed");

        // A confirmed year opens again only with a reason, and every step is in the audit log.
        let (status, _) = decide(app, &bureau, donghu, json!({"decision": "unlock", "reason": ""})).await;
        assert_eq!(status, 422);
        let unlock = json!({"decision": "unlock", "reason": "财政局复核名单"});
        let (status, unlocked) = decide(app, &bureau, donghu, unlock).await;
        assert_eq!(status, 200, "{unlocked}");
        assert_eq!(unlocked["stage"], "returned");
        assert_eq!(
            audit_actions(app, &bureau).await,
            [
                "assessment_unlock",
                "assessment_confirm",
                "assessment_submit",
                "assessment_return",
                "assessment_submit",
                "assessment_mark",
            ]
        );
        // The unlock keeps the confirmed sheets: the next submission replaces them.
        let (_, log) = app.admin_call(&bureau, "audit", json!({})).await;
        let unlocked = (log.as_array().unwrap().iter())
            .find(|e| e["action"] == "assessment_unlock")
            .unwrap();
        let kept: Value = serde_json::from_str(unlocked["before"].as_str().unwrap()).unwrap();
        assert_eq!(kept["sheets"][0]["name"], "李娜");
        assert_eq!(kept["sheets"][0]["figures"][0]["count"], 4);
    }
);

db_test!(
    stars_follow_the_citys_scheme_and_a_started_year_keeps_its_own,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let bureau = app.login(CITY_ADMIN).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");

        // A scheme that does not add up is refused with its reasons.
        let mut scheme = serde_json::to_value(app::domain::assessment::Scheme::yuhuan()).unwrap();
        scheme["manual_points"] = json!(40);
        let (status, refused) = app
            .call(&bureau, "assessment_scheme_save", json!({"year": 2026, "scheme": scheme}))
            .await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("合计应为 100 分，现为 120 分"), "{refused}");
        let (status, _) = app
            .call(&leader, "assessment_scheme_save", json!({"year": 2026, "scheme": scheme}))
            .await;
        assert_eq!(status, 403);

        // The bureau's scheme: all points the township's own.
        scheme["indicators"] = json!([]);
        scheme["manual_points"] = json!(100);
        let (status, city) = app
            .call(&bureau, "assessment_scheme_save", json!({"year": 2026, "scheme": scheme}))
            .await;
        assert_eq!(status, 200, "{city}");
        assert_eq!(city["scheme"]["manual_points"], 100);
        let (_, view) = load(app, &leader, donghu).await;
        let subject = sheet(&view, "李娜")["subject_id"].as_i64().unwrap();
        let (status, marked) = mark(app, &leader, donghu, subject, "82").await;
        assert_eq!(status, 200, "{marked}");
        // One qualified of one: the seat goes to the largest share, one star at 1000 yuan.
        let lina = sheet(&marked, "李娜");
        assert_eq!(lina["outcome"], json!({"grade": "qualified", "stars": 1, "reward_yuan": 1000}));
        assert_eq!(marked["no_stars"], Value::Null);

        // Confirmed, 李娜 is on the finance bureau's list; 西岭街道, not yet confirmed, is named.
        let (status, _) = app
            .call(&leader, "assessment_submit", json!({"unit": donghu, "year": 2026}))
            .await;
        assert_eq!(status, 200);
        let (status, _) = decide(app, &bureau, donghu, json!({"decision": "confirm"})).await;
        assert_eq!(status, 200);
        let rows = payment_rows(app, &bureau).await;
        assert!(rows[1][0].contains("未列入") && rows[1][0].contains("西岭街道"), "{rows:?}");
        assert_eq!(rows[2], ["单位", "姓名（网格）", "所在网格", "星级或等次", "总分", "奖励（元）"]);
        assert_eq!(rows[3], ["东湖镇", "李娜", "东湖工业一网格", "★（1星级）", "82", "1000"]);
        assert_eq!(rows[4], ["东湖镇小计", "1 人", "", "", "", "1000"]);
        assert_eq!(rows[rows.len() - 1], ["全市合计", "1 人", "", "", "", "1000"]);
        // 李娜 reads her stars on the phone, and is told on the home page.
        let member = app.login(DONGHU_MEMBER).await;
        let mine = my_years(app, &member).await;
        assert_eq!(mine[0]["stage"], "confirmed");
        assert_eq!(mine[0]["own"][0]["outcome"]["stars"], 1);
        assert_eq!(mine[0]["own"][0]["remark"], "走访扎实");
        let told: Vec<Value> = (app.reminders(&member).await.into_iter())
            .filter(|r| r["title"].as_str().unwrap().starts_with("2026年度考核结果"))
            .collect();
        assert_eq!(told.len(), 1);
        assert_eq!(told[0]["title"], "2026年度考核结果：总分 82 · 合格 · ★ 1000 元");
        assert_eq!(told[0]["note"], "东湖镇评定，市统计局已确认");
        let refused = leader.get(app.url(app::assessment::api::PAYMENTS_PATH)).send().await.unwrap();
        assert_eq!(refused.status(), 403);

        // The award list to print: the same lines for the bureau; the township, its own.
        let (status, awards) = app.call(&bureau, "assessment_awards", json!({"year": 2026})).await;
        assert_eq!(status, 200, "{awards}");
        let lina = json!({
            "name": "李娜", "grids": "东湖工业一网格", "rated": "★（1星级）", "total": "82",
            "reward_yuan": 1000
        });
        assert_eq!(awards["units"][0]["unit"], "东湖镇");
        assert_eq!(awards["units"][0]["lines"], json!([lina]));
        assert!(awards["pending"].as_array().unwrap().contains(&json!("西岭街道")));
        let (status, own) = app.call(&leader, "assessment_awards", json!({"year": 2026})).await;
        assert_eq!(status, 200, "{own}");
        assert_eq!(own["units"][0]["lines"], json!([lina]));
        assert_eq!(own["pending"], json!([]));

        // The bureau changes the scheme: 东湖镇's year keeps the one it started with.
        let yuhuan = serde_json::to_value(app::domain::assessment::Scheme::yuhuan()).unwrap();
        let (status, _) = app
            .call(&bureau, "assessment_scheme_save", json!({"year": 2026, "scheme": yuhuan}))
            .await;
        assert_eq!(status, 200);
        let (_, kept) = load(app, &leader, donghu).await;
        assert_eq!(kept["scheme"]["manual_points"], 100);
        let (_, other) = load(app, &app.login(XILING_LEADER).await, grid_id(&app.pull(&bureau).await, "西岭街道")).await;
        assert_eq!(other["scheme"]["manual_points"], 20);
        // The township sees only its own unit in the list; the bureau every unit.
        let (_, own) = app.call(&leader, "assessment_city", json!({"year": 2026})).await;
        let units: Vec<&str> = (own["units"].as_array().unwrap().iter())
            .map(|u| u["unit"].as_str().unwrap())
            .collect();
        assert_eq!(units, ["东湖镇"]);
        assert_eq!(own["may_edit"], false);
    }
);

db_test!(
    a_waived_month_is_not_counted_among_the_reports_due,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        use app::domain::cadence::{ObligationKind, Period, Subject, Waiver};
        let leader = app.login(DONGHU_LEADER).await;
        let bureau = app.login(CITY_ADMIN).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let scheme = serde_json::to_value(app::domain::assessment::Scheme::yueqing()).unwrap();
        let (status, saved) = app
            .call(&bureau, "assessment_scheme_save", json!({"year": 2026, "scheme": scheme}))
            .await;
        assert_eq!(status, 200, "{saved}");
        let reports = |view: &Value| sheet(view, "东湖工业一网格")["figures"][2].clone();

        // No monthly report all year: January to November are due and none was on time.
        let (_, view) = load(app, &leader, donghu).await;
        assert_eq!(view["scheme"]["indicators"][2]["measure"], "reports_on_time");
        assert_eq!(reports(&view), json!({"count": 0, "out_of": 11}));

        // March excused: it is no longer due.
        let grid = sheet(&view, "东湖工业一网格")["subject_id"].as_i64().unwrap();
        let march = Waiver {
            kind: ObligationKind::MonthlyLeaderReport,
            subject: Subject::Grid(i32::try_from(grid).unwrap()),
            period: Period::parse("2026-03").unwrap(),
            reason: "网格调整".into(),
            by_person: 1,
            at_ms: 0,
        };
        app::cadence::ssr::waive(&app.db, &march).await.unwrap();
        let (_, view) = load(app, &leader, donghu).await;
        assert_eq!(reports(&view), json!({"count": 0, "out_of": 10}));
    }
);
