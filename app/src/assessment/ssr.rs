//! The assessment read and changed in the database. A unit's leader and 分管领导 score its
//! sheets and submit them; the city bureau confirms, returns or unlocks, and keeps the city's
//! scheme. Every change goes into the audit log.
use super::api::{
    AssessmentView, AwardLine, AwardList, AwardUnit, CityAssessments, MarkDraft, Sheet, UnitLine,
};
use super::entity::{assessment, mark, scheme as saved_scheme};
use super::figures::{Subject, subjects};
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::domain::assessment::{
    Decision, Filled, Grade, Outcome, REWARD_MAX_YUAN, Scheme, Stage, behind, outcomes,
    parse_reward, points_text,
};
use crate::domain::grid::GridKind;
use crate::domain::permission::Ability;
use crate::domain::text::{clean_line, named};
use crate::error::AppError;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

/// Longest remark, in characters.
const REMARK_MAX_CHARS: usize = 200;
/// The first year an assessment may be of.
const FIRST_YEAR: i32 = 2019;

/// The sheets as submitted: what the city bureau confirms, kept as they were.
#[derive(Serialize, Deserialize)]
struct Frozen {
    sheets: Vec<Sheet>,
    no_stars: Option<String>,
}

/// Whether the viewer scores for `unit`: its own leader or 分管领导.
fn assesses(viewer: &Viewer, unit: i32) -> bool {
    viewer.unit(unit).is_some()
        && (viewer.profile.roles.iter()).any(|r| r.grid_id == unit && r.permits(Ability::Assess))
}

/// Whether the viewer decides for the city: the statistics bureau.
fn confirms(viewer: &Viewer) -> bool {
    (viewer.profile.roles.iter()).any(|r| r.kind == GridKind::City && r.permits(Ability::Assess))
}

/// The unit's name, for a viewer who scores for it or decides on it, and a year that can be
/// assessed.
fn checked(viewer: &Viewer, unit: i32, year: i32) -> Result<String, AppError> {
    let (name, _) = viewer
        .unit(unit)
        .filter(|_| viewer.permits_over(Ability::Assess, unit))
        .ok_or(AppError::Forbidden)?;
    let this_year = viewer.today()?.year();
    if !(FIRST_YEAR..=this_year).contains(&year) {
        return Err(AppError::Invalid(words::year_out_of_range(
            FIRST_YEAR, this_year,
        )));
    }
    Ok(name)
}

/// The city's scheme: the one the bureau saved last, else 玉环's.
pub(crate) async fn current_scheme(db: &impl ConnectionTrait) -> Result<Scheme, AppError> {
    let row = saved_scheme::Entity::find()
        .order_by_desc(saved_scheme::Column::Id)
        .one(db)
        .await?;
    Ok(row
        .and_then(|r| serde_json::from_str(&r.scheme).ok())
        .unwrap_or_else(Scheme::yuhuan))
}

pub(crate) async fn row_of(
    db: &impl ConnectionTrait,
    unit: i32,
    year: i32,
) -> Result<Option<assessment::Model>, AppError> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::UnitId.eq(unit))
        .filter(assessment::Column::Year.eq(year))
        .one(db)
        .await?)
}

pub(crate) fn stage_of(row: Option<&assessment::Model>) -> Stage {
    row.and_then(|r| Stage::from_code(&r.state))
        .unwrap_or(Stage::Draft)
}

