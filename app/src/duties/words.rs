//! The Chinese words of the duty cards on the home page, in one place to review them together.

pub const REMINDERS: &str = "待办提醒";
pub const EDUCATION: &str = "本年度继续教育";
pub const MEMBERS_EDUCATION: &str = "网格员本年度继续教育";
pub const ACTIVITIES: &str = "本季度网格活动";
pub const ONCE_A_QUARTER: &str = "每季度至少一次";
pub const ALL_VISITED: &str = "本季度的走访都已完成。";

pub fn hours_so_far(hours: u32) -> String {
    format!("已累计 {hours} 学时")
}

/// The yearly hours are the city's own figure: the documents ask for continuing education
/// without a number.
pub fn hours_required(hours: u32) -> String {
    format!("全年需 {hours} 学时（本地设置）")
}

pub fn member_hours(grid: &str, hours: u32, required: u32) -> String {
    format!("{grid} · 已累计 {hours} / {required} 学时")
}

pub fn visits_title(quarter: &str) -> String {
    format!("本季度待办 · {quarter}")
}

pub fn still_to_visit(enterprises: usize, due: &str) -> String {
    format!("还有 {enterprises} 家企业待走访，{due} 前完成为按时。")
}
