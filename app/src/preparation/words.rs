//! The Chinese words of the preparation stage, in one place to review them together.

pub const MILESTONE: &str = "事项";
pub const DUE: &str = "文件要求";
pub const STATUS: &str = "完成情况";
pub const DONE_ON: &str = "完成日期";
pub const DOCUMENT: &str = "所出台文件名称";
pub const DOCUMENT_HINT: &str = "如：关于印发东湖镇统计网格化工作细则的通知";
pub const MARK: &str = "标记完成";
/// A milestone already marked: its day or document corrected.
pub const CORRECT: &str = "修改";
pub const UNMARK: &str = "撤销";
pub const SAVE: &str = "保存";
pub const UNIT: &str = "单位";
pub const UNITS: &str = "各单位筹备情况";

/// e.g. "东湖镇 2026年准备实施和具体操作阶段（3—4月）".
pub fn title(unit: &str, year: i32) -> String {
    format!("{unit} {year}年准备实施和具体操作阶段（3—4月）")
}

/// e.g. "2026-03-31 前".
pub fn by(day: &str) -> String {
    format!("{day} 前")
}

/// What the grid tree shows: e.g. "企业网格 12 个，均已配网格长".
pub fn grids(count: usize, led: usize) -> String {
    if count == led {
        format!("企业网格 {count} 个，均已配网格长")
    } else {
        format!("企业网格 {count} 个，{} 个尚无网格长", count - led)
    }
}

/// The activities the unit's grids recorded that year: e.g. "今年已记录网格活动 12 次".
pub fn activities(count: usize) -> String {
    format!("今年已记录网格活动 {count} 次")
}

/// The grids that recorded work on the platform that year: e.g. "8 个网格已在平台记录走访或活动".
pub fn recording(count: usize) -> String {
    format!("{count} 个网格已在平台记录走访或活动")
}

/// What the roster shows: e.g. "名册登记 3 人".
pub fn staff(count: usize) -> String {
    format!("名册登记 {count} 人")
}

/// The audit log's key, e.g. "东湖镇 2026 完成四级网格划分".
pub fn key(unit: &str, year: i32, milestone: &str) -> String {
    format!("{unit} {year} {milestone}")
}
