//! The Chinese words of the progress-report pages, in one place to review them together.

pub const REFUSAL: &str = "阶段进展报告由报送节奏中有固定日期报送事项的单位报送：市（县）统计局，或乡镇（街道）、部门的网格长、分管领导及统计人员。";
pub const TITLE: &str = "阶段进展报告";
pub const EDIT: &str = "修改报告";
pub const SAVE: &str = "保存报告";
pub const GRID: &str = "报送单位";
pub const DEADLINE: &str = "所报事项及截止日期";
pub const NO_DEADLINE: &str = "报送节奏中没有本单位要报送的固定日期事项。";
pub const DOCUMENTS_HINT: &str = "每行一个文件名称，如：关于印发《……实施方案》的通知";
pub const BOARD: &str = "固定日期报送情况";
pub const UNIT: &str = "单位";
pub const REPORT: &str = "事项";
pub const DUE: &str = "截止日期";
pub const STATUS: &str = "状态";
pub const FILED_ON: &str = "报送日期";
pub const READ: &str = "阅读报告";
pub const WITHDRAWN: &str = "报告已撤回。";
pub const SCANS_HINT: &str = "出台的文件可拍照或扫描后作为照片附上。";

/// Who wrote the report shown and when its latest version arrived.
pub fn written_by(author: &str, day: &str) -> String {
    format!("{author} · {day} 报送")
}

/// The refusal of a report that answers no deadline of the policy for its grid.
pub fn no_such_deadline(label: &str, deadline: &str) -> String {
    format!("报送节奏中本单位没有“{label}”在{deadline}截止的报送事项，请重新选择。")
}

pub fn stage_not_open(label: &str, opening: &str) -> String {
    format!("“{label}”所在阶段{opening}开始，届时再报送。")
}

pub fn headline(label: &str, deadline: &str, grid: &str) -> String {
    format!("{label}（{deadline}前）· {grid}")
}

/// A deadline among the choices, e.g. "试点工作推进情况总结（2026-07-15前）".
pub fn choice(label: &str, deadline: &str) -> String {
    format!("{label}（{deadline}前）")
}

/// A reminder of a report not yet filed, e.g. "玉环市 试点工作推进情况总结未报送".
pub fn reminder(grid: &str, label: &str) -> String {
    format!("{grid} {label}未报送")
}

pub fn due_on(deadline: &str) -> String {
    format!("截止日期 {deadline}")
}
