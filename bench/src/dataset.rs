//! Deterministic datasets: a township of 100 grids × 20 enterprises with a year of visits and
//! monthly reports (each grid's report of each month, approved, its history kept), and a
//! province (1,300 townships, 100,000 enterprises, 5 million visits) made in PostgreSQL itself.
//! No randomness: every figure comes from the same rows on every run.
use crate::db::Res;
use app::auth::password::hash_password;
use app::db::{enterprise, grid, monthly_report, person, report_event, role_assignment, visit};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait,
};

pub const LEADER_PHONE: &str = "13900000000";
/// The province's city bureau leader, who sees every township side by side.
pub const CITY_PHONE: &str = "13900000001";
pub const PASSWORD: &str = "bench-password";
pub const YEAR: i32 = 2025;

pub async fn township(
    db: &DatabaseConnection,
    grids: i32,
    per_grid: i32,
    visits_per_month: i32,
) -> Res<()> {
    let hash = hash_password(PASSWORD).await?;
    let tx = db.begin().await?;
    let city = insert_grid(&tx, None, 1, "city", "基准市").await?;
    let town = insert_grid(&tx, Some(city), 2, "township", "基准镇").await?;
    let leader = person::Entity::insert(person::ActiveModel {
        name: Set("基准网格长".into()),
        phone: Set(LEADER_PHONE.into()),
        password_hash: Set(hash.clone()),
        active: Set(true),
        ..Default::default()
    })
    .exec(&tx)
    .await?
    .last_insert_id;
    role_assignment::Entity::insert(role_assignment::ActiveModel {
        person_id: Set(leader),
        grid_id: Set(town),
        role: Set("leader".into()),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let mut visits = Vec::new();
    let mut reports = Vec::new();
    let mut events = Vec::new();
    for g in 0..grids {
        let grid_id = insert_grid(&tx, Some(town), 3, "enterprise", &format!("网格{g}")).await?;
        let member = person::Entity::insert(person::ActiveModel {
            name: Set(format!("网格员{g}")),
            phone: Set(format!("137{g:08}")),
            password_hash: Set(hash.clone()),
            active: Set(true),
            ..Default::default()
        })
        .exec(&tx)
        .await?
        .last_insert_id;
        let models = (0..per_grid).map(|e| enterprise::ActiveModel {
            grid_id: Set(grid_id),
            name: Set(format!("基准企业{g}-{e}")),
            credit_code: Set(format!("9133{:014}", g * 1000 + e)),
            industry: Set("industrial".into()),
            above_scale: Set(true),
            cultivation: Set(false),
            statistician_name: Set("统计员".into()),
            statistician_phone: Set("13800000000".into()),
            ..Default::default()
        });
        let first = enterprise::Entity::insert_many(models)
            .exec(&tx)
            .await?
            .last_insert_id;
        // Ids of an insert_many are consecutive here: one writer, one transaction.
        let first = first.unwrap_or(0) - per_grid + 1;
        for month in 1..=12u8 {
            let (report, history) = report_models(member, grid_id, month, g)?;
            reports.push(report);
            events.extend(history);
        }
        for e in 0..per_grid {
            for month in 1..=12u8 {
                for k in 0..visits_per_month {
                    let day = 1 + ((e * 7 + k * 13 + i32::from(month)) % 28) as u8;
                    visits.push(visit_model(
                        member,
                        first + e,
                        grid_id,
                        month,
                        day,
                        visits.len() as i64,
                    )?);
                }
            }
        }
    }
    for chunk in visits.chunks(1000) {
        visit::Entity::insert_many(chunk.to_vec()).exec(&tx).await?;
    }
    for chunk in reports.chunks(500) {
        monthly_report::Entity::insert_many(chunk.to_vec())
            .exec(&tx)
            .await?;
    }
    for chunk in events.chunks(1000) {
        report_event::Entity::insert_many(chunk.to_vec())
            .exec(&tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn insert_grid(
    tx: &impl ConnectionTrait,
    parent: Option<i32>,
    level: i16,
    kind: &str,
    name: &str,
) -> Res<i32> {
    Ok(grid::Entity::insert(grid::ActiveModel {
        parent_id: Set(parent),
        level: Set(level),
        kind: Set(kind.into()),
        name: Set(name.into()),
        industry: Set(None),
        closed: Set(false),
        ..Default::default()
    })
    .exec(tx)
    .await?
    .last_insert_id)
}

/// The grid's report of `month`, received early the next month (six days after the 28th: on
/// time but for February's) and approved a day later, with both steps in its history.
fn report_models(
    person: i32,
    grid: i32,
    month: u8,
    g: i32,
) -> Res<(monthly_report::ActiveModel, [report_event::ActiveModel; 2])> {
    let id = uuid::Uuid::from_u64_pair(0x5250_0000, (g as u64) << 8 | u64::from(month));
    let received = time::Date::from_calendar_date(YEAR, time::Month::try_from(month)?, 28)?
        .midnight()
        .assume_utc()
        .unix_timestamp()
        * 1000
        + 6 * 86_400_000;
    let event = |action: &str, at_ms: i64| report_event::ActiveModel {
        report_id: Set(id),
        version: Set(1),
        action: Set(action.into()),
        comment: Set(None),
        content: Set(None),
        person_id: Set(person),
        at_ms: Set(at_ms),
        ..Default::default()
    };
    Ok((
        monthly_report::ActiveModel {
            id: Set(id),
            grid_id: Set(grid),
            month: Set(format!("{YEAR}-{month:02}")),
            person_id: Set(person),
            work_done: Set("走访企业二十家，核对月报数据，组织统计之家活动一次。".into()),
            problems: Set("个别企业统计台账不全。".into()),
            next_steps: Set("做好年报布置。".into()),
            version: Set(1),
            status: Set("approved".into()),
            review_comment: Set(None),
            first_received_at_ms: Set(received),
            updated_at_ms: Set(received + 86_400_000),
            // Loaded as if stored before change numbers began: a pull from 0 has it.
            change_seq: Set(1),
        },
        [
            event("submitted", received),
            event("approved", received + 86_400_000),
        ],
    ))
}

fn visit_model(
    person: i32,
    enterprise: i32,
    grid: i32,
    month: u8,
    day: u8,
    n: i64,
) -> Res<visit::ActiveModel> {
    let date = time::Date::from_calendar_date(YEAR, time::Month::try_from(month)?, day)?;
    Ok(visit::ActiveModel {
        id: Set(uuid::Uuid::from_u64_pair(0x5747_0000, n as u64)),
        person_id: Set(person),
        enterprise_id: Set(enterprise),
        grid_id: Set(grid),
        visit_date: Set(date),
        purpose: Set("guidance".into()),
        findings: Set("报表按时报送，统计台账完整。".into()),
        follow_up: Set(false),
        photos: Set("[]".into()),
        version: Set(1),
        device_time_ms: Set(n),
        received_at_ms: Set(n),
        change_seq: Set(1),
    })
}

/// The province, generated by PostgreSQL's `generate_series`: townships 2..=1301 under city 1;
/// 5,000 enterprise grids of 20 enterprises; one member per grid; visits spread over the year.
pub async fn province(
    db: &DatabaseConnection,
    townships: i64,
    enterprises: i64,
    visits: i64,
) -> Res<()> {
    let hash = hash_password(PASSWORD).await?;
    let grids = enterprises / 20;
    let first_grid = townships + 2;
    let statements = [
        "INSERT INTO grid (id, parent_id, level, kind, name, closed) VALUES (1, NULL, 1, 'city', '基准省', false)".to_owned(),
        format!("INSERT INTO grid (id, parent_id, level, kind, name, closed) SELECT t, 1, 2, 'township', '乡镇' || t, false FROM generate_series(2, {}) t", townships + 1),
        format!("INSERT INTO grid (id, parent_id, level, kind, name, closed) SELECT g, 2 + (g - {first_grid}) % {townships}, 3, 'enterprise', '网格' || g, false FROM generate_series({first_grid}, {}) g", first_grid + grids - 1),
        format!("INSERT INTO person (id, name, phone, password_hash, active) VALUES (1, '基准网格长', '{LEADER_PHONE}', '{hash}', true)"),
        "INSERT INTO role_assignment (id, person_id, grid_id, role) VALUES (1, 1, 2, 'leader')".to_owned(),
        // After every member's person and role (`members_of_grids`).
        format!("INSERT INTO person (id, name, phone, password_hash, active) VALUES ({city}, '基准局长', '{CITY_PHONE}', '{hash}', true)", city = grids + 2),
        format!("INSERT INTO role_assignment (id, person_id, grid_id, role) VALUES ({city}, {city}, 1, 'leader')", city = grids + 2),
        format!("INSERT INTO person (id, name, phone, password_hash, active) SELECT 1 + g, '网格员' || g, '13' || lpad(g::text, 9, '0'), '{hash}', true FROM generate_series(1, {grids}) g"),
        format!("INSERT INTO enterprise (id, grid_id, name, credit_code, industry, above_scale, cultivation, statistician_name, statistician_phone) SELECT e, {first_grid} + (e - 1) / 20, '企业' || e, '91' || lpad(e::text, 16, '0'), 'industrial', true, false, '统计员', '13800000000' FROM generate_series(1, {enterprises}) e"),
        format!("INSERT INTO visit (id, person_id, enterprise_id, grid_id, visit_date, purpose, findings, follow_up, version, device_time_ms, received_at_ms) SELECT md5(i::text)::uuid, 2 + ((i % {enterprises}) / 20), 1 + (i % {enterprises}), {first_grid} + ((i % {enterprises}) / 20), DATE '{YEAR}-01-01' + ((i / {enterprises}) * 7 + i % 7) % 365, 'guidance', '报表按时报送', false, 1, i, i FROM generate_series(0, {} - 1) i", visits),
        "ANALYZE".to_owned(),
    ];
    for sql in statements {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// One member (网格员) in each enterprise grid of the province: person `1 + n` in its `n`th
/// grid, as its visits say.
pub async fn members_of_grids(db: &DatabaseConnection) -> Res<()> {
    let sql = "INSERT INTO role_assignment (id, person_id, grid_id, role) \
        SELECT 1 + n, 1 + n, id, 'member' FROM \
        (SELECT id, row_number() OVER (ORDER BY id) AS n FROM grid WHERE kind = 'enterprise') g";
    db.execute_unprepared(sql).await?;
    Ok(())
}
