//! The Chinese words of the notices, in one place to review them together.

pub const TITLE: &str = "通知";
pub const NOTICE_TITLE: &str = "通知标题";
pub const TITLE_HINT: &str = "如：关于按时报送11月情况汇报的通知";
pub const BODY: &str = "通知内容";
pub const SEND: &str = "发送通知";
pub const NEW: &str = "发布通知";
pub const REMOVE: &str = "撤回";
pub const UNREAD_LIST: &str = "未读人员";
pub const NONE_SENT: &str = "近一年未发布通知。";
pub const NONE_RECEIVED: &str = "近一年没有收到通知。";
pub const UNREAD_MARK: &str = "未读";
pub const CITY_BUREAU: &str = "市统计局";
pub const NOT_SENT: &str = "该通知不在本单位的通知中，可能已被撤回，请刷新后再试。";
pub const OFFLINE: &str = "当前离线，显示的是上次联网时收到的通知。";
pub const SIGN_IN_FIRST: &str = "请先登录，再查看通知。";
pub const AUDIENCE: &str =
    "发送给本单位及下级网格的全部人员，对方在手机上查看，未读的会出现在提醒中。";

/// e.g. "东湖镇 通知".
pub fn card_title(unit: &str) -> String {
    format!("{unit} 通知")
}

/// e.g. "2026-12-03 · 张伟 · 已读 3 / 12".
pub fn sent_line(posted_on: &str, poster: &str, share: &str) -> String {
    format!("{posted_on} · {poster} · {share}")
}

/// e.g. "东湖镇 · 2026-12-03 · 张伟".
pub fn received_line(unit: &str, posted_on: &str, poster: &str) -> String {
    format!("{unit} · {posted_on} · {poster}")
}

/// The reminder of an unread notice, e.g. "未读通知：关于……的通知".
pub fn unread_reminder(title: &str) -> String {
    format!("未读通知：{title}")
}

/// e.g. "东湖镇 2026-12-03 发布，请在首页“通知”中查看".
pub fn reminder_note(unit: &str, posted_on: &str) -> String {
    format!("{unit} {posted_on} 发布，请在首页“通知”中查看")
}
