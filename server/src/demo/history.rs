//! A year of the demo city's work, so that someone opening `make run` sees the product at work
//! rather than rows of 0% and 逾期 (issue 14, item 9): visits to nearly every enterprise each
//! quarter, the grids' activities and trainings, monthly reports in every state (approved and so
//! locked, waiting for review, returned, one never sent and one waived), annual plans, the
//! township's analysis meetings with one month missed, a major event the township and the city
//! have read, the statistics staff of the townships (东湖镇 two short of the 5 asked) and of the
//! bureau's office for township statistics, 东湖镇's training plan with a 联审辅导 its 经发办
//! held for the grids below, and 东湖工业一网格's
//! member and deputy as the statisticians of two of its 四上 enterprises, and the year's
//! preparation and operating stages (the city's plans and meeting, the townships' staff, rules,
//! exchanges, platform and standardization; 东湖镇's rules and standardization came late), and the townships' 统计之家, where most of the grids' activities were held, and 东湖镇's
//! annual assessment, confirmed by the bureau.
//!
//! Written straight into the tables, as a bulk load: rows count as stored before any phone's
//! cursor (change number 1, the columns' default). Only for `make run`
//! (`STATGRID_DEMO_HISTORY=1`); the tests start from the bare demo city.
use app::db::{
    annual_plan, enterprise, grid, grid_activity, major_event, monthly_report, person,
    role_assignment, training, training_attendee, visit,
};
use app::domain::cadence::{ObligationKind, Period, Subject, Waiver};
use app::domain::grid::GridKind;
use app::domain::period::{Month, Quarter, RECORD_MAX_AGE_DAYS};
use app::error::AppError;
use app::kinds::analysis_meetings::entity as analysis_meeting;
use app::training_plan::entity as training_plan_line;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    TransactionTrait,
};
use std::collections::HashMap;
use time::{Date, Duration, Time, UtcOffset};
use units::{preparation, staff, stats_homes};
use uuid::Uuid;

mod assessment;
mod evaluation;
mod look_back;
mod online;
mod units;

const PURPOSES: [(&str, &str); 4] = [
    ("data_quality", "核对月报产值与台账，数据一致"),
    ("guidance", "指导新任统计员填报联网直报"),
    ("law_promotion", "宣传统计法，发放《统计法》读本"),
    ("problem_collection", "企业反映用工紧张，已记录"),
];

/// What the history is written about: the demo city as seeded.
struct City {
    grids: Vec<grid::Model>,
    enterprises: Vec<enterprise::Model>,
    /// Who acts for each grid: a role holder of the grid, else the leader of its level-2 unit.
    actor: HashMap<i32, i32>,
    /// Each grid's members (网格员), who take part in its activities.
    members: HashMap<i32, Vec<i32>>,
    person: HashMap<String, i32>,
}

/// Writes the history once, before `today`: a city that already holds visits is left alone.
pub async fn seed(db: &DatabaseConnection, today: Date) -> Result<(), AppError> {
    if visit::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let city = City::read(db).await?;
    let tx = db.begin().await?;
    visits(&tx, &city, today).await?;
    activities(&tx, &city, today).await?;
    reports(&tx, &city, today).await?;
    filings(&tx, &city, today).await?;
    staff(&tx, &city, today).await?;
    township_training(&tx, &city, today).await?;
    statisticians(&tx, &city).await?;
    preparation(&tx, &city, today).await?;
    stats_homes(&tx, &city, today).await?;
    online::notices_and_courses(&tx, &city, today).await?;
    tx.commit().await?;
    assessment::finished(db, at_ms(today)).await?;
    evaluation::finished(db, at_ms(today)).await?;
    look_back::under_way(db, at_ms(today)).await?;
    tracing::info!("demo history written");
    Ok(())
}

impl City {
    async fn read(db: &DatabaseConnection) -> Result<City, AppError> {
        let grids = grid::Entity::find().all(db).await?;
        let enterprises = enterprise::Entity::find().all(db).await?;
        let person: HashMap<String, i32> = person::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.name, p.id))
            .collect();
        let roles = role_assignment::Entity::find().all(db).await?;
        let holder = |grid: i32| {
            roles
                .iter()
                .find(|r| r.grid_id == grid)
                .map(|r| r.person_id)
        };
        let mut members: HashMap<i32, Vec<i32>> = HashMap::new();
        for r in roles.iter().filter(|r| r.role == "member") {
            members.entry(r.grid_id).or_default().push(r.person_id);
        }
        let mut actor = HashMap::new();
        for g in &grids {
            let mut at = Some(g);
            let found = loop {
                let Some(here) = at else { break None };
                if let Some(p) = holder(here.id) {
                    break Some(p);
                }
                at = here
                    .parent_id
                    .and_then(|p| grids.iter().find(|g| g.id == p));
            };
            if let Some(p) = found {
                actor.insert(g.id, p);
            }
        }
        Ok(City {
            grids,
            enterprises,
            actor,
            members,
            person,
        })
    }

    fn of_kind(&self, kinds: &[GridKind]) -> impl Iterator<Item = &grid::Model> {
        self.grids
            .iter()
            .filter(move |g| kinds.iter().any(|k| k.code() == g.kind))
    }

    fn named(&self, name: &str) -> Result<&grid::Model, AppError> {
        self.grids
            .iter()
            .find(|g| g.name == name)
            .ok_or_else(AppError::internal)
    }

    fn actor(&self, grid: i32) -> Result<i32, AppError> {
        self.actor
            .get(&grid)
            .copied()
            .ok_or_else(AppError::internal)
    }

    fn person(&self, name: &str) -> Result<i32, AppError> {
        self.person
            .get(name)
            .copied()
            .ok_or_else(AppError::internal)
    }
}

