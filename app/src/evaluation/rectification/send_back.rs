//! The bureau sends a closing back (退回整改): the task is open again, with the reason on the
//! unit's page, until the unit closes it anew.
use super::api::ReturnEntry;
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::domain::evaluation::rectification::send_back as check;
use crate::error::AppError;
use crate::evaluation::entity::{rectification, unit};
use crate::evaluation::words as evaluation_words;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Sends back the closing of `entry.item` of unit `entry.code`; only the city bureau may, and
/// only a closing that stands. Audited as `evaluation_rectify_return`.
pub async fn send_back(
    db: &DatabaseConnection,
    viewer: &Viewer,
    entry: &ReturnEntry,
) -> Result<(), AppError> {
    if !viewer.is_city_admin() {
        return Err(AppError::Forbidden);
    }
    let code = entry.code.trim();
    let unit = unit::Entity::find()
        .filter(unit::Column::CampaignId.eq(entry.campaign_id))
        .filter(unit::Column::Code.eq(code))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Invalid(evaluation_words::no_unit(code)))?;
    let closing = rectification::Entity::find()
        .filter(rectification::Column::UnitId.eq(unit.id))
        .filter(rectification::Column::Item.eq(entry.item.as_str()))
        .one(db)
        .await?;
    let standing = closing.filter(|c| c.returned_at_ms.is_none());
    let (closing, reason) =
        check(standing, &entry.reason).map_err(|e| AppError::Invalid(e.to_string()))?;
    let tx = crate::db::begin_write(db).await?;
    rectification::Entity::update(rectification::ActiveModel {
        id: Set(closing.id),
        returned_note: Set(Some(reason.clone())),
        returned_by: Set(Some(viewer.person_id())),
        returned_at_ms: Set(Some(viewer.now_ms)),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let key = format!("{}/{}/{}", entry.campaign_id, unit.code, entry.item);
    audit::record(
        &tx,
        audit::Actor::of(viewer),
        "evaluation_rectify_return",
        "evaluation_unit",
        &key,
        Some(&closing.note),
        Some(&reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
