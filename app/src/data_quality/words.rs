//! The Chinese words of the data-quality card, in one place to review them together.

pub const ENTERPRISE: &str = "企业";
pub const DAY: &str = "核查日期";
pub const FINDINGS: &str = "发现的问题";
pub const NONE_OPEN: &str = "没有待跟进的企业。";

/// e.g. "东湖镇 2026年数据质量核查".
pub fn title(unit: &str, year: i32) -> String {
    format!("{unit} {year}年数据质量核查")
}

/// e.g. "核查 12 次，涉及企业 9 家；四上企业 20 家中已核查 7 家；已整改 2 家".
pub fn summary(
    checks: usize,
    enterprises: usize,
    above: usize,
    checked: usize,
    resolved: usize,
) -> String {
    format!(
        "核查 {checks} 次，涉及企业 {enterprises} 家；四上企业 {above} 家中已核查 {checked} 家；已整改 {resolved} 家"
    )
}

/// e.g. "待跟进企业 3 家".
pub fn open(count: usize) -> String {
    format!("待跟进企业 {count} 家")
}
