//! What the year's records say for each member or grid a unit assesses: the figures behind
//! the scheme's indicators, read in a few queries over the unit's enterprise grids.
use crate::auth::ssr::Viewer;
use crate::db::{
    annual_plan, enterprise, grid_activity, major_event, monthly_report, role_assignment, visit,
};
use crate::domain::assessment::{Assessed, Figure, Measure, Scheme};
use crate::domain::cadence::{ObligationKind, Period, Rule, Status, Subject as Owes, judge};
use crate::domain::grid::{GridKind, Role};
use crate::domain::period::{Month, shanghai_date};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::Date;

/// One member or grid with its figures, one per indicator of the scheme.
pub struct Subject {
    pub id: i32,
    pub name: String,
    pub grids: Vec<i32>,
    pub figures: Vec<Figure>,
}

/// Per grid: what its records say this year.
#[derive(Default)]
struct GridYear {
    enterprises: BTreeSet<i32>,
    visits: u32,
    visited: BTreeSet<i32>,
    activities: u32,
    major_events: u32,
    plan: bool,
    reports_due: u32,
    reports_on_time: u32,
}

/// Per member: their own records this year.
#[derive(Default)]
struct MemberYear {
    visits: u32,
    activities: u32,
    hours: u32,
    major_events: u32,
}

/// The unit's enterprise grids, open, in id order.
pub fn enterprise_grids(viewer: &Viewer, unit: i32) -> Vec<i32> {
    (viewer.grids.tree.subtree(unit).into_iter())
        .filter(|&g| {
            viewer.grids.get(g).is_some_and(|row| {
                !row.closed && GridKind::from_code(&row.kind) == Some(GridKind::Enterprise)
            })
        })
        .collect()
}

/// Everyone the `scheme` assesses in `unit` with their figures for `year` as of `today`, by
/// grid and name.
pub async fn subjects(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    scheme: &Scheme,
    year: i32,
    today: Date,
) -> Result<Vec<Subject>, AppError> {
    let grids = enterprise_grids(viewer, unit);
    let first = Period::Year(year).first_day();
    let last = Period::Year(year).last_day().min(today);
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let report_rule = policy.rule(&ObligationKind::MonthlyLeaderReport);
    let mut by_grid = grid_years(db, &grids, year, first, last).await?;
    if let Some(rule) = report_rule {
        reports(db, &grids, year, today, rule, &mut by_grid).await?;
    }
    let names = viewer.grids.names();
    let mut out = match scheme.assessed {
        Assessed::Grid => {
            let people = members_of(db, &grids).await?;
            let hours = hours_of(db, &people.keys().copied().collect::<Vec<_>>(), year).await?;
            (grids.iter())
                .map(|&g| {
                    let members: Vec<i32> = (people.iter())
                        .filter(|(_, grids)| grids.contains(&g))
                        .map(|(p, _)| *p)
                        .collect();
                    let total: u32 = members
                        .iter()
                        .map(|p| hours.get(p).copied().unwrap_or(0))
                        .sum();
                    let average = total.checked_div(members.len() as u32).unwrap_or(0);
                    let year = by_grid.remove(&g).unwrap_or_default();
                    Subject {
                        id: g,
                        name: names.get(&g).cloned().unwrap_or_default(),
                        grids: vec![g],
                        figures: (scheme.indicators.iter())
                            .map(|i| grid_figure(i.measure, &year, average))
                            .collect(),
                    }
                })
                .collect::<Vec<_>>()
        }
        Assessed::Member => {
            let people = members_of(db, &grids).await?;
            let ids: Vec<i32> = people.keys().copied().collect();
            let person_names = crate::notices::ssr::names(db, ids.iter().copied()).await?;
            let mut own = member_years(db, viewer, unit, &ids, first, last).await?;
            let hours = hours_of(db, &ids, year).await?;
            (people.into_iter())
                .filter_map(|(person, grids)| {
                    let name = person_names.get(&person)?.clone();
                    let mut year = own.remove(&person).unwrap_or_default();
                    year.hours = hours.get(&person).copied().unwrap_or(0);
                    let theirs: Vec<&GridYear> =
                        grids.iter().filter_map(|g| by_grid.get(g)).collect();
                    let figures = (scheme.indicators.iter())
                        .map(|i| member_figure(i.measure, &year, &theirs))
                        .collect();
                    Some(Subject {
                        id: person,
                        name,
                        grids,
                        figures,
                    })
                })
                .collect()
        }
    };
    out.sort_by(|a, b| (&a.grids, &a.name).cmp(&(&b.grids, &b.name)));
    Ok(out)
}