/// Ten in the morning of `day` in Beijing, as Unix milliseconds.
fn at_ms(day: Date) -> i64 {
    let beijing = UtcOffset::from_hms(8, 0, 0).unwrap_or(UtcOffset::UTC);
    day.with_time(Time::from_hms(10, 0, 0).unwrap_or(Time::MIDNIGHT))
        .assume_offset(beijing)
        .unix_timestamp()
        * 1000
}

/// The quarters of the last year, oldest first, this one last.
fn quarters(today: Date) -> Vec<Quarter> {
    let mut q = Quarter::of(today);
    let mut out = vec![q];
    for _ in 0..4 {
        q = Quarter::of(q.first_day() - Duration::days(1));
        out.push(q);
    }
    out.reverse();
    out
}

/// Whether a record may be about `day`: past, and within the year a phone may record.
fn recordable(day: Date, today: Date) -> bool {
    day <= today && day >= today - Duration::days(RECORD_MAX_AGE_DAYS - 1)
}

/// Each enterprise visited once a quarter, on a day of its own; this quarter four in five so
/// far, so the township view has some still to visit.
async fn visits(db: &impl ConnectionTrait, city: &City, today: Date) -> Result<(), AppError> {
    let this = Quarter::of(today);
    let mut rows = Vec::new();
    for (n, e) in city.enterprises.iter().enumerate() {
        for q in quarters(today) {
            let day = q.first_day() + Duration::days((n as i64 * 7) % 80);
            if !recordable(day, today) || (q == this && n % 5 == 0) {
                continue;
            }
            let (purpose, findings) = PURPOSES[n % PURPOSES.len()];
            rows.push(visit::ActiveModel {
                id: Set(Uuid::now_v7()),
                person_id: Set(city.actor(e.grid_id)?),
                enterprise_id: Set(e.id),
                grid_id: Set(e.grid_id),
                visit_date: Set(day),
                purpose: Set(purpose.to_owned()),
                findings: Set(findings.to_owned()),
                follow_up: Set(n % 7 == 0),
                photos: Set("[]".to_owned()),
                version: Set(1),
                device_time_ms: Set(at_ms(day)),
                received_at_ms: Set(at_ms(day)),
                ..Default::default()
            });
        }
    }
    for chunk in rows.chunks(200) {
        visit::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    Ok(())
}

/// An activity at the 统计之家 each quarter in every enterprise grid (this quarter in every
/// other one), its members taking part, and a law training in 东湖工业一网格 two months ago.
async fn activities(db: &impl ConnectionTrait, city: &City, today: Date) -> Result<(), AppError> {
    let this = Quarter::of(today);
    for (n, g) in city.of_kind(&[GridKind::Enterprise]).enumerate() {
        for (k, q) in quarters(today).into_iter().enumerate() {
            let day = q.first_day() + Duration::days(40 + n as i64 * 3);
            if !recordable(day, today) || (q == this && n % 2 == 1) {
                continue;
            }
            let person = city.actor(g.id)?;
            let mut took_part = vec![person];
            took_part.extend(city.members.get(&g.id).into_iter().flatten());
            took_part.sort_unstable();
            took_part.dedup();
            grid_activity::Entity::insert(grid_activity::ActiveModel {
                id: Set(Uuid::now_v7()),
                grid_id: Set(g.id),
                person_id: Set(person),
                activity_type: Set(["study", "exchange", "law_promotion"][n % 3].to_owned()),
                activity_date: Set(day),
                // One in four in a firm's own meeting room, not the township's 统计之家.
                place: Set(
                    ["统计之家", "统计之家", "统计之家", "企业会议室"][(n + k) % 4].to_owned(),
                ),
                participants: Set(serde_json::json!(took_part).to_string()),
                summary: Set("学习统计法，交流月报填报中的问题".to_owned()),
                // 90 yuan a quarter: within even a one-member grid's 500 yuan a year.
                spend_fen: Set(9_000),
                photos: Set("[]".to_owned()),
                version: Set(1),
                device_time_ms: Set(at_ms(day)),
                received_at_ms: Set(at_ms(day)),
                ..Default::default()
            })
            .exec(db)
            .await?;
        }
    }
    let grid = city.named("东湖工业一网格")?;
    let law = training::ActiveModel {
        grid_id: Set(grid.id),
        person_id: Set(city.person("王建华")?),
        title: Set("统计法律知识培训".to_owned()),
        organiser: Set("云江市统计局".to_owned()),
        topic: Set("law".to_owned()),
        hours: Set(4),
        ..Default::default()
    };
    let day = today - Duration::days(60);
    training_held(db, city, day, law, &["李娜", "赵敏", "王建华"]).await?;
    Ok(())
}

/// Every reporting grid's monthly report for the last eleven months, approved (so the month
/// is locked); last month one waits for review, one was returned, one was never sent, and one
/// grid's month three back was waived.
async fn reports(db: &impl ConnectionTrait, city: &City, today: Date) -> Result<(), AppError> {
    let last = Month::of(today).prev();
    let mut month = last;
    let mut months = Vec::new();
    for _ in 0..11 {
        months.push(month);
        month = month.prev();
    }
    let waived = (city.named("西岭工业网格")?.id, last.prev().prev());
    for g in city.of_kind(&[GridKind::Enterprise, GridKind::WorkArea]) {
        for &m in &months {
            let status = match (g.name.as_str(), m == last) {
                ("东湖贸易网格", true) => continue,
                ("东湖工业一网格", true) => "returned",
                ("东湖工业二网格", true) => "submitted",
                _ if (g.id, m) == waived => continue,
                _ => "approved",
            };
            let sent = m.last_day() + Duration::days(2);
            if !recordable(sent, today) {
                continue;
            }
            monthly_report::Entity::insert(monthly_report::ActiveModel {
                id: Set(Uuid::now_v7()),
                grid_id: Set(g.id),
                month: Set(m.to_string()),
                person_id: Set(city.actor(g.id)?),
                work_done: Set(format!("{}走访企业全覆盖，月报按时报送", m.label())),
                problems: Set("个别企业统计员变动，台账交接不全".to_owned()),
                next_steps: Set("督促新任统计员参加业务培训".to_owned()),
                version: Set(1),
                status: Set(status.to_owned()),
                review_comment: Set(
                    (status == "returned").then(|| "请补充企业用工变化情况".to_owned())
                ),
                first_received_at_ms: Set(at_ms(sent)),
                updated_at_ms: Set(at_ms(sent)),
                ..Default::default()
            })
            .exec(db)
            .await?;
        }
    }
    let waiver = Waiver {
        kind: ObligationKind::MonthlyLeaderReport,
        subject: Subject::Grid(waived.0),
        period: Period::Month(waived.1),
        reason: "网格内企业集中搬迁，经乡镇同意本月免报".to_owned(),
        by_person: city.person("郑雅")?,
        at_ms: at_ms(waived.1.last_day()),
    };
    app::cadence::ssr::waive(db, &waiver).await?;
    Ok(())
}

/// This year's annual plans, the township's analysis meetings (one month missed), and a major
/// event ten days ago that the township and the city have read.
async fn filings(db: &impl ConnectionTrait, city: &City, today: Date) -> Result<(), AppError> {
    let planned = Date::from_calendar_date(today.year(), time::Month::March, 20)
        .map_err(|_| AppError::internal())?;
    if planned <= today {
        for g in city.of_kind(&[GridKind::Enterprise]) {
            annual_plan::Entity::insert(annual_plan::ActiveModel {
                id: Set(Uuid::now_v7()),
                grid_id: Set(g.id),
                year: Set(today.year()),
                person_id: Set(city.actor(g.id)?),
                goals: Set("全年走访每家企业不少于四次，月报及时率100%".to_owned()),
                measures: Set("每月听取网格员汇报，每季度一次统计之家活动".to_owned()),
                schedule: Set("一季度统计法培训；二季度业务交流；三季度年报布置".to_owned()),
                version: Set(1),
                device_time_ms: Set(at_ms(planned)),
                first_received_at_ms: Set(at_ms(planned)),
                received_at_ms: Set(at_ms(planned)),
                ..Default::default()
            })
            .exec(db)
            .await?;
        }
    }
    let township = city.named("东湖镇")?;
    let mut month = Month::of(today).prev();
    for n in 0..11 {
        let day = month.first_day() + Duration::days(24);
        month = month.prev();
        if n == 2 || !recordable(day, today) {
            continue;
        }
        analysis_meeting::Entity::insert(analysis_meeting::ActiveModel {
            id: Set(Uuid::now_v7()),
            grid_id: Set(township.id),
            person_id: Set(city.person("许文斌")?),
            meeting_date: Set(day),
            attendees: Set("镇长、分管副镇长、经发办、各工作片负责人".to_owned()),
            economy: Set("规上工业产值同比增长约6%，贸易业销售额平稳".to_owned()),
            findings: Set("两家企业订单下滑，产值环比下降".to_owned()),
            follow_ups: Set("由工业一网格走访核实订单与产值".to_owned()),
            version: Set(1),
            device_time_ms: Set(at_ms(day)),
            received_at_ms: Set(at_ms(day)),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    let day = today - Duration::days(10);
    let grid = city.named("东湖工业一网格")?;
    let firm = city.enterprises.iter().find(|e| e.grid_id == grid.id);
    major_event::Entity::insert(major_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        grid_id: Set(grid.id),
        person_id: Set(city.person("李娜")?),
        enterprise_id: Set(firm.map(|e| e.id)),
        occurred_on: Set(day),
        title: Set("企业主要生产线停产检修".to_owned()),
        details: Set("因设备故障，主要生产线停产检修约两周".to_owned()),
        impact: Set("预计本月产值减少约800万元".to_owned()),
        version: Set(1),
        device_time_ms: Set(at_ms(day)),
        received_at_ms: Set(at_ms(day)),
        read_by: Set(Some(city.person("陈晓岚")?)),
        read_at_ms: Set(Some(at_ms(day) + 3_600_000)),
        city_read_by: Set(Some(city.person("周明远")?)),
        city_read_at_ms: Set(Some(at_ms(day) + 7_200_000)),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// A `training` held on `day`, stored as a phone would have sent it that day, with the
/// `attendees` named.
async fn training_held(
    db: &impl ConnectionTrait,
    city: &City,
    day: Date,
    training: training::ActiveModel,
    attendees: &[&str],
) -> Result<(), AppError> {
    let id = Uuid::now_v7();
    training::Entity::insert(training::ActiveModel {
        id: Set(id),
        training_date: Set(day),
        version: Set(1),
        device_time_ms: Set(at_ms(day)),
        received_at_ms: Set(at_ms(day)),
        ..training
    })
    .exec(db)
    .await?;
    for name in attendees {
        training_attendee::Entity::insert(training_attendee::ActiveModel {
            training_id: Set(id),
            person_id: Set(city.person(name)?),
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// 东湖镇's training plan for the year, drawn up at its start, and a 联审辅导 its 经发办 held a
/// month ago for two grids' statisticians.
async fn township_training(
    db: &impl ConnectionTrait,
    city: &City,
    today: Date,
) -> Result<(), AppError> {
    let donghu = city.named("东湖镇")?;
    let drawn_up = today - Duration::days(300);
    let plan = [
        ("practice", 2, "3月、9月"),
        ("law", 1, "6月，结合统计法宣传"),
        ("staff", 1, "4月"),
        ("grid", 1, "5月"),
        ("system", 2, "年报、定报前各一次"),
    ];
    for (topic, sessions, note) in plan {
        training_plan_line::Entity::insert(training_plan_line::ActiveModel {
            grid_id: Set(donghu.id),
            year: Set(today.year()),
            topic: Set(topic.to_owned()),
            sessions: Set(sessions),
            note: Set(note.to_owned()),
            drawn_up_at_ms: Set(at_ms(drawn_up)),
            saved_at_ms: Set(at_ms(drawn_up)),
            saved_by: Set(city.person("陈晓岚")?),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    let joint_review = training::ActiveModel {
        grid_id: Set(donghu.id),
        person_id: Set(city.person("刘芳")?),
        title: Set("季度统计报表联审".to_owned()),
        organiser: Set("东湖镇经发办".to_owned()),
        topic: Set("practice".to_owned()),
        session: Set("joint_review".to_owned()),
        hours: Set(2),
        ..Default::default()
    };
    let day = today - Duration::days(30);
    training_held(db, city, day, joint_review, &["李娜", "王建华"]).await?;
    Ok(())
}

/// 李娜 and 赵敏 as the statisticians of 东湖工业一网格's first two 四上 enterprises, as the
/// directory would give them: the township's membership check finds them in place.
async fn statisticians(db: &impl ConnectionTrait, city: &City) -> Result<(), AppError> {
    let grid = city.named("东湖工业一网格")?;
    let four_above = (city.enterprises.iter()).filter(|e| e.grid_id == grid.id && e.above_scale);
    for (firm, (name, phone)) in four_above.zip([("李娜", "13800000005"), ("赵敏", "13800000007")])
    {
        enterprise::Entity::update(enterprise::ActiveModel {
            id: Set(firm.id),
            statistician_name: Set(name.to_owned()),
            statistician_phone: Set(phone.to_owned()),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    Ok(())
}
