//! The pages' rows of the table (`table.rs`): the three apps' routes, each held to the rule of
//! the data it renders.
use super::cell::{Call, Row, Subject, Target};
use super::judge::*;
use super::rule::Cap::{self, *};
use super::table::row;

/// A page whose server-rendered HTML holds no data (the phone fills it from its storage).
fn shell(path: &'static str) -> Row {
    row(
        "GET",
        path,
        path,
        Public,
        Subject::Any,
        by_status,
        Call::Page,
    )
}

/// An office page whose server-rendered HTML holds the data of its server functions.
fn office(path: &'static str, cap: Cap) -> Row {
    row("GET", path, path, cap, Subject::Any, page_data, Call::Page)
}

/// An office page taking `?scope=`, aimed at the cell's grid.
fn scoped(path: &'static str, query: fn(&Target) -> String) -> Row {
    row(
        "GET",
        path,
        path,
        Oversee,
        Subject::Grid,
        page_data,
        Call::Get(query),
    )
}

/// The pages of the three apps: the office pages render their data on the server, so they
/// are held to their server functions' rules; the field pages are shells.
pub fn rows() -> Vec<Row> {
    let mut rows: Vec<Row> = [
        "/",
        "/login",
        "/visits/new",
        "/records",
        "/reports/new",
        "/password",
        "/settings",
        "/notices",
        "/courses",
        "/assessment",
        "/activities/new",
        "/trainings/new",
        "/events/new",
        "/plans/new",
        "/meetings/new",
        "/progress/new",
        "/evaluation",
        "/evaluation/sheet",
        // The import form: its data comes only from the import route.
        "/admin",
    ]
    .into_iter()
    .map(shell)
    .collect();
    rows.push(scoped("/township", |t| {
        format!("/township?scope={}", t.subject.id)
    }));
    rows.push(scoped("/township/reports", |t| {
        format!("/township/reports?scope={}", t.subject.id)
    }));
    rows.push(scoped("/township/funds", |t| {
        format!("/township/funds?grid={}", t.subject.id)
    }));
    rows.push(office("/township/assessment/awards", Office));
    // Campaign 0 does not exist: the bureau reads "没有这项评价", anyone else a refusal.
    rows.push(row(
        "GET",
        "/admin/evaluation/campaign",
        "/admin/evaluation/campaign",
        Administer,
        Subject::Any,
        page_data,
        Call::Get(|_| "/admin/evaluation/campaign?id=0".into()),
    ));
    rows.push(row(
        "GET",
        "/admin/evaluation/notice",
        "/admin/evaluation/notice",
        Administer,
        Subject::Any,
        page_data,
        Call::Get(|_| "/admin/evaluation/notice?id=0".into()),
    ));
    rows.push(row(
        "GET",
        "/admin/evaluation/unit",
        "/admin/evaluation/unit",
        Administer,
        Subject::Any,
        page_data,
        Call::Get(|_| "/admin/evaluation/unit?id=0&code=990181100".into()),
    ));
    rows.push(row(
        "GET",
        "/township/assessment",
        "/township/assessment",
        Assess,
        Subject::Grid,
        page_data,
        Call::Get(|t| format!("/township/assessment?unit={}", t.subject.id)),
    ));
    for path in [
        "/admin/grids",
        "/admin/enterprises",
        "/admin/people",
        "/admin/divisions",
        "/admin/evaluation",
        "/admin/audit",
        "/admin/status",
        "/admin/cadence",
        "/admin/permissions",
    ] {
        rows.push(office(path, Administer));
    }
    // 登录设备: one's own sessions, for any session; refused in words without one.
    rows.push(office("/sessions", SignedIn));
    // 整改事项 and 评价材料: of the units whose self-assessment one fills; none for others.
    rows.push(office("/evaluation/rectification", Office));
    rows.push(office("/evaluation/materials", Office));
    // The grouping page shows no refusal (an empty list of townships): allowed when it lists them.
    rows.push(row(
        "GET",
        "/admin/grouping",
        "/admin/grouping",
        Administer,
        Subject::Any,
        townships_listed,
        Call::Page,
    ));
    rows
}
