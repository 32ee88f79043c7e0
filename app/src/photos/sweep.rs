//! Removing photos that no record lists: uploaded and not listed (or no longer listed) for a
//! day, or listed by a record its author has since withdrawn. Each is one DELETE, so any
//! server may run it at any time; every server runs it hourly.
use crate::db::{photo, withdrawal};
use crate::error::ServerError;
use crate::state::Clock;
use sea_orm::sea_query::{Expr, ExprTrait, Query, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::time::Duration;

/// How long a photo may wait for a record to list it: the phone uploads it just before.
pub const UNLISTED_KEPT_MS: i64 = 86_400_000;
/// How often each server sweeps.
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Removes the photos no record lists as of `now_ms`; how many went.
pub async fn sweep(db: &impl ConnectionTrait, now_ms: i64) -> Result<u64, ServerError> {
    let unlisted = photo::Entity::delete_many()
        .filter(photo::Column::RecordId.is_null())
        .filter(photo::Column::ReceivedAtMs.lt(now_ms - UNLISTED_KEPT_MS))
        .exec(db)
        .await
        .map_err(ServerError::db("removing unlisted photos"))?;
    let withdrawn = photo::Entity::delete_many()
        .filter(of_withdrawn_record())
        .exec(db)
        .await
        .map_err(ServerError::db("removing photos of withdrawn records"))?;
    Ok(unlisted.rows_affected + withdrawn.rows_affected)
}

/// Sweeps now and then every hour, for as long as the server runs.
pub async fn sweep_hourly(db: DatabaseConnection, clock: Clock) {
    let mut ticks = tokio::time::interval(SWEEP_EVERY);
    loop {
        ticks.tick().await;
        match sweep(&db, clock.now_ms()).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "photos no record lists removed"),
            Err(error) => tracing::warn!(%error, "photo sweep failed"),
        }
    }
}

/// A photo whose record was withdrawn by the photo's author (who alone lists their photos).
pub fn of_withdrawn_record() -> SimpleExpr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(withdrawal::Entity)
            .and_where(
                Expr::col((withdrawal::Entity, withdrawal::Column::Id))
                    .equals((photo::Entity, photo::Column::RecordId)),
            )
            .and_where(
                Expr::col((withdrawal::Entity, withdrawal::Column::PersonId))
                    .equals((photo::Entity, photo::Column::PersonId)),
            )
            .to_owned(),
    )
}
