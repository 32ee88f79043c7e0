//! Templates to start from. The documents name the aspects; the items follow what 000 §二
//! says inspectors look at, ask and check; every point value is a local setting, and each
//! preset says so (`points_local`).
use super::template::{Aspect, Item, Method, Template, UnitKind};
use crate::domain::assessment::Tenths;

fn item(id: &str, text: &str, points: Tenths, method: Method, evidence: &str) -> Item {
    Item {
        id: id.into(),
        text: text.into(),
        points: points * 10,
        method,
        evidence: evidence.into(),
    }
}

fn aspect(name: &str, items: Vec<Item>) -> Aspect {
    Aspect {
        name: name.into(),
        items,
    }
}

fn template(name: &str, unit_kind: UnitKind, aspects: Vec<Aspect>) -> Template {
    Template {
        name: name.into(),
        version: 1,
        unit_kind,
        aspects,
        points_local: true,
    }
}

use Method::{Ask, Check, Look};

/// The aspects both provinces share, before their own: 工作任务 to 统计服务, 人员配备, 教育培训.
fn shared_aspects() -> [Aspect; 6] {
    [
        aspect(
            "工作任务",
            vec![
                item(
                    "task.surveys",
                    "按时保质完成国家、省、市统计调查任务",
                    8,
                    Ask,
                    "统计调查任务清单、上报记录",
                ),
                item(
                    "task.analysis",
                    "撰写统计分析报告，提供统计产品",
                    7,
                    Check,
                    "分析报告、统计资料",
                ),
            ],
        ),
        aspect(
            "制度管理",
            vec![
                item(
                    "rules.directory",
                    "统计名录库管理及维护规范",
                    8,
                    Check,
                    "名录库更新、核实记录",
                ),
                item(
                    "rules.quality",
                    "建立并执行数据质量管理制度",
                    7,
                    Check,
                    "数据质量管理制度、核查记录",
                ),
            ],
        ),
        aspect(
            "业务流程",
            vec![
                item(
                    "flow.entry",
                    "“四上”企业入库资料完整规范",
                    8,
                    Check,
                    "“四上”企业入库申报资料",
                ),
                item(
                    "flow.ledgers",
                    "统计台账资料规范齐全",
                    7,
                    Look,
                    "统计台账、原始记录",
                ),
            ],
        ),
        aspect(
            "统计服务",
            vec![item(
                "service.effect",
                "统计服务党政决策和基层工作实效明显",
                10,
                Ask,
                "服务记录、采用情况",
            )],
        ),
        aspect(
            "人员配备",
            vec![item(
                "staff.posts",
                "统计人员配备到位、分工明确、相对稳定",
                15,
                Ask,
                "人员名单、分工文件",
            )],
        ),
        aspect(
            "教育培训",
            vec![item(
                "training.law",
                "统计人员参加统计法治和业务培训",
                10,
                Ask,
                "培训通知、签到表、证书",
            )],
        ),
    ]
}

fn funding() -> Aspect {
    aspect(
        "经费保障",
        vec![item(
            "funds.budget",
            "统计工作经费列入财政预算并足额保障",
            10,
            Ask,
            "预算文件、经费使用记录",
        )],
    )
}

/// Hunan's eight aspects (八化, 000 §一(三)), with 办公场所.
pub fn hunan_township() -> Template {
    let [task, rules, flow, service, staff, training] = shared_aspects();
    template(
        "乡镇（街道）统计规范化建设评价表（湖南“八化”）",
        UnitKind::TownshipOffice,
        vec![
            task,
            rules,
            flow,
            service,
            staff,
            training,
            aspect(
                "办公场所",
                vec![
                    item(
                        "office.place",
                        "有固定的办公场所，标识规范",
                        5,
                        Look,
                        "办公场所",
                    ),
                    item(
                        "office.computers",
                        "电脑及网络满足统计工作需要",
                        5,
                        Look,
                        "电脑、网络",
                    ),
                ],
            ),
            funding(),
        ],
    )
}

