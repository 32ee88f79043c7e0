//! The demo city (云江市, fictional): a 4-level township, a 3-level street, a department grid,
//! six enterprise grids of 20 fictional enterprises each, and an account for every role.
//! Deterministic, so tests and screenshots see the same data every time.
use app::auth::password::hash_password;
use app::db::{enterprise, grid, person, role_assignment};
use app::domain::credit_code::CreditCode;
use app::domain::grid::{GridKind, Industry, Role};
use app::error::AppError;
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait,
};

mod divisions;
pub mod history;

/// The password of every demo account (README, "Demo accounts").
pub const DEMO_PASSWORD: &str = "statgrid2026";
pub const ENTERPRISES_PER_GRID: usize = 20;

/// A demo account: phone, name, and roles as (grid name, role).
type Account = (&'static str, &'static str, &'static [(&'static str, Role)]);
/// A grid: name, parent's name, kind, and the industry of an enterprise grid.
type GridSpec = (
    &'static str,
    Option<&'static str>,
    GridKind,
    Option<Industry>,
);

pub const ACCOUNTS: [Account; 16] = [
    // The statistics bureau's director: the city grid's 网格指导员, who administers the city.
    ("13800000001", "周明远", &[("云江市", Role::Instructor)]),
    ("13800000002", "陈晓岚", &[("东湖镇", Role::Leader)]),
    ("13800000003", "郑雅", &[("西岭街道", Role::Leader)]),
    ("13800000004", "王建华", &[("东湖工业一网格", Role::Leader)]),
    ("13800000005", "李娜", &[("东湖工业一网格", Role::Member)]),
    ("13800000006", "何静", &[("西岭服务业网格", Role::Member)]),
    (
        "13800000007",
        "赵敏",
        &[("东湖工业一网格", Role::DeputyLeader)],
    ),
    (
        "13800000008",
        "孙立",
        &[
            ("东湖工业一网格", Role::Instructor),
            ("东湖工业二网格", Role::Instructor),
        ],
    ),
    ("13800000009", "吴涛", &[("市住建局", Role::Leader)]),
    ("13800000010", "林海", &[("东湖北片", Role::Leader)]),
    // The township's 分管领导: its 网格指导员, who reviews beside the leader.
    ("13800000011", "许文斌", &[("东湖镇", Role::Instructor)]),
    // The vice-mayor who leads the city grid: sees the whole city, administers nothing.
    ("13800000012", "黄振国", &[("云江市", Role::Leader)]),
    // The township's 经发办 statistician, a member of its grid: writes its meeting minutes.
    ("13800000013", "刘芳", &[("东湖镇", Role::Member)]),
    // A village surveyor of 东湖村, in the work area of its villages; on 东湖镇's roster with
    // a work subsidy (004 §四(一)).
    ("13800000014", "王海", &[("东湖北片", Role::Surveyor)]),
    // Inspectors of the standardization look-back, outside the grid: 青山县's county inspector
    // and 云州市's city inspector (002 县级检查, 市级抽查). They fill the sheets assigned to them.
    ("13800000015", "马骏", &[]),
    ("13800000016", "罗青", &[]),
];

const GRIDS: [GridSpec; 12] = [
    ("云江市", None, GridKind::City, None),
    ("东湖镇", Some("云江市"), GridKind::Township, None),
    ("东湖北片", Some("东湖镇"), GridKind::WorkArea, None),
    ("东湖南片", Some("东湖镇"), GridKind::WorkArea, None),
    (
        "东湖工业一网格",
        Some("东湖北片"),
        GridKind::Enterprise,
        Some(Industry::Industrial),
    ),
    (
        "东湖工业二网格",
        Some("东湖北片"),
        GridKind::Enterprise,
        Some(Industry::Industrial),
    ),
    (
        "东湖贸易网格",
        Some("东湖南片"),
        GridKind::Enterprise,
        Some(Industry::Trade),
    ),
    ("西岭街道", Some("云江市"), GridKind::Township, None),
    (
        "西岭服务业网格",
        Some("西岭街道"),
        GridKind::Enterprise,
        Some(Industry::Service),
    ),
    (
        "西岭工业网格",
        Some("西岭街道"),
        GridKind::Enterprise,
        Some(Industry::Industrial),
    ),
    ("市住建局", Some("云江市"), GridKind::Department, None),
    (
        "住建建筑业网格",
        Some("市住建局"),
        GridKind::Enterprise,
        Some(Industry::Construction),
    ),
];

const FIRST: [&str; 10] = ["瑞", "鼎", "禾", "澜", "峰", "沁", "泓", "锦", "骏", "朗"];
const SECOND: [&str; 10] = ["丰", "和", "川", "远", "成", "晟", "越", "泽", "翔", "达"];
const SURNAMES: [&str; 10] = ["张", "刘", "杨", "黄", "吴", "徐", "朱", "胡", "郭", "马"];
const GIVEN: [&str; 10] = [
    "静怡", "子涵", "文博", "思远", "雨欣", "浩然", "晓峰", "佳琪", "俊杰", "梦瑶",
];

