//! The phone's outbox: every record the user saved, kept until the server has answered for it,
//! and after (as synced) so that 我的记录 shows it. Storage sits behind [`OutboxStore`]: IndexedDB
//! in the browser, [`MemoryStore`] in native tests.
use crate::domain::activity::{ActivityDraft, ActivityType};
use crate::domain::annual_plan::{AnnualPlanDraft, PARTS};
use crate::domain::major_event::MajorEventDraft;
use crate::domain::period::{Month, format_date};
use crate::domain::report::{ReportDraft, ReviewStatus};
use crate::domain::training::{TrainingDraft, TrainingTopic};
use crate::domain::visit::{VisitDraft, VisitPurpose};
use crate::reports::api::ReportRecord;
use crate::sync::api::{
    KIND_ACTIVITY, KIND_ANNUAL_PLAN, KIND_MAJOR_EVENT, KIND_MONTHLY_REPORT, KIND_TRAINING,
    KIND_VISIT, Problem, RecordEnvelope, RecordOutcome, RecordResult,
};
use crate::visits::api::VisitRecord;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Where a record stands, as shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RecordState {
    /// 待同步: saved on the phone, not yet answered by the server.
    Pending,
    /// 已同步: stored on the server.
    Synced { received_at_ms: i64 },
    /// 被拒绝: the server refused it; the user can edit and save again.
    Rejected { problems: Vec<Problem> },
    /// 有冲突: the server holds another version, made meanwhile elsewhere. Both are kept until
    /// the user chooses one.
    Conflict {
        theirs: RecordDraft,
        their_version: u32,
        problems: Vec<Problem>,
    },
    /// 被退回: a report the township sent back with a comment, to be edited and resubmitted.
    Returned { comment: Option<String> },
    /// 已通过: a report the township approved; its month is locked.
    Approved,
}

impl RecordState {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Pending => "待同步",
            Self::Synced { .. } => "已同步",
            Self::Rejected { .. } => "被拒绝",
            Self::Conflict { .. } => "有冲突",
            Self::Returned { .. } => "被退回",
            Self::Approved => "已通过",
        }
    }
}

/// What the user wrote. Untagged, so records saved before reports existed (a bare visit
/// draft) still read back as visits: the two drafts share no field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RecordDraft {
    Visit(VisitDraft),
    MonthlyReport(ReportDraft),
    Activity(ActivityDraft),
    Training(TrainingDraft),
    MajorEvent(MajorEventDraft),
    AnnualPlan(AnnualPlanDraft),
}

