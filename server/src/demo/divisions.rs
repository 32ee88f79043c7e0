//! The demo's administrative divisions (fictional, under the unused province code 99): 云江市,
//! the county-level city whose grid tree the demo holds, among the counties and townships of
//! two prefectures, so that a campaign can be planned on a fresh demo.
use app::divisions::entity;
use app::domain::evaluation::DivisionCode;
use app::error::AppError;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

/// Code, name and the short name a notice lists it by.
const DIVISIONS: [(&str, &str, Option<&str>); 14] = [
    ("990000", "云岭省", None),
    ("990100", "云州市", None),
    ("990121", "青山县", None),
    ("990121100", "青山镇", None),
    ("990121101", "白石乡", None),
    ("990181", "云江市", None),
    ("990181001", "西岭街道", None),
    ("990181100", "东湖镇", None),
    ("990200", "海州土家族自治州", Some("海州州")),
    ("990202", "港城区", None),
    ("990202001", "港口街道", None),
    ("990202100", "盐田镇", None),
    ("990221", "海东县", None),
    ("990221100", "渔湾镇", None),
];

pub async fn seed(db: &impl ConnectionTrait) -> Result<(), AppError> {
    let models = DIVISIONS.iter().map(|(code, name, short)| {
        let code = DivisionCode::parse(code).map_err(|_| AppError::internal())?;
        Ok(entity::ActiveModel {
            code: Set(code.to_string()),
            name: Set((*name).to_owned()),
            short: Set(short.map(str::to_owned)),
        })
    });
    let models = models.collect::<Result<Vec<_>, AppError>>()?;
    entity::Entity::insert_many(models).exec(db).await?;
    Ok(())
}
