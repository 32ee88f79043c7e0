//! The Chinese words of the 统计之家 register, in one place to review them together.

pub const NAME: &str = "名称";
pub const NAME_HINT: &str = "如：东湖镇统计之家";
pub const ADDRESS: &str = "地址";
pub const OPENED_ON: &str = "启用日期";
pub const NOTE: &str = "备注";
pub const NOTE_HINT: &str = "场地、设施、开放时间等，可不填";
pub const ACTIVITIES: &str = "今年活动";
pub const ADD: &str = "登记统计之家";
pub const CHANGE: &str = "修改";
pub const SAVE: &str = "保存";
pub const REMOVE: &str = "注销";
pub const UNIT: &str = "单位";
pub const HOMES: &str = "统计之家";
pub const UNITS: &str = "各单位统计之家";
pub const NOT_REGISTERED: &str = "该统计之家不在本单位的登记中，可能已被注销，请刷新后再试。";
/// No home yet: said as the documents say it, a thing to do where the means allow, not a
/// duty missed.
pub const NONE: &str = "本单位尚未登记统计之家。有条件的乡镇（街道）要设置“统计之家”作为网格活动场所（玉环 001 §三(四)5）。";

/// e.g. "东湖镇 统计之家".
pub fn title(unit: &str) -> String {
    format!("{unit} 统计之家")
}

/// The year's activities whose place names no registered home, e.g. "今年另有 3 次活动在其他地点开展".
pub fn elsewhere(count: usize) -> String {
    format!("今年另有 {count} 次活动在其他地点开展")
}

/// A count of activities, e.g. "5 次".
pub fn times(count: usize) -> String {
    format!("{count} 次")
}

/// A count of homes, e.g. "2 处".
pub fn places(count: usize) -> String {
    format!("{count} 处")
}
