//! 东湖镇's assessment of this year, scored, submitted and confirmed by the bureau through the
//! same functions the pages call (and so in the audit log), so that a newcomer opens a finished
//! one; 西岭街道's is left for them to score.
use app::assessment::api::MarkDraft;
use app::assessment::ssr;
use app::auth::grids::GridCache;
use app::auth::ssr::Viewer;
use app::db::person;
use app::domain::assessment::Decision;
use app::error::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// The township leader's and the bureau's accounts (`demo::ACCOUNTS`).
const DONGHU_LEADER: &str = "13800000002";
const BUREAU: &str = "13800000001";

pub(super) async fn viewer(
    db: &DatabaseConnection,
    phone: &str,
    now_ms: i64,
) -> Result<Viewer, AppError> {
    let person = person::Entity::find()
        .filter(person::Column::Phone.eq(phone))
        .one(db)
        .await?
        .ok_or_else(AppError::internal)?;
    Viewer::load(db, &GridCache::default(), person, now_ms).await
}

pub async fn finished(db: &DatabaseConnection, now_ms: i64) -> Result<(), AppError> {
    let leader = viewer(db, DONGHU_LEADER, now_ms).await?;
    let bureau = viewer(db, BUREAU, now_ms).await?;
    let year = leader.today()?.year();
    let unit = (leader.profile.roles.iter())
        .find(|r| r.grid_name == "东湖镇")
        .map(|r| r.grid_id)
        .ok_or_else(AppError::internal)?;
    let view = ssr::view(db, &leader, unit, year).await?;
    for sheet in &view.sheets {
        let mark = MarkDraft {
            subject_id: sheet.subject_id,
            manual: "18".to_owned(),
            remark: "按时参加网格活动和业务培训，配合走访核查".to_owned(),
            chosen: String::new(),
        };
        ssr::mark(db, &leader, unit, year, &mark).await?;
    }
    ssr::submit(db, &leader, unit, year).await?;
    ssr::decide(db, &bureau, unit, year, &Decision::Confirm).await?;
    Ok(())
}
