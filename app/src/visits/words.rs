//! The Chinese words of the visit pages, in one place to review them together.

pub const NEW_TITLE: &str = "记录走访";
pub const EDIT_TITLE: &str = "修改走访记录";
pub const ENTERPRISE: &str = "走访企业";
pub const DATE: &str = "走访日期";
pub const PURPOSE: &str = "走访目的";
pub const CHOOSE_PURPOSE: &str = "请选择目的";
pub const FINDINGS: &str = "走访情况";
pub const FINDINGS_HINT: &str = "企业经营、统计报表、发现的问题等";
pub const FOLLOW_UP: &str = "需要跟进";

// The visit's line in 我的记录.
pub const NEEDS_FOLLOW_UP: &str = " · 需要跟进";
pub const CORRECT_AND_RESEND: &str = "修改后重新提交";

/// An enterprise the phone's directory does not name.
pub fn enterprise_number(id: i32) -> String {
    format!("企业 #{id}")
}
