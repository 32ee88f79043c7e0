//! The Chinese words of logging in and out and of changing one's password, in one place to
//! review them together.
use crate::auth::api::MIN_PASSWORD_CHARS;

pub const SIGN_IN: &str = "登录";
pub const PHONE: &str = "手机号";
pub const PASSWORD: &str = "密码";
pub const SIGN_OUT: &str = "退出登录";
pub const CHANGE_PASSWORD: &str = "修改密码";
pub const SET_BY_ADMINISTRATOR: &str = "您的密码由管理员设置，请改为只有您知道的密码后再开始工作。";
pub const CURRENT_PASSWORD: &str = "原密码";
pub const NEW_PASSWORD: &str = "新密码";
pub const NEW_PASSWORD_AGAIN: &str = "再次输入新密码";
pub const SAVE_PASSWORD: &str = "保存新密码";
pub const PASSWORDS_DIFFER: &str = "两次输入的新密码不一致";
pub const PASSWORD_UNCHANGED: &str = "新密码不能与原密码相同";
pub const WRONG_CURRENT_PASSWORD: &str = "原密码不正确";
pub const ENTER_PASSWORD: &str = "请输入密码";

pub fn password_too_short() -> String {
    format!("新密码至少 {MIN_PASSWORD_CHARS} 位")
}

pub const COMMON_PASSWORD: &str = "这个密码太常见，容易被猜中，请换一个";

/// Too many failed logins: when to try again, in whole minutes from a minute on.
pub fn too_many_attempts(retry_after_secs: u64) -> String {
    let wait = if retry_after_secs < 60 {
        format!("{retry_after_secs} 秒")
    } else {
        format!("{} 分钟", retry_after_secs.div_ceil(60))
    };
    format!("登录失败次数过多，请在 {wait}后再试")
}

// The office pages' login, and 登录设备 (one's sessions).
pub const OFFICE_SIGN_IN: &str = ENTER_PASSWORD;
pub const SESSIONS: &str = "登录设备";
pub const SESSIONS_HINT: &str =
    "这里列出您在各设备上的登录。手机丢失、或在别人的设备上登录过时，可在这里退出。";
pub const END_OTHERS: &str = "退出其他设备";
pub const END_ONE: &str = "退出";
pub const ENDED_ONE: &str = "已退出该设备上的登录";
pub const THIS_DEVICE: &str = "本设备";
pub const SIGNED_IN_AT: &str = "登录时间";
pub const LAST_ACTIVE: &str = "最近使用";
pub const UNKNOWN_DEVICE: &str = "未知设备";
pub const FIELD_SESSION: &str = "手机同步";
pub const OFFICE_SESSION: &str = "乡镇与管理页面";
pub const SIGN_IN_AGAIN: &str = "重新登录";

/// Why the office pages ask for the password again.
pub fn office_sign_in_why() -> String {
    use crate::domain::session_policy::{OFFICE_ABSOLUTE_MS, OFFICE_IDLE_MS};
    format!(
        "乡镇和管理页面闲置 {} 分钟、或登录满 {} 小时后，需要重新输入密码。",
        OFFICE_IDLE_MS / 60_000,
        OFFICE_ABSOLUTE_MS / 3_600_000
    )
}

/// After 退出其他设备.
pub fn others_ended(count: u64) -> String {
    format!("已退出其他 {count} 处登录")
}
