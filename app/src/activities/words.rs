//! The Chinese words of the activity pages, in one place to review them together.
use crate::domain::activity::SPEND_MAX_YUAN;

pub const REFUSAL: &str = "只有网格成员和乡镇（部门）统计人员可以记录网格活动。";
pub const NEW_TITLE: &str = "记录网格活动";
pub const EDIT_TITLE: &str = "修改网格活动";
pub const TYPE: &str = "活动类型";
pub const CHOOSE_TYPE: &str = "请选择类型";
pub const DATE: &str = "活动日期";
pub const PLACE: &str = "地点";
pub const PARTICIPANTS: &str = "参加人员";
pub const SUMMARY: &str = "活动内容";
pub const SUMMARY_HINT: &str = "学习内容、交流的问题、形成的共识等";
pub const SPEND: &str = "活动经费（元，可不填）";
pub const EDIT: &str = "修改活动";
/// An activity whose type this version does not know.
pub const ACTIVITY: &str = "网格活动";

pub fn spend_limit() -> String {
    format!("最多 {SPEND_MAX_YUAN} 元")
}

pub fn headline(kind: &str) -> String {
    format!("网格活动 · {kind}")
}

pub fn participant_count(count: usize) -> String {
    format!("{count} 人参加")
}

pub fn participant_names(names: &[&str]) -> String {
    format!("参加：{}", names.join("、"))
}

pub fn spend(yuan: &str) -> String {
    format!(" · 经费 {yuan} 元")
}
