//! A campaign's results: each unit's final total as the bureau keeps it, and the notice they
//! make (000 §二: by grade, by city in division order, with counts).
use super::{bureau, missing, plan_of, units_of, view};
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::divisions::ssr::stored as divisions;
use crate::domain::assessment::parse_tenths;
use crate::domain::evaluation::{
    DivisionCode, Evaluated, Gazetteer, Notice, Thresholds, notice as compose,
};
use crate::error::AppError;
use crate::evaluation::api::{CampaignView, NoticeView, TotalEntry};
use crate::evaluation::entity::{campaign, unit};
use crate::evaluation::words;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

/// Most totals in one save: every unit of the largest campaign.
const TOTALS_MAX: usize = crate::domain::evaluation::plan::UNITS_MAX;

/// A total as typed: none for an empty field, tenths up to 100 points, or why not.
fn parse_total(text: &str) -> Result<Option<i32>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_tenths(text) {
        Some(tenths) if tenths <= 1000 => Ok(Some(tenths as i32)),
        _ => Err(()),
    }
}

pub async fn save(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
    totals: Vec<TotalEntry>,
) -> Result<CampaignView, AppError> {
    bureau(viewer)?;
    if totals.len() > TOTALS_MAX {
        return Err(AppError::Invalid(words::TOO_MANY_TOTALS.into()));
    }
    let tx = crate::db::begin_write(db).await?;
    campaign::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or_else(missing)?;
    let units = units_of(&tx, id).await?;
    let places = Gazetteer::new(divisions(&tx).await?.into_values());
    let mut changed = Vec::new();
    for entry in &totals {
        let Some(unit) = units.iter().find(|u| u.code == entry.code.trim()) else {
            return Err(AppError::Invalid(words::not_a_unit(&entry.code)));
        };
        let name = || DivisionCode::parse(&unit.code).map(|c| places.listed_name(c));
        let total = parse_total(&entry.total)
            .map_err(|()| AppError::Invalid(words::bad_total(&name().unwrap_or_default())))?;
        if total != unit.total {
            changed.push((unit, total));
        }
    }
    let me = audit::Actor::of(viewer);
    let mut entries = Vec::new();
    for (unit, total) in changed {
        unit::Entity::update(unit::ActiveModel {
            id: Set(unit.id),
            total: Set(total),
            ..Default::default()
        })
        .exec(&tx)
        .await?;
        let key = format!("{id}/{}", unit.code);
        entries.push(audit::entry(
            me,
            "evaluation_total",
            "evaluation_unit",
            &key,
            unit.total.as_ref(),
            total.as_ref(),
        ));
    }
    audit::record_all(&tx, entries).await?;
    tx.commit().await?;
    view(db, viewer, id).await?.ok_or_else(missing)
}

/// What a campaign's notice is made of.
pub struct Results {
    pub name: String,
    pub thresholds: Thresholds,
    pub scored: Vec<Evaluated>,
    pub unscored: usize,
    pub places: Gazetteer,
}

impl Results {
    pub fn notice(&self) -> Notice {
        compose(&self.scored, &self.thresholds, &self.places)
    }
}

/// Campaign `id`'s units scored so far; `None` for a campaign that does not exist.
pub async fn results(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<Results>, AppError> {
    bureau(viewer)?;
    let Some(row) = campaign::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let plan = plan_of(&row)?;
    let units: Vec<unit::Model> = units_of(db, id).await?;
    let scored: Vec<Evaluated> = (units.iter())
        .filter_map(|u| {
            let total = u32::try_from(u.total?).ok()?;
            Some(Evaluated {
                code: DivisionCode::parse(&u.code).ok()?,
                name: None,
                total,
            })
        })
        .collect();
    Ok(Some(Results {
        name: row.name,
        thresholds: plan.thresholds,
        unscored: units.len() - scored.len(),
        scored,
        places: Gazetteer::new(divisions(db).await?.into_values()),
    }))
}

pub async fn notice(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<NoticeView>, AppError> {
    Ok(results(db, viewer, id).await?.map(|r| NoticeView {
        id,
        notice: r.notice(),
        name: r.name,
        unscored: r.unscored,
    }))
}
