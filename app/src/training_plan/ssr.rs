//! The plan read and saved in the database: whoever oversees a unit reads it with the trainings
//! held in the unit and below and, where the policy asks for a plan, its verdict; its leader
//! and 分管领导, or the city bureau, save it; each save goes into the audit log. Those who draw
//! it up are reminded while it is due soon or overdue.
use super::api::TrainingPlan;
use super::entity as plan_line;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::db::training;
use crate::domain::cadence::{ObligationKind, Period, Policy, Status, Subject, judge_year};
use crate::domain::period::{format_date, shanghai_date};
use crate::domain::permission::Ability;
use crate::domain::training::{TrainingSession, TrainingTopic};
use crate::domain::training_plan::{PlanLine, TrainingPlanDraft, progress};
use crate::duties::api::Reminder;
use crate::error::AppError;
use crate::waivers::api::Excusable;
use crate::waivers::ssr::offer;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use time::Date;

const KIND: ObligationKind = ObligationKind::TrainingPlan;

/// Unit `grid`'s plan for `year`, for a viewer who oversees it; `None` when it is no level-2
/// unit.
pub async fn plan(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
    year: i32,
) -> Result<Option<TrainingPlan>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some((unit, _)) = viewer.unit(grid) else {
        return Ok(None);
    };
    let rows = stored_rows(db, grid, year).await?;
    let lines = lines_of(&rows);
    let drawn_up_on = (rows.iter().map(|row| row.drawn_up_at_ms).min()).and_then(shanghai_date);
    let (held, joint_reviews) = held_in(db, viewer, grid, year).await?;
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let duty = match policy.rule(&KIND) {
        Some(rule) => {
            let waived = waivers(db, &KIND, &[Period::Year(year)]).await?;
            let today = viewer.today()?;
            let status = judge_year(rule, Subject::Grid(grid), year, drawn_up_on, &waived, today);
            let due = rule.deadline(rule.due_date(&Period::Year(year)));
            Some((status, format_date(due)))
        }
        None => None,
    };
    let status = duty.as_ref().map(|(status, _)| status);
    let excuse = offer(
        viewer,
        Excusable::TrainingPlan,
        grid,
        Period::Year(year),
        status,
    );
    Ok(Some(TrainingPlan {
        grid_id: grid,
        unit,
        year,
        drawn_up_on: drawn_up_on.map(format_date),
        duty,
        excuse,
        subjects: progress(&lines, &held),
        joint_reviews,
        may_edit: viewer.permits_over(Ability::PlanTraining, grid),
    }))
}

/// The day in Beijing `grid`'s plan for `year` was first saved, if it was.
async fn drawn_up_on(
    db: &impl ConnectionTrait,
    grid: i32,
    year: i32,
) -> Result<Option<Date>, AppError> {
    let first: Option<i64> = plan_line::Entity::find()
        .select_only()
        .column_as(plan_line::Column::DrawnUpAtMs.min(), "first")
        .filter(plan_line::Column::GridId.eq(grid))
        .filter(plan_line::Column::Year.eq(year))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten();
    Ok(first.and_then(shanghai_date))
}

/// The reminders of the units whose plan the viewer draws up as their leader or 分管领导: this
/// year's plan, not yet drawn up when it is due soon or overdue.
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let Some(rule) = policy.rule(&KIND) else {
        return Ok(Vec::new());
    };
    let year = today.year();
    let period = Period::Year(year);
    let units: Vec<(i32, String)> = (viewer.profile.roles.iter())
        .filter(|r| r.kind.is_level_two())
        .filter(|r| viewer.permits_over(Ability::PlanTraining, r.grid_id))
        .map(|r| (r.grid_id, r.grid_name.clone()))
        .collect();
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let waived = waivers(db, &KIND, &[period]).await?;
    let due = format_date(rule.deadline(rule.due_date(&period)));
    let mut out = Vec::new();
    for (grid, unit) in units {
        let done = drawn_up_on(db, grid, year).await?;
        let status = judge_year(rule, Subject::Grid(grid), year, done, &waived, today);
        if matches!(status, Status::DueSoon | Status::Overdue) {
            out.push(Reminder {
                title: words::reminder(&unit, year),
                note: words::on_time_by(&due),
                status,
                report: None,
            });
        }
    }
    Ok(out)
}

