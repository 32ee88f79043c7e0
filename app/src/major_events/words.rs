//! The Chinese words of the major-event pages, in one place to review them together.

pub const REFUSAL: &str = "只有网格成员和乡镇（部门）统计人员可以上报重大事项。";
pub const NEW_TITLE: &str = "上报重大事项";
pub const EDIT_TITLE: &str = "修改重大事项";
pub const WHEN_TO_REPORT: &str = "发生或即将发生对统计数据有较大影响的事项，请立即上报。联网后优先于其他记录发送，乡镇和市统计局会立即看到。";
pub const GRID: &str = "所在网格";
pub const ENTERPRISE: &str = "涉及企业（可不选）";
pub const NO_ENTERPRISE: &str = "不涉及具体企业";
pub const OCCURRED_ON: &str = "发生日期（或预计发生日期）";
pub const TITLE: &str = "事项标题";
pub const TITLE_HINT: &str = "例如：某企业全面停产";
pub const DETAILS: &str = "事项经过";
pub const DETAILS_HINT: &str = "发生了什么、原因、目前进展";
pub const IMPACT: &str = "对统计数据的影响";
pub const IMPACT_HINT: &str = "例如：预计本月产值减少约3000万元、用工减少200人";
pub const SAVE: &str = "保存并上报";
pub const SAVED: &str = "已保存（待同步，联网后优先上报）";
pub const MY_RECORDS: &str = "查看我的记录";
pub const EDIT: &str = "修改重大事项";
pub const BOARD: &str = "重大事项";
pub const MARK_READ: &str = "标记已阅";
pub const CITY_ACKNOWLEDGE: &str = "市统计局确认已阅";
pub const TOWNSHIP_UNREAD: &str = "乡镇（部门）未阅";
pub const CITY_UNREAD: &str = "市统计局待阅";

pub fn board_unread(count: usize) -> String {
    format!("重大事项（{count} 条待阅）")
}

pub fn headline(title: &str) -> String {
    format!("重大事项 · {title}")
}

pub fn occurred_on(day: &str) -> String {
    format!("发生日期 {day}")
}

pub fn impact(impact: &str) -> String {
    format!("影响：{impact}")
}

pub fn impact_in_full(impact: &str) -> String {
    format!("对统计数据的影响：{impact}")
}

pub fn reported(reporter: &str, received: &str) -> String {
    format!(" · {reporter} 上报于 {received}")
}

pub fn township_read(by: &str, at: &str) -> String {
    format!("乡镇（部门）：{by} 于 {at} 已阅")
}

pub fn city_read(by: &str, at: &str) -> String {
    format!("市统计局：{by} 于 {at} 确认已阅")
}

/// The city has not read it within its time, a local setting.
pub fn city_overdue(hours: u32) -> String {
    format!("市统计局超过 {hours} 小时未阅（时限为本地设置），已提醒局领导")
}

pub fn unread_reminder(title: &str) -> String {
    format!("重大事项待阅：{title}")
}

pub fn escalated_reminder(title: &str) -> String {
    format!("重大事项超时未阅：{title}")
}

pub fn reminder_note(occurred_on: &str) -> String {
    format!("发生于 {occurred_on}，请在“乡镇走访情况”中查阅")
}

/// An enterprise of a grid below the one reporting, e.g. "东湖电机厂（东湖工业一网格）".
pub fn enterprise_in(enterprise: &str, grid: &str) -> String {
    format!("{enterprise}（{grid}）")
}
