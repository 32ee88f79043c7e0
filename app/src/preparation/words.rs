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

/// e.g. "东湖镇 2026年筹备阶段（3月底前）".
pub fn title(unit: &str, year: i32) -> String {
    format!("{unit} {year}年筹备阶段（3月底前）")
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

/// What the roster shows: e.g. "名册登记 3 人".
pub fn staff(count: usize) -> String {
    format!("名册登记 {count} 人")
}

/// The audit log's key, e.g. "东湖镇 2026 完成四级网格划分".
pub fn key(unit: &str, year: i32, milestone: &str) -> String {
    format!("{unit} {year} {milestone}")
}
