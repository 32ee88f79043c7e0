//! THE table: one row per endpoint (server function, hand-written route or page), with the
//! capability it needs, the grid its request targets, how to build that request and how its
//! answer is judged (`judge.rs`).
use super::calls::*;
use super::cell::{Call, Judge, Row, Subject, Target};
use super::judge::*;
use super::rule::Cap;
use super::world::{self, Answer};
use Cap::*;
use serde_json::{Value, json};
use uuid::Uuid;

#[path = "table/assessment.rs"]
mod assessment;
#[path = "table/evaluation.rs"]
mod evaluation;
#[path = "table/files.rs"]
mod files;
#[path = "table/provisions.rs"]
mod provisions;

pub(super) fn row(
    method: &'static str,
    path: &'static str,
    what: &'static str,
    cap: Cap,
    subject: Subject,
    judge: Judge,
    call: Call,
) -> Row {
    Row {
        method,
        path,
        what,
        cap,
        subject,
        judge,
        call,
    }
}

/// A server function: `POST /api/<endpoint>` with a JSON body.
pub(super) fn sf(
    path: &'static str,
    cap: Cap,
    subject: Subject,
    judge: Judge,
    body: fn(&Target) -> Value,
) -> Row {
    row(
        "POST",
        path,
        path.trim_start_matches("/api/"),
        cap,
        subject,
        judge,
        Call::Json(body),
    )
}

fn push(what: &'static str, cap: Cap, record: fn(&Target) -> Value) -> Row {
    let path = app::sync::api::PUSH_PATH;
    row(
        "POST",
        path,
        what,
        cap,
        Subject::Enterprise,
        pushed,
        Call::Push(record),
    )
}

/// A push of grid work in the relation's grid itself.
fn push_at(what: &'static str, record: fn(&Target) -> Value) -> Row {
    let path = app::sync::api::PUSH_PATH;
    row(
        "POST",
        path,
        what,
        Record,
        Subject::Grid,
        pushed,
        Call::Push(record),
    )
}

/// Every endpoint the server answers, each exactly once per method and path pattern (a path
/// may have several rows, e.g. one per file).
pub fn rows() -> Vec<Row> {
    let mut rows = server_functions();
    rows.extend(provisions::rows());
    rows.extend(assessment::rows());
    rows.extend(evaluation::rows());
    rows.extend(routes());
    rows.extend(super::pages::rows());
    rows
}

