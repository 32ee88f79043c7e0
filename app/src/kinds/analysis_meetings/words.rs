//! The Chinese words of the analysis-meeting pages, in one place to review them together.

pub const REFUSAL: &str = "月度分析例会由乡镇（街道）的网格长、分管领导或经发办统计人员记录。";
pub const TITLE: &str = "月度分析例会";
pub const EDIT: &str = "修改纪要";
pub const SAVE: &str = "保存纪要";
pub const TOWNSHIP: &str = "乡镇（街道）";
pub const DATE: &str = "例会日期";
pub const ATTENDEES_HINT: &str = "如：镇长、分管副镇长、经发办、各工作片负责人";
pub const NONE_HELD: &str = "本月尚无例会纪要。";

pub fn headline(date: &str, township: &str) -> String {
    format!("{date} 月度分析例会 · {township}")
}

pub fn month_duty(month: &str, township: &str) -> String {
    format!("{month} 月度分析例会 · {township}")
}

pub fn recorded_by(name: &str) -> String {
    format!("记录人：{name}")
}

/// A reminder of a meeting not yet recorded, e.g. "东湖镇 2026年11月分析例会未记录".
pub fn reminder(township: &str, month: &str) -> String {
    format!("{township} {month}分析例会未记录")
}

pub fn on_time_by(deadline: &str) -> String {
    format!("{deadline} 前召开并记录为按时")
}
