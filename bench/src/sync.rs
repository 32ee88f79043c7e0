//! Sync: the phone's own batching logic (`push_outbox`) pushing N pending records over HTTP.
use crate::db::{Backend, Res, fresh, start};
use crate::report::{Goal, figure, figure_beside};
use app::db::visit;
use app::domain::visit::VisitDraft;
use app::error::AppError;
use app::sync::api::{
    MAX_BATCH, PROTOCOL_VERSION, PULL_PATH, PUSH_PATH, PullResponse, PushResponse, RecordEnvelope,
    RecordResult,
};
use app::sync::engine::{Transport, push_outbox};
use app::sync::outbox::{
    MemoryStore, OutboxRecord, OutboxStore, RecordDraft, RecordState, StoredPhoto,
};
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, TransactionTrait,
};
use serde_json::{Value, json};
use std::time::Instant;

struct Http {
    client: reqwest::Client,
    base: String,
}

fn network(e: reqwest::Error) -> AppError {
    AppError::Network(e.to_string())
}

impl Transport for Http {
    async fn push(&self, records: Vec<RecordEnvelope>) -> Result<Vec<RecordResult>, AppError> {
        let body = json!({"protocol": PROTOCOL_VERSION, "records": records});
        let response = self
            .client
            .post(format!("{}{PUSH_PATH}", self.base))
            .json(&body)
            .send()
            .await
            .map_err(network)?;
        let answer: PushResponse = response.json().await.map_err(network)?;
        Ok(answer.results)
    }

    async fn pull(&self, after: i64, _: Option<String>) -> Result<PullResponse, AppError> {
        let url = format!("{}{PULL_PATH}?after={after}", self.base);
        let response = self.client.get(url).send().await.map_err(network)?;
        response.json().await.map_err(network)
    }

    /// The benchmark's visits carry no photos; a photo reaching here is a bug in the bench.
    async fn upload_photo(&self, photo: &StoredPhoto) -> Result<(), AppError> {
        Err(AppError::Invalid(format!(
            "基准测试的记录不带照片：{}",
            photo.id
        )))
    }
}

pub async fn run(backend: Backend, counts: &[usize]) -> Res<()> {
    let crate::db::Started { base, db, .. } = start(fresh(backend, "sync").await?, true).await?;
    let client = crate::db::browser(&base)?;
    let login: Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"phone": "13800000005", "password": server::demo::DEMO_PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    let person_id = login["profile"]["person_id"].as_i64().ok_or("no person")? as i32;
    let pulled: Value = client
        .get(format!("{base}/api/v1/sync/pull"))
        .send()
        .await?
        .json()
        .await?;
    let enterprises: Vec<i32> = pulled["directory"]["enterprises"]
        .as_array()
        .ok_or("no directory")?
        .iter()
        .filter_map(|e| e["id"].as_i64().map(|id| id as i32))
        .collect();
    let today = time::OffsetDateTime::now_utc()
        .to_offset(app::domain::period::SHANGHAI)
        .date();
    let transport = Http {
        client,
        base: base.clone(),
    };
    for &n in counts {
        let store = MemoryStore::default();
        let records: Vec<OutboxRecord> = (0..n)
            .map(|i| OutboxRecord {
                id: uuid::Uuid::now_v7(),
                person_id,
                version: 1,
                device_time_ms: i as i64,
                draft: RecordDraft::Visit(VisitDraft {
                    enterprise_id: enterprises[i % enterprises.len()],
                    visit_date: app::domain::period::format_date(today),
                    purpose: "guidance".into(),
                    findings: format!("基准测试走访记录第{i}条：报表按时报送，统计台账完整。"),
                    follow_up: i % 7 == 0,
                    photos: Vec::new(),
                }),
                state: RecordState::Pending,
                withdrawn: false,
            })
            .collect();
        store.put_all(&records).await?;
        let started = Instant::now();
        let report = push_outbox(&store, &transport, person_id, |_, _| ()).await?;
        let wall = started.elapsed().as_secs_f64();
        let trips = n.div_ceil(MAX_BATCH) as f64;
        let label = backend.name();
        figure(
            &format!("sync {n} records ({label}): round trips"),
            report.round_trips as f64,
            "",
            Goal::AtMost(trips),
        );
        figure(
            &format!("sync {n} records ({label}): wall time"),
            wall * 1000.0,
            "ms",
            Goal::Info,
        );
        if report.accepted != n {
            return Err(format!("only {} of {n} records accepted", report.accepted).into());
        }
        let floor = bare_inserts(&db, n).await?;
        figure(
            &format!("database floor: bare inserts of {n} visits ({label})"),
            floor,
            "records/s",
            Goal::Info,
        );
        let goal = if backend == Backend::Sqlite {
            Goal::AtLeast(20_000.0)
        } else {
            Goal::Info
        };
        figure_beside(
            &format!("server ingest, {n}-record sync ({label})"),
            n as f64 / wall,
            "records/s",
            goal,
            floor,
        );
    }
    Ok(())
}

/// The database floor: `n` copies of a stored visit written straight into the visit table, one
/// insert per row in transactions of a push's batch size, with none of the server's checks,
/// deduplication or change numbering. Returns rows per second.
async fn bare_inserts(db: &DatabaseConnection, n: usize) -> Res<f64> {
    let model = visit::Entity::find()
        .one(db)
        .await?
        .ok_or("no visit stored to copy")?;
    let started = Instant::now();
    for batch in (0..n).collect::<Vec<_>>().chunks(MAX_BATCH) {
        let tx = db.begin().await?;
        for _ in batch {
            let row = visit::Model {
                id: uuid::Uuid::now_v7(),
                ..model.clone()
            };
            row.into_active_model().reset_all().insert(&tx).await?;
        }
        tx.commit().await?;
    }
    Ok(n as f64 / started.elapsed().as_secs_f64())
}
