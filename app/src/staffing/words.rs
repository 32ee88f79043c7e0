//! The Chinese words of the roster, in one place to review them together.

pub const TITLE: &str = "统计人员名册";
/// The city (county) bureau's own roster (004 §四(一): 在县级统计局设立乡镇（街道）统计工作管理办公室).
pub const CITY_TITLE: &str = "乡镇（街道）统计工作管理办公室";
pub const CITY_LEAD: &str = "县级统计局设立的乡镇（街道）统计工作管理办公室，落实人员编制，向乡镇（街道）派驻统计人员（广西 004 §四(一)）。";
pub const UNITS: &str = "各单位统计人员";
pub const UNIT: &str = "单位";
pub const OFFICE: &str = "统计人员";
pub const STAFFED: &str = "配备方式";
pub const NAME: &str = "姓名";
pub const POST: &str = "职务";
pub const EMPLOYMENT: &str = "配备方式";
pub const ADD: &str = "添加人员";
pub const REMOVE: &str = "移出";
pub const NONE: &str = "名册中还没有人员。";
pub const POST_HINT: &str = "如：统计站站长、统计员、东湖村统计调查员";
pub const SUBSIDY: &str = "年工作补助（元）";
pub const SUBSIDY_HINT: &str = "可不填";
pub const NOT_ON_ROSTER: &str = "这名人员不在该单位的名册中，可能已被移出，请刷新后再试。";

/// e.g. "东湖镇 统计人员 3 名".
pub fn count(unit: &str, count: usize) -> String {
    format!("{unit} 统计人员 {count} 名")
}

/// Those paid a work subsidy beside the office staff and the subsidies of the year, e.g.
/// "村（社区）统计调查员 12 名、联网直报企业统计员 3 名 · 年工作补助合计 14400.00 元".
pub fn subsidised(surveyors: usize, statisticians: usize, total: &str) -> String {
    let who: Vec<String> = [
        ("村（社区）统计调查员", surveyors),
        ("联网直报企业统计员", statisticians),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(who, n)| format!("{who} {n} 名"))
    .collect();
    let who = if who.is_empty() {
        String::new()
    } else {
        format!("{} · ", who.join("、"))
    };
    format!("{who}年工作补助合计 {total} 元（补助标准为本地设置，004 §三(一)）")
}

/// A unit's office staff as the city sees it, e.g. "3 名（尚缺 2 名）".
pub fn office(count: usize, missing: Option<usize>) -> String {
    match missing {
        Some(missing) => format!("{count} 名（尚缺 {missing} 名）"),
        None => format!("{count} 名"),
    }
}

/// How a unit is staffed, e.g. "派驻 2、专职 1、村（社区）统计调查员 12".
pub fn staffed(by: &[(&str, usize)]) -> String {
    let parts: Vec<String> = by.iter().map(|(how, n)| format!("{how} {n}")).collect();
    parts.join("、")
}

/// The floor missed, e.g. "少于文件规定的 5 名（001 §三(四)3），尚缺 2 名".
pub fn short_of(floor: usize, missing: usize) -> String {
    format!("少于文件规定的 {floor} 名（玉环 001 §三(四)3），尚缺 {missing} 名")
}

/// The floor met.
pub fn meets(floor: usize) -> String {
    format!("达到文件规定的 {floor} 名")
}

/// A roster already at its bound.
pub fn roster_full(max: usize) -> String {
    format!("一个单位的名册最多 {max} 人")
}

/// An import's change putting someone on a roster, e.g. "列入统计人员名册：专职 统计员".
pub fn imported(employment: &str, post: &str) -> String {
    format!("列入统计人员名册：{employment} {post}")
}

/// An import's change correcting a roster entry, e.g. "统计人员名册改为：派驻 统计站站长".
pub fn corrected(employment: &str, post: &str) -> String {
    format!("统计人员名册改为：{employment} {post}")
}

/// The surveyors who work in StatGrid but have no subsidy on the roster, e.g.
/// "村统计调查员 王五、赵六 已开通账号，但未在名册登记，工作补助无从落实".
pub fn unlisted(names: &[String]) -> String {
    format!(
        "村统计调查员 {} 已开通账号，但未在名册登记，工作补助无从落实",
        names.join("、")
    )
}
