//! Progress reports as a record kind: stored once, edited or withdrawn by their author, pulled
//! back to the author's phone; each deadline's verdict for the city bureau's board; and the
//! reminders of whoever files them.
use super::api::{DeadlineDuty, PULLED_AS, ProgressRecord, ReportText};
use super::entity as progress_report;
use super::words;
use crate::auth::grids::Grids;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::{policy, waivers};
use crate::db::person;
use crate::domain::cadence::{Policy, Status};
use crate::domain::grid::{GridId, GridKind};
use crate::domain::period::{format_date, parse_date, shanghai_date};
use crate::domain::permission::Ability;
use crate::domain::progress_report::{
    FixedReport, ProgressReportDraft, ValidProgressReport, deadlines, report_status,
};
use crate::duties::api::Reminder;
use crate::error::{AppError, ServerError};
use crate::photos::ssr as photos;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{
    BatchScope, Holders, Incoming, RecordKind, Write, stored_record, stored_row,
};
use crate::waivers::api::Excusable;
use crate::waivers::ssr::offer;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{HashMap, HashSet};
use time::Date;
use uuid::Uuid;

pub struct ProgressReports;

stored_row!(progress_report, received_at_ms, ReceivedAtMs);

/// The grids whose reports the writer files, with their kinds, the policy in force, and the
/// photos the writer uploaded.
pub struct Filers {
    grids: HashMap<GridId, GridKind>,
    policy: Policy,
    uploaded: HashSet<Uuid>,
    /// The day the batch arrived: a stage's report is refused before the stage opens.
    today: Date,
}

impl BatchScope for Filers {
    async fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        let grids = (viewer
            .profile
            .grids_permitting(Ability::ReportProgress)
            .iter())
        .map(|r| (r.grid_id, r.kind))
        .collect();
        let (policy, _) = policy(tx)
            .await
            .map_err(|_| ServerError::Corrupt("the cadence policy is unreadable".into()))?;
        let uploaded = photos::uploaded_by(tx, viewer.person_id(), records).await?;
        let today = shanghai_date(viewer.now_ms)
            .ok_or_else(|| ServerError::Corrupt("the clock is out of range".into()))?;
        Ok(Filers {
            grids,
            policy,
            uploaded,
            today,
        })
    }
}

impl RecordKind for ProgressReports {
    type Draft = ProgressReportDraft;
    type Scope = Filers;
    type Admitted = ValidProgressReport;
    type Row = progress_report::Model;
    type Entity = progress_report::Entity;
    type Pulled = ProgressRecord;

    const NOUN: &'static str = "阶段进展报告";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

    fn admit(
        filers: &Filers,
        _draft: &ProgressReportDraft,
        valid: ValidProgressReport,
    ) -> Result<ValidProgressReport, Vec<Problem>> {
        let Some(&kind) = filers.grids.get(&valid.grid_id) else {
            let why = words::REFUSAL;
            return Err(vec![Problem::new("grid_not_allowed", Some("grid_id"), why)]);
        };
        let Some(rule) = valid.rule_in(&filers.policy, kind) else {
            let why = words::no_such_deadline(&valid.label, &format_date(valid.deadline));
            return Err(vec![Problem::new("no_such_deadline", Some("label"), &why)]);
        };
        let report = FixedReport::of(&rule.kind);
        if let Some(opening) = report.and_then(|r| r.opening(valid.deadline))
            && opening > filers.today
        {
            let why = words::stage_not_open(&valid.label, &format_date(opening));
            return Err(vec![Problem::new("stage_not_open", Some("deadline"), &why)]);
        }
        photos::check(&valid.photos, &filers.uploaded)?;
        Ok(valid)
    }

