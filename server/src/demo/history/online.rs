//! The online side of the grids' work in the demo city: notices from the bureau and from
//! 东湖镇, left unread so that a member sees the reminder, and a course of the bureau's.
use super::{City, at_ms};
use app::courses::entity as course;
use app::error::AppError;
use app::notices::entity::notice;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use time::{Date, Duration};

pub(super) async fn notices_and_courses(
    db: &impl ConnectionTrait,
    city: &City,
    today: Date,
) -> Result<(), AppError> {
    let notices = [
        (
            "云江市",
            10,
            "关于开展统计法治宣传月活动的通知",
            "各乡镇（街道）、市住建局：\n请于本月内结合网格活动开展统计法治宣传，活动情况记入网格活动。",
        ),
        (
            "东湖镇",
            2,
            "关于按时报送11月情况汇报的通知",
            "各网格：\n请网格长于本月10日前报送上月情况汇报，未走访的企业请在本季度内补齐。",
        ),
    ];
    for (unit, days_ago, title, body) in notices {
        let unit = city.named(unit)?;
        notice::Entity::insert(notice::ActiveModel {
            grid_id: Set(unit.id),
            title: Set(title.to_owned()),
            body: Set(body.to_owned()),
            posted_by: Set(city.actor(unit.id)?),
            posted_at_ms: Set(at_ms(today - Duration::days(days_ago))),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    let bureau = city.named("云江市")?;
    course::Entity::insert(course::ActiveModel {
        grid_id: Set(bureau.id),
        title: Set("新修订统计法解读（第一讲）".to_owned()),
        topic: Set("law".to_owned()),
        hours: Set(2),
        link: Set(String::new()),
        body: Set("统计调查对象的权利与义务；拒绝、阻碍统计调查的法律责任。学完后记录学时，计入继续教育。".to_owned()),
        posted_by: Set(city.actor(bureau.id)?),
        posted_at_ms: Set(at_ms(today - Duration::days(20))),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}
