//! Major events as a record kind: stored once, edited by their reporter (an edit makes the
//! event unread again), never refused for a locked month (an event must reach the city
//! whenever it happens), and no longer withdrawn once read.
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, major_event};
use crate::domain::major_event::{MajorEventDraft, ValidMajorEvent};
use crate::domain::period::format_date;
use crate::error::ServerError;
use crate::major_events::api::{MajorEventRecord, PULLED_AS};
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{Head, Holders, Incoming, RecordKind};
use crate::sync::store::{inserted, wire_version};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

pub struct MajorEvents;

/// The reporter's grids, and the grid of each enterprise in them.
pub struct Scope {
    own: BTreeSet<i32>,
    firms: HashMap<i32, i32>,
}

impl RecordKind for MajorEvents {
    type Draft = MajorEventDraft;
    type Scope = Scope;
    type Admitted = ValidMajorEvent;
    type Row = major_event::Model;
    type Pulled = MajorEventRecord;

    const NOUN: &'static str = "重大事项";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

    async fn scope(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<Scope, ServerError> {
        let own: BTreeSet<i32> = viewer
            .profile
            .activity_grids()
            .iter()
            .map(|r| r.grid_id)
            .collect();
        let firms = enterprise::Entity::find()
            .filter(enterprise::Column::GridId.is_in(own.iter().copied()))
            .all(tx)
            .await
            .map_err(ServerError::db("reading the reporter's enterprises"))?
            .into_iter()
            .map(|e| (e.id, e.grid_id))
            .collect();
        Ok(Scope { own, firms })
    }

    fn admit(
        scope: &Scope,
        _draft: &MajorEventDraft,
        valid: ValidMajorEvent,
    ) -> Result<ValidMajorEvent, Vec<Problem>> {
        if !scope.own.contains(&valid.grid_id) {
            return Err(vec![Problem::new(
                "grid_not_allowed",
                Some("grid_id"),
                "您不是该网格的成员，不能以它的名义上报重大事项",
            )]);
        }
        if let Some(firm) = valid.enterprise_id
            && scope.firms.get(&firm) != Some(&valid.grid_id)
        {
            return Err(vec![Problem::new(
                "enterprise_not_in_grid",
                Some("enterprise_id"),
                "所选企业不在该网格内，请同步后重新选择",
            )]);
        }
        Ok(valid)
    }

    fn as_draft(valid: &ValidMajorEvent) -> MajorEventDraft {
        MajorEventDraft {
            grid_id: valid.grid_id,
            enterprise_id: valid.enterprise_id,
            occurred_on: format_date(valid.occurred_on),
            title: valid.title.clone(),
            details: valid.details.clone(),
            impact: valid.impact.clone(),
        }
    }

    async fn find(tx: &DatabaseTransaction, id: Uuid) -> Result<Option<Self::Row>, ServerError> {
        major_event::Entity::find_by_id(id)
            .one(tx)
            .await
            .map_err(ServerError::db("reading a major event"))
    }

    fn head(row: &Self::Row) -> Head {
        Head {
            grid_id: row.grid_id,
            person_id: row.person_id,
            version: wire_version(row.version),
            changed_at_ms: row.received_at_ms,
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<MajorEventDraft, ServerError> {
        Ok(draft_of(row))
    }

    async fn locked(
        _tx: &DatabaseTransaction,
        _row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok(None)
    }

    async fn withdrawal_refused(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok(row.read_at_ms.is_some().then(|| {
            vec![Problem::new(
                "already_read",
                None,
                "这条重大事项已被乡镇或市统计局阅知，不能撤回；如有更正，请修改后重新上报",
            )]
        }))
    }

    async fn insert(
        tx: &DatabaseTransaction,
        new: Incoming<'_, ValidMajorEvent>,
    ) -> Result<bool, ServerError> {
        let inserted = inserted(
            major_event::Entity::insert(active_model(&new))
                .on_conflict_do_nothing()
                .exec_without_returning(tx)
                .await
                .map_err(ServerError::db("inserting a major event"))?,
        );
        Ok(inserted)
    }

    /// A changed event is news again: it waits to be read anew.
    async fn update(
        tx: &DatabaseTransaction,
        row: Self::Row,
        new: Incoming<'_, ValidMajorEvent>,
    ) -> Result<(), ServerError> {
        let mut active = active_model(&new);
        active.id = sea_orm::ActiveValue::Unchanged(row.id);
        active
            .update(tx)
            .await
            .map_err(ServerError::db("updating a major event"))?;
        Ok(())
    }

    async fn delete(tx: &DatabaseTransaction, row: Self::Row) -> Result<(), ServerError> {
        major_event::Entity::delete_by_id(row.id)
            .exec(tx)
            .await
            .map_err(ServerError::db("deleting a major event"))?;
        Ok(())
    }

    async fn since(
        db: &DatabaseConnection,
        viewer: &Viewer,
        since: i64,
    ) -> Result<Vec<MajorEventRecord>, ServerError> {
        let rows = major_event::Entity::find()
            .filter(major_event::Column::PersonId.eq(viewer.person_id()))
            .filter(major_event::Column::ReceivedAtMs.gte(since))
            .order_by_asc(major_event::Column::ReceivedAtMs)
            .all(db)
            .await
            .map_err(ServerError::db("reading major events since the cursor"))?;
        Ok(rows
            .into_iter()
            .map(|row| MajorEventRecord {
                id: row.id,
                draft: draft_of(&row),
                version: wire_version(row.version),
                received_at_ms: row.received_at_ms,
            })
            .collect())
    }

    fn pulled_at(record: &MajorEventRecord) -> i64 {
        record.received_at_ms
    }
}

fn active_model(new: &Incoming<'_, ValidMajorEvent>) -> major_event::ActiveModel {
    let valid = new.admitted;
    major_event::ActiveModel {
        id: Set(new.id),
        grid_id: Set(valid.grid_id),
        person_id: Set(new.person_id),
        enterprise_id: Set(valid.enterprise_id),
        occurred_on: Set(valid.occurred_on),
        title: Set(valid.title.clone()),
        details: Set(valid.details.clone()),
        impact: Set(valid.impact.clone()),
        version: Set(new.version),
        device_time_ms: Set(new.device_time_ms),
        received_at_ms: Set(new.at_ms),
        read_by: Set(None),
        read_at_ms: Set(None),
    }
}

fn draft_of(row: &major_event::Model) -> MajorEventDraft {
    MajorEventDraft {
        grid_id: row.grid_id,
        enterprise_id: row.enterprise_id,
        occurred_on: format_date(row.occurred_on),
        title: row.title.clone(),
        details: row.details.clone(),
        impact: row.impact.clone(),
    }
}
