//! The Chinese words of the score-sheet pages, in one place to review them together.
use crate::domain::assessment::points_text;
use crate::domain::evaluation::{Method, SheetRole};

pub const TITLE: &str = "规范化建设评分";
pub const NONE: &str = "目前没有分配给您的评分表。评分表由市统计局在“规范化建设评价”中分配。";
pub const OFFLINE: &str = "未连接服务器：显示的是手机上保存的评分表，可以照常评分。";
pub const NOT_FOUND: &str = "手机上没有这张评分表。请联网后从“规范化建设评分”列表重新打开。";
pub const OPEN: &str = "评分";
pub const NOT_STARTED: &str = "未评分";
pub const DAY: &str = "评分日期";
pub const POINTS: &str = "得分";
pub const NOTE: &str = "说明（扣分原因、发现的问题）";
pub const SAVE: &str = "保存评分表";
pub const SAVED: &str = "已保存在手机上，联网后自动提交。";
pub const EDIT: &str = "继续评分";
pub const EVIDENCE: &str = "查看：";
pub const POINTS_LOCAL: &str = "各项分值为本地设置，文件只规定了评价内容。";
pub const MOVED: &str = "评分表不能改到其他单位或评分方式。";
pub const WRONG_ID: &str = "评分表编号与评价单位不符，请从“规范化建设评分”列表重新打开。";
pub const BAD_POINTS: &str = "得分请填写数字，最多一位小数";

/// An inspection's or a self-assessment's refusal for someone not assigned to the unit.
pub fn not_assigned(role: SheetRole) -> String {
    format!("您没有被分配填写这个单位的{}表，不能保存。", role.label())
}

/// The sheet's heading: unit and role.
pub fn heading(unit: &str, role: SheetRole) -> String {
    format!("{unit} · {}", role.label())
}

/// The template under the heading.
pub fn template(campaign: &str, name: &str, version: u32) -> String {
    format!("{campaign} · {name}（第{version}版）")
}

/// The live sum at the top of the sheet.
pub fn total(total: u32, grade: &str, scored: usize, items: usize, unchecked: usize) -> String {
    let unchecked = if unchecked > 0 {
        format!("，{unchecked} 项未勾选核实")
    } else {
        String::new()
    };
    format!(
        "合计 {} 分 · {grade}（已评 {scored}/{items} 项{unchecked}）",
        points_text(total)
    )
}

/// An aspect's legend with its subtotal.
pub fn aspect(name: &str, got: u32, of: u32) -> String {
    format!("{name}（{}/{} 分）", points_text(got), points_text(of))
}

/// An item's line: its text and most points.
pub fn item(text: &str, points: u32) -> String {
    format!("{text}（{} 分）", points_text(points))
}

/// The box ticked once the item was looked at, asked or checked.
pub fn done(method: Method) -> String {
    format!("已{}（核实）", method.label())
}

/// A sheet's line in 我的记录 and in the list.
pub fn progress(total: u32, scored: usize) -> String {
    format!("已评 {scored} 项，合计 {} 分", points_text(total))
}

pub const POINTS_FIRST: &str = "请先填写得分，说明、核实和照片随得分一起保存";
pub const FIX_MARKED: &str = "有评分项填写不对，请按标出的提示修改后再保存。";
pub const LOCKED: &str = "这张评分表与服务器上的版本有冲突，请先到“我的记录”中选择保留哪个版本。";

/// A sheet's headline in 我的记录.
pub fn record_line(role: SheetRole, day: &str, scored: usize) -> String {
    format!("{} · {day} · 已评 {scored} 项", role.label())
}
