//! Level-3 reports (001 §三(二): 二级网格长每月听取三、四级网格长情况汇报): a work area's leader
//! reports to the township each month as an enterprise grid's leader does, quoting the month of
//! the grids below the work area; the township's board lists the work area and reviews it;
//! annual plans stay with the enterprise grids.
use crate::common::reports::*;
use crate::common::*;
use serde_json::{Value, json};

const WORK_AREA_LEADER: &str = "13800000010";
const WORK_AREA: &str = "东湖北片";

fn plan(id: &str, grid: i64) -> Value {
    json!({
        "id": id,
        "kind": "annual_plan",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {"grid_id": grid, "year": 2026, "goals": "全覆盖", "measures": "每月例会",
                    "schedule": "每季度一次"}
    })
}

db_test!(
    a_work_area_reports_to_its_township_which_reviews_it,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        // A member's visit in an enterprise grid below the work area.
        let member = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let today = app.today();
        let (_, visited) = app
            .push(&member, json!([visit(&new_id(), enterprise, &today, "报表按时报送")]))
            .await;
        assert_eq!(status_of(&visited), ("accepted", ""), "{visited}");

        let leader = app.login(WORK_AREA_LEADER).await;
        let pulled = app.pull(&leader).await;
        let area = grid_id(&pulled, WORK_AREA);
        assert_eq!(pulled["profile"]["roles"][0]["kind"], "work_area");
        // The 情况汇报 form quotes the month of the grids below the work area.
        let response = leader.get(app.url("/api/v1/duties")).send().await.unwrap();
        let duties: Value = response.json().await.unwrap();
        let figures = duties["month_figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["grid_id"] == area && f["month"] == app.this_month().as_str())
            .unwrap_or_else(|| panic!("the work area's month: {duties}"));
        assert_eq!(figures["figures"]["visits"], 1, "{figures}");

        let id = new_id();
        let (_, pushed) = app
            .push(&leader, json!([report(app, &id, 1, area, "听取两个企业网格汇报")]))
            .await;
        assert_eq!(status_of(&pushed), ("accepted", ""), "{pushed}");
        let (_, planned) = app.push(&leader, json!([plan(&new_id(), area)])).await;
        assert_eq!(
            status_of(&planned),
            ("rejected", "grid_not_allowed"),
            "annual plans are the enterprise grids': {planned}"
        );

        let township = app.login(DONGHU_LEADER).await;
        let listed = board(app, &township).await;
        let reported = &row(&listed, WORK_AREA)["report"];
        assert_eq!(reported["status"], "submitted");
        assert_eq!(reported["author"], "林海");
        assert_eq!(reported["visits"], 1, "the month of the grids below it");
        assert_eq!(row(&listed, WORK_AREA)["duty"]["status"], "on_time");
        assert!(row(&listed, "东湖南片")["report"].is_null(), "{listed}");
        assert_eq!(review(app, &township, &id, 1, "approve", "").await.0, 200);
        let listed = board(app, &township).await;
        assert_eq!(row(&listed, WORK_AREA)["report"]["status"], "approved");
        // The leader's phone hears of it at the next pull.
        let mine = &app.pull(&leader).await["reports"];
        assert_eq!(mine[0]["status"], "approved", "{mine}");
    }
);
