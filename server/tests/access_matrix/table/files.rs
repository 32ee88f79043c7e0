//! The rows of the routes that send or take files: the township's exports, and the
//! administration's imports, exports and audit log.
use super::row;
use crate::access_matrix::calls::*;
use crate::access_matrix::cell::{Call, Row, Subject};
use crate::access_matrix::judge::*;
use crate::access_matrix::rule::Cap::*;
use uuid::Uuid;

pub(super) fn township_exports() -> Vec<Row> {
    const PATH: &str = "/api/v1/township/export/{file}";
    vec![
        row(
            "GET",
            PATH,
            "township export visits.xlsx",
            Oversee,
            Subject::Grid,
            by_status,
            Call::Get(|t| format!("/api/v1/township/export/visits.xlsx?scope={}", t.subject.id)),
        ),
        row(
            "GET",
            PATH,
            "township export visits.csv",
            Oversee,
            Subject::Grid,
            by_status,
            Call::Get(|t| format!("/api/v1/township/export/visits.csv?scope={}", t.subject.id)),
        ),
        row(
            "GET",
            PATH,
            "township export reports.xlsx",
            Oversee,
            Subject::Grid,
            by_status,
            Call::Get(|t| {
                format!(
                    "/api/v1/township/export/reports.xlsx?scope={}",
                    t.subject.id
                )
            }),
        ),
        row(
            "GET",
            PATH,
            "township export reports.csv",
            Oversee,
            Subject::Grid,
            by_status,
            Call::Get(|t| format!("/api/v1/township/export/reports.csv?scope={}", t.subject.id)),
        ),
    ]
}

pub(super) fn admin_routes() -> Vec<Row> {
    const EXPORT: &str = "/api/v1/admin/export/{file}";
    vec![
        // A preview (apply=false) of a file of headers only: changes nothing.
        row(
            "POST",
            app::admin::api::IMPORT_PATH,
            "admin import (preview)",
            Administer,
            Subject::Any,
            past_gate,
            Call::Custom(|t| Box::pin(import(t))),
        ),
        row(
            "GET",
            "/api/v1/admin/import-progress/{job}",
            "admin import progress",
            Administer,
            Subject::Any,
            past_gate,
            Call::Get(|_| {
                format!(
                    "{}/{}",
                    app::admin::api::IMPORT_PROGRESS_PATH,
                    Uuid::now_v7()
                )
            }),
        ),
        row(
            "GET",
            EXPORT,
            "admin export enterprises.csv",
            Administer,
            Subject::Any,
            by_status,
            Call::Get(|_| "/api/v1/admin/export/enterprises.csv".into()),
        ),
        row(
            "GET",
            EXPORT,
            "admin export people.xlsx",
            Administer,
            Subject::Any,
            by_status,
            Call::Get(|_| "/api/v1/admin/export/people.xlsx".into()),
        ),
        row(
            "GET",
            app::assessment::api::PAYMENTS_PATH,
            "assessment payments.xlsx",
            Administer,
            Subject::Any,
            by_status,
            Call::Get(|_| app::assessment::api::PAYMENTS_PATH.into()),
        ),
        // No campaign 0: the bureau is refused in words (422), everyone else 403.
        row(
            "GET",
            app::evaluation::api::NOTICE_XLSX_PATH,
            "evaluation notice.xlsx",
            Administer,
            Subject::Any,
            past_gate,
            Call::Get(|_| format!("{}?id=0", app::evaluation::api::NOTICE_XLSX_PATH)),
        ),
        row(
            "GET",
            app::evaluation::api::ARCHIVE_PATH,
            "evaluation archive.zip",
            Administer,
            Subject::Any,
            past_gate,
            Call::Get(|_| format!("{}?id=0&county=990181", app::evaluation::api::ARCHIVE_PATH)),
        ),
        row(
            "GET",
            app::evaluation::api::NOTICE_DOCX_PATH,
            "evaluation notice.docx",
            Administer,
            Subject::Any,
            past_gate,
            Call::Get(|_| format!("{}?id=0", app::evaluation::api::NOTICE_DOCX_PATH)),
        ),
        row(
            "GET",
            app::assessment::api::MINE_PATH,
            "assessment mine",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Get(|_| app::assessment::api::MINE_PATH.into()),
        ),
        row(
            "GET",
            app::funds::api::MINE_PATH,
            "funds mine",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Get(|_| app::funds::api::MINE_PATH.into()),
        ),
        // Anyone signed in reads the sheets assigned to them (none, in the world).
        row(
            "GET",
            app::kinds::score_sheets::api::MINE_PATH,
            "score sheets mine",
            SignedIn,
            Subject::Any,
            by_status,
            Call::Get(|_| app::kinds::score_sheets::api::MINE_PATH.into()),
        ),
        row(
            "GET",
            app::admin::api::AUDIT_PATH,
            "admin audit",
            Administer,
            Subject::Any,
            by_status,
            Call::Get(|_| app::admin::api::AUDIT_PATH.into()),
        ),
        row(
            "GET",
            "/api/v1/admin/audit.csv",
            "admin audit.csv",
            Administer,
            Subject::Any,
            by_status,
            Call::Get(|_| "/api/v1/admin/audit.csv".into()),
        ),
    ]
}
