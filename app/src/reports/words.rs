//! The Chinese words of the report pages (the leader's form and list item, the township's
//! review board), in one place to review them together.

// The leader's card of this month's reports.
pub const WRITE_OR_EDIT: &str = "填写或修改";
/// A month the phone holds no report of.
pub const NOT_SENT: &str = "未提交";

pub fn card_title(month: &str) -> String {
    format!("本月情况汇报 · {month}")
}

// The leader's form and list item.
pub const ONLY_LEADERS: &str = "情况汇报由网格长或乡镇经发办统计人员填写。请先";
pub const LEADER_ACCOUNT: &str = "网格长账号。";
pub const TITLE: &str = "情况汇报";
pub const MONTH: &str = "汇报月份";
pub const QUOTE_FIGURES: &str = "填入本月数据";
pub const WORK_DONE: &str = "本月工作情况";
pub const WORK_DONE_HINT: &str = "走访、培训、统计之家活动、数据质量等";
pub const PROBLEMS: &str = "存在问题";
pub const PROBLEMS_HINT: &str = "没有可不填";
pub const NEXT_STEPS: &str = "下月工作打算";
pub const SAVE: &str = "保存并提交";
pub const SUBMITTED: &str = "已提交，待审核";
pub const RETURN_COMMENT: &str = "乡镇（部门）退回意见：";
pub const LOCKED: &str = "已审核通过，本月记录已锁定。";
pub const EDIT: &str = "修改汇报";

pub fn returned_by_reviewer(comment: &str) -> String {
    format!("乡镇（部门）退回了这份汇报：{comment}")
}

pub fn refused_by_server(reasons: &str) -> String {
    format!("服务器未接受这份汇报：{reasons}")
}

pub fn locked_month(month: &str) -> String {
    format!("{month}的汇报已审核通过并锁定，不能修改；如需修改请联系乡镇（部门）解锁")
}

pub fn month_figures(month: &str, visits: usize, activities: usize, trainings: usize) -> String {
    format!(
        "本网格{month}：走访 {visits} 次，网格活动 {activities} 次，培训 {trainings} 次（含本手机未同步的记录）"
    )
}

/// The version, after the grid's name.
pub fn after_grid(version: u32) -> String {
    format!(" · 第{version}版")
}

pub fn headline(month: &str) -> String {
    format!("情况汇报 · {month}")
}

// The township's review board.
pub const REVIEW_TITLE: &str = "月度汇报审核";

/// The row of a township's own 情况汇报, from its 经发办 staff to the 分管领导.
pub fn staff_report(unit: &str) -> String {
    format!("{unit}（经发办统计人员汇报）")
}
pub const TOWNSHIP_VIEW: &str = "乡镇走访情况";
pub const CITY: &str = "全市各乡镇（街道）、部门对比";
pub const TOWNSHIP: &str = "乡镇/部门";
pub const ENTERPRISE_GRIDS: &str = "企业网格";
pub const APPROVED: &str = "已通过";
pub const LAST_MONTH_COMPLETENESS: &str = "上月汇报完成率";
pub const LAST_MONTH_TIMELINESS: &str = "上月汇报及时率";
pub const VISITS_THIS_MONTH: &str = "本月走访次数";
pub const TREND: &str = "近六个月汇报情况";
pub const GRID: &str = "网格";
pub const COMPLETENESS: &str = "完成率";
pub const TIMELINESS: &str = "及时率";
pub const NOT_SUBMITTED: &str = "未提交";
pub const CADENCE: &str = "报送节奏：";
pub const WAIVE: &str = "豁免本月汇报";
pub const REVIEW_COMMENT: &str = "审核意见（退回时必填）";
pub const APPROVE: &str = "通过";
pub const RETURN: &str = "退回修改";
pub const UNLOCK_REASON: &str = "解锁原因";
pub const UNLOCK: &str = "解锁本月";
pub const AWAITING_CHANGES: &str = "已退回，等待网格长修改后重新提交。";
pub const NONE: &str = "无";

pub fn board_summary(
    month: &str,
    grids: usize,
    submitted: usize,
    returned: usize,
    approved: usize,
    missing: usize,
    due: &str,
) -> String {
    let due = if due.is_empty() {
        String::new()
    } else {
        format!("{due} 前提交为按时。")
    };
    format!(
        "{month}：{grids} 个网格，待审核 {submitted}，被退回 {returned}，已通过 {approved}，未提交 {missing}。{due}"
    )
}

pub fn grids_of_month(month: &str) -> String {
    format!("{month} 各网格汇报")
}

pub fn reported_in(month: &str) -> String {
    format!("{month}已交汇报")
}

pub fn waived(reason: &str) -> String {
    format!(" 豁免原因：{reason}")
}

pub fn report_facts(
    author: &str,
    version: u32,
    visits: usize,
    visited: usize,
    enterprises: usize,
) -> String {
    format!("{author} · 第{version}版 · 本月走访 {visits} 次，覆盖企业 {visited}/{enterprises} 家")
}

pub fn history(count: usize) -> String {
    format!("审核记录（{count} 条）")
}

pub fn history_line(at: &str, person: &str, action: &str, version: u32) -> String {
    format!("{at} {person} {action}（第{version}版）")
}
