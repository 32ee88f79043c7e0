//! The Chinese words of the law-promotion card and its reminders.

pub const UNIT: &str = "单位";
pub const DONE: &str = "统计法治宣传";
pub const HOW: &str = "统计法治宣传类的网格活动和走访目的为统计法治宣传的走访，含下属各网格。";

pub fn title(quarter: &str) -> String {
    format!("统计法治宣传（{quarter}）")
}

pub fn done(activities: usize, visits: usize) -> String {
    format!("活动 {activities} 次，走访 {visits} 次")
}

pub fn reminder(unit: &str, quarter: &str) -> String {
    format!("{unit}{quarter}统计法治宣传")
}

pub fn by(due: &str) -> String {
    format!("网格指导员定期开展统计法治宣传：组织一次统计法治宣传活动或走访，{due}前完成")
}
