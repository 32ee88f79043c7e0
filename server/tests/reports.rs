//! Monthly reports (情况汇报): pushed by grid leaders like visits, reviewed by the township
//! (return with a comment, resubmit, approve, unlock), with the month locked once approved.
use crate::common::reports::*;
use crate::common::*;
use serde_json::{Value, json};

const GRID_LEADER: &str = "13800000004";
const GRID_DEPUTY: &str = "13800000007";
const GRID: &str = "东湖工业一网格";

// On 10 December: this month's report is not yet due, October's grace days long past.
db_test!(
    a_report_is_returned_resubmitted_approved_and_its_month_locked,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let pulled = app.pull(&leader).await;
        let grid = grid_id(&pulled, GRID);
        let id = new_id();

        // Submitted once, however often it is sent.
        let (_, first) = app
            .push(&leader, json!([report(app, &id, 1, grid, "走访企业12家")]))
            .await;
        assert_eq!(status_of(&first), ("accepted", ""), "{first}");
        let (_, again) = app
            .push(&leader, json!([report(app, &id, 1, grid, "走访企业12家")]))
            .await;
        assert_eq!(again["results"][0], first["results"][0]);

        // Only the grid's leaders report, and only once a month.
        let member = app.login(DONGHU_MEMBER).await;
        let (_, refused) = app
            .push(&member, json!([report(app, &new_id(), 1, grid, "x")]))
            .await;
        assert_eq!(status_of(&refused), ("rejected", "grid_not_allowed"));
        let deputy = app.login(GRID_DEPUTY).await;
        let (_, second) = app
            .push(&deputy, json!([report(app, &new_id(), 1, grid, "x")]))
            .await;
        assert_eq!(status_of(&second), ("rejected", "report_exists"));

        // Another township's leader may neither see nor review it.
        let xiling = app.login(XILING_LEADER).await;
        assert_eq!(review(app, &xiling, &id, 1, "approve", "").await.0, 403);

        let township = app.login(DONGHU_LEADER).await;
        let listed = board(app, &township).await;
        let reported = &row(&listed, GRID)["report"];
        assert_eq!(reported["status"], "submitted");
        assert_eq!(reported["author"], "王建华");
        assert_eq!(reported["work_done"], "走访企业12家");
        assert_eq!(reported["history"].as_array().unwrap().len(), 1);
        assert!(row(&listed, "东湖工业二网格")["report"].is_null());
        // The cadence counts it for this month, on time; the grid without one is not yet due
        // (due soon only from seven days before the month's end).
        assert_eq!(row(&listed, GRID)["duty"]["status"], "on_time");
        assert_eq!(
            row(&listed, "东湖工业二网格")["duty"]["status"],
            "not_yet_due"
        );
        // Six months of grids × months, this month last; two months back (its grace days long
        // past) nobody reported, so every grid is overdue.
        let trend = &listed["trend"];
        assert_eq!(trend["months"].as_array().unwrap().len(), 6);
        assert_eq!(trend["months"][5], "2026-12");
        assert_eq!(trend["months"][3], "2026-10");
        let cells = trend["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["grid_name"] == GRID)
            .unwrap()["cells"]
            .clone();
        assert_eq!(cells[5]["status"], "on_time");
        assert_eq!(cells[3]["status"], "overdue");
        assert_eq!(trend["completeness"][3], 0);

        // Returning needs a comment; the comment reaches the leader's phone by pull.
        let (status, body) = review(app, &township, &id, 1, "return", "  ").await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            review(app, &township, &id, 1, "return", "请补充走访发现的问题")
                .await
                .0,
            200
        );
        let pulled = app.pull(&leader).await;
        let mine = &pulled["reports"][0];
        assert_eq!(mine["status"], "returned");
        assert_eq!(mine["review_comment"], "请补充走访发现的问题");

        // The edit arrives as version 2; approving what the reviewer saw as version 1 is refused.
        let (_, edited) = app
            .push(
                &leader,
                json!([report(app, &id, 2, grid, "走访企业12家，发现两家台账不全")]),
            )
            .await;
        assert_eq!(status_of(&edited), ("accepted", ""), "{edited}");
        let (status, _) = review(app, &township, &id, 1, "approve", "").await;
        assert_eq!(
            status, 422,
            "a report changed since it was read is not approved"
        );
        assert_eq!(review(app, &township, &id, 2, "approve", "").await.0, 200);
        let listed = board(app, &township).await;
        let reported = &row(&listed, GRID)["report"];
        assert_eq!(reported["status"], "approved");
        let actions: Vec<&str> = reported["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["提交", "退回", "重新提交", "通过"]);

        // The month is locked: neither the report nor a visit of that month is taken.
        let (_, locked) = app
            .push(&leader, json!([report(app, &id, 3, grid, "再改")]))
            .await;
        assert_eq!(status_of(&locked), ("rejected", "month_locked"));
        let enterprise = enterprise_in(&app.pull(&member).await, GRID);
        let (_, late_visit) = app
            .push(
                &member,
                json!([visit(&new_id(), enterprise, &app.today(), "补记")]),
            )
            .await;
        assert_eq!(status_of(&late_visit), ("rejected", "month_locked"));
        assert!(
            late_visit["results"][0]["problems"][0]["message"]
                .as_str()
                .unwrap()
                .contains("解锁")
        );

        // Unlocking needs a reason, is audited, and opens the month again.
        assert_eq!(review(app, &township, &id, 2, "unlock", "").await.0, 422);
        assert_eq!(
            review(app, &township, &id, 2, "unlock", "走访数据需更正")
                .await
                .0,
            200
        );
        let admin = app.login(CITY_ADMIN).await;
        let (_, audit) = app.admin_call(&admin, "audit", json!({})).await;
        assert!(audit.to_string().contains("unlock_report"), "{audit}");
        let (_, reopened) = app
            .push(&leader, json!([report(app, &id, 3, grid, "再改")]))
            .await;
        assert_eq!(status_of(&reopened), ("accepted", ""), "{reopened}");
        let (_, visit_now) = app
            .push(
                &member,
                json!([visit(&new_id(), enterprise, &app.today(), "补记")]),
            )
            .await;
        assert_eq!(status_of(&visit_now), ("accepted", ""));
    }
);