impl RecordDraft {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Visit(_) => KIND_VISIT,
            Self::MonthlyReport(_) => KIND_MONTHLY_REPORT,
            Self::Activity(_) => KIND_ACTIVITY,
            Self::Training(_) => KIND_TRAINING,
            Self::MajorEvent(_) => KIND_MAJOR_EVENT,
            Self::AnnualPlan(_) => KIND_ANNUAL_PLAN,
        }
    }

    /// The photos the record carries (visits and activities may carry some).
    pub fn photos(&self) -> &[Uuid] {
        match self {
            Self::Visit(v) => &v.photos,
            Self::Activity(a) => &a.photos,
            _ => &[],
        }
    }

    /// Sent before anything else when a connection appears.
    pub fn is_urgent(&self) -> bool {
        matches!(self, Self::MajorEvent(_))
    }

    /// The record's fields in words, for showing two versions side by side.
    pub fn describe(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Visit(v) => vec![
                ("走访日期", v.visit_date.clone()),
                (
                    "走访目的",
                    VisitPurpose::from_code(&v.purpose)
                        .map_or_else(|| v.purpose.clone(), |p| p.label().to_owned()),
                ),
                ("走访情况", v.findings.clone()),
            ],
            Self::MonthlyReport(r) => vec![
                ("本月工作情况", r.work_done.clone()),
                ("存在问题", r.problems.clone()),
                ("下月工作打算", r.next_steps.clone()),
            ],
            Self::Activity(a) => vec![
                (
                    "活动类型",
                    ActivityType::from_code(&a.activity_type)
                        .map_or_else(|| a.activity_type.clone(), |t| t.label().to_owned()),
                ),
                ("活动日期", a.activity_date.clone()),
                ("地点", a.place.clone()),
                ("参加人数", a.participants.len().to_string()),
                ("活动内容", a.summary.clone()),
                ("活动经费（元）", a.spend_yuan.clone()),
            ],
            Self::Training(t) => vec![
                ("培训名称", t.title.clone()),
                ("培训日期", t.training_date.clone()),
                ("举办单位", t.organiser.clone()),
                (
                    "培训内容",
                    TrainingTopic::from_code(&t.topic)
                        .map_or_else(|| t.topic.clone(), |p| p.label().to_owned()),
                ),
                ("学时", t.hours.to_string()),
                ("参训人数", t.attendees.len().to_string()),
            ],
            Self::MajorEvent(e) => vec![
                ("事项标题", e.title.clone()),
                ("发生日期", e.occurred_on.clone()),
                ("事项经过", e.details.clone()),
                ("对统计数据的影响", e.impact.clone()),
            ],
            Self::AnnualPlan(p) => std::iter::once(("年份", p.year.to_string()))
                .chain(
                    PARTS
                        .iter()
                        .zip(p.parts())
                        .map(|((_, l), t)| (*l, t.clone())),
                )
                .collect(),
        }
    }

    /// The day the record is about, `YYYY-MM-DD`, for ordering lists: a visit's date, a
    /// report's last day of the month, a plan's first day of its year.
    pub fn date(&self) -> String {
        match self {
            Self::Visit(v) => v.visit_date.clone(),
            Self::MonthlyReport(r) => Month::parse(&r.month)
                .map(|m| format_date(m.last_day()))
                .unwrap_or_default(),
            Self::Activity(a) => a.activity_date.clone(),
            Self::Training(t) => t.training_date.clone(),
            Self::MajorEvent(e) => e.occurred_on.clone(),
            Self::AnnualPlan(p) => format!("{:04}-01-01", p.year),
        }
    }
}

/// A record as the phone keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRecord {
    pub id: Uuid,
    pub person_id: i32,
    pub version: u32,
    pub device_time_ms: i64,
    pub draft: RecordDraft,
    pub state: RecordState,
    /// This version withdraws the record (撤回). Once the server has taken it, the record
    /// leaves the phone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