fn grid_figure(measure: Measure, year: &GridYear, average_hours: u32) -> Figure {
    match measure {
        Measure::Visits => Figure::count(year.visits),
        Measure::Coverage => Figure::rate(
            year.visited.intersection(&year.enterprises).count() as u32,
            year.enterprises.len() as u32,
        ),
        Measure::Activities => Figure::count(year.activities),
        Measure::EducationHours => Figure::count(average_hours),
        Measure::ReportsOnTime => Figure::rate(year.reports_on_time, year.reports_due),
        Measure::AnnualPlan => Figure::count(u32::from(year.plan)),
        Measure::MajorEvents => Figure::count(year.major_events),
    }
}

/// A member's figure: their own records, or their grids' where the duty is the grid's (its
/// enterprises covered, its reports and plan).
fn member_figure(measure: Measure, own: &MemberYear, grids: &[&GridYear]) -> Figure {
    match measure {
        Measure::Visits => Figure::count(own.visits),
        Measure::Coverage => Figure::rate(
            grids
                .iter()
                .map(|g| g.visited.intersection(&g.enterprises).count() as u32)
                .sum(),
            grids.iter().map(|g| g.enterprises.len() as u32).sum(),
        ),
        Measure::Activities => Figure::count(own.activities),
        Measure::EducationHours => Figure::count(own.hours),
        Measure::ReportsOnTime => Figure::rate(
            grids.iter().map(|g| g.reports_on_time).sum(),
            grids.iter().map(|g| g.reports_due).sum(),
        ),
        Measure::AnnualPlan => Figure::count(u32::from(grids.iter().any(|g| g.plan))),
        Measure::MajorEvents => Figure::count(own.major_events),
    }
}

/// The members (网格员) of `grids`, with the grids each is a member of.
pub(crate) async fn members_of(
    db: &impl ConnectionTrait,
    grids: &[i32],
) -> Result<BTreeMap<i32, Vec<i32>>, AppError> {
    let rows: Vec<(i32, i32)> = role_assignment::Entity::find()
        .select_only()
        .columns([
            role_assignment::Column::PersonId,
            role_assignment::Column::GridId,
        ])
        .filter(role_assignment::Column::GridId.is_in(grids.iter().copied()))
        .filter(role_assignment::Column::Role.eq(Role::Member.code()))
        .into_tuple()
        .all(db)
        .await?;
    let mut people: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for (person, grid) in rows {
        people.entry(person).or_default().push(grid);
    }
    for grids in people.values_mut() {
        grids.sort_unstable();
    }
    Ok(people)
}

async fn hours_of(
    db: &impl ConnectionTrait,
    people: &[i32],
    year: i32,
) -> Result<HashMap<i32, u32>, AppError> {
    let attended = crate::trainings::ssr::hours_attended(db, people, year).await?;
    Ok(attended
        .into_iter()
        .map(|(p, days)| (p, days.iter().map(|(_, h)| h).sum()))
        .collect())
}

