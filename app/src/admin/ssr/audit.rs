//! The audit log: every administrative change with who, when, what, before and after.
use crate::admin::api::AuditRecord;
use crate::auth::ssr::Viewer;
use crate::db::{audit_entry, person};
use crate::error::AppError;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QueryOrder, QuerySelect};
use serde::Serialize;
use std::collections::HashMap;

/// Who makes a change, and when.
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    pub person_id: i32,
    pub at_ms: i64,
}

impl Actor {
    pub fn of(viewer: &Viewer) -> Self {
        Actor {
            person_id: viewer.person_id(),
            at_ms: viewer.now_ms,
        }
    }
}

/// One entry, to be written with the change it records.
pub fn entry<T: Serialize>(
    by: Actor,
    action: &str,
    target_kind: &str,
    target_key: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> audit_entry::ActiveModel {
    let json = |v: Option<&T>| v.and_then(|v| serde_json::to_string(v).ok());
    audit_entry::ActiveModel {
        person_id: Set(Some(by.person_id)),
        at_ms: Set(by.at_ms),
        action: Set(action.to_owned()),
        target_kind: Set(target_kind.to_owned()),
        target_key: Set(target_key.to_owned()),
        before: Set(json(before)),
        after: Set(json(after)),
        ..Default::default()
    }
}

/// Writes one entry, inside the caller's transaction so that it lands with the change.
pub async fn record<T: Serialize>(
    db: &impl ConnectionTrait,
    by: Actor,
    action: &str,
    target_kind: &str,
    target_key: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), AppError> {
    let one = entry(by, action, target_kind, target_key, before, after);
    audit_entry::Entity::insert(one).exec(db).await?;
    Ok(())
}

/// A login attempt's entry: the person whose phone number was tried, if any (the number may be
/// nobody's), the masked number, and the address the attempt came from.
pub async fn record_login(
    db: &impl ConnectionTrait,
    person_id: Option<i32>,
    at_ms: i64,
    action: &str,
    masked_phone: &str,
    from: &str,
) -> Result<(), AppError> {
    let mut one = entry(
        Actor {
            person_id: 0,
            at_ms,
        },
        action,
        "person",
        masked_phone,
        None,
        Some(&from),
    );
    one.person_id = Set(person_id);
    audit_entry::Entity::insert(one).exec(db).await?;
    Ok(())
}

/// Writes many entries in few statements (large imports).
pub async fn record_all(
    db: &impl ConnectionTrait,
    entries: Vec<audit_entry::ActiveModel>,
) -> Result<(), AppError> {
    for chunk in entries.chunks(INSERT_CHUNK) {
        audit_entry::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Rows per multi-row insert: well under SQLite's 32,766 bound parameters.
pub const INSERT_CHUNK: usize = 1000;

/// The newest entries first.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<AuditRecord>, AppError> {
    let entries = audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let names: HashMap<i32, String> = person::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(entries
        .into_iter()
        .map(|e| AuditRecord {
            at_ms: e.at_ms,
            person_name: e
                .person_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_default(),
            action: e.action,
            target_kind: e.target_kind,
            target_key: e.target_key,
            before: e.before,
            after: e.after,
        })
        .collect())
}