fn suffix(industry: Industry, n: usize) -> &'static str {
    let options: &[&str] = match industry {
        Industry::Industrial => &[
            "机械制造有限公司",
            "精密铸造有限公司",
            "阀门有限公司",
            "电子科技有限公司",
        ],
        Industry::Trade => &["商贸有限公司", "供应链管理有限公司", "贸易有限公司"],
        Industry::Service => &["信息技术服务有限公司", "物流有限公司", "酒店管理有限公司"],
        Industry::Construction => &["建设工程有限公司", "建筑安装有限公司"],
        Industry::RealEstate => &["置业有限公司"],
        Industry::Other => &["有限公司"],
    };
    options[n % options.len()]
}

/// Fills an empty database with the demo city; a database with any grid is left alone.
pub async fn seed_if_empty(db: &DatabaseConnection) -> Result<(), AppError> {
    if grid::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let password_hash = hash_password(DEMO_PASSWORD).await?;
    let tx = db.begin().await?;
    let mut ids: Vec<(&str, i32)> = Vec::new();
    for (name, parent, kind, industry) in GRIDS {
        let parent_id = parent.and_then(|p| ids.iter().find(|(n, _)| *n == p).map(|(_, id)| *id));
        let level = parent_id.map_or(1, |p| level_of(&ids, p, &GRIDS) + 1);
        let inserted = grid::Entity::insert(grid::ActiveModel {
            parent_id: Set(parent_id),
            level: Set(level),
            kind: Set(kind.code().to_owned()),
            name: Set(name.to_owned()),
            industry: Set(industry.map(|i| i.code().to_owned())),
            closed: Set(false),
            ..Default::default()
        })
        .exec(&tx)
        .await?;
        ids.push((name, inserted.last_insert_id));
    }
    let mut serial = 0;
    for (name, _, _, industry) in GRIDS {
        let (Some(industry), Some(grid_id)) = (industry, id_of(&ids, name)) else {
            continue;
        };
        let models = (0..ENTERPRISES_PER_GRID).map(|_| {
            serial += 1;
            enterprise_model(serial, grid_id, industry)
        });
        enterprise::Entity::insert_many(models.collect::<Result<Vec<_>, _>>()?)
            .exec(&tx)
            .await?;
    }
    for (phone, name, roles) in ACCOUNTS {
        let person = person::Entity::insert(person::ActiveModel {
            name: Set(name.to_owned()),
            phone: Set(phone.to_owned()),
            password_hash: Set(password_hash.clone()),
            active: Set(true),
            ..Default::default()
        })
        .exec(&tx)
        .await?;
        for (grid_name, role) in roles.iter() {
            let grid_id = id_of(&ids, grid_name).ok_or_else(AppError::internal)?;
            role_assignment::Entity::insert(role_assignment::ActiveModel {
                person_id: Set(person.last_insert_id),
                grid_id: Set(grid_id),
                role: Set(role.code().to_owned()),
                ..Default::default()
            })
            .exec(&tx)
            .await?;
        }
    }
    divisions::seed(&tx).await?;
    tx.commit().await?;
    tracing::info!("demo data created");
    Ok(())
}

fn id_of(ids: &[(&str, i32)], name: &str) -> Option<i32> {
    ids.iter().find(|(n, _)| *n == name).map(|(_, id)| *id)
}

/// Depth of an already inserted grid, counted by walking its parents in `GRIDS`.
fn level_of(ids: &[(&str, i32)], id: i32, grids: &[GridSpec]) -> i16 {
    let mut level = 1;
    let mut name = ids.iter().find(|(_, i)| *i == id).map(|(n, _)| *n);
    while let Some(parent) = name
        .and_then(|n| grids.iter().find(|g| g.0 == n))
        .and_then(|g| g.1)
    {
        level += 1;
        name = Some(parent);
    }
    level
}

fn enterprise_model(
    serial: usize,
    grid_id: i32,
    industry: Industry,
) -> Result<enterprise::ActiveModel, AppError> {
    let name = format!(
        "云江{}{}{}",
        FIRST[serial % 10],
        SECOND[(serial / 10) % 10],
        suffix(industry, serial)
    );
    // 9 = industry and commerce, 1 = enterprise, 339901 = a fictional division, then the body.
    let code = CreditCode::from_body(&format!("91339901MA{serial:07}"))
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let statistician = format!("{}{}", SURNAMES[serial % 10], GIVEN[(serial / 3) % 10]);
    Ok(enterprise::ActiveModel {
        grid_id: Set(grid_id),
        name: Set(name),
        credit_code: Set(code.as_str().to_owned()),
        industry: Set(industry.code().to_owned()),
        above_scale: Set(!serial.is_multiple_of(3)),
        cultivation: Set(serial.is_multiple_of(3)),
        statistician_name: Set(statistician),
        statistician_phone: Set(format!("139{serial:08}")),
        ..Default::default()
    })
}
