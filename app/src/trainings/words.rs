//! The Chinese words of the training pages, in one place to review them together.
use crate::domain::training::HOURS_MAX;

pub const REFUSAL: &str = "只有网格成员和乡镇（部门）统计人员可以记录培训。";
pub const NEW_TITLE: &str = "记录培训";
pub const EDIT_TITLE: &str = "修改培训记录";
pub const TITLE: &str = "培训名称";
pub const DATE: &str = "培训日期";
pub const ORGANISER: &str = "举办单位";
pub const ORGANISER_HINT: &str = "例如 市统计局";
pub const TOPIC: &str = "培训内容";
pub const SESSION: &str = "培训形式";
pub const CHOOSE_TOPIC: &str = "请选择内容";
pub const ATTENDEES: &str = "参训人员";
pub const EDIT: &str = "修改培训";

pub fn hours() -> String {
    format!("学时（1–{HOURS_MAX}）")
}

/// `session`: 业务培训 or 联审辅导.
pub fn headline(session: &str, title: &str) -> String {
    format!("{session} · {title}")
}

pub fn attendee_count(count: usize) -> String {
    format!("{count} 人参训")
}

pub fn attendee_names(names: &[&str]) -> String {
    format!("参训：{}", names.join("、"))
}

pub fn particulars(date: &str, organiser: &str, topic: &str, hours: u32) -> String {
    format!("{date} · {organiser} · {topic} · {hours} 学时")
}
