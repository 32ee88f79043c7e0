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
use crate::sync::kind::{BatchScope, Holders, Incoming, RecordKind, stored_record, stored_row};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::{BTreeSet, HashMap};

pub struct MajorEvents;

stored_row!(major_event, received_at_ms, ReceivedAtMs);

/// The reporter's grids, and for each the enterprises in it and the grids below it (a
/// township's staff report on any enterprise of the township).
pub struct Scope {
    own: BTreeSet<i32>,
    firms: HashMap<i32, BTreeSet<i32>>,
}

impl BatchScope for Scope {
    async fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        _records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        let own: BTreeSet<i32> = viewer
            .profile
            .activity_grids()
            .iter()
            .map(|r| r.grid_id)
            .collect();
        let below: HashMap<i32, BTreeSet<i32>> = (own.iter())
            .map(|&g| (g, viewer.grids.tree.subtree(g)))
            .collect();
        let grids: BTreeSet<i32> = below.values().flatten().copied().collect();
        let mut firms: HashMap<i32, BTreeSet<i32>> = HashMap::new();
        // In chunks: a province's grids may outnumber the parameters a statement binds.
        let grids: Vec<i32> = grids.into_iter().collect();
        for chunk in grids.chunks(1000) {
            let found: Vec<(i32, i32)> = enterprise::Entity::find()
                .select_only()
                .column(enterprise::Column::Id)
                .column(enterprise::Column::GridId)
                .filter(enterprise::Column::GridId.is_in(chunk.to_vec()))
                .into_tuple()
                .all(tx)
                .await
                .map_err(ServerError::db("reading the reporter's enterprises"))?;
            for (firm, grid) in found {
                let reporting = below.iter().filter(|(_, b)| b.contains(&grid));
                firms
                    .entry(firm)
                    .or_default()
                    .extend(reporting.map(|(g, _)| *g));
            }
        }
        Ok(Scope { own, firms })
    }
}

impl RecordKind for MajorEvents {
    type Draft = MajorEventDraft;
    type Scope = Scope;
    type Admitted = ValidMajorEvent;
    type Row = major_event::Model;
    type Entity = major_event::Entity;
    type Pulled = MajorEventRecord;

    const NOUN: &'static str = "重大事项";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

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
            && !scope
                .firms
                .get(&firm)
                .is_some_and(|grids| grids.contains(&valid.grid_id))
        {
            return Err(vec![Problem::new(
                "enterprise_not_in_grid",
                Some("enterprise_id"),
                "所选企业不在该网格及其下级网格内，请同步后重新选择",
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

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<MajorEventDraft, ServerError> {
        Ok(draft_of(row))
    }

    async fn withdrawal_refused(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        Ok(
            (row.read_at_ms.is_some() || row.city_read_at_ms.is_some()).then(|| {
                vec![Problem::new(
                    "already_read",
                    None,
                    "这条重大事项已被乡镇或市统计局阅知，不能撤回；如有更正，请修改后重新上报",
                )]
            }),
        )
    }

    /// A changed event is news again: it waits to be read anew.
    fn row(
        new: &Incoming<'_, ValidMajorEvent>,
        _before: Option<&Self::Row>,
    ) -> major_event::ActiveModel {
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
            change_seq: NotSet, // numbered by the engine before commit
            read_by: Set(None),
            read_at_ms: Set(None),
            city_read_by: Set(None),
            city_read_at_ms: Set(None),
        }
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<MajorEventRecord>, ServerError> {
        Ok(rows
            .iter()
            .map(|row| stored_record(row, draft_of(row)))
            .collect())
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
