//! What the units provide and prepare, in the demo year: the statistics staff of the townships
//! and of the bureau's office, the townships' 统计之家, and the preparation and operating stages.
use super::{City, at_ms};
use app::error::AppError;
use app::preparation::entity as setup_milestone;
use app::staffing::entity as staff_member;
use app::stats_homes::entity as stats_home;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use time::{Date, Duration};

/// The townships' statistics staff, as their leaders entered them at the start of the year:
/// 东湖镇 three (two short of the 5 asked) and two village surveyors with their subsidy,
/// 西岭街道 five; and the bureau's office for township statistics (004 §四(一)).
pub(super) async fn staff(
    db: &impl ConnectionTrait,
    city: &City,
    today: Date,
) -> Result<(), AppError> {
    let added = today - Duration::days(300);
    let rosters = [
        (
            "云江市",
            &[
                ("黄志强", "乡镇统计工作管理办公室主任", "full_time", 0),
                ("梁文", "派驻西岭街道统计员", "seconded", 0),
            ][..],
        ),
        (
            "东湖镇",
            &[
                ("刘芳", "统计员", "full_time", 0),
                ("周丽", "统计站站长", "part_time", 0),
                ("马骏", "统计员", "contracted", 0),
                ("王海", "东湖村统计调查员", "village_surveyor", 120_000),
                ("陈静", "湖滨社区统计调查员", "village_surveyor", 120_000),
            ][..],
        ),
        (
            "西岭街道",
            &[
                ("郑雅", "统计站站长", "part_time", 0),
                ("何静", "统计员", "full_time", 0),
                ("吴敏", "统计员", "seconded", 0),
                ("钱程", "统计员", "contracted", 0),
                ("冯洁", "统计员", "part_time", 0),
            ][..],
        ),
    ];
    for (unit, people) in rosters {
        let unit = city.named(unit)?;
        for (name, post, employment, subsidy_fen) in people {
            staff_member::Entity::insert(staff_member::ActiveModel {
                grid_id: Set(unit.id),
                name: Set((*name).to_owned()),
                post: Set((*post).to_owned()),
                employment: Set((*employment).to_owned()),
                subsidy_fen: Set(*subsidy_fen),
                added_at_ms: Set(at_ms(added)),
                added_by: Set(city.actor(unit.id)?),
                ..Default::default()
            })
            .exec(db)
            .await?;
        }
    }
    Ok(())
}

/// Each township's 统计之家, opened the spring before last; 西岭街道's has a note.
pub(super) async fn stats_homes(
    db: &impl ConnectionTrait,
    city: &City,
    today: Date,
) -> Result<(), AppError> {
    let opened = Date::from_calendar_date(today.year() - 1, time::Month::April, 18)
        .map_err(|_| AppError::internal())?;
    let homes = [
        ("东湖镇", "东湖镇统计之家", "东湖镇人民政府北楼二楼", ""),
        (
            "西岭街道",
            "西岭街道统计之家",
            "西岭街道便民服务中心三楼",
            "可容纳 40 人，配投影仪；工作日 8:30—17:00 开放",
        ),
    ];
    for (unit, name, address, note) in homes {
        let unit = city.named(unit)?;
        stats_home::Entity::insert(stats_home::ActiveModel {
            grid_id: Set(unit.id),
            name: Set(name.to_owned()),
            address: Set(address.to_owned()),
            opened_on: Set(opened),
            note: Set(note.to_owned()),
            saved_by: Set(city.actor(unit.id)?),
            saved_at_ms: Set(at_ms(opened)),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// The year's preparation and operating stages as each unit marked them, each mark made on its
/// day: the city's plans and mobilisation meeting in time; the townships' staff registered and
/// rules issued, 东湖镇's in April, late; April's exchanges, platform and standardization,
/// 东湖镇's standardization plan in May, late. No unit's grids are drawn: most of the demo's enterprise grids have
/// no leader yet, which the stage shows beside the milestone.
pub(super) async fn preparation(
    db: &impl ConnectionTrait,
    city: &City,
    today: Date,
) -> Result<(), AppError> {
    let year = today.year();
    let marks = [
        (
            "云江市",
            "work_plan",
            3,
            8,
            "云江市基层统计网格化智治工作方案、考核方案",
        ),
        ("云江市", "mobilisation", 3, 16, ""),
        ("东湖镇", "staff_registered", 3, 26, ""),
        ("东湖镇", "unit_rules", 4, 8, "东湖镇统计网格化工作细则"),
        ("西岭街道", "staff_registered", 3, 20, ""),
        (
            "西岭街道",
            "unit_rules",
            3,
            27,
            "西岭街道统计网格化工作细则",
        ),
        ("东湖镇", "offline_exchanges", 4, 22, ""),
        ("东湖镇", "platform", 4, 15, ""),
        (
            "东湖镇",
            "standardization",
            5,
            12,
            "东湖镇统计工作规范化建设实施方案",
        ),
        ("西岭街道", "offline_exchanges", 4, 18, ""),
        ("西岭街道", "platform", 4, 10, ""),
        (
            "西岭街道",
            "standardization",
            4,
            28,
            "西岭街道统计工作规范化建设实施方案",
        ),
    ];
    for (unit, milestone, month, day, document) in marks {
        let month = time::Month::try_from(month).map_err(|_| AppError::internal())?;
        let done_on =
            Date::from_calendar_date(year, month, day).map_err(|_| AppError::internal())?;
        if done_on > today {
            continue;
        }
        let unit = city.named(unit)?;
        setup_milestone::Entity::insert(setup_milestone::ActiveModel {
            grid_id: Set(unit.id),
            year: Set(year),
            milestone: Set(milestone.to_owned()),
            done_on: Set(done_on),
            document: Set(document.to_owned()),
            marked_by: Set(city.actor(unit.id)?),
            marked_at_ms: Set(at_ms(done_on)),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    Ok(())
}