db_test!(
    an_edit_made_meanwhile_elsewhere_is_a_conflict_with_both_versions,
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let grid = grid_id(&app.pull(&leader).await, GRID);
        let id = new_id();
        app.push(&leader, json!([report(app, &id, 1, grid, "第一版")]))
            .await;
        // The deputy edits first (version 3 on another phone), the leader's version 2 is then stale.
        let deputy = app.login(GRID_DEPUTY).await;
        let (_, deputy_edit) = app
            .push(&deputy, json!([report(app, &id, 3, grid, "副网格长改")]))
            .await;
        assert_eq!(status_of(&deputy_edit), ("accepted", ""));
        let (_, stale) = app
            .push(&leader, json!([report(app, &id, 2, grid, "网格长改")]))
            .await;
        assert_eq!(status_of(&stale), ("conflict", "stale_version"));
        // The answer carries the server's version, so the phone can show both.
        assert_eq!(stale["results"][0]["current"]["version"], 3);
        assert_eq!(
            stale["results"][0]["current"]["payload"]["work_done"],
            "副网格长改"
        );
        // Both phones made version 4 from version 3: the second is not mistaken for a resend.
        let (_, first) = app
            .push(&deputy, json!([report(app, &id, 4, grid, "副网格长再改")]))
            .await;
        assert_eq!(status_of(&first), ("accepted", ""));
        let (_, sibling) = app
            .push(&leader, json!([report(app, &id, 4, grid, "网格长的第4版")]))
            .await;
        assert_eq!(
            status_of(&sibling),
            ("conflict", "stale_version"),
            "{sibling}"
        );
        // The leader keeps theirs: sent as the version after the server's, it replaces it.
        let (_, kept) = app
            .push(&leader, json!([report(app, &id, 5, grid, "网格长的第4版")]))
            .await;
        assert_eq!(status_of(&kept), ("accepted", ""));
        let township = app.login(DONGHU_LEADER).await;
        let listed = board(app, &township).await;
        let reported = &row(&listed, GRID)["report"];
        assert_eq!(reported["work_done"], "网格长的第4版");
        assert_eq!(reported["version"], 5);
    }
);