/// Each grid's enterprises, visits, activities, major events and plan of the year.
async fn grid_years(
    db: &impl ConnectionTrait,
    grids: &[i32],
    year: i32,
    first: Date,
    last: Date,
) -> Result<HashMap<i32, GridYear>, AppError> {
    let mut by_grid: HashMap<i32, GridYear> =
        grids.iter().map(|&g| (g, GridYear::default())).collect();
    let in_grids = || grids.iter().copied();
    let enterprises: Vec<(i32, i32)> = enterprise::Entity::find()
        .select_only()
        .columns([enterprise::Column::GridId, enterprise::Column::Id])
        .filter(enterprise::Column::GridId.is_in(in_grids()))
        .filter(enterprise::Column::Closed.eq(false))
        .into_tuple()
        .all(db)
        .await?;
    for (g, e) in enterprises {
        by_grid.entry(g).or_default().enterprises.insert(e);
    }
    let visits: Vec<(i32, i32)> = visit::Entity::find()
        .select_only()
        .columns([visit::Column::GridId, visit::Column::EnterpriseId])
        .filter(visit::Column::GridId.is_in(in_grids()))
        .filter(visit::Column::VisitDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    for (g, e) in visits {
        let year = by_grid.entry(g).or_default();
        year.visits += 1;
        year.visited.insert(e);
    }
    let activities: Vec<i32> = grid_activity::Entity::find()
        .select_only()
        .column(grid_activity::Column::GridId)
        .filter(grid_activity::Column::GridId.is_in(in_grids()))
        .filter(grid_activity::Column::ActivityDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    for g in activities {
        by_grid.entry(g).or_default().activities += 1;
    }
    let events: Vec<i32> = major_event::Entity::find()
        .select_only()
        .column(major_event::Column::GridId)
        .filter(major_event::Column::GridId.is_in(in_grids()))
        .filter(major_event::Column::OccurredOn.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    for g in events {
        by_grid.entry(g).or_default().major_events += 1;
    }
    let plans: Vec<i32> = annual_plan::Entity::find()
        .select_only()
        .column(annual_plan::Column::GridId)
        .filter(annual_plan::Column::GridId.is_in(in_grids()))
        .filter(annual_plan::Column::Year.eq(year))
        .into_tuple()
        .all(db)
        .await?;
    for g in plans {
        by_grid.entry(g).or_default().plan = true;
    }
    Ok(by_grid)
}

/// Each grid's monthly reports of `year` due by `today`, and those in by their deadline, as
/// the cadence judges them: a waived month is not counted as due.
async fn reports(
    db: &impl ConnectionTrait,
    grids: &[i32],
    year: i32,
    today: Date,
    rule: &Rule,
    by_grid: &mut HashMap<i32, GridYear>,
) -> Result<(), AppError> {
    let months: Vec<Period> = (1..=12)
        .filter_map(|m| Month::new(year, m).ok())
        .map(Period::Month)
        .collect();
    let waived = crate::cadence::ssr::waivers(db, &rule.kind, &months).await?;
    let filed: Vec<(i32, String, i64)> = monthly_report::Entity::find()
        .select_only()
        .columns([
            monthly_report::Column::GridId,
            monthly_report::Column::Month,
            monthly_report::Column::FirstReceivedAtMs,
        ])
        .filter(monthly_report::Column::GridId.is_in(grids.iter().copied()))
        .filter(monthly_report::Column::Month.is_in(months.iter().map(Period::to_string)))
        .into_tuple()
        .all(db)
        .await?;
    let filed: HashMap<(i32, String), Date> = (filed.into_iter())
        .filter_map(|(g, m, at)| Some(((g, m), shanghai_date(at)?)))
        .collect();
    for &g in grids {
        let year = by_grid.entry(g).or_default();
        for month in &months {
            let on: Vec<(Date, u32)> = (filed.get(&(g, month.to_string())))
                .map(|&d| (d, 1))
                .into_iter()
                .collect();
            match judge(rule, Owes::Grid(g), *month, &on, &waived, today).status {
                Status::OnTime => {
                    year.reports_due += 1;
                    year.reports_on_time += 1;
                }
                Status::Late | Status::Overdue => year.reports_due += 1,
                Status::NotYetDue | Status::DueSoon | Status::Waived { .. } => {}
            }
        }
    }
    Ok(())
}

/// Each member's own visits, activities taken part in and major events reported, in the
/// unit's grids.
async fn member_years(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    people: &[i32],
    first: Date,
    last: Date,
) -> Result<HashMap<i32, MemberYear>, AppError> {
    let tree = viewer.grids.tree.subtree(unit);
    let mut by_person: HashMap<i32, MemberYear> = HashMap::new();
    let wanted: BTreeSet<i32> = people.iter().copied().collect();
    let visitors: Vec<i32> = visit::Entity::find()
        .select_only()
        .column(visit::Column::PersonId)
        .filter(visit::Column::GridId.is_in(tree.iter().copied()))
        .filter(visit::Column::VisitDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    for p in visitors.into_iter().filter(|p| wanted.contains(p)) {
        by_person.entry(p).or_default().visits += 1;
    }
    let activities: Vec<String> = grid_activity::Entity::find()
        .select_only()
        .column(grid_activity::Column::Participants)
        .filter(grid_activity::Column::GridId.is_in(tree.iter().copied()))
        .filter(grid_activity::Column::ActivityDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    for participants in activities {
        let took_part: BTreeSet<i32> = serde_json::from_str::<Vec<i32>>(&participants)
            .unwrap_or_default()
            .into_iter()
            .collect();
        for p in took_part.intersection(&wanted) {
            by_person.entry(*p).or_default().activities += 1;
        }
    }
    let events: Vec<i32> = major_event::Entity::find()
        .select_only()
        .column(major_event::Column::PersonId)
        .filter(major_event::Column::GridId.is_in(tree.iter().copied()))
        .filter(major_event::Column::OccurredOn.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    for p in events.into_iter().filter(|p| wanted.contains(p)) {
        by_person.entry(p).or_default().major_events += 1;
    }
    Ok(by_person)
}
