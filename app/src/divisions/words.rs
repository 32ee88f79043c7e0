//! The Chinese words of the divisions page, in one place to review them together.
pub const TITLE: &str = "行政区划";
pub const HOW: &str = "省、市（地级）、县（区、县级市）、乡镇（街道）及其区划代码，按代码即行政区划顺序排列。评价结果通报按此顺序分市列出。在“导入名录”中选择“行政区划”导入（列：区划代码、区划名称、简称）。";
pub const NONE: &str = "尚未导入行政区划。";
pub const CODE: &str = "区划代码";
pub const NAME: &str = "区划名称";
pub const LEVEL: &str = "级别";

/// A division's shorter name, as notices list it.
pub fn short(name: &str) -> String {
    format!("通报简称：{name}")
}

pub fn count(n: usize) -> String {
    format!("共 {n} 个区划")
}
