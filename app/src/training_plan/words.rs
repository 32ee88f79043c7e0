//! The Chinese words of the training plan, in one place to review them together.

pub const SUBJECT: &str = "培训内容";
pub const PLANNED: &str = "计划（次）";
pub const HELD: &str = "已举办";
pub const NOTE: &str = "时间安排";
pub const NOTE_HINT: &str = "如：3月、9月";
pub const SAVE: &str = "保存培训计划";
pub const SAVED: &str = "已保存";
pub const NOT_DRAWN_UP: &str = "本年度尚未制定培训计划。";

/// e.g. "东湖镇 2026年培训计划".
pub fn title(unit: &str, year: i32) -> String {
    format!("{unit} {year}年培训计划")
}

/// A plan still to draw up, as a reminder, e.g. "东湖镇 2026年培训计划未制定".
pub fn reminder(unit: &str, year: i32) -> String {
    format!("{unit} {year}年培训计划未制定")
}

pub fn on_time_by(deadline: &str) -> String {
    format!("{deadline} 前制定为按时")
}

/// When the plan was drawn up, e.g. "2026-04-12 制定".
pub fn drawn_up_on(day: &str) -> String {
    format!("{day} 制定")
}

/// The deadline the policy sets, a local setting the administrator may change in 报送节奏.
pub fn deadline(day: &str) -> String {
    format!("报送节奏要求 {day} 前制定")
}

/// What the plan asks and what was held, e.g. "计划 6 次，已举办 4 次，尚差 2 次".
pub fn summary(planned: u32, held: u32, behind: u32) -> String {
    match behind {
        0 => format!("计划 {planned} 次，已举办 {held} 次"),
        _ => format!("计划 {planned} 次，已举办 {held} 次，尚差 {behind} 次"),
    }
}

/// One subject behind its plan.
pub fn behind(count: u32) -> String {
    format!("尚差 {count} 次")
}

/// 联审辅导 held in the year.
pub fn joint_reviews(year: i32, count: u32) -> String {
    format!("{year}年联审辅导 {count} 次（001 §三(三)3）")
}

/// The source of the subjects.
pub const SOURCE: &str = "培训内容按玉环 001 §四(二)1：统计实务、统计法律知识、统计人员管理、统计网格管理、统计日常管理系统操作。已举办为本单位及下级网格记录的业务培训。";
