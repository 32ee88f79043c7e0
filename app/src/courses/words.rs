//! The Chinese words of the online courses, in one place to review them together.

pub const TITLE: &str = "在线课堂";
pub const COURSE_TITLE: &str = "课程名称";
pub const TITLE_HINT: &str = "如：新修订统计法解读（第一讲）";
pub const TOPIC: &str = "课程内容";
pub const CHOOSE_TOPIC: &str = "请选择";
pub const HOURS: &str = "学时";
pub const LINK: &str = "课程链接";
pub const LINK_HINT: &str = "https://…（可不填，简介即为课程内容时）";
pub const BODY: &str = "课程简介";
pub const POST: &str = "发布课程";
pub const NEW: &str = "发布在线课程";
pub const REMOVE: &str = "下架";
pub const OPEN: &str = "打开课程";
pub const RECORD: &str = "学完后记录学时";
pub const RECORDED: &str = "已记录学时";
pub const NONE_POSTED: &str = "近一年未发布在线课程。";
pub const NONE_RECEIVED: &str = "近一年没有在线课程。";
pub const NOT_POSTED: &str = "该课程不在本单位的课程中，可能已下架，请刷新后再试。";
pub const OFFLINE: &str = "当前离线，显示的是上次联网时的课程。";
pub const SIGN_IN_FIRST: &str = "请先登录，再查看在线课堂。";
pub const AUDIENCE: &str =
    "本单位及下级网格的全部人员可在手机上学习，学完后记录为“在线学习”，计入继续教育学时。";

/// e.g. "东湖镇 在线课堂".
pub fn card_title(unit: &str) -> String {
    format!("{unit} 在线课堂")
}

/// e.g. "统计法律知识 · 2 学时 · 市统计局 · 2026-12-01".
pub fn course_line(topic: &str, hours: u32, unit: &str, posted_on: &str) -> String {
    format!("{topic} · {hours} 学时 · {unit} · {posted_on}")
}

/// e.g. "已学 3 人".
pub fn studied(count: usize) -> String {
    format!("已学 {count} 人")
}
