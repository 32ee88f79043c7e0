//! Gathers the status page: a few small queries, read when the page is asked for.
use super::api::{BackupSeen, KindCount, SILENT_SHOWN, ServerStatus, SilentPhone};
use super::words;
use crate::admin::ssr::AdminSession;
use crate::auth::ssr::Viewer;
use crate::db::{backup_run, grid, person, photo, role_assignment, session};
use crate::domain::server_status::{day_start_ms, silent_since_ms};
use crate::domain::session_policy::SessionKind;
use crate::error::{AppError, ServerError};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};
use std::collections::HashMap;

/// The status, for the city administrator only.
pub async fn current() -> Result<ServerStatus, AppError> {
    let (viewer, state) = Viewer::current().await?;
    let now_ms = viewer.now_ms;
    let admin = AdminSession::new(viewer, state.db.clone())?;
    let db = &admin.db;
    let (silent_phones, silent_total) = silent_phones(db, now_ms, state.stale_phone_days).await?;
    Ok(ServerStatus {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: database(db).await?,
        database_bytes: database_bytes(db).await?,
        migrations: migrations(db).await?,
        last_backup: last_backup(db).await?,
        today: today(db, now_ms).await?,
        silent_days: state.stale_phone_days,
        silent_phones,
        silent_total,
    })
}

async fn scalar<T: sea_orm::TryGetable>(
    db: &DatabaseConnection,
    sql: &str,
) -> Result<Option<T>, ServerError> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .map_err(ServerError::db("reading the database's facts"))?;
    Ok(row.and_then(|r| r.try_get_by_index(0).ok()))
}

async fn database(db: &DatabaseConnection) -> Result<String, ServerError> {
    let (name, sql) = match db.get_database_backend() {
        DbBackend::Postgres => ("PostgreSQL", "SELECT current_setting('server_version')"),
        _ => ("SQLite", "SELECT sqlite_version()"),
    };
    let version: Option<String> = scalar(db, sql).await?;
    Ok(format!("{name} {}", version.unwrap_or_default()))
}

async fn database_bytes(db: &DatabaseConnection) -> Result<Option<i64>, ServerError> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "SELECT pg_database_size(current_database())",
        _ => "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
    };
    scalar(db, sql).await
}

async fn migrations(db: &DatabaseConnection) -> Result<Vec<String>, ServerError> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await
        .map_err(ServerError::db("reading the migrations applied"))?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect())
}

async fn last_backup(db: &DatabaseConnection) -> Result<Option<BackupSeen>, ServerError> {
    let last = backup_run::Entity::find()
        .order_by_desc(backup_run::Column::TakenAtMs)
        .one(db)
        .await
        .map_err(ServerError::db("reading the last backup"))?;
    Ok(last.map(|b| BackupSeen {
        taken_at_ms: b.taken_at_ms,
        file_name: b.file_name,
        bytes: b.bytes,
    }))
}

async fn today(db: &DatabaseConnection, now_ms: i64) -> Result<Vec<KindCount>, ServerError> {
    let since = day_start_ms(now_ms);
    let mut counts = Vec::new();
    for kind in crate::kinds::ALL {
        counts.push(KindCount {
            label: kind.label().to_owned(),
            count: kind.changed_since(db, since).await?,
        });
    }
    let photos = photo::Entity::find()
        .filter(photo::Column::ReceivedAtMs.gte(since))
        .count(db)
        .await
        .map_err(ServerError::db("counting today's photos"))?;
    counts.push(KindCount {
        label: words::PHOTOS.to_owned(),
        count: photos,
    });
    Ok(counts)
}

/// Phones signed in for sync and silent for more than `days` days, longest first, and how many.
async fn silent_phones(
    db: &DatabaseConnection,
    now_ms: i64,
    days: u32,
) -> Result<(Vec<SilentPhone>, u64), ServerError> {
    let silent = session::Entity::find()
        .filter(session::Column::Kind.eq(SessionKind::Field.code()))
        .filter(session::Column::LastSeenMs.lt(silent_since_ms(now_ms, days)));
    let total = silent
        .clone()
        .count(db)
        .await
        .map_err(ServerError::db("counting silent phones"))?;
    let sessions = silent
        .order_by_asc(session::Column::LastSeenMs)
        .limit(SILENT_SHOWN)
        .all(db)
        .await
        .map_err(ServerError::db("reading silent phones"))?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.person_id).collect();
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(ServerError::db("reading silent phones' people"))?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let grids = grids_of(db, ids).await?;
    let phones = sessions
        .into_iter()
        .filter_map(|s| {
            let person = people.get(&s.person_id)?;
            Some(SilentPhone {
                name: person.name.clone(),
                phone: person.phone.clone(),
                grids: grids.get(&s.person_id).cloned().unwrap_or_default(),
                device: s.device,
                last_seen_ms: s.last_seen_ms,
            })
        })
        .collect();
    Ok((phones, total))
}

/// Each person's grids by name, joined with 、.
async fn grids_of(
    db: &DatabaseConnection,
    person_ids: Vec<i32>,
) -> Result<HashMap<i32, String>, ServerError> {
    let roles = role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.is_in(person_ids))
        .all(db)
        .await
        .map_err(ServerError::db("reading silent phones' grids"))?;
    let names: HashMap<i32, String> = grid::Entity::find()
        .filter(grid::Column::Id.is_in(roles.iter().map(|r| r.grid_id)))
        .all(db)
        .await
        .map_err(ServerError::db("reading silent phones' grids"))?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let mut of: HashMap<i32, Vec<String>> = HashMap::new();
    for role in roles {
        if let Some(name) = names.get(&role.grid_id) {
            let list = of.entry(role.person_id).or_default();
            if !list.contains(name) {
                list.push(name.clone());
            }
        }
    }
    Ok(of
        .into_iter()
        .map(|(id, list)| (id, list.join("、")))
        .collect())
}