fn server_functions() -> Vec<Row> {
    vec![
        sf(
            "/api/township_overview",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"query": {"scope": t.subject.id, "month": null}}),
        ),
        sf(
            "/api/data_quality",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/law_promotion",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id}),
        ),
        sf(
            "/api/membership_check",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"scope": t.subject.id}),
        ),
        sf(
            "/api/township_grid_visits",
            Oversee,
            Subject::Enterprise,
            by_status,
            |t| json!({"grid": t.subject.id, "month": ""}),
        ),
        sf(
            "/api/township_history",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"scope": t.subject.id}),
        ),
        sf(
            "/api/report_board",
            Oversee,
            Subject::Grid,
            by_status,
            |t| json!({"scope": t.subject.id, "month": null}),
        ),
        row(
            "POST",
            "/api/report_review",
            "report_review (退回)",
            Review,
            Subject::Enterprise,
            by_status,
            Call::Custom(|t| Box::pin(review(t))),
        ),
        sf(
            "/api/report_waive",
            Review,
            Subject::Enterprise,
            by_status,
            |t| json!({"grid_id": t.subject.id, "month": world::month_before(&t.world.app.this_month(), 1), "reason": "网格调整"}),
        ),
        // Excused by whoever reviews the unit above the grid: for an enterprise grid, as its
        // reports are reviewed.
        sf(
            "/api/duty_waive",
            Review,
            Subject::Enterprise,
            by_status,
            |t| json!({"duty": {"duty": "annual_plan", "grid_id": t.subject.id, "period": &t.world.app.this_month()[..4]}, "reason": "网格调整"}),
        ),
        sf(
            "/api/progress_report_read",
            Review,
            Subject::Grid,
            by_status,
            |t| json!({"grid_id": t.subject.id, "label": world::progress_label(t.subject.kind), "deadline": t.world.app.today()}),
        ),
        sf(
            "/api/major_events",
            Review,
            Subject::Enterprise,
            events_listed,
            |_| json!({}),
        ),
        sf(
            "/api/major_event_read",
            Review,
            Subject::Enterprise,
            by_status,
            |t| json!({"id": fixture(t).event, "version": 1}),
        ),
        sf(
            "/api/admin/grids",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        // Renamed to its own name: allowed changes nothing.
        sf(
            "/api/admin/grid_change",
            Administer,
            Subject::Any,
            past_gate,
            |t| {
                let grid = t.world.tree.named("东湖贸易网格");
                json!({"change": {"change": "rename", "id": grid.id, "name": grid.name}})
            },
        ),
        sf(
            "/api/admin/people",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/admin/divisions",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/admin/person_change",
            Administer,
            Subject::Any,
            past_gate,
            |t| {
                let grid = t.world.tree.named("东湖工业一网格").id;
                json!({"change": {"change": "assign", "person_id": t.world.seeder_id, "grid_id": grid, "role": "leader"}})
            },
        ),
        sf(
            "/api/admin/audit",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/admin/status",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/admin/grouping",
            Administer,
            Subject::Any,
            by_status,
            |t| json!({"township_id": t.world.tree.named("西岭街道").id}),
        ),
        // A proposal that leaves an enterprise out: refused whole (422) once past the gate.
        sf(
            "/api/admin/grouping_apply",
            Administer,
            Subject::Any,
            past_gate,
            |t| json!({"proposal": t.world.broken_grouping}),
        ),
        sf(
            "/api/admin/enterprises",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({"query": {"grid_id": null, "text": "", "include_closed": false}}),
        ),
        // Moved to the grid it is in: allowed changes nothing.
        sf(
            "/api/admin/enterprise_change",
            Administer,
            Subject::Any,
            past_gate,
            |t| {
                let grid = t.world.tree.named("东湖贸易网格").id;
                json!({"change": {"change": "move", "id": t.world.firms[&grid], "grid_id": grid}})
            },
        ),
        sf(
            "/api/admin/role_holders",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/admin/cadence",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/admin/cadence_save",
            Administer,
            Subject::Any,
            by_status,
            |t| json!({"policy": t.world.cadence}),
        ),
        sf(
            "/api/sessions",
            SignedIn,
            Subject::Any,
            this_device_listed,
            |_| json!({}),
        ),
        // A handle no session has: allowed ends nothing.
        sf(
            "/api/session_end",
            SignedIn,
            Subject::Any,
            by_status,
            |_| json!({"handle": "0".repeat(64)}),
        ),
        // From the role's own client, which stays signed in; ends the logout row's sessions.
        sf(
            "/api/sessions_end_others",
            SignedIn,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/office_door",
            Office,
            Subject::Any,
            office_door,
            |_| json!({}),
        ),
    ]
}

/// Makes the grid's report reviewable again (a new version from its leader), then returns it.
async fn review<'t>(t: &'t Target<'t>) -> Answer {
    let f = fixture(t);
    let version = f.report_version.get() + 1;
    f.report_version.set(version);
    let record = world::report_record(f.report, version, t.subject.id, &t.world.report_month);
    let (_, sent) = t.world.app.push(&t.world.seeder, json!([record])).await;
    assert_eq!(
        sent["results"][0]["status"], "accepted",
        "report resent: {sent}"
    );
    t.post("/api/report_review", json!({"id": f.report, "version": version, "action": "return", "comment": "请补充本月走访情况"})).await
}

