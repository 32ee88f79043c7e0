//! The Chinese words of the administration screens, in one place to review them together.

// The tabs.
pub const TABS: &str = "管理";
pub const IMPORT: &str = "导入名录";
pub const GRIDS: &str = "网格";
pub const ENTERPRISES: &str = "企业";
pub const PEOPLE: &str = "人员";
pub const GROUPING: &str = "分组建议";
pub const CADENCE: &str = "报送节奏";
pub const AUDIT: &str = "操作日志";
pub const PERMISSIONS: &str = "权限一览";

// 导入名录.
pub const IMPORT_HOW: &str = "支持 Excel（xlsx）和 CSV（UTF-8 或旧版 Excel 的 GBK 编码）。先预览，确认无误后再导入；同一信用代码（行政区划为区划代码）再次导入会更新原记录。";
pub const FILE_CONTENT: &str = "文件内容";
pub const ENTERPRISE_FILE: &str = "企业名录（企业名称、统一社会信用代码、行业、所属网格…）";
pub const PEOPLE_FILE: &str =
    "网格人员（姓名、手机号、所属网格、角色；乡镇统计人员可加职务、配备方式）";
pub const DIVISION_FILE: &str = "行政区划（区划代码、区划名称、简称）";
pub const DIVISIONS: &str = "行政区划";
pub const CHOOSE_FILE: &str = "选择文件";
pub const PREVIEW: &str = "预览";
pub const READING: &str = "正在读取和校验文件…";
pub const IMPORTED: &str = "已导入。";
pub const PREVIEWED: &str = "预览（尚未导入）：";
pub const BAD_ROWS: &str = "有问题的行（不会导入）";
pub const CHANGES: &str = "将新增或变更";
pub const INITIAL_PASSWORDS: &str = "新人员的初始密码（请当面告知，首次登录须修改）";

pub fn confirm_import(rows: usize) -> String {
    format!("确认导入 {rows} 行有效数据")
}

pub fn writing(done: usize, total: usize) -> String {
    format!("正在写入：{done} / {total} 行")
}

pub fn row(row: u32) -> String {
    format!("第{row}行")
}

