//! One unit's sheets side by side: the inspection's marks beside the self-assessment's, item by
//! item with the aspect subtotals, and the items the inspection took points off, which the unit
//! is to put right (整改, 000 §三(一)).
use super::{bureau, plan_of};
use crate::auth::ssr::Viewer;
use crate::divisions::ssr::stored as divisions;
use crate::domain::assessment::points_text;
use crate::domain::evaluation::{DivisionCode, Gazetteer, Mark, SheetRole, Template, UnitKind};
use crate::error::AppError;
use crate::evaluation::api::{AspectReview, ItemReview, MarkLine, UnitReview};
use crate::evaluation::entity::{campaign, unit};
use crate::evaluation::words;
use crate::kinds::score_sheets::entity as sheet;
use crate::kinds::score_sheets::ssr::marks_of;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

pub async fn review(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
    code: &str,
) -> Result<Option<UnitReview>, AppError> {
    bureau(viewer)?;
    let Some(row) = campaign::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let found = unit::Entity::find()
        .filter(unit::Column::CampaignId.eq(id))
        .filter(unit::Column::Code.eq(code.trim()))
        .one(db)
        .await?;
    let plan = plan_of(&row)?;
    let (Some(unit), Some(division)) = (found, DivisionCode::parse(code.trim()).ok()) else {
        return Ok(None);
    };
    let Some(template) = UnitKind::from_code(&unit.unit_kind).and_then(|k| plan.templates.get(&k))
    else {
        return Ok(None);
    };
    let sheets = sheet::Entity::find()
        .filter(sheet::Column::UnitId.eq(unit.id))
        .all(db)
        .await?;
    let marks = |role: SheetRole| -> Result<Option<Vec<Mark>>, AppError> {
        match sheets.iter().find(|s| s.role == role.code()) {
            Some(s) => Ok(Some(marks_of(s)?)),
            None => Ok(None),
        }
    };
    let decides = (super::deciding(&sheets).remove(&unit.id))
        .and_then(|s| SheetRole::from_code(&s.role))
        .unwrap_or(SheetRole::Inspection);
    let (inspection, own) = (marks(decides)?, marks(SheetRole::SelfAssessment)?);
    let places = Gazetteer::new(divisions(db).await?.into_values());
    let mut totals = Vec::new();
    for role in SheetRole::ALL {
        let Some(marks) = marks(role)? else {
            continue;
        };
        let tally = template.tally(&marks);
        let items = template.items().count();
        let grade = plan.thresholds.grade(tally.total).label();
        totals.push(words::sheet_total(
            role.label(),
            tally.total,
            grade,
            items - tally.unscored,
            items,
        ));
    }
    let shortfalls = (inspection.as_ref())
        .map(|m| template.shortfalls(m))
        .unwrap_or_default();
    let tasks = crate::evaluation::rectification::ssr::lines(db, unit.id, &shortfalls).await?;
    let materials = crate::evaluation::materials::ssr::of_unit(db, &row, &unit, &places).await?;
    Ok(Some(UnitReview {
        campaign_id: id,
        campaign: row.name,
        unit: places.listed_name(division),
        code: unit.code.clone(),
        inspection: decides.label().to_owned(),
        totals,
        aspects: aspects(template, inspection.as_deref(), own.as_deref()),
        tasks,
        materials,
    }))
}

fn line(marks: Option<&[Mark]>, item: &str) -> Option<MarkLine> {
    let mark = marks?.iter().find(|m| m.item == item)?;
    Some(MarkLine {
        points: points_text(mark.points),
        note: mark.note.clone(),
        done: mark.done,
        photos: mark.photos.clone(),
    })
}

fn aspects(
    template: &Template,
    inspection: Option<&[Mark]>,
    own: Option<&[Mark]>,
) -> Vec<AspectReview> {
    let subtotal = |marks: Option<&[Mark]>, n: usize| {
        marks.map_or_else(String::new, |m| points_text(template.tally(m).aspects[n]))
    };
    (template.aspects.iter().enumerate())
        .map(|(n, aspect)| AspectReview {
            name: aspect.name.clone(),
            points: points_text(aspect.points()),
            inspection: subtotal(inspection, n),
            self_assessment: subtotal(own, n),
            items: (aspect.items.iter())
                .map(|item| ItemReview {
                    text: item.text.clone(),
                    method: item.method.label().to_owned(),
                    points: points_text(item.points),
                    inspection: line(inspection, &item.id),
                    self_assessment: line(own, &item.id),
                })
                .collect(),
        })
        .collect()
}
