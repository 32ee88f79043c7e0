//! The Chinese words shared by the pages of every feature, and those of the frame and the home
//! page, in one place to review them together.

pub const APP_NAME: &str = "统计网格";
pub const LOADING: &str = "正在加载…";
pub const BROWSER_ONLY: &str = "仅在浏览器中可用";
pub const SIGN_IN_FIRST: &str = "请先登录";
/// The sign-in prompt around its link: 请先[登录]。
pub const FIRST: &str = "请先";
pub const SIGN_IN: &str = "登录";
pub const FULL_STOP: &str = "。";
pub const SAVE: &str = "保存";
pub const CANCEL: &str = "取消";
pub const SAVED: &str = "已保存";
pub const CLOSED_SUFFIX: &str = "（已关闭）";
pub const CHOOSE: &str = "请选择";
pub const CHOOSE_GRID: &str = "请选择网格";
pub const CHOOSE_ENTERPRISE: &str = "请选择企业";

/// A text area's count of characters against its limit.
pub fn chars_used(used: usize) -> String {
    format!("{used} / 2000 字")
}

// The home page.
pub const WELCOME: &str = "欢迎使用统计网格";
pub const WELCOME_LEAD: &str = "记录走访、培训和统计之家活动，离线也能保存，联网后自动同步。";
pub const RECORD_VISIT: &str = "记录走访";
pub const MY_RECORDS: &str = "我的记录";
pub const NO_RECORDS: &str = "还没有记录。";
/// A part of a page whose code could not be fetched (offline before the app was installed).
pub const PART_NOT_LOADED: &str = "这部分暂时无法显示：请联网后再打开本页。记录仍保存在手机上。";
pub const RECORD_A_VISIT: &str = "记录一次走访";
pub const ACTIVITIES: &str = "网格活动";
pub const TRAININGS: &str = "培训记录";
pub const SETTINGS: &str = "设置与数据";
pub const REPORT: &str = "情况汇报";
pub const PLAN: &str = "年度工作计划";
pub const REPORT_EVENT: &str = "上报重大事项";
pub const TOWNSHIP: &str = "乡镇走访情况";
pub const REVIEW_REPORTS: &str = "月度汇报审核";
pub const ADMINISTRATION: &str = "名录与网格管理";
pub const NO_SUCH_PAGE: &str = "页面不存在";

pub fn greeting(name: &str) -> String {
    format!("您好，{name}")
}

/// A grid the phone's directory does not name.
pub fn grid_number(id: i32) -> String {
    format!("网格 #{id}")
}

pub fn version(version: u32) -> String {
    format!("第{version}版")
}