impl OutboxRecord {
    /// Where the record stands, in words: its state, or that its withdrawal waits to be sent.
    pub fn label(&self) -> &'static str {
        match (&self.state, self.withdrawn) {
            (RecordState::Pending, true) => "撤回待同步",
            (state, _) => state.label(),
        }
    }

    /// Whether the user may withdraw it: not while a conflict waits for a choice, nor once the
    /// township approved it (the server judges locked months and read events).
    pub fn withdrawable(&self) -> bool {
        !self.withdrawn
            && !matches!(
                self.state,
                RecordState::Conflict { .. } | RecordState::Approved
            )
    }

    /// Not yet stored on the server as it stands on the phone.
    pub fn is_unsynced(&self) -> bool {
        matches!(
            self.state,
            RecordState::Pending | RecordState::Rejected { .. } | RecordState::Conflict { .. }
        )
    }

    pub fn visit(&self) -> Option<&VisitDraft> {
        match &self.draft {
            RecordDraft::Visit(v) => Some(v),
            _ => None,
        }
    }

    pub fn report(&self) -> Option<&ReportDraft> {
        match &self.draft {
            RecordDraft::MonthlyReport(r) => Some(r),
            _ => None,
        }
    }

    pub fn activity(&self) -> Option<&ActivityDraft> {
        match &self.draft {
            RecordDraft::Activity(a) => Some(a),
            _ => None,
        }
    }

    pub fn training(&self) -> Option<&TrainingDraft> {
        match &self.draft {
            RecordDraft::Training(t) => Some(t),
            _ => None,
        }
    }

    pub fn major_event(&self) -> Option<&MajorEventDraft> {
        match &self.draft {
            RecordDraft::MajorEvent(e) => Some(e),
            _ => None,
        }
    }

    pub fn plan(&self) -> Option<&AnnualPlanDraft> {
        match &self.draft {
            RecordDraft::AnnualPlan(p) => Some(p),
            _ => None,
        }
    }

    pub fn envelope(&self) -> RecordEnvelope {
        RecordEnvelope {
            id: self.id,
            kind: self.draft.kind().to_owned(),
            version: self.version,
            device_time_ms: self.device_time_ms,
            payload: serde_json::to_value(&self.draft).unwrap_or(serde_json::Value::Null),
            withdrawn: self.withdrawn,
        }
    }

    /// A record stored on the server (pulled), as the phone keeps it.
    pub fn from_server(person_id: i32, v: &VisitRecord) -> Self {
        OutboxRecord {
            id: v.id,
            person_id,
            version: v.version,
            device_time_ms: v.received_at_ms,
            draft: RecordDraft::Visit(VisitDraft {
                enterprise_id: v.enterprise_id,
                visit_date: v.visit_date.clone(),
                purpose: v.purpose.code().to_owned(),
                findings: v.findings.clone(),
                follow_up: v.follow_up,
                photos: v.photos.clone(),
            }),
            state: RecordState::Synced {
                received_at_ms: v.received_at_ms,
            },
            withdrawn: false,
        }
    }

    /// A record of the person's as the server keeps it (an activity, a training, a major
    /// event or a plan).
    pub fn synced(
        person_id: i32,
        id: Uuid,
        version: u32,
        received_at_ms: i64,
        draft: RecordDraft,
    ) -> Self {
        OutboxRecord {
            id,
            person_id,
            version,
            device_time_ms: received_at_ms,
            draft,
            state: RecordState::Synced { received_at_ms },
            withdrawn: false,
        }
    }

    /// A report of one of the person's grids as the server keeps it, with its review.
    pub fn from_report(person_id: i32, r: &ReportRecord) -> Self {
        OutboxRecord {
            id: r.id,
            person_id,
            version: r.version,
            device_time_ms: r.updated_at_ms,
            draft: RecordDraft::MonthlyReport(ReportDraft {
                grid_id: r.grid_id,
                month: r.month.clone(),
                work_done: r.work_done.clone(),
                problems: r.problems.clone(),
                next_steps: r.next_steps.clone(),
            }),
            state: match r.status {
                ReviewStatus::Submitted => RecordState::Synced {
                    received_at_ms: r.updated_at_ms,
                },
                ReviewStatus::Returned => RecordState::Returned {
                    comment: r.review_comment.clone(),
                },
                ReviewStatus::Approved => RecordState::Approved,
            },
            withdrawn: false,
        }
    }

    /// Whether the user may still change it: a visit the server refused; a report until the
    /// township approves it; an activity or training until its month is locked (the server
    /// judges that); a major event or a plan at any time (an edited event is flagged anew).
    pub fn editable(&self) -> bool {
        if self.withdrawn {
            return false;
        }
        match (&self.draft, &self.state) {
            // A conflict is settled by choosing a version first.
            (_, RecordState::Conflict { .. }) => false,
            (_, RecordState::Rejected { .. }) => true,
            (RecordDraft::MonthlyReport(_), state) => *state != RecordState::Approved,
            (
                RecordDraft::Activity(_)
                | RecordDraft::Training(_)
                | RecordDraft::MajorEvent(_)
                | RecordDraft::AnnualPlan(_),
                _,
            ) => true,
            (RecordDraft::Visit(_), _) => false,
        }
    }
}

