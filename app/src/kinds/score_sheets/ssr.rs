//! Score sheets as a record kind: admitted only into a unit the writer is assigned to and
//! checked against the campaign's template, totalled by the same code as the phone, held by
//! everyone assigned to the unit, never withdrawn.
use super::api::{PULLED_AS, SheetRecord};
use super::entity as sheet;
use super::words;
use crate::auth::ssr::Viewer;
use crate::domain::evaluation::{
    Mark, ScoreSheetDraft, SheetRole, Tally, Template, UnitKind, ValidScoreSheet,
};
use crate::domain::period::format_date;
use crate::error::{AppError, ServerError};
use crate::evaluation::entity::{assignment, campaign, unit};
use crate::photos::ssr as photos;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{
    BatchScope, Head, Holders, Incoming, RecordKind, StoredRow, Write, stored_record,
};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub struct ScoreSheets;

/// Held by its unit, not a grid: the engine's holder column is `unit_id`.
impl StoredRow for sheet::Model {
    const ID: sheet::Column = sheet::Column::Id;
    const GRID_ID: sheet::Column = sheet::Column::UnitId;
    const PERSON_ID: sheet::Column = sheet::Column::PersonId;
    const CHANGED_AT: sheet::Column = sheet::Column::ReceivedAtMs;
    const CHANGE_SEQ: sheet::Column = sheet::Column::ChangeSeq;

    fn id(&self) -> Uuid {
        self.id
    }

    fn head(&self) -> Head {
        Head {
            grid_id: self.unit_id,
            person_id: self.person_id,
            version: crate::sync::store::wire_version(self.version),
            changed_at_ms: self.received_at_ms,
        }
    }
}

/// A sheet the writer may fill: its campaign and the template of its unit's kind.
struct Fillable {
    campaign_id: i32,
    template: Template,
}

/// The sheets the writer is assigned to, and the photos the batch may list.
pub struct Assignments {
    sheets: HashMap<(i32, SheetRole), Fillable>,
    uploaded: HashSet<Uuid>,
}

/// A valid sheet inside the writer's assignments, with its sums.
pub struct Scored {
    valid: ValidScoreSheet,
    tally: Tally,
}

/// A unit of a campaign, as its sheets need it.
pub struct UnitSheet {
    pub campaign: campaign::Model,
    /// Its division code.
    pub code: String,
    /// The campaign's template for the unit's kind.
    pub template: Template,
}