db_test!(
    a_missing_report_is_waived_with_a_reason_and_audited,
    |app| {
        let township = app.login(DONGHU_LEADER).await;
        // Two months back: long overdue for every grid.
        let earlier = board(app, &township).await["trend"]["months"][3]
            .as_str()
            .unwrap()
            .to_owned();
        let (_, before) = app
            .call(
                &township,
                "report_board",
                json!({"scope": null, "month": earlier}),
            )
            .await;
        let grid = row(&before, "东湖工业二网格")["grid_id"].as_i64().unwrap();
        assert_eq!(row(&before, "东湖工业二网格")["duty"]["status"], "overdue");

        let waive =
            |reason: &'static str| json!({"grid_id": grid, "month": earlier, "reason": reason});
        let (status, body) = app.call(&township, "report_waive", waive(" ")).await;
        assert_eq!(status, 422);
        assert!(body.to_string().contains("豁免时请写明原因"), "{body}");
        let xiling = app.login(XILING_LEADER).await;
        assert_eq!(
            app.call(&xiling, "report_waive", waive("越权")).await.0,
            403
        );
        assert_eq!(
            app.call(
                &township,
                "report_waive",
                waive("该网格当月并入二网格，未单独汇报")
            )
            .await
            .0,
            200
        );

        let (_, after) = app
            .call(
                &township,
                "report_board",
                json!({"scope": null, "month": earlier}),
            )
            .await;
        let duty = &row(&after, "东湖工业二网格")["duty"];
        assert_eq!(duty["status"], "waived");
        assert_eq!(duty["reason"], "该网格当月并入二网格，未单独汇报");
        // The grids × months table says so too (the board's month is the table's last column).
        let cells = &after["trend"]["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["grid_name"] == "东湖工业二网格")
            .unwrap()["cells"];
        assert_eq!(cells[5]["status"], "waived");
        let admin = app.login(CITY_ADMIN).await;
        let (_, audit) = app.admin_call(&admin, "audit", json!({})).await;
        assert!(audit.to_string().contains("waive_obligation"), "{audit}");
    }
);

async fn reminders(app: &TestApp, client: &reqwest::Client) -> Vec<String> {
    let response = client.get(app.url("/api/v1/duties")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let list: Value = response.json().await.unwrap();
    list["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["title"].as_str().unwrap(), r["status"]["status"]))
        .collect()
}

db_test!(reminders_follow_each_role, at "2026-12-10T09:00:00+08:00", |app| {
    let leader = app.login(GRID_LEADER).await;
    let grid = grid_id(&app.pull(&leader).await, GRID);
    // November's report was never sent, and its grace days ended on 5 December.
    let before = reminders(app, &leader).await;
    assert!(
        before
            .iter()
            .any(|r| r.starts_with(GRID) && r.contains("2026年11月") && r.ends_with("\"overdue\"")),
        "{before:?}"
    );
    let member = app.login(DONGHU_MEMBER).await;
    assert!(
        reminders(app, &member).await.is_empty(),
        "members write no reports"
    );

    let id = new_id();
    app.push(&leader, json!([report(app, &id, 1, grid, "走访企业12家")]))
        .await;
    let after = reminders(app, &leader).await;
    assert!(
        after.iter().all(|r| !r.contains(&this_month_label(app))),
        "{after:?}"
    );
    // The township leader is reminded to review it, and of grids overdue.
    let township = app.login(DONGHU_LEADER).await;
    let theirs = reminders(app, &township).await;
    assert!(
        theirs.iter().any(|r| r.contains("1 份情况汇报待审核")),
        "{theirs:?}"
    );
    // Returned, it is the leader's again, with the comment.
    review(app, &township, &id, 1, "return", "请补充问题").await;
    let returned = reminders(app, &leader).await;
    assert!(
        returned
            .iter()
            .any(|r| r.contains(&this_month_label(app)) && r.contains("被退回")),
        "{returned:?}"
    );
});

db_test!(
    a_waived_month_reaches_the_leaders_phone_and_leaves_the_reminders,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        use app::domain::cadence::{ObligationKind, Period, Subject};
        use app::domain::period::Month;
        let leader = app.login(GRID_LEADER).await;
        let grid = grid_id(&app.pull(&leader).await, GRID);
        let last = Month::parse(&app.this_month()).unwrap().prev();
        let owes_last = |list: &[String]| {
            list.iter()
                .any(|r| r.starts_with(GRID) && r.contains(&format!("{}情况汇报", last.label())))
        };
        // November never sent: overdue on 10 December.
        let before = reminders(app, &leader).await;
        assert!(owes_last(&before), "{before:?}");

        let township = app.login(DONGHU_LEADER).await;
        let waive = json!({"grid_id": grid, "month": last.to_string(), "reason": "网格长病假"});
        assert_eq!(app.call(&township, "report_waive", waive).await.0, 200);

        let response = leader.get(app.url("/api/v1/duties")).send().await.unwrap();
        let list: app::duties::api::DutyList = response.json().await.unwrap();
        let waived: Vec<_> = list
            .waivers
            .iter()
            .filter(|w| w.kind == ObligationKind::MonthlyLeaderReport)
            .map(|w| (w.subject, w.period, w.reason.as_str()))
            .collect();
        let expected = (
            Subject::Grid(grid as i32),
            Period::Month(last),
            "网格长病假",
        );
        assert_eq!(waived, [expected]);
        let after = reminders(app, &leader).await;
        assert!(!owes_last(&after), "{after:?}");
        // A member writes no reports, so is not sent it.
        let member = app.login(DONGHU_MEMBER).await;
        let response = member.get(app.url("/api/v1/duties")).send().await.unwrap();
        let theirs: app::duties::api::DutyList = response.json().await.unwrap();
        assert!(theirs.waivers.is_empty(), "{:?}", theirs.waivers);
    }
);

/// This month as the reminders name it, e.g. 2026年11月.
fn this_month_label(app: &TestApp) -> String {
    let month = app.this_month();
    format!("{}年{}月", &month[..4], month[5..].trim_start_matches('0'))
}

/// The grid leader records one visit today and this month's report with `work_done`.
async fn visit_and_report(app: &TestApp, work_done: &str) {
    let leader = app.login(GRID_LEADER).await;
    let pulled = app.pull(&leader).await;
    let enterprise = enterprise_in(&pulled, GRID);
    let grid = grid_id(&pulled, GRID);
    app.push(
        &leader,
        json!([visit(&new_id(), enterprise, &app.today(), "走访")]),
    )
    .await;
    app.push(&leader, json!([report(app, &new_id(), 1, grid, work_done)]))
        .await;
}

db_test!(the_report_export_holds_the_figures_of_the_board, |app| {
    use calamine::{Data, Reader, Xlsx};
    visit_and_report(app, "导出用的汇报").await;
    let township = app.login(DONGHU_LEADER).await;
    let listed = board(app, &township).await;
    let (scope, month) = (listed["scope_id"].as_i64().unwrap(), app.this_month());

    let url = |file: &str| {
        app.url(&format!(
            "/api/v1/township/export/{file}?scope={scope}&month={month}"
        ))
    };
    let response = township.get(url("reports.xlsx")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let summary = book.worksheet_range("汇总").unwrap();
    let rows: Vec<&[Data]> = summary.rows().collect();
    assert_eq!(rows[0][1], Data::String("汇报状态".into()));
    for r in listed["rows"].as_array().unwrap() {
        let name = r["grid_name"].as_str().unwrap();
        let line = rows
            .iter()
            .find(|l| l[0] == Data::String(name.into()))
            .unwrap_or_else(|| panic!("{name} in the summary"));
        let state = if r["report"].is_null() {
            "未提交"
        } else {
            "待审核"
        };
        assert_eq!(line[1], Data::String(state.into()), "{name}");
        if !r["report"].is_null() {
            assert_eq!(
                line[5],
                Data::Float(r["report"]["visits"].as_f64().unwrap())
            );
            assert_eq!(line[5], Data::Float(1.0));
        }
    }
    let sheet = book.worksheet_range(GRID).unwrap();
    assert!(
        sheet
            .rows()
            .any(|r| r.contains(&Data::String("导出用的汇报".into()))),
        "the grid's sheet holds the report's text"
    );

    let csv = township.get(url("reports.csv")).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    assert!(text.contains("导出用的汇报"));
    assert_eq!(
        text.lines().count(),
        1 + listed["rows"].as_array().unwrap().len()
    );

    // Another township's leader cannot export this one.
    let xiling = app.login(XILING_LEADER).await;
    assert_eq!(
        xiling
            .get(url("reports.xlsx"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
});

db_test!(the_city_compares_its_townships, at "2026-12-10T09:00:00+08:00", |app| {
    visit_and_report(app, "对比用的汇报").await;

    let admin = app.login(CITY_ADMIN).await;
    let listed = board(app, &admin).await;
    let city = listed["city"].clone();
    let township = |name: &str| {
        city.as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} compared: {city}"))
            .clone()
    };
    let donghu = township("东湖镇");
    assert_eq!(donghu["reported"], 1);
    assert_eq!(donghu["approved"], 0);
    assert_eq!(donghu["visits"], 1);
    assert!(donghu["grids"].as_u64().unwrap() >= 2);
    let xiling = township("西岭街道");
    assert_eq!(xiling["reported"], 0);
    assert_eq!(xiling["visits"], 0);
    // Nobody reported in November, whose grace days are over: 0% made.
    assert_eq!(xiling["completeness"], 0, "{xiling}");

    // The city's own rows count each grid's month the same way: its visits, the enterprises
    // reached, and the open enterprises, which a closed one leaves.
    let month_of_grid = |listed: &Value| {
        let rows = listed["rows"].as_array().unwrap();
        let row = rows.iter().find(|r| r["grid_name"] == GRID);
        row.unwrap_or_else(|| panic!("{GRID} on the board")).clone()["report"].clone()
    };
    let report = month_of_grid(&listed);
    assert_eq!(report["visits"], 1, "{report}");
    assert_eq!(report["visited_enterprises"], 1);
    assert_eq!(report["enterprises"], server::demo::ENTERPRISES_PER_GRID);
    let visited = enterprise_in(&app.pull(&app.login(GRID_LEADER).await).await, GRID);
    let change = json!({"change": {"change": "close", "id": visited}});
    let (status, closed) = app.admin_call(&admin, "enterprise_change", change).await;
    assert_eq!(status, 200, "{closed}");
    let report = month_of_grid(&board(app, &admin).await);
    assert_eq!(
        report["enterprises"],
        server::demo::ENTERPRISES_PER_GRID - 1
    );
    assert_eq!(report["visited_enterprises"], 1, "its visit still counts");

    // A township leader sees their own township only, without the comparison.
    let township_leader = app.login(DONGHU_LEADER).await;
    assert!(
        board(app, &township_leader).await["city"]
            .as_array()
            .unwrap()
            .is_empty()
    );
});

/// November's report of two grids as the board shows it: one sent now, one never sent.
async fn november_sent_now_and_never(app: &TestApp) -> (Value, Value) {
    let leader = app.login(GRID_LEADER).await;
    let grid = grid_id(&app.pull(&leader).await, GRID);
    let mut november = report(app, &new_id(), 1, grid, "十一月补报");
    november["payload"]["month"] = json!("2026-11");
    let (_, sent) = app.push(&leader, json!([november])).await;
    assert_eq!(status_of(&sent), ("accepted", ""), "{sent}");
    let township = app.login(DONGHU_LEADER).await;
    let (_, board) = app
        .call(
            &township,
            "report_board",
            json!({"scope": null, "month": "2026-11"}),
        )
        .await;
    assert_eq!(
        board["due"], "2026-12-05",
        "due at the month's end, five grace days"
    );
    (
        row(&board, GRID)["duty"]["status"].clone(),
        row(&board, "东湖工业二网格")["duty"]["status"].clone(),
    )
}

db_test!(
    on_the_fifth_last_months_report_is_still_on_time,
    at "2026-12-05T22:00:00+08:00",
    |app| {
        let (sent, missing) = november_sent_now_and_never(app).await;
        assert_eq!(sent, "on_time");
        assert_eq!(missing, "due_soon");
    }
);

db_test!(
    on_the_sixth_last_months_report_is_late_or_overdue,
    at "2026-12-06T08:00:00+08:00",
    |app| {
        let (sent, missing) = november_sent_now_and_never(app).await;
        assert_eq!(sent, "late");
        assert_eq!(missing, "overdue");
    }
);
