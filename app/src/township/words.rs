//! The Chinese words of the township's pages (乡镇走访情况: visits, coverage, trend), in one
//! place to review them together.

pub const GRID: &str = "企业网格";
pub const ENTERPRISES: &str = "企业数";
pub const VISITED: &str = "已走访企业";
pub const VISITS: &str = "走访次数";
pub const ACTIVITIES: &str = "本季度网格活动";
pub const UNIT_ACTIVITIES: &str = "市、乡镇（部门）、工作管理片本季度组织的活动";

/// A unit's activity of a quarter not yet held, e.g. "东湖镇 2026年第四季度活动未开展".
pub fn unit_activity_reminder(unit: &str, quarter: &str) -> String {
    format!("{unit} {quarter}活动未开展")
}

pub fn unit_activity_by(deadline: &str) -> String {
    format!("{deadline} 前组织并记录为按时")
}
pub const UNIT: &str = "单位";
pub const NEEDS_FOLLOW_UP: &str = " · 需要跟进";
/// A grid with no plan of the year, before its status badge.
pub const NOT_SENT: &str = "未提交 ";
pub const GOALS: &str = "工作目标：";
pub const MEASURES: &str = "主要措施：";
pub const SCHEDULE: &str = "走访、活动与培训安排：";
pub const SCOPE: &str = "网格";
pub const MONTH: &str = "月份";
pub const EXPORT_EXCEL: &str = "导出 Excel";
pub const EXPORT_CSV: &str = "导出 CSV";
pub const PRINT: &str = "打印";
pub const NOT_BEGUN: &str = "本季度尚未开始。";
pub const VISITED_OF: &str = "已走访 / 企业数";
pub const STATUS: &str = "状态";
pub const LOADING_TREND: &str = "正在加载趋势…";
pub const TREND: &str = "走访趋势";
pub const QUARTER: &str = "季度";
pub const COMPLETION: &str = "走访完成率";
pub const TIMELINESS: &str = "按时率";
/// A rate of a quarter with nothing due yet.
pub const NOT_YET_DUE: &str = "—（未到期）";

pub const HIDE_VISITS: &str = "收起走访明细";

pub fn show_visits(count: usize) -> String {
    format!("查看走访明细（{count} 次）")
}

pub fn visits_of(month: &str) -> String {
    format!("{month} 走访明细")
}

pub fn visits_in_all(month: &str, visits: usize) -> String {
    format!("{month} 共走访 {visits} 次")
}

pub fn times(count: usize) -> String {
    format!("{count} 次")
}

pub fn plan_sent(on: &str, version: u32) -> String {
    format!("{on} 提交（第{version}版）")
}

pub fn coverage_of(quarter: &str) -> String {
    format!("走访覆盖 · {quarter}")
}

pub fn no_visit_rule(policy: &str) -> String {
    format!("现行报送节奏（{policy}）未要求定期走访企业。")
}

pub fn visit_rule(policy: &str, per_quarter: u32, due: &str) -> String {
    format!(
        "按{policy}报送节奏：每家企业每季度至少走访 {per_quarter} 次（本地设置，文件未规定次数），{due} 前完成为按时。"
    )
}

pub fn not_visited(enterprises: usize) -> String {
    format!("未走访企业（{enterprises} 家）")
}

/// The trend chart's description: each month's `counts` from [`month_visits`].
pub fn trend_label(months: usize, counts: &[String]) -> String {
    format!("近{months}个月走访次数：{}", counts.join("，"))
}

pub fn month_visits(month: &str, visits: usize) -> String {
    format!("{month} {visits}次")
}

pub fn at_most(visits: usize) -> String {
    format!("最多 {visits} 次/月")
}

pub fn visits_in(month: &str, visits: usize) -> String {
    format!("{month}：{visits} 次")
}