pub struct ImportCounts {
    pub total: usize,
    pub valid: usize,
    pub errors: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

pub fn import_summary(layout: &str, n: ImportCounts) -> String {
    format!(
        "{layout}：共 {} 行，有效 {} 行，有问题 {} 处；新增 {}，变更 {}，无变化 {}",
        n.total, n.valid, n.errors, n.new, n.changed, n.unchanged
    )
}

// 网格.
pub const ACTION: &str = "操作";
pub const ADD_CHILD: &str = "新增下级网格";
pub const RENAME: &str = "改名";
pub const MOVE: &str = "移到另一上级网格";
pub const CLOSE_GRID: &str = "关闭（须已无企业和下级网格）";
pub const NEW_PARENT: &str = "新的上级网格";
pub const NEW_KIND: &str = "新网格类型";
pub const NAME: &str = "名称";
pub const RUN: &str = "执行";
pub const KIND: &str = "类型";
pub const LEVEL: &str = "层级";
pub const ENTERPRISE_COUNT: &str = "企业数";

// 企业.
pub const ALL_GRIDS: &str = "全部网格";
pub const NAME_OR_CODE: &str = "名称或信用代码";
pub const WITH_CLOSED: &str = "含已关闭";
pub const SEARCH: &str = "查询";
pub const ADD_ENTERPRISE: &str = "新增企业";
pub const EDIT_ENTERPRISE: &str = "编辑企业";
pub const NO_ENTERPRISES: &str = "没有符合条件的企业";
pub const ENTERPRISE_NAME: &str = "企业名称";
pub const CREDIT_CODE: &str = "统一社会信用代码";
pub const INDUSTRY: &str = "行业";
pub const CHOOSE_INDUSTRY: &str = "请选择行业";
pub const GRID: &str = "所属网格";
pub const STATISTICIAN: &str = "统计人员";
pub const STATISTICIAN_PHONE: &str = "统计人员电话";
pub const ABOVE_SCALE: &str = "四上企业";
pub const CULTIVATION: &str = "小升规培育";
pub const EDIT: &str = "编辑";
pub const MOVE_TO_GRID: &str = "移到网格";
pub const MOVE_TO: &str = "移到…";
pub const REOPEN: &str = "重新启用";
pub const CLOSE: &str = "关闭";
pub const CLOSED: &str = "已关闭";

pub fn capped(max: u64) -> String {
    format!("只显示前 {max} 家，请缩小查询范围")
}

/// What became of an enterprise just saved or closed.
pub fn enterprise_done(state: &str, name: &str) -> String {
    format!("{state}：{name}")
}

// 人员.
pub const ASSIGN_ROLE: &str = "分配角色";
pub const CHOOSE_PERSON: &str = "请选择人员";
pub const ROLE: &str = "角色";
pub const ASSIGN: &str = "分配";
pub const PERSON_NAME: &str = "姓名";
pub const PHONE: &str = "手机号";
pub const STATE: &str = "状态";
pub const ACTIVE: &str = "在用";
pub const DEACTIVATED: &str = "已停用";
pub const DEACTIVATE: &str = "停用";
pub const REACTIVATE: &str = "启用";
pub const RESET_PASSWORD: &str = "重置密码";
/// Ends every session of a person (a lost phone).
pub const END_SESSIONS: &str = "退出全部设备";

pub fn password_reset(password: &str) -> String {
    format!("已重置。新密码：{password}（请当面告知，首次登录须修改）")
}

// 分组建议.
pub const GROUPING_HOW: &str = "按行业把乡镇（街道）的统计调查对象分成约20家一组的企业网格；对象较少的行业合并为综合网格。采用前可修改网格名称，也可把企业调到另一个网格。";
pub const GROUPING_DONE: &str =
    "已采用：新网格已建立，企业已分入，原企业网格已关闭。请在“人员”中为新网格分配网格长。";
pub const LEVEL_TWO_UNIT: &str = "乡镇（街道）、部门或开发区";
pub const PROPOSE: &str = "生成建议";
pub const GRID_NAME: &str = "网格名称";
pub const ADJUST: &str = "调整";
pub const DESTINATION: &str = "调入网格";
pub const MOVE_IN: &str = "调入";
pub const ACCEPT: &str = "采用此方案";
/// A proposed grid of several industries.
pub const MIXED: &str = "综合";

pub fn proposed(count: usize) -> String {
    format!("建议 {count} 个企业网格")
}

pub fn proposed_grid(industry: &str, enterprises: usize) -> String {
    format!("{industry} · {enterprises} 家：")
}

pub fn enterprise_in(name: &str, grid: &str) -> String {
    format!("{name}（{grid}）")
}

// 操作日志.
pub const EXPORT_CSV: &str = "导出 CSV";
pub const AT: &str = "时间";
pub const ACTOR: &str = "操作人";
/// The actor of an entry no person is behind (a login tried with a phone number nobody has).
pub const NO_SUCH_PERSON: &str = "（无此人员）";
pub const TARGET: &str = "对象";
pub const BEFORE: &str = "变更前";
pub const AFTER: &str = "变更后";

/// An audit entry's action in words; an action this version does not know, as it is.
pub fn audit_action(action: &str) -> &str {
    match action {
        "import_enterprise" => "导入企业",
        "unlock_report" => "解锁月度汇报",
        "waive_obligation" => "豁免报送事项",
        "import_person" => "导入人员",
        "rename_person" => "人员改名",
        "assign_role" => "分配角色",
        "unassign_role" => "取消角色",
        "add_grid" => "新增网格",
        "rename_grid" => "网格改名",
        "move_grid" => "移动网格",
        "close_grid" => "关闭网格",
        "deactivate_person" => "停用人员",
        "reactivate_person" => "启用人员",
        "reset_password" => "重置密码",
        "end_sessions" => "退出全部设备",
        "apply_grouping" => "采用分组建议",
        "login_failed" => "登录失败",
        "login_throttled" => "登录失败次数过多，暂停登录",
        other => other,
    }
}

// 权限一览.
pub const PERMISSIONS_HOW: &str = "各级网格中每个角色能做什么。系统的每一项权限检查都按此表执行；人数为目前在未关闭的该类网格中担任此角色的人员数（一人在同类多个网格任职只计一次）。市统计局（市域网格的网格指导员）管理全市；分管副市长（市域网格长）和市府办（副网格长）可查看全市，不做管理和审核。";
pub const HOLDERS: &str = "人数";
pub const MAY: &str = "可以做";
pub const ONLY_OWN_GRID: &str = "查看本网格（无其他权限）";