/// Shanxi's aspects (002 §二(二)): 信息化建设 in place of 办公场所; for counties and
/// townships alike.
pub fn shanxi(unit_kind: UnitKind) -> Template {
    let [task, rules, flow, service, staff, training] = shared_aspects();
    template(
        "县乡级统计基础工作规范化建设“回头看”评分表（山西）",
        unit_kind,
        vec![
            task,
            staff,
            rules,
            flow,
            service,
            aspect(
                "信息化建设",
                vec![
                    item(
                        "it.network",
                        "联网直报的电脑及网络安全稳定",
                        5,
                        Look,
                        "电脑、网络",
                    ),
                    item(
                        "it.data",
                        "统计数据电子化管理、备份规范",
                        5,
                        Check,
                        "电子台账、备份记录",
                    ),
                ],
            ),
            training,
            funding(),
        ],
    )
}

/// Guangxi's contents (004 §二): 组织建设、业务工作、统计法治、保障措施、信息化建设、服务产品.
pub fn guangxi_township() -> Template {
    template(
        "乡镇（街道）统计工作规范化建设考核表（广西）",
        UnitKind::TownshipOffice,
        vec![
            aspect(
                "统计组织建设",
                vec![item(
                    "org.body",
                    "统计机构、人员、职责落实",
                    20,
                    Ask,
                    "机构设置、人员名单",
                )],
            ),
            aspect(
                "统计业务工作",
                vec![
                    item(
                        "work.surveys",
                        "按时保质完成统计调查任务",
                        15,
                        Ask,
                        "上报记录",
                    ),
                    item(
                        "work.ledgers",
                        "统计台账和原始记录规范齐全",
                        10,
                        Look,
                        "统计台账、原始记录",
                    ),
                ],
            ),
            aspect(
                "统计法治",
                vec![item(
                    "law.training",
                    "开展统计法治宣传和培训",
                    15,
                    Check,
                    "宣传、培训资料",
                )],
            ),
            aspect(
                "统计保障措施",
                vec![item(
                    "support.funds",
                    "工作经费和办公条件有保障",
                    15,
                    Ask,
                    "预算文件、办公场所",
                )],
            ),
            aspect(
                "统计信息化建设",
                vec![item(
                    "it.network",
                    "联网直报设备和网络满足需要",
                    10,
                    Look,
                    "电脑、网络",
                )],
            ),
            aspect(
                "统计服务产品",
                vec![item(
                    "service.products",
                    "提供统计分析和服务产品",
                    15,
                    Check,
                    "分析报告、统计资料",
                )],
            ),
        ],
    )
}

/// A department's 四有 (001 §三(四)2); with `five`, Yueqing's 五有 (003 §三(四)1), which adds
/// a working network.
pub fn department(five: bool) -> Template {
    let each = if five { 20 } else { 25 };
    let mut items = vec![
        item("dept.leader", "有分管领导", each, Ask, "分工文件"),
        item(
            "dept.office",
            "有责任机构（处、科室）",
            each,
            Ask,
            "职责文件",
        ),
        item("dept.staff", "有统计专业人员", each, Ask, "人员名单"),
        item(
            "dept.system",
            "有全行业统计工作制度",
            each,
            Check,
            "统计制度文件",
        ),
    ];
    if five {
        items.insert(
            2,
            item("dept.network", "有健全的组织网络", each, Check, "网络名单"),
        );
    }
    let name = if five {
        "部门统计“五有”评价表"
    } else {
        "部门统计“四有”评价表"
    };
    template(
        name,
        UnitKind::Department,
        vec![aspect("部门统计基础", items)],
    )
}

/// The preset named `key`, as the bureau picks it.
pub fn preset(key: &str) -> Option<Template> {
    Some(match key {
        "hunan" => hunan_township(),
        "shanxi_county" => shanxi(UnitKind::CountyBureau),
        "shanxi_township" => shanxi(UnitKind::TownshipOffice),
        "guangxi" => guangxi_township(),
        "department_four" => department(false),
        "department_five" => department(true),
        _ => return None,
    })
}

/// Every preset's key, in the order offered.
pub const PRESETS: [&str; 6] = [
    "hunan",
    "shanxi_county",
    "shanxi_township",
    "guangxi",
    "department_four",
    "department_five",
];
