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
