//! The Chinese words of the annual-plan pages, in one place to review them together.

pub const REFUSAL: &str = "年度工作计划由企业网格长填写。";
pub const TITLE: &str = "年度工作计划";
pub const HELD: &str = "手机上已有该网格这一年的计划，保存即修改它。";
pub const YEAR: &str = "年度";
pub const SAVE: &str = "保存计划";
pub const EDIT: &str = "修改计划";

pub fn year(year: i32) -> String {
    format!("{year}年")
}

pub fn headline(year: i32, grid: &str) -> String {
    format!("{year}年工作计划 · {grid}")
}