/// Each of `units` with its campaign and the template of its kind, by unit id.
pub async fn templates(
    db: &impl ConnectionTrait,
    units: &[i32],
) -> Result<HashMap<i32, UnitSheet>, AppError> {
    let units = unit::Entity::find()
        .filter(unit::Column::Id.is_in(units.iter().copied()))
        .all(db)
        .await?;
    let campaigns: HashMap<i32, campaign::Model> = campaign::Entity::find()
        .filter(campaign::Column::Id.is_in(units.iter().map(|u| u.campaign_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut found = HashMap::new();
    for u in units {
        let Some(row) = campaigns.get(&u.campaign_id) else {
            continue;
        };
        let plan = crate::evaluation::ssr::plan_of(row)?;
        let template = UnitKind::from_code(&u.unit_kind).and_then(|k| plan.templates.get(&k));
        if let Some(template) = template {
            let sheet = UnitSheet {
                campaign: row.clone(),
                code: u.code,
                template: template.clone(),
            };
            found.insert(u.id, sheet);
        }
    }
    Ok(found)
}

/// The viewer's assignments, as (unit, role).
pub async fn assignments_of(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> Result<Vec<assignment::Model>, ServerError> {
    assignment::Entity::find()
        .filter(assignment::Column::PersonId.eq(person_id))
        .order_by_asc(assignment::Column::Id)
        .all(db)
        .await
        .map_err(ServerError::db("reading evaluation assignments"))
}

/// The photos the marks of `records` list.
fn listed_photos(records: &[RecordEnvelope]) -> Vec<Uuid> {
    (records.iter())
        .filter_map(|r| r.payload.get("marks")?.as_array().cloned())
        .flatten()
        .filter_map(|m| m.get("photos")?.as_array().cloned())
        .flatten()
        .filter_map(|v| v.as_str()?.parse().ok())
        .collect()
}

/// Among `listed`, those the writer uploaded or that a sheet of the batch already carries
/// (another inspector of the unit took them).
async fn usable_photos(
    tx: &DatabaseTransaction,
    viewer: &Viewer,
    records: &[RecordEnvelope],
) -> Result<HashSet<Uuid>, ServerError> {
    let listed = listed_photos(records);
    if listed.is_empty() {
        return Ok(HashSet::new());
    }
    let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
    let mut found = HashSet::new();
    for chunk in listed.chunks(500) {
        let usable: Vec<Uuid> = crate::db::photo::Entity::find()
            .select_only()
            .column(crate::db::photo::Column::Id)
            .filter(crate::db::photo::Column::Id.is_in(chunk.to_vec()))
            .filter(
                sea_orm::Condition::any()
                    .add(crate::db::photo::Column::PersonId.eq(viewer.person_id()))
                    .add(crate::db::photo::Column::RecordId.is_in(ids.clone())),
            )
            .into_tuple()
            .all(tx)
            .await
            .map_err(ServerError::db("reading a sheet's photos"))?;
        found.extend(usable);
    }
    Ok(found)
}

impl BatchScope for Assignments {
    async fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        let mine = assignments_of(tx, viewer.person_id()).await?;
        let units: Vec<i32> = mine.iter().map(|a| a.unit_id).collect();
        let templates = templates(tx, &units)
            .await
            .map_err(|_| ServerError::Corrupt("a campaign's plan is unreadable".into()))?;
        let sheets = (mine.iter())
            .filter_map(|a| {
                let role = SheetRole::from_code(&a.role)?;
                let unit = templates.get(&a.unit_id)?;
                let fillable = Fillable {
                    campaign_id: unit.campaign.id,
                    template: unit.template.clone(),
                };
                Some(((a.unit_id, role), fillable))
            })
            .collect();
        let uploaded = usable_photos(tx, viewer, records).await?;
        Ok(Assignments { sheets, uploaded })
    }
}

impl RecordKind for ScoreSheets {
    type Draft = ScoreSheetDraft;
    type Scope = Assignments;
    type Admitted = Scored;
    type Row = sheet::Model;
    type Entity = sheet::Entity;
    type Pulled = SheetRecord;

    const NOUN: &'static str = "评分表";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Assigned;

    fn admit(
        scope: &Assignments,
        _draft: &ScoreSheetDraft,
        valid: ValidScoreSheet,
    ) -> Result<Scored, Vec<Problem>> {
        let fillable = scope
            .sheets
            .get(&(valid.unit_id, valid.role))
            .filter(|f| f.campaign_id == valid.campaign_id);
        let Some(fillable) = fillable else {
            let why = words::not_assigned(valid.role);
            return Err(vec![Problem::new("not_assigned", Some("unit_id"), why)]);
        };
        fillable.template.check(&valid.marks).map_err(|errors| {
            (errors.iter())
                .map(|e| Problem::new("marks_invalid", Some("marks"), e.to_string()))
                .collect::<Vec<_>>()
        })?;
        photos::check(&valid.photos(), &scope.uploaded)?;
        let tally = fillable.template.tally(&valid.marks);
        Ok(Scored { valid, tally })
    }

    fn as_draft(scored: &Scored) -> ScoreSheetDraft {
        let valid = &scored.valid;
        ScoreSheetDraft {
            campaign_id: valid.campaign_id,
            unit_id: valid.unit_id,
            role: valid.role,
            scored_on: format_date(valid.scored_on),
            marks: valid.marks.clone(),
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &sheet::Model,
    ) -> Result<ScoreSheetDraft, ServerError> {
        draft_of(row)
    }

    /// A sheet stays the sheet of its campaign, unit and role.
    fn refuse_change(row: &sheet::Model, scored: &Scored) -> Option<Vec<Problem>> {
        let valid = &scored.valid;
        let same = row.campaign_id == valid.campaign_id
            && row.unit_id == valid.unit_id
            && row.role == valid.role.code();
        (!same).then(|| vec![Problem::new("sheet_moved", Some("unit_id"), words::MOVED)])
    }

    /// A new sheet's id is the one every phone makes for its unit and role, so that two
    /// inspectors' sheets of one unit meet as versions of one record.
    async fn taken(
        _tx: &DatabaseTransaction,
        id: Uuid,
        scored: &Scored,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok(
            (id != scored.valid.id())
                .then(|| vec![Problem::new("sheet_id", None, words::WRONG_ID)]),
        )
    }

    fn row(new: &Incoming<'_, Scored>, _before: Option<&sheet::Model>) -> sheet::ActiveModel {
        let Scored { valid, tally } = new.admitted;
        sheet::ActiveModel {
            id: Set(new.id),
            campaign_id: Set(valid.campaign_id),
            unit_id: Set(valid.unit_id),
            role: Set(valid.role.code().to_owned()),
            person_id: Set(new.person_id),
            scored_on: Set(valid.scored_on),
            marks: Set(serde_json::json!(valid.marks).to_string()),
            total: Set(i32::try_from(tally.total).unwrap_or(i32::MAX)),
            unscored: Set(i32::try_from(tally.unscored).unwrap_or(i32::MAX)),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    /// Its photos belong to the sheet with every version.
    async fn write_beside(
        tx: &DatabaseTransaction,
        new: &Incoming<'_, Scored>,
        _write: Write,
    ) -> Result<(), ServerError> {
        photos::attach_to_record(tx, new.id, &new.admitted.valid.photos()).await
    }

    async fn assigned(db: &DatabaseConnection, viewer: &Viewer) -> Result<Vec<i32>, ServerError> {
        let mine = assignments_of(db, viewer.person_id()).await?;
        Ok(mine.into_iter().map(|a| a.unit_id).collect())
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<sheet::Model>,
    ) -> Result<Vec<SheetRecord>, ServerError> {
        rows.iter()
            .map(|row| Ok(stored_record(row, draft_of(row)?)))
            .collect()
    }
}

pub fn marks_of(row: &sheet::Model) -> Result<Vec<Mark>, ServerError> {
    serde_json::from_str(&row.marks).map_err(ServerError::json("reading a score sheet's marks"))
}

fn draft_of(row: &sheet::Model) -> Result<ScoreSheetDraft, ServerError> {
    let role = SheetRole::from_code(&row.role)
        .ok_or_else(|| ServerError::Corrupt(format!("score sheet role {}", row.role)))?;
    Ok(ScoreSheetDraft {
        campaign_id: row.campaign_id,
        unit_id: row.unit_id,
        role,
        scored_on: format_date(row.scored_on),
        marks: marks_of(row)?,
    })
}

/// Whether the viewer may see a photo of sheet `record_id`: the city bureau, or someone
/// assigned to its unit.
pub async fn may_see_photo(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    record_id: Uuid,
) -> Result<bool, ServerError> {
    let Some(row) = sheet::Entity::find_by_id(record_id)
        .one(db)
        .await
        .map_err(ServerError::db("reading a score sheet"))?
    else {
        return Ok(false);
    };
    if viewer.is_city_admin() {
        return Ok(true);
    }
    let mine = assignments_of(db, viewer.person_id()).await?;
    Ok(mine.iter().any(|a| a.unit_id == row.unit_id))
}