fn routes() -> Vec<Row> {
    use app::sync::api::{LOGIN_PATH, LOGOUT_PATH, PASSWORD_PATH, PULL_PATH, PUSH_PATH};
    let mut rows = vec![
        row(
            "POST",
            LOGIN_PATH,
            "login",
            Public,
            Subject::Any,
            by_status,
            Call::Custom(|t| Box::pin(login(t))),
        ),
        row(
            "POST",
            LOGOUT_PATH,
            "logout (a session of its own)",
            Public,
            Subject::Any,
            by_status,
            Call::Custom(|t| Box::pin(logout(t))),
        ),
        // The same password again: refused in words once past the gate, so nothing changes.
        row(
            "POST",
            PASSWORD_PATH,
            "password",
            SignedIn,
            Subject::Any,
            past_gate,
            Call::Custom(|t| {
                Box::pin(t.post(
                    PASSWORD_PATH,
                    json!({"current": crate::common::PASSWORD, "new": crate::common::PASSWORD}),
                ))
            }),
        ),
        push("push visit", See, |t| {
            world::visit(t.world.app, firm(t), "矩阵走访")
        }),
        push("push activity", Record, |t| {
            world::activity(t.world.app, t.subject.id, t.session.person_id)
        }),
        push("push training", Record, |t| {
            world::training(t.world.app, t.subject.id, t.session.person_id)
        }),
        push("push major_event", Record, |t| {
            world::major_event(t.world.app, Uuid::now_v7(), t.subject.id)
        }),
        // The same records in the grid itself, whatever its kind: a township's, a work
        // area's.
        push_at("push activity at the grid", |t| {
            world::activity(t.world.app, t.subject.id, t.session.person_id)
        }),
        push_at("push training at the grid", |t| {
            world::training(t.world.app, t.subject.id, t.session.person_id)
        }),
        push_at("push major_event at the grid", |t| {
            world::major_event(t.world.app, Uuid::now_v7(), t.subject.id)
        }),
        row(
            "POST",
            PUSH_PATH,
            "push analysis_meeting",
            Meet,
            Subject::Grid,
            pushed,
            Call::Push(|t| world::meeting(t.world.app, t.subject.id)),
        ),
        row(
            "POST",
            PUSH_PATH,
            "push progress_report",
            ReportProgress,
            Subject::Grid,
            pushed,
            Call::Push(|t| world::progress_report(t.world.app, t.subject)),
        ),
        row(
            "POST",
            PUSH_PATH,
            "push annual_plan",
            Lead,
            Subject::Enterprise,
            pushed,
            Call::Custom(|t| Box::pin(push_counted(t, "plan", plan_record))),
        ),
        row(
            "POST",
            PUSH_PATH,
            "push monthly_report",
            Lead,
            Subject::Enterprise,
            pushed,
            Call::Custom(|t| Box::pin(push_counted(t, "report", report_record))),
        ),
        row(
            "POST",
            PUSH_PATH,
            "push monthly_report at the grid",
            Report,
            Subject::Grid,
            pushed,
            Call::Custom(|t| Box::pin(push_counted(t, "report", report_record))),
        ),
        row(
            "POST",
            PUSH_PATH,
            "push withdrawal of a monthly_report",
            Lead,
            Subject::Enterprise,
            pushed,
            Call::Custom(|t| Box::pin(withdraw_report(t))),
        ),
        row(
            "GET",
            PULL_PATH,
            "pull",
            See,
            Subject::Grid,
            pulled,
            Call::Get(|_| format!("{PULL_PATH}?since=0")),
        ),
        row(
            "GET",
            app::duties::api::DUTIES_PATH,
            "duties",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Get(|_| app::duties::api::DUTIES_PATH.into()),
        ),
        row(
            "GET",
            app::notices::api::NOTICES_PATH,
            "notices",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Get(|_| app::notices::api::NOTICES_PATH.into()),
        ),
        row(
            "GET",
            app::courses::api::COURSES_PATH,
            "courses",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Get(|_| app::courses::api::COURSES_PATH.into()),
        ),
        row(
            "POST",
            app::notices::api::NOTICE_READ_PATH,
            "notices read",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Json(|_| json!({"ids": [1, 2]})),
        ),
        row(
            "PUT",
            "/api/v1/photos/{id}",
            "photo upload",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Custom(|t| Box::pin(upload(t))),
        ),
        row(
            "GET",
            "/api/v1/photos/{id}",
            "photo of a visit",
            See,
            Subject::Enterprise,
            by_status,
            Call::Get(|t| format!("{}/{}", app::photos::PHOTOS_PATH, fixture(t).photo)),
        ),
        row(
            "GET",
            "/healthz",
            "healthz",
            Public,
            Subject::Any,
            by_status,
            Call::Get(|_| "/healthz".into()),
        ),
        // Prometheus reads the metrics on the operator's own address, never through the site.
        row(
            "GET",
            "/metrics",
            "metrics, on STATGRID_METRICS_ADDR only",
            OffSite,
            Subject::Any,
            on_site,
            Call::Get(|_| "/metrics".into()),
        ),
        // Served from the built site, absent here: any answer but a refusal.
        row(
            "GET",
            "/sw.js",
            "sw.js",
            Public,
            Subject::Any,
            past_gate,
            Call::Get(|_| "/sw.js".into()),
        ),
    ];
    rows.extend(files::township_exports());
    rows.extend(files::admin_routes());
    rows
}
