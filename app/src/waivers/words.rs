//! The Chinese words of waivers, in one place to review them together.

pub const WAIVE: &str = "豁免";
pub const REASON: &str = "豁免原因";
pub const CONFIRM: &str = "确认豁免";
pub const NOT_ASKED: &str = "报送节奏未要求此项，无需豁免";

/// A duty the policy does not ask of this grid, e.g. "东湖工业一网格不承担年度培训计划，无需豁免".
pub fn not_bound(grid: &str, duty: &str) -> String {
    format!("{grid}不承担{duty}，无需豁免")
}