/// The record withdrawn by the user: a new version that asks the server to remove it.
pub fn withdraw(record: &OutboxRecord, now_ms: i64) -> OutboxRecord {
    OutboxRecord {
        version: record.version + 1,
        device_time_ms: now_ms,
        state: RecordState::Pending,
        withdrawn: true,
        ..record.clone()
    }
}

/// Which version of a conflicting record the user keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The phone's: sent again as the version after the server's, so it replaces it.
    Mine,
    /// The server's: kept as synced; the phone's edit is given up, by the user's choice.
    Theirs,
}

/// The record once the user chose in a conflict; `None` when it is not in conflict.
pub fn resolve(record: &OutboxRecord, choice: Choice, now_ms: i64) -> Option<OutboxRecord> {
    let RecordState::Conflict {
        theirs,
        their_version,
        ..
    } = &record.state
    else {
        return None;
    };
    let mut resolved = record.clone();
    match choice {
        Choice::Mine => {
            resolved.version = their_version + 1;
            resolved.device_time_ms = now_ms;
            resolved.state = RecordState::Pending;
        }
        Choice::Theirs => {
            resolved.version = *their_version;
            resolved.draft = theirs.clone();
            resolved.withdrawn = false;
            resolved.state = RecordState::Synced {
                received_at_ms: now_ms,
            };
        }
    }
    Some(resolved)
}

/// The person's records to push next: pending ones, urgent ones (major events) first, then
/// oldest first, at most `max`. Another person's records on a shared phone wait for that
/// person's own session.
pub fn next_batch(records: &[OutboxRecord], person_id: i32, max: usize) -> Vec<OutboxRecord> {
    let mut pending: Vec<OutboxRecord> = records
        .iter()
        .filter(|r| r.person_id == person_id && r.state == RecordState::Pending)
        .cloned()
        .collect();
    pending.sort_by_key(|r| (!r.draft.is_urgent(), r.device_time_ms, r.id));
    pending.truncate(max);
    pending
}

/// The server's answers applied to the records sent. A record the answer does not name stays
/// pending, so nothing is dropped by a short or garbled answer.
pub fn apply_results(sent: &[OutboxRecord], results: &[RecordResult]) -> Vec<OutboxRecord> {
    sent.iter()
        .filter_map(|record| {
            let result = results.iter().find(|r| r.id == record.id)?;
            let mut updated = record.clone();
            updated.state = match &result.outcome {
                RecordOutcome::Accepted { received_at_ms } => RecordState::Synced {
                    received_at_ms: *received_at_ms,
                },
                RecordOutcome::Rejected { problems } => RecordState::Rejected {
                    problems: problems.clone(),
                },
                // A server version the phone cannot read is reported as a refusal: the user's
                // own version stays either way.
                RecordOutcome::Conflict { current, problems } => {
                    match serde_json::from_value::<RecordDraft>(current.payload.clone()) {
                        Ok(theirs) if theirs.kind() == record.draft.kind() => {
                            RecordState::Conflict {
                                theirs,
                                their_version: current.version,
                                problems: problems.clone(),
                            }
                        }
                        _ => RecordState::Rejected {
                            problems: problems.clone(),
                        },
                    }
                }
            };
            Some(updated)
        })
        .collect()
}

/// Why the phone could not keep a record.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("手机存储空间不足，记录未保存。请清理空间后重试")]
    QuotaExceeded,
    #[error("无法打开手机上的存储：{0}")]
    Unavailable(String),
    #[error("手机存储出错：{0}")]
    Failed(String),
}

/// Durable storage of the outbox. `put` returns only once the record is durably written.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait OutboxStore {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError>;
    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError>;
    /// Removes records the server has withdrawn.
    async fn remove(&self, ids: &[Uuid]) -> Result<(), StoreError>;
}

/// A photo kept on the phone: until it is uploaded, and after, for showing it offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPhoto {
    pub id: Uuid,
    pub person_id: i32,
    /// The shrunk JPEG as a `data:image/jpeg;base64,…` URL, ready for an `<img>`.
    pub data_url: String,
    pub uploaded: bool,
}