    fn as_draft(valid: &ValidProgressReport) -> ProgressReportDraft {
        ProgressReportDraft {
            grid_id: valid.grid_id,
            label: valid.label.clone(),
            deadline: format_date(valid.deadline),
            progress: valid.progress.clone(),
            problems: valid.problems.clone(),
            documents: valid.documents.clone(),
            photos: valid.photos.clone(),
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<ProgressReportDraft, ServerError> {
        draft_of(row)
    }

    /// An edit keeps when the report first arrived, unless it now answers another deadline.
    fn row(
        new: &Incoming<'_, ValidProgressReport>,
        before: Option<&Self::Row>,
    ) -> progress_report::ActiveModel {
        let valid = new.admitted;
        let same_deadline = |b: &&Self::Row| {
            b.grid_id == valid.grid_id && b.label == valid.label && b.deadline == valid.deadline
        };
        let first = before
            .filter(same_deadline)
            .map_or(new.at_ms, |b| b.first_received_at_ms);
        progress_report::ActiveModel {
            id: Set(new.id),
            grid_id: Set(valid.grid_id),
            person_id: Set(new.person_id),
            label: Set(valid.label.clone()),
            deadline: Set(valid.deadline),
            progress: Set(valid.progress.clone()),
            problems: Set(valid.problems.clone()),
            documents: Set(valid.documents.clone()),
            photos: Set(serde_json::json!(valid.photos).to_string()),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            first_received_at_ms: Set(first),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    /// Its photos move to its grid with every version.
    async fn write_beside(
        tx: &DatabaseTransaction,
        new: &Incoming<'_, ValidProgressReport>,
        write: Write,
    ) -> Result<(), ServerError> {
        photos::attach(
            tx,
            new.id,
            new.admitted.grid_id,
            &new.admitted.photos,
            write,
        )
        .await
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<ProgressRecord>, ServerError> {
        rows.iter()
            .map(|row| Ok(stored_record(row, draft_of(row)?)))
            .collect()
    }
}

fn draft_of(row: &progress_report::Model) -> Result<ProgressReportDraft, ServerError> {
    Ok(ProgressReportDraft {
        grid_id: row.grid_id,
        label: row.label.clone(),
        deadline: format_date(row.deadline),
        progress: row.progress.clone(),
        problems: row.problems.clone(),
        documents: row.documents.clone(),
        photos: serde_json::from_str(&row.photos)
            .map_err(ServerError::json("reading a progress report's photos"))?,
    })
}

/// A grid a fixed-date report may be asked of: id, name and kind.
pub type Filer = (GridId, String, GridKind);

/// The open grids of the city, as [`board`] takes them.
pub fn open_grids(grids: &Grids) -> Vec<Filer> {
    (grids.all().iter())
        .filter(|g| !g.closed)
        .filter_map(|g| Some((g.id, g.name.clone(), GridKind::from_code(&g.kind)?)))
        .collect()
}

/// The verdict on each deadline around `today` (the past year's and the next of each report)
/// of each of `filers` that `policy` asks a fixed-date report of, by deadline then grid; each
/// open one offered for a waiver to `excuser` where they may excuse it.
pub async fn board(
    db: &impl ConnectionTrait,
    filers: &[Filer],
    policy: &Policy,
    today: Date,
    excuser: Option<&Viewer>,
) -> Result<Vec<DeadlineDuty>, AppError> {
    let ids: Vec<GridId> = filers.iter().map(|(id, _, _)| *id).collect();
    let mut out = Vec::new();
    for rule in &policy.rules {
        let Some(report) = FixedReport::of(&rule.kind) else {
            continue;
        };
        let bound: Vec<&Filer> = filers.iter().filter(|f| f.2 == report.grid_kind).collect();
        if bound.is_empty() {
            continue;
        }
        let due = deadlines(std::slice::from_ref(&report), report.grid_kind, today);
        let days: Vec<Date> = due.iter().map(|d| d.date).collect();
        let filed = first_arrivals(db, &ids, &report.label, &days).await?;
        let periods: Vec<_> = days.iter().map(|d| rule.kind.period_of(*d)).collect();
        let waived = waivers(db, &rule.kind, &periods).await?;
        for day in &days {
            for (grid_id, grid_name, _) in &bound {
                let first = filed.get(&(*grid_id, *day)).copied();
                let status = report_status(rule, *grid_id, *day, first, &waived, today);
                let waive = excuser.and_then(|viewer| {
                    let duty = Excusable::FixedDateReport {
                        label: report.label.clone(),
                    };
                    offer(
                        viewer,
                        duty,
                        *grid_id,
                        rule.kind.period_of(*day),
                        Some(&status),
                    )
                });
                out.push(DeadlineDuty {
                    grid_id: *grid_id,
                    grid_name: grid_name.clone(),
                    label: report.label.clone(),
                    deadline: format_date(*day),
                    status,
                    filed_on: first.map(format_date).unwrap_or_default(),
                    waive,
                });
            }
        }
    }
    out.sort_by(|a, b| a.deadline.cmp(&b.deadline));
    Ok(out)
}

/// The latest report of `grid` for `label` due on `deadline`, for a viewer who reviews the
/// grid.
pub async fn read(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
    label: &str,
    deadline: &str,
) -> Result<Option<ReportText>, AppError> {
    if !viewer.permits_over(Ability::Review, grid) {
        return Err(AppError::Forbidden);
    }
    let deadline = parse_date(deadline).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let Some(row) = progress_report::Entity::find()
        .filter(progress_report::Column::GridId.eq(grid))
        .filter(progress_report::Column::Label.eq(label))
        .filter(progress_report::Column::Deadline.eq(deadline))
        .order_by_desc(progress_report::Column::ReceivedAtMs)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let author = person::Entity::find_by_id(row.person_id)
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let draft = draft_of(&row)?;
    Ok(Some(ReportText {
        author,
        received_on: shanghai_date(row.received_at_ms)
            .map(format_date)
            .unwrap_or_default(),
        progress: draft.progress,
        problems: draft.problems,
        documents: draft.documents,
        photos: draft.photos,
    }))
}

/// The day the first report of each of `grids` for each of `days` arrived, for report `label`.
async fn first_arrivals(
    db: &impl ConnectionTrait,
    grids: &[GridId],
    label: &str,
    days: &[Date],
) -> Result<HashMap<(GridId, Date), Date>, AppError> {
    let rows: Vec<(i32, Date, i64)> = progress_report::Entity::find()
        .select_only()
        .column(progress_report::Column::GridId)
        .column(progress_report::Column::Deadline)
        .column(progress_report::Column::FirstReceivedAtMs)
        .filter(progress_report::Column::GridId.is_in(grids.iter().copied()))
        .filter(progress_report::Column::Label.eq(label))
        .filter(progress_report::Column::Deadline.is_in(days.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut first: HashMap<(GridId, Date), Date> = HashMap::new();
    for (grid, deadline, at_ms) in rows {
        let Some(day) = shanghai_date(at_ms) else {
            continue;
        };
        let earliest = first.entry((grid, deadline)).or_insert(day);
        *earliest = (*earliest).min(day);
    }
    Ok(first)
}

/// The reminders of whoever files fixed-date reports: of each report of their grids, the next
/// deadline once due soon, and the last one passed if it was missed (older misses stay on the
/// city's board rather than fill the home page).
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let mine: Vec<Filer> = (viewer
        .profile
        .grids_permitting(Ability::ReportProgress)
        .iter())
    .map(|r| (r.grid_id, r.grid_name.clone(), r.kind))
    .collect();
    let duties = board(db, &mine, policy, today, None).await?;
    let passed = format_date(today);
    let last_passed = |d: &DeadlineDuty| {
        (duties.iter())
            .filter(|o| o.grid_id == d.grid_id && o.label == d.label && o.deadline < passed)
            .map(|o| &o.deadline)
            .max()
            == Some(&d.deadline)
    };
    Ok((duties.iter())
        .filter(|d| match d.status {
            Status::DueSoon => true,
            Status::Overdue => last_passed(d),
            _ => false,
        })
        .map(|d| Reminder {
            title: words::reminder(&d.grid_name, &words::choice(&d.label, &d.deadline)),
            note: words::due_on(&d.deadline),
            status: d.status.clone(),
            report: None,
        })
        .collect())
}
