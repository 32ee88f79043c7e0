//! Loading and saving the policy in force. Every save is a new row (the history stays) with
//! its audit entry.
use super::api::CadenceSettings;
use crate::admin::ssr::audit;
use crate::auth::ssr::now_ms;
use crate::db::cadence_policy;
use crate::domain::cadence::Policy;
use crate::error::AppError;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QueryOrder, TransactionTrait};

/// The policy in force: the latest saved, else the Yuhuan preset (seed 001, the fuller one).
pub async fn policy(db: &impl ConnectionTrait) -> Result<(Policy, bool), AppError> {
    let latest = cadence_policy::Entity::find()
        .order_by_desc(cadence_policy::Column::Id)
        .one(db)
        .await?;
    match latest {
        Some(row) => {
            let policy = serde_json::from_str(&row.policy).map_err(|e| {
                tracing::error!(error = %e, "stored cadence policy unreadable");
                AppError::Internal
            })?;
            Ok((policy, true))
        }
        None => Ok((Policy::yuhuan(), false)),
    }
}

pub async fn settings(db: &impl ConnectionTrait) -> Result<CadenceSettings, AppError> {
    let (policy, saved) = policy(db).await?;
    Ok(CadenceSettings {
        policy,
        saved,
        presets: vec![Policy::yuhuan(), Policy::yueqing()],
    })
}

pub async fn save(
    db: &sea_orm::DatabaseConnection,
    person_id: i32,
    policy: Policy,
) -> Result<CadenceSettings, AppError> {
    policy
        .validate()
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let json = serde_json::to_string(&policy).map_err(|_| AppError::Internal)?;
    let tx = db.begin().await?;
    let (before, _) = self::policy(&tx).await?;
    cadence_policy::Entity::insert(cadence_policy::ActiveModel {
        policy: Set(json),
        updated_at_ms: Set(now_ms()),
        updated_by: Set(person_id),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let key: String = policy.name.chars().take(40).collect();
    audit::record(
        &tx,
        person_id,
        "set_cadence_policy",
        "cadence",
        &key,
        Some(&before),
        Some(&policy),
    )
    .await?;
    tx.commit().await?;
    settings(db).await
}