/// Durable storage of photos, beside the outbox.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait PhotoStore {
    async fn put_photo(&self, photo: &StoredPhoto) -> Result<(), StoreError>;
    async fn photo(&self, id: Uuid) -> Result<Option<StoredPhoto>, StoreError>;
    async fn photo_ids(&self) -> Result<Vec<Uuid>, StoreError>;
    async fn remove_photos(&self, ids: &[Uuid]) -> Result<(), StoreError>;
}

/// How long a photo listed by no record stays on the phone: a form left open keeps its photos.
pub const ORPHAN_PHOTO_MS: i64 = 24 * 60 * 60 * 1000;

/// The photos to delete from the phone: listed by no record it holds (the form was left, the
/// photo removed from it, or its record withdrawn), and taken more than [`ORPHAN_PHOTO_MS`] ago
/// (an id made by the phone carries its time).
pub fn orphan_photos(records: &[OutboxRecord], photos: &[Uuid], now_ms: i64) -> Vec<Uuid> {
    let listed: std::collections::HashSet<&Uuid> =
        records.iter().flat_map(|r| r.draft.photos()).collect();
    photos
        .iter()
        .filter(|id| !listed.contains(id))
        .filter(|id| {
            id.get_timestamp().is_some_and(|t| {
                let (secs, _) = t.to_unix();
                i64::try_from(secs).is_ok_and(|s| now_ms - s * 1000 > ORPHAN_PHOTO_MS)
            })
        })
        .copied()
        .collect()
}

/// An outbox in memory, for tests of the sync logic off the browser.
#[derive(Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<Uuid, OutboxRecord>>,
    photos: RefCell<BTreeMap<Uuid, StoredPhoto>>,
}

impl PhotoStore for MemoryStore {
    async fn put_photo(&self, photo: &StoredPhoto) -> Result<(), StoreError> {
        self.photos.borrow_mut().insert(photo.id, photo.clone());
        Ok(())
    }

    async fn photo(&self, id: Uuid) -> Result<Option<StoredPhoto>, StoreError> {
        Ok(self.photos.borrow().get(&id).cloned())
    }

    async fn photo_ids(&self) -> Result<Vec<Uuid>, StoreError> {
        Ok(self.photos.borrow().keys().copied().collect())
    }

    async fn remove_photos(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        let mut photos = self.photos.borrow_mut();
        for id in ids {
            photos.remove(id);
        }
        Ok(())
    }
}

impl OutboxStore for MemoryStore {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError> {
        let mut map = self.records.borrow_mut();
        for r in records {
            map.insert(r.id, r.clone());
        }
        Ok(())
    }

    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError> {
        Ok(self.records.borrow().values().cloned().collect())
    }

    async fn remove(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        let mut map = self.records.borrow_mut();
        for id in ids {
            map.remove(id);
        }
        Ok(())
    }
}

/// Which pulled server records to write into the outbox: new or changed ones, as synced. A
/// record the phone still holds unsynced is left alone, so a pull never overwrites the user's work.
pub fn pulled_to_store(local: &[OutboxRecord], pulled: Vec<OutboxRecord>) -> Vec<OutboxRecord> {
    pulled
        .into_iter()
        .filter(|p| {
            local
                .iter()
                .find(|l| l.id == p.id)
                .is_none_or(|l| !l.is_unsynced() && l != p)
        })
        .collect()
}

/// Which records to remove from the phone because the server says they were withdrawn
/// (on another phone): those it holds synced. One still unsynced stays, so the user's work is
/// not dropped unseen; the server refuses it in words when it is sent.
pub fn withdrawn_elsewhere(local: &[OutboxRecord], withdrawn: &[Uuid]) -> Vec<Uuid> {
    local
        .iter()
        .filter(|r| withdrawn.contains(&r.id) && !r.is_unsynced())
        .map(|r| r.id)
        .collect()
}

#[cfg(test)]
#[path = "outbox_tests.rs"]
pub(crate) mod tests;