/// Saves unit `grid`'s plan, replacing the year's lines.
pub async fn save(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: i32,
    draft: &TrainingPlanDraft,
) -> Result<TrainingPlan, AppError> {
    if !viewer.permits_over(Ability::PlanTraining, grid) {
        return Err(AppError::Forbidden);
    }
    let (unit, _) = viewer.unit(grid).ok_or(AppError::Forbidden)?;
    let lines = (draft.validate(viewer.today()?.year())).map_err(|e| AppError::refused(&e))?;
    let year = draft.year;
    let tx = crate::db::begin_write(db).await?;
    let rows = stored_rows(&tx, grid, year).await?;
    let before = lines_of(&rows);
    let drawn_up_at_ms = rows.iter().map(|row| row.drawn_up_at_ms).min();
    plan_line::Entity::delete_many()
        .filter(plan_line::Column::GridId.eq(grid))
        .filter(plan_line::Column::Year.eq(year))
        .exec(&tx)
        .await?;
    let by = Actor::of(viewer);
    plan_line::Entity::insert_many(lines.iter().map(|l| plan_line::ActiveModel {
        id: NotSet,
        grid_id: Set(grid),
        year: Set(year),
        topic: Set(l.topic.code().to_owned()),
        sessions: Set(i32::try_from(l.sessions).unwrap_or(i32::MAX)),
        note: Set(l.note.clone()),
        drawn_up_at_ms: Set(drawn_up_at_ms.unwrap_or(by.at_ms)),
        saved_at_ms: Set(by.at_ms),
        saved_by: Set(by.person_id),
    }))
    .exec(&tx)
    .await?;
    let key = format!("{unit} {year}");
    let before = (!before.is_empty()).then_some(&before);
    let action = "save_training_plan";
    audit::record(&tx, by, action, "training_plan", &key, before, Some(&lines)).await?;
    tx.commit().await?;
    plan(db, viewer, grid, year)
        .await?
        .ok_or(AppError::Forbidden)
}

/// The rows stored for `grid`'s plan of `year`, in the document's order.
async fn stored_rows(
    db: &impl ConnectionTrait,
    grid: i32,
    year: i32,
) -> Result<Vec<plan_line::Model>, AppError> {
    Ok(plan_line::Entity::find()
        .filter(plan_line::Column::GridId.eq(grid))
        .filter(plan_line::Column::Year.eq(year))
        .order_by_asc(plan_line::Column::Id)
        .all(db)
        .await?)
}

/// The plan's lines in `rows`.
fn lines_of(rows: &[plan_line::Model]) -> Vec<PlanLine> {
    (rows.iter())
        .filter_map(|row| {
            Some(PlanLine {
                topic: TrainingTopic::from_code(&row.topic)?,
                sessions: u32::try_from(row.sessions).unwrap_or(0),
                note: row.note.clone(),
            })
        })
        .collect()
}

/// The topic of each 业务培训 held in `year` in unit `grid` and the grids below it, and the
/// number of 联审辅导 sessions.
async fn held_in(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
    year: i32,
) -> Result<(Vec<TrainingTopic>, u32), AppError> {
    let year_of = Period::Year(year);
    let (first, last) = (year_of.first_day(), year_of.last_day());
    let grids = viewer.grids.tree.subtree(grid);
    let rows: Vec<(String, String)> = training::Entity::find()
        .select_only()
        .column(training::Column::Topic)
        .column(training::Column::Session)
        .filter(training::Column::GridId.is_in(grids))
        .filter(training::Column::TrainingDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    let mut topics = Vec::new();
    let mut joint_reviews = 0;
    for (topic, session) in rows {
        match TrainingSession::from_code(&session) {
            Some(TrainingSession::JointReview) => joint_reviews += 1,
            // One person's online study is no session the unit held.
            Some(TrainingSession::Online) => {}
            _ => topics.extend(TrainingTopic::from_code(&topic)),
        }
    }
    Ok((topics, joint_reviews))
}
