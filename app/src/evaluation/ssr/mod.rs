//! Campaigns stored and read; every call is the city bureau's.
pub mod assign;
pub mod results;
pub mod review;

use super::api::{
    AssignmentLine, CampaignDraft, CampaignLine, CampaignView, ContactLine, CountyLine, SampleLine,
    UnitLine, WindowLine,
};
use super::entity::{campaign, unit};
use super::words;
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::divisions::ssr::stored as divisions;
use crate::domain::assessment::points_text;
use crate::domain::evaluation::{
    DivisionCode, Gazetteer, Level, Plan, PlanError, Progress, Sample, SheetRole, StageKind,
    Summary, UnitKind, Window, contact_points, county_progress,
};
use crate::domain::period::shanghai_date;
use crate::error::{AppError, ServerError};
use crate::evaluation::rectification::words as rect_words;
use crate::kinds::score_sheets::entity as sheet;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use time::Date;

pub(super) fn bureau(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.is_city_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub(super) fn missing() -> AppError {
    AppError::Invalid(words::NOT_FOUND.into())
}

pub(crate) fn plan_of(row: &campaign::Model) -> Result<Plan, AppError> {
    serde_json::from_str(&row.plan)
        .map_err(|e| ServerError::json("reading a campaign's plan")(e).into())
}

pub(super) async fn units_of(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Vec<unit::Model>, AppError> {
    Ok(unit::Entity::find()
        .filter(unit::Column::CampaignId.eq(id))
        .order_by_asc(unit::Column::Code)
        .all(db)
        .await?)
}

pub async fn list(db: &DatabaseConnection, viewer: &Viewer) -> Result<Vec<CampaignLine>, AppError> {
    bureau(viewer)?;
    let rows = campaign::Entity::find()
        .order_by_desc(campaign::Column::Id)
        .all(db)
        .await?;
    let counts: HashMap<i32, i64> = unit::Entity::find()
        .select_only()
        .column(unit::Column::CampaignId)
        .column_as(unit::Column::Id.count(), "units")
        .group_by(unit::Column::CampaignId)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut lines = Vec::new();
    for row in rows {
        let plan = plan_of(&row)?;
        let units = counts
            .get(&row.id)
            .map_or(0, |n| usize::try_from(*n).unwrap_or(0));
        let drawn = row.seed.is_some();
        lines.push(CampaignLine {
            id: row.id,
            name: row.name,
            year: row.year,
            kind: plan.kind,
            units,
            drawn,
        });
    }
    Ok(lines)
}

pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    draft: CampaignDraft,
) -> Result<i32, AppError> {
    bureau(viewer)?;
    let invalid = |e: PlanError| AppError::Invalid(e.to_string());
    let plan = Plan::new(&draft.name, draft.year, draft.kind).map_err(invalid)?;
    let root = DivisionCode::parse(&draft.root).map_err(|e| AppError::Invalid(e.to_string()))?;
    let places: Vec<_> = divisions(db).await?.into_values().collect();
    let units = plan.units_under(root, &places).map_err(invalid)?;
    let json = serde_json::to_string(&plan).map_err(|_| AppError::internal())?;
    let tx = crate::db::begin_write(db).await?;
    let row = campaign::Entity::insert(campaign::ActiveModel {
        name: Set(plan.name.clone()),
        year: Set(plan.year),
        plan: Set(json),
        seed: Set(None),
        created_by: Set(viewer.person_id()),
        created_at_ms: Set(viewer.now_ms),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let id = row.last_insert_id;
    let models: Vec<unit::ActiveModel> = (units.iter())
        .map(|(code, kind)| unit::ActiveModel {
            campaign_id: Set(id),
            code: Set(code.to_string()),
            unit_kind: Set(kind.code().to_owned()),
            sampled: Set(false),
            total: Set(None),
            ..Default::default()
        })
        .collect();
    for chunk in models.chunks(audit::INSERT_CHUNK) {
        unit::Entity::insert_many(chunk.to_vec()).exec(&tx).await?;
    }
    let me = audit::Actor::of(viewer);
    audit::record(
        &tx,
        me,
        "evaluation_campaign",
        "evaluation_campaign",
        &id.to_string(),
        None,
        Some(&plan),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The sample of `units` drawn with `seed` by the plan's size.
fn drawn(plan: &Plan, seed: u64, units: &[unit::Model]) -> Sample {
    let pool = |kind: UnitKind| -> Vec<DivisionCode> {
        (units.iter())
            .filter(|u| u.unit_kind == kind.code())
            .filter_map(|u| DivisionCode::parse(&u.code).ok())
            .collect()
    };
    let (counties, townships) = (pool(UnitKind::CountyBureau), pool(UnitKind::TownshipOffice));
    Sample::draw(seed, plan.sample_size, &counties, &townships)
}

pub async fn draw(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> Result<CampaignView, AppError> {
    bureau(viewer)?;
    let tx = crate::db::begin_write(db).await?;
    let row = campaign::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or_else(missing)?;
    if row.seed.is_some() {
        return Err(AppError::Invalid("样本已抽取，不能重抽".into()));
    }
    let plan = plan_of(&row)?;
    let seed = rand::random_range(0..100_000_000u64);
    let units = units_of(&tx, id).await?;
    let sample = drawn(&plan, seed, &units);
    let chosen: Vec<String> = (sample.counties.iter().chain(&sample.townships))
        .map(ToString::to_string)
        .collect();
    unit::Entity::update_many()
        .col_expr(unit::Column::Sampled, true.into())
        .filter(unit::Column::CampaignId.eq(id))
        .filter(unit::Column::Code.is_in(chosen))
        .exec(&tx)
        .await?;
    campaign::Entity::update(campaign::ActiveModel {
        id: Set(id),
        seed: Set(Some(seed as i64)),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let me = audit::Actor::of(viewer);
    audit::record(
        &tx,
        me,
        "evaluation_sample",
        "evaluation_campaign",
        &id.to_string(),
        None,
        Some(&sample),
    )
    .await?;
    tx.commit().await?;
    view(db, viewer, id).await?.ok_or_else(missing)
}

fn window_line(w: &Window, today: Date) -> WindowLine {
    let state = if today < w.opens {
        words::UPCOMING
    } else if today <= w.closes {
        words::RUNNING
    } else {
        words::CLOSED
    };
    WindowLine {
        stage: w.stage.label().to_owned(),
        days: words::days(w.opens, w.closes),
        state: state.to_owned(),
    }
}

pub async fn view(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<CampaignView>, AppError> {
    bureau(viewer)?;
    let Some(row) = campaign::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let plan = plan_of(&row)?;
    let units = units_of(db, id).await?;
    let places = Gazetteer::new(divisions(db).await?.into_values());
    let today = shanghai_date(viewer.now_ms).ok_or_else(AppError::internal)?;
    let sample = row.seed.map(|seed| {
        let seed = seed as u64;
        let again = drawn(&plan, seed, &units);
        let recorded: Vec<&str> = units
            .iter()
            .filter(|u| u.sampled)
            .map(|u| u.code.as_str())
            .collect();
        let redrawn: Vec<String> = (again.counties.iter().chain(&again.townships))
            .map(ToString::to_string)
            .collect();
        let (counties_short, townships_short) = again.short_of(plan.sample_size);
        SampleLine {
            seed,
            counties: again.counties.len(),
            townships: again.townships.len(),
            short: words::short(counties_short, townships_short),
            verified: recorded.len() == redrawn.len()
                && redrawn.iter().all(|c| recorded.contains(&c.as_str())),
        }
    });
    let rows = sheet::Entity::find()
        .filter(sheet::Column::CampaignId.eq(id))
        .order_by_asc(sheet::Column::Role)
        .all(db)
        .await?;
    let field = field_sheets(&plan, &units, &rows);
    let counties = county_lines(&plan, &units, &field.inspected_on, &places, today);
    let materials = crate::evaluation::materials::ssr::lines(db, &plan, &units).await?;
    let mut archives: Vec<DivisionCode> = (units.iter())
        .filter_map(|u| DivisionCode::parse(&u.code).ok()?.ancestor(Level::County))
        .collect();
    archives.dedup();
    let archives = (archives.into_iter())
        .map(|c| (c.to_string(), places.listed_name(c)))
        .collect();
    let rectifying =
        crate::evaluation::rectification::ssr::progress(db, &plan, &units, &rows).await?;
    let board = (!rectifying.is_empty()).then(|| {
        let all = rectifying.values().fold(Progress::default(), |a, p| a + *p);
        rect_words::board(all.tasks, rectifying.len(), all.closed)
    });
    let assignments = assign::lines(db, id, &units, &places).await?;
    let contact_points = contact_lines(&assignments);
    let totals = units.iter().filter_map(|u| u32::try_from(u.total?).ok());
    let summary = Summary::of(&plan.thresholds, totals);
    let results = (summary.units > 0).then(|| summary.text(&plan.thresholds));
    let units = (units.iter())
        .filter_map(|u| {
            let code = DivisionCode::parse(&u.code).ok()?;
            let kind = UnitKind::from_code(&u.unit_kind)?;
            let total = u.total.and_then(|t| u32::try_from(t).ok());
            Some(UnitLine {
                code: u.code.clone(),
                name: places.listed_name(code),
                kind: kind.label().to_owned(),
                sampled: u.sampled,
                total: total.map(points_text),
                sheets: field.lines.get(&u.id).cloned().unwrap_or_default(),
                inspected: field.inspected.get(&u.id).map(|t| points_text(*t)),
                grade: total.map(|t| plan.thresholds.grade(t).label().to_owned()),
                rectification: (rectifying.get(&u.id))
                    .map(|p| rect_words::unit_progress(p.closed, p.tasks)),
                materials: materials.get(&u.id).cloned().unwrap_or_default(),
            })
        })
        .collect();
    Ok(Some(CampaignView {
        id: row.id,
        name: row.name,
        year: row.year,
        kind: plan.kind,
        thresholds: words::thresholds(&plan.thresholds),
        templates: plan.templates.values().cloned().collect(),
        windows: plan.windows.iter().map(|w| window_line(w, today)).collect(),
        units,
        sample_size: words::sample_size(&plan.sample_size),
        sample,
        results,
        assignments,
        rectification: board,
        counties,
        contact_points,
        archives,
    }))
}

/// The contact points among `assignments`, each with the units it answers for.
fn contact_lines(assignments: &[AssignmentLine]) -> Vec<ContactLine> {
    let links =
        (assignments.iter()).filter_map(|a| Some((a.person.clone(), a.linker?, a.unit.clone())));
    (contact_points(links).into_iter())
        .map(|p| ContactLine {
            links: p.text(),
            met: p.met(),
            person: p.person,
            linker: p.linker.label().to_owned(),
            units: p.units.join("、"),
        })
        .collect()
}

/// A campaign's sheets from the field, by unit id.
#[derive(Default)]
struct FieldSheets {
    /// Each unit's sheets in words.
    lines: HashMap<i32, Vec<String>>,
    /// The total of a unit's deciding inspection once every item is scored.
    inspected: HashMap<i32, u32>,
    /// The day a unit's first inspection (the county's, in a look-back) was scored.
    inspected_on: HashMap<i32, Date>,
}

/// The inspection that decides each unit's total and tasks among `sheets`, by unit id: the
/// city's spot check where there is one, else the first inspection.
pub(crate) fn deciding(sheets: &[sheet::Model]) -> HashMap<i32, &sheet::Model> {
    let rank = |s: &sheet::Model| {
        SheetRole::INSPECTIONS
            .iter()
            .position(|r| r.code() == s.role)
    };
    let mut found: HashMap<i32, &sheet::Model> = HashMap::new();
    for s in sheets.iter().filter(|s| rank(s).is_some()) {
        match found.get(&s.unit_id) {
            Some(kept) if rank(kept) <= rank(s) => {}
            _ => {
                found.insert(s.unit_id, s);
            }
        }
    }
    found
}

fn field_sheets(plan: &Plan, units: &[unit::Model], rows: &[sheet::Model]) -> FieldSheets {
    let kinds: HashMap<i32, &str> = units.iter().map(|u| (u.id, u.unit_kind.as_str())).collect();
    let items_of = |unit: i32| {
        (kinds.get(&unit))
            .and_then(|k| UnitKind::from_code(k))
            .and_then(|k| plan.templates.get(&k))
            .map_or(0, |t| t.items().count())
    };
    let mut found = FieldSheets::default();
    for row in rows {
        let items = items_of(row.unit_id);
        let role = SheetRole::from_code(&row.role).map_or("", SheetRole::label);
        let unscored = usize::try_from(row.unscored).unwrap_or(0);
        let total = u32::try_from(row.total).unwrap_or(0);
        let line = words::field_sheet(role, total, items.saturating_sub(unscored), items);
        found.lines.entry(row.unit_id).or_default().push(line);
        if row.role == SheetRole::Inspection.code() {
            found.inspected_on.insert(row.unit_id, row.scored_on);
        }
    }
    for (unit, row) in deciding(rows) {
        if row.unscored == 0 {
            found
                .inspected
                .insert(unit, u32::try_from(row.total).unwrap_or(0));
        }
    }
    found
}

/// Each county's inspections of its townships against its quota, where the campaign has a
/// county-inspection stage (002).
fn county_lines(
    plan: &Plan,
    units: &[unit::Model],
    inspected_on: &HashMap<i32, Date>,
    places: &Gazetteer,
    today: Date,
) -> Vec<CountyLine> {
    let Some(window) = (plan.windows.iter()).find(|w| w.stage == StageKind::CountyInspection)
    else {
        return Vec::new();
    };
    let township = |u: &unit::Model| {
        DivisionCode::parse(&u.code)
            .ok()
            .filter(|c| c.level() == Level::Township)
    };
    let townships: Vec<DivisionCode> = units.iter().filter_map(township).collect();
    let inspected: Vec<(DivisionCode, Date)> = (units.iter())
        .filter_map(|u| Some((township(u)?, *inspected_on.get(&u.id)?)))
        .collect();
    (county_progress(&townships, &inspected, window, today).into_iter())
        .map(|p| CountyLine {
            county: places.listed_name(p.county),
            quota: p.quota.text(),
            met: p.quota.met(),
            timing: p.timing.label(),
        })
        .collect()
}
