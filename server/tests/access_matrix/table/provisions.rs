//! The rows of a level-2 unit's own pages: what it provides its grids (the roster of its
//! statistics staff, its 统计之家), its notices and online courses, its training plan and its preparation stage.
use super::{row, sf};
use crate::access_matrix::calls::*;
use crate::access_matrix::cell::{Call, Row, Subject};
use crate::access_matrix::judge::*;
use crate::access_matrix::rule::Cap::*;
use serde_json::json;

pub(super) fn rows() -> Vec<Row> {
    vec![
        sf(
            "/api/staff_roster",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/staff_add",
            KeepRoster,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "staff": staff()}),
        ),
        row(
            "POST",
            "/api/staff_remove",
            "staff_remove",
            KeepRoster,
            Subject::Grid,
            by_status,
            Call::Custom(|t| Box::pin(remove_staff(t))),
        ),
        sf(
            "/api/training_plan",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "year": t.world.this_year()}),
        ),
        sf(
            "/api/training_plan_save",
            PlanTraining,
            Subject::Grid,
            by_status,
            |t| {
                let lines = [json!({"topic": "law", "sessions": 1, "note": "6月"})];
                json!({"grid_id": t.subject.id, "plan": {"year": t.world.this_year(), "lines": lines}})
            },
        ),
        sf(
            "/api/preparation",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "year": t.world.this_year()}),
        ),
        sf(
            "/api/preparation_mark",
            Prepare,
            Subject::Grid,
            past_gate,
            |t| {
                let done_on = format!("{}-01-02", t.world.this_year());
                let mark =
                    json!({"milestone": "unit_rules", "done_on": done_on, "document": "细则"});
                json!({"grid_id": t.subject.id, "year": t.world.this_year(), "mark": mark})
            },
        ),
        sf(
            "/api/preparation_unmark",
            Prepare,
            Subject::Grid,
            past_gate,
            |t| json!({"grid_id": t.subject.id, "year": t.world.this_year(), "milestone": "unit_rules"}),
        ),
        sf(
            "/api/stats_homes",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/stats_home_save",
            KeepProvisions,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "id": null, "home": stats_home()}),
        ),
        sf(
            "/api/funds_ledger",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/funds_statement",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/unit_notices",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/notice_post",
            Notify,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "notice": {"title": "矩阵通知", "body": "请阅。"}}),
        ),
        row(
            "POST",
            "/api/notice_remove",
            "notice_remove",
            Notify,
            Subject::Grid,
            by_status,
            Call::Custom(|t| Box::pin(remove_notice(t))),
        ),
        sf(
            "/api/unit_courses",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/course_post",
            Notify,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "course": course()}),
        ),
        row(
            "POST",
            "/api/course_remove",
            "course_remove",
            Notify,
            Subject::Grid,
            by_status,
            Call::Custom(|t| Box::pin(remove_course(t))),
        ),
        row(
            "POST",
            "/api/stats_home_remove",
            "stats_home_remove",
            KeepProvisions,
            Subject::Grid,
            by_status,
            Call::Custom(|t| Box::pin(remove_stats_home(t))),
        ),
    ]
}
