//! Monthly-report reminders by role: a grid leader's own reports (due, overdue, returned) and
//! a township leader's township (reports to review, grids overdue). Last month and this one.
use super::duty::{Judged, judge};
use crate::auth::ssr::Viewer;
use crate::db::{grid, monthly_report};
use crate::domain::cadence::Status;
use crate::domain::grid::GridKind;
use crate::domain::period::Month;
use crate::domain::report::ReviewStatus;
use crate::duties::api::Reminder;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use time::Date;

pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let this = Month::of(today);
    let months = [this.prev(), this];
    let grids = viewer.grids.all();
    let mut out = leader_reminders(db, viewer, grids, &months, today).await?;
    out.extend(township_reminders(db, viewer, grids, &months, today).await?);
    Ok(out)
}

type Reports = HashMap<(i32, String), monthly_report::Model>;

/// The reports of `grids` for `months` by grid and month, and the report duty judged on them.
async fn judged_reports(
    db: &impl ConnectionTrait,
    grids: &[grid::Model],
    months: &[Month],
    today: Date,
) -> Result<(Reports, Judged), AppError> {
    let reports: Reports = monthly_report::Entity::find()
        .filter(monthly_report::Column::GridId.is_in(grids.iter().map(|g| g.id)))
        .filter(monthly_report::Column::Month.is_in(months.iter().map(Month::to_string)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| ((r.grid_id, r.month.clone()), r))
        .collect();
    let history: Vec<(i32, String, i64)> = reports
        .values()
        .map(|r| (r.grid_id, r.month.clone(), r.first_received_at_ms))
        .collect();
    let judged = judge(db, grids, &history, months, today).await?;
    Ok((reports, judged))
}

async fn leader_reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grids: &[grid::Model],
    months: &[Month],
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let own: Vec<i32> = viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect();
    let own: Vec<grid::Model> = grids
        .iter()
        .filter(|g| own.contains(&g.id) && !g.closed)
        .cloned()
        .collect();
    if own.is_empty() {
        return Ok(Vec::new());
    }
    let (reports, judged) = judged_reports(db, &own, months, today).await?;
    let mut out = Vec::new();
    for g in &own {
        for m in months {
            let key = (g.id, m.to_string());
            let title = format!("{} {}情况汇报", g.name, m.label());
            match reports.get(&key) {
                Some(r) if r.status == ReviewStatus::Returned.code() => out.push(Reminder {
                    title: format!("{title}被退回"),
                    note: format!("乡镇意见：{}", r.review_comment.clone().unwrap_or_default()),
                    status: Status::DueSoon,
                    report: Some(key.clone()),
                }),
                Some(_) => {}
                None => {
                    let Some(status) = judged.statuses.get(&(g.id, *m)) else {
                        continue;
                    };
                    if matches!(status, Status::Overdue | Status::DueSoon) {
                        let due = judged.due.get(m).cloned().unwrap_or_default();
                        out.push(Reminder {
                            title,
                            note: format!("{due} 前提交为按时"),
                            status: status.clone(),
                            report: Some(key.clone()),
                        });
                    }
                }
            }
        }
    }
    Ok(out)
}

async fn township_reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grids: &[grid::Model],
    months: &[Month],
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let mut out = Vec::new();
    let townships = viewer
        .profile
        .roles
        .iter()
        .filter(|r| r.kind.is_level_two() && r.role.reviews_in(r.kind));
    for township in townships {
        let below = viewer.grids.tree.subtree(township.grid_id);
        let lower: Vec<grid::Model> = grids
            .iter()
            .filter(|g| {
                // The lower grids' reports, and the township's own from its 经发办 staff.
                let reported = GridKind::from_code(&g.kind)
                    .is_some_and(|k| k.reports_monthly() || k.holds_meetings());
                below.contains(&g.id) && reported && !g.closed
            })
            .cloned()
            .collect();
        if lower.is_empty() {
            continue;
        }
        let (reports, judged) = judged_reports(db, &lower, months, today).await?;
        let waiting = reports
            .values()
            .filter(|r| r.status == ReviewStatus::Submitted.code())
            .count();
        if waiting > 0 {
            out.push(Reminder {
                title: format!("{}：{waiting} 份情况汇报待审核", township.grid_name),
                note: "在“月度汇报审核”中通过或退回".into(),
                status: Status::DueSoon,
                report: None,
            });
        }
        for m in months {
            let overdue = lower
                .iter()
                .filter(|g| judged.statuses.get(&(g.id, *m)) == Some(&Status::Overdue))
                .count();
            if overdue > 0 {
                out.push(Reminder {
                    title: format!(
                        "{}：{overdue} 个网格{}情况汇报逾期未交",
                        township.grid_name,
                        m.label()
                    ),
                    note: format!("截止 {}", judged.due.get(m).cloned().unwrap_or_default()),
                    status: Status::Overdue,
                    report: None,
                });
            }
        }
    }
    Ok(out)
}
