//! Analysis meetings as a record kind: stored once, edited or withdrawn by their recorder,
//! pulled back to the recorder's phone; and a township's meetings of a month with the duty
//! they meet, for the township view.
use super::api::{MeetingMinutes, MeetingRecord, MonthMeetings, PULLED_AS};
use super::entity as analysis_meeting;
use super::words;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::db::person;
use crate::domain::analysis_meeting::{AnalysisMeetingDraft, ValidAnalysisMeeting, meeting_status};
use crate::domain::cadence::{ObligationKind, Period, Policy, Status};
use crate::domain::period::{Month, format_date};
use crate::duties::api::Reminder;
use crate::error::{AppError, ServerError};
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{BatchScope, Holders, Incoming, RecordKind, stored_record, stored_row};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeSet, HashMap};
use time::Date;

pub struct AnalysisMeetings;

stored_row!(analysis_meeting, received_at_ms, ReceivedAtMs);

/// The townships whose meetings the writer records.
pub struct Townships(BTreeSet<i32>);

impl BatchScope for Townships {
    async fn load(
        _tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        let grids = viewer.profile.meeting_grids();
        Ok(Townships(grids.iter().map(|r| r.grid_id).collect()))
    }
}

impl RecordKind for AnalysisMeetings {
    type Draft = AnalysisMeetingDraft;
    type Scope = Townships;
    type Admitted = ValidAnalysisMeeting;
    type Row = analysis_meeting::Model;
    type Entity = analysis_meeting::Entity;
    type Pulled = MeetingRecord;

    const NOUN: &'static str = "月度分析例会纪要";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

    fn admit(
        townships: &Townships,
        _draft: &AnalysisMeetingDraft,
        valid: ValidAnalysisMeeting,
    ) -> Result<ValidAnalysisMeeting, Vec<Problem>> {
        if townships.0.contains(&valid.grid_id) {
            Ok(valid)
        } else {
            let why = words::REFUSAL;
            Err(vec![Problem::new("grid_not_allowed", Some("grid_id"), why)])
        }
    }

    fn as_draft(valid: &ValidAnalysisMeeting) -> AnalysisMeetingDraft {
        AnalysisMeetingDraft {
            grid_id: valid.grid_id,
            meeting_date: format_date(valid.meeting_date),
            attendees: valid.attendees.clone(),
            economy: valid.economy.clone(),
            findings: valid.findings.clone(),
            follow_ups: valid.follow_ups.clone(),
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<AnalysisMeetingDraft, ServerError> {
        Ok(draft_of(row))
    }

    fn row(
        new: &Incoming<'_, ValidAnalysisMeeting>,
        _before: Option<&Self::Row>,
    ) -> analysis_meeting::ActiveModel {
        let valid = new.admitted;
        analysis_meeting::ActiveModel {
            id: Set(new.id),
            grid_id: Set(valid.grid_id),
            person_id: Set(new.person_id),
            meeting_date: Set(valid.meeting_date),
            attendees: Set(valid.attendees.clone()),
            economy: Set(valid.economy.clone()),
            findings: Set(valid.findings.clone()),
            follow_ups: Set(valid.follow_ups.clone()),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<MeetingRecord>, ServerError> {
        Ok(rows
            .iter()
            .map(|row| stored_record(row, draft_of(row)))
            .collect())
    }
}

fn draft_of(row: &analysis_meeting::Model) -> AnalysisMeetingDraft {
    AnalysisMeetingDraft {
        grid_id: row.grid_id,
        meeting_date: format_date(row.meeting_date),
        attendees: row.attendees.clone(),
        economy: row.economy.clone(),
        findings: row.findings.clone(),
        follow_ups: row.follow_ups.clone(),
    }
}

/// The reminders of the townships whose meetings the viewer records: last month's meeting or
/// this month's, not yet recorded when it is due soon or overdue.
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let kind = ObligationKind::TownshipAnalysisMeeting;
    let townships = viewer.profile.meeting_grids();
    let Some(rule) = policy.rule(&kind).filter(|_| !townships.is_empty()) else {
        return Ok(Vec::new());
    };
    let this = Month::of(today);
    let months = [this.prev(), this];
    let periods = months.map(Period::Month);
    let waived = waivers(db, &kind, &periods).await?;
    let grids: Vec<i32> = townships.iter().map(|r| r.grid_id).collect();
    let held = meeting_days(db, &grids, months[0].first_day(), this.last_day()).await?;
    let mut out = Vec::new();
    for township in townships {
        let days: Vec<Date> = held
            .iter()
            .filter(|(grid, _)| *grid == township.grid_id)
            .map(|(_, day)| *day)
            .collect();
        for (month, period) in months.iter().zip(&periods) {
            let status = meeting_status(rule, township.grid_id, *month, &days, &waived, today);
            if matches!(status, Status::DueSoon | Status::Overdue) {
                let deadline = rule.deadline(rule.due_date(period));
                out.push(Reminder {
                    title: words::reminder(&township.grid_name, &month.label()),
                    note: words::on_time_by(&format_date(deadline)),
                    status,
                    report: None,
                });
            }
        }
    }
    Ok(out)
}

/// The days each of `grids` met between `first` and `last`.
async fn meeting_days(
    db: &impl ConnectionTrait,
    grids: &[i32],
    first: Date,
    last: Date,
) -> Result<Vec<(i32, Date)>, AppError> {
    Ok(analysis_meeting::Entity::find()
        .select_only()
        .column(analysis_meeting::Column::GridId)
        .column(analysis_meeting::Column::MeetingDate)
        .filter(analysis_meeting::Column::GridId.is_in(grids.iter().copied()))
        .filter(analysis_meeting::Column::MeetingDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?)
}

/// The meetings township `grid` (named `township`) held in `month` and the month's duty under
/// `policy`, as judged on `today`.
pub async fn month_meetings(
    db: &impl ConnectionTrait,
    policy: &Policy,
    (grid, township): (i32, &str),
    month: Month,
    today: Date,
) -> Result<MonthMeetings, AppError> {
    let rows = analysis_meeting::Entity::find()
        .filter(analysis_meeting::Column::GridId.eq(grid))
        .filter(analysis_meeting::Column::MeetingDate.between(month.first_day(), month.last_day()))
        .order_by_asc(analysis_meeting::Column::MeetingDate)
        .all(db)
        .await?;
    let kind = ObligationKind::TownshipAnalysisMeeting;
    let status = match policy.rule(&kind) {
        Some(rule) => {
            let waived = waivers(db, &kind, &[Period::Month(month)]).await?;
            let held: Vec<Date> = rows.iter().map(|r| r.meeting_date).collect();
            Some(meeting_status(rule, grid, month, &held, &waived, today))
        }
        None => None,
    };
    let recorders: BTreeSet<i32> = rows.iter().map(|r| r.person_id).collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(recorders))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(MonthMeetings {
        township: township.to_owned(),
        status,
        held: rows
            .iter()
            .map(|row| MeetingMinutes {
                minutes: draft_of(row),
                recorded_by: names.get(&row.person_id).cloned().unwrap_or_default(),
            })
            .collect(),
        excuse: None,
    })
}