/// Sheets scored from today's figures and the unit's marks; the reason there are no stars,
/// and the rewards outside their bands.
pub(crate) async fn live(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    year: i32,
    scheme: &Scheme,
    row: Option<&assessment::Model>,
) -> Result<(Vec<Sheet>, Option<String>, Vec<String>), AppError> {
    let today = viewer.today()?;
    let found = subjects(db, viewer, unit, scheme, year, today).await?;
    let marks = match row {
        Some(row) => {
            mark::Entity::find()
                .filter(mark::Column::AssessmentId.eq(row.id))
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let mark_of = |s: &Subject| marks.iter().find(|m| m.subject_id == s.id);
    let filled: Vec<Filled> = (found.iter())
        .map(|s| {
            let m = mark_of(s);
            let manual = m.map_or(0, |m| u32::try_from(m.manual_tenths).unwrap_or(0));
            Filled {
                scored: scheme.score(&s.figures, manual),
                chosen_yuan: m
                    .and_then(|m| m.chosen_yuan)
                    .and_then(|y| u32::try_from(y).ok()),
            }
        })
        .collect();
    let names: Vec<String> = found.iter().map(|s| s.name.clone()).collect();
    let (results, no_stars, problems) = match outcomes(scheme, &filled, &names) {
        Ok((results, below)) => (Some(results), below.map(|b| b.to_string()), Vec::new()),
        Err(errors) => (None, None, errors.iter().map(ToString::to_string).collect()),
    };
    let grid_names = viewer.grids.names();
    let sheets = (found.into_iter().zip(filled).enumerate())
        .map(|(n, (s, f))| {
            let m = mark_of(&s);
            let grids: Vec<String> = (s.grids.iter())
                .filter_map(|g| grid_names.get(g).cloned())
                .collect();
            Sheet {
                subject_id: s.id,
                name: s.name,
                grids: grids.join("、"),
                grid_ids: s.grids,
                behind: behind(&scheme.indicators, &s.figures, year, today),
                figures: s.figures,
                outcome: results.as_ref().map_or_else(
                    || Outcome {
                        grade: scheme.grade(f.scored.total),
                        stars: None,
                        reward_yuan: f.chosen_yuan.unwrap_or(0),
                    },
                    |r| r[n].clone(),
                ),
                scored: f.scored,
                remark: m.map(|m| m.remark.clone()).unwrap_or_default(),
                chosen_yuan: f.chosen_yuan,
            }
        })
        .collect();
    Ok((sheets, no_stars, problems))
}

/// The results as submitted, once they are.
fn frozen(row: Option<&assessment::Model>, stage: Stage) -> Option<Frozen> {
    (row.filter(|_| !stage.open())).and_then(|r| serde_json::from_str(&r.results).ok())
}

/// The sheets as submitted, once they are.
pub(crate) fn frozen_sheets(row: Option<&assessment::Model>, stage: Stage) -> Option<Vec<Sheet>> {
    frozen(row, stage).map(|f| f.sheets)
}

/// The unit's assessment of `year`, as the viewer may see it.
pub async fn view(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    year: i32,
) -> Result<AssessmentView, AppError> {
    let name = checked(viewer, unit, year)?;
    let row = row_of(db, unit, year).await?;
    let stage = stage_of(row.as_ref());
    let scheme = match &row {
        Some(r) => serde_json::from_str(&r.scheme).map_err(|_| AppError::internal())?,
        None => current_scheme(db).await?,
    };
    let frozen = frozen(row.as_ref(), stage);
    let (sheets, no_stars, problems) = match frozen {
        Some(f) => (f.sheets, f.no_stars, Vec::new()),
        None => live(db, viewer, unit, year, &scheme, row.as_ref()).await?,
    };
    Ok(AssessmentView {
        unit_id: unit,
        unit: name,
        year,
        scheme,
        stage,
        note: row.map(|r| r.note).unwrap_or_default(),
        sheets,
        no_stars,
        problems,
        may_mark: stage.open() && assesses(viewer, unit),
        may_decide: confirms(viewer),
    })
}

/// The unit's row for `year`, made with the city's scheme when it has none.
async fn open_row(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    year: i32,
) -> Result<assessment::Model, AppError> {
    if let Some(row) = row_of(db, unit, year).await? {
        return Ok(row);
    }
    let scheme = current_scheme(db).await?;
    let by = Actor::of(viewer);
    let row = assessment::ActiveModel {
        id: NotSet,
        unit_id: Set(unit),
        year: Set(year),
        scheme: Set(serde_json::to_string(&scheme).map_err(|_| AppError::internal())?),
        state: Set(Stage::Draft.code().to_owned()),
        note: Set(String::new()),
        results: Set(String::new()),
        changed_by: Set(by.person_id),
        changed_at_ms: Set(by.at_ms),
    };
    Ok(row.insert(db).await?)
}

/// For the unit's own leader or 分管领导: the unit's name, its row of `year` (made if need
/// be), which must still be open, and the scheme it keeps.
async fn scoring(
    tx: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: i32,
    year: i32,
) -> Result<(String, assessment::Model, Scheme), AppError> {
    let name = checked(viewer, unit, year)?;
    if !assesses(viewer, unit) {
        return Err(AppError::Forbidden);
    }
    let row = open_row(tx, viewer, unit, year).await?;
    stage_of(Some(&row))
        .check_open()
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let scheme = serde_json::from_str(&row.scheme).map_err(|_| AppError::internal())?;
    Ok((name, row, scheme))
}

/// Saves the unit's points, remark and chosen reward for one sheet.
pub async fn mark(
    db: &DatabaseConnection,
    viewer: &Viewer,
    unit: i32,
    year: i32,
    draft: &MarkDraft,
) -> Result<AssessmentView, AppError> {
    let tx = crate::db::begin_write(db).await?;
    let (name, row, scheme) = scoring(&tx, viewer, unit, year).await?;
    let today = viewer.today()?;
    let found = subjects(&tx, viewer, unit, &scheme, year, today).await?;
    let subject = (found.iter())
        .find(|s| s.id == draft.subject_id)
        .ok_or_else(|| AppError::Invalid(words::NOT_ASSESSED.into()))?;
    let mut errors: Vec<String> = Vec::new();
    let manual = scheme
        .parse_manual(&draft.manual)
        .map_err(|e| errors.push(e.to_string()))
        .unwrap_or(0);
    let remark = named(
        &clean_line(&draft.remark),
        REMARK_MAX_CHARS,
        false,
        ("remark", "评语"),
    )
    .map_err(|e| errors.push(e.to_string()))
    .unwrap_or_default();
    let chosen = parse_reward(&draft.chosen, REWARD_MAX_YUAN)
        .map_err(|e| errors.push(e.to_string()))
        .unwrap_or(None);
    if !errors.is_empty() {
        return Err(AppError::refused(&errors));
    }
    let by = Actor::of(viewer);
    let existing = mark::Entity::find()
        .filter(mark::Column::AssessmentId.eq(row.id))
        .filter(mark::Column::SubjectId.eq(subject.id))
        .one(&tx)
        .await?;
    let values = mark::ActiveModel {
        id: existing.as_ref().map_or(NotSet, |m| Set(m.id)),
        assessment_id: Set(row.id),
        subject_id: Set(subject.id),
        manual_tenths: Set(manual as i32),
        remark: Set(remark.clone()),
        chosen_yuan: Set(chosen.map(|y| y as i32)),
        marked_by: Set(by.person_id),
        marked_at_ms: Set(by.at_ms),
    };
    if existing.is_some() {
        values.update(&tx).await?;
    } else {
        values.insert(&tx).await?;
    }
    let key = format!("{name} {year} {}", subject.name);
    let after = (
        crate::domain::assessment::points_text(manual),
        &remark,
        chosen,
    );
    audit::record(
        &tx,
        by,
        "assessment_mark",
        "assessment",
        &key,
        None,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    view(db, viewer, unit, year).await
}

/// Submits the unit's results to the city bureau, kept as they stand.
pub async fn submit(
    db: &DatabaseConnection,
    viewer: &Viewer,
    unit: i32,
    year: i32,
) -> Result<AssessmentView, AppError> {
    let tx = crate::db::begin_write(db).await?;
    let (name, row, scheme) = scoring(&tx, viewer, unit, year).await?;
    let (sheets, no_stars, problems) = live(&tx, viewer, unit, year, &scheme, Some(&row)).await?;
    if !problems.is_empty() {
        return Err(AppError::refused(&problems));
    }
    if sheets.is_empty() {
        return Err(AppError::Invalid(words::NOTHING_TO_SUBMIT.into()));
    }
    let frozen = Frozen { sheets, no_stars };
    let by = Actor::of(viewer);
    let results = serde_json::to_string(&frozen).map_err(|_| AppError::internal())?;
    let summary = words::submitted_summary(words::noun(scheme.assessed), &frozen.sheets);
    assessment::ActiveModel {
        id: Set(row.id),
        state: Set(Stage::Submitted.code().to_owned()),
        note: Set(String::new()),
        results: Set(results),
        changed_by: Set(by.person_id),
        changed_at_ms: Set(by.at_ms),
        ..Default::default()
    }
    .update(&tx)
    .await?;
    let key = format!("{name} {year}");
    audit::record(
        &tx,
        by,
        "assessment_submit",
        "assessment",
        &key,
        None,
        Some(&summary),
    )
    .await?;
    tx.commit().await?;
    view(db, viewer, unit, year).await
}

/// The city bureau confirms, returns or unlocks the unit's results.
pub async fn decide(
    db: &DatabaseConnection,
    viewer: &Viewer,
    unit: i32,
    year: i32,
    decision: &Decision,
) -> Result<AssessmentView, AppError> {
    let name = checked(viewer, unit, year)?;
    if !confirms(viewer) {
        return Err(AppError::Forbidden);
    }
    let tx = crate::db::begin_write(db).await?;
    let row = row_of(&tx, unit, year).await?;
    let stage = stage_of(row.as_ref());
    let (next, reason) = stage
        .decide(decision)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let row = row.ok_or(AppError::Invalid(words::NOT_SUBMITTED.into()))?;
    let by = Actor::of(viewer);
    assessment::ActiveModel {
        id: Set(row.id),
        state: Set(next.code().to_owned()),
        note: Set(reason.clone()),
        changed_by: Set(by.person_id),
        changed_at_ms: Set(by.at_ms),
        ..Default::default()
    }
    .update(&tx)
    .await?;
    let action = match decision {
        Decision::Confirm => "assessment_confirm",
        Decision::Return { .. } => "assessment_return",
        Decision::Unlock { .. } => "assessment_unlock",
    };
    let key = format!("{name} {year}");
    let change = serde_json::json!([stage.label(), next.label(), reason]);
    // An unlock keeps the confirmed sheets in the log: the next submission replaces them.
    let before = matches!(decision, Decision::Unlock { .. })
        .then(|| serde_json::from_str::<serde_json::Value>(&row.results).ok())
        .flatten();
    audit::record(
        &tx,
        by,
        action,
        "assessment",
        &key,
        before.as_ref(),
        Some(&change),
    )
    .await?;
    tx.commit().await?;
    view(db, viewer, unit, year).await
}

/// Every unit's assessment of `year` for the city bureau; for a unit's leader or 分管领导,
/// their own units'.
pub async fn city(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year: i32,
) -> Result<CityAssessments, AppError> {
    let may_edit = confirms(viewer);
    let rows = assessment::Entity::find()
        .filter(assessment::Column::Year.eq(year))
        .all(db)
        .await?;
    let units = (viewer.grids.all().iter())
        .filter(|g| !g.closed && viewer.visible.contains(&g.id))
        .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two))
        .filter(|g| may_edit || assesses(viewer, g.id))
        .map(|g| {
            let row = rows.iter().find(|r| r.unit_id == g.id);
            let stage = stage_of(row);
            let frozen = frozen(row, stage);
            let qualified = |f: &Frozen| {
                (f.sheets.iter())
                    .filter(|s| s.outcome.grade != Grade::Unqualified)
                    .count()
            };
            UnitLine {
                unit_id: g.id,
                unit: g.name.clone(),
                stage,
                assessed: frozen.as_ref().map(|f| f.sheets.len()),
                qualified: frozen.as_ref().map(qualified),
                reward_yuan: frozen.as_ref().map(|f| {
                    f.sheets
                        .iter()
                        .map(|s| u64::from(s.outcome.reward_yuan))
                        .sum()
                }),
            }
        })
        .collect();
    Ok(CityAssessments {
        year,
        scheme: current_scheme(db).await?,
        may_edit,
        units,
    })
}

/// The results of `year` the city bureau confirmed, by unit in the grid tree's order, and the
/// units it has not yet confirmed.
async fn confirmed(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year: i32,
) -> Result<(Vec<(String, Scheme, Vec<Sheet>)>, Vec<String>), AppError> {
    let city = city(db, viewer, year).await?;
    let rows = assessment::Entity::find()
        .filter(assessment::Column::Year.eq(year))
        .filter(assessment::Column::State.eq(Stage::Confirmed.code()))
        .all(db)
        .await?;
    let mut done = Vec::new();
    let mut pending = Vec::new();
    for unit in city.units {
        let row = rows.iter().find(|r| r.unit_id == unit.unit_id);
        let results = row.and_then(|r| {
            let scheme: Scheme = serde_json::from_str(&r.scheme).ok()?;
            let frozen: Frozen = serde_json::from_str(&r.results).ok()?;
            Some((scheme, frozen.sheets))
        });
        match results {
            Some((scheme, sheets)) => done.push((unit.unit, scheme, sheets)),
            None => pending.push(unit.unit),
        }
    }
    Ok((done, pending))
}

/// 获奖名单 of `year` for the units the viewer follows (the city bureau: all).
pub async fn awards(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year: i32,
) -> Result<AwardList, AppError> {
    let (units, pending) = confirmed(db, viewer, year).await?;
    let units = (units.into_iter())
        .map(|(unit, scheme, sheets)| {
            let mut paid: Vec<Sheet> = (sheets.into_iter())
                .filter(|s| s.outcome.reward_yuan > 0)
                .collect();
            paid.sort_by(|a, b| {
                (b.outcome.reward_yuan, b.scored.total)
                    .cmp(&(a.outcome.reward_yuan, a.scored.total))
            });
            AwardUnit {
                unit,
                assessed: scheme.assessed,
                lines: (paid.iter())
                    .map(|s| AwardLine {
                        name: s.name.clone(),
                        grids: s.grids.clone(),
                        rated: words::rated(&scheme, s),
                        total: points_text(s.scored.total),
                        reward_yuan: s.outcome.reward_yuan,
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(AwardList {
        year,
        units,
        pending,
    })
}

/// Saves the city's scheme, which assessments started from now on take.
pub async fn save_scheme(
    db: &DatabaseConnection,
    viewer: &Viewer,
    scheme: &Scheme,
) -> Result<(), AppError> {
    if !confirms(viewer) {
        return Err(AppError::Forbidden);
    }
    scheme.validate().map_err(|e| AppError::refused(&e))?;
    let tx = crate::db::begin_write(db).await?;
    let before = current_scheme(&tx).await?;
    let by = Actor::of(viewer);
    saved_scheme::ActiveModel {
        id: NotSet,
        scheme: Set(serde_json::to_string(scheme).map_err(|_| AppError::internal())?),
        saved_by: Set(by.person_id),
        saved_at_ms: Set(by.at_ms),
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        by,
        "assessment_scheme",
        "assessment",
        "scheme",
        Some(&before),
        Some(scheme),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
