//! The words of rectification (整改).
pub const TITLE: &str = "整改事项";
pub const HOW: &str = "以下是检查评分中扣分的项目。请逐项整改，写明整改情况并上传佐证照片，市统计局在评价页面查看整改进度。";
pub const NONE: &str = "您负责自评的单位目前没有整改事项（检查评分尚未提交，或没有扣分项）。";
pub const NOTE: &str = "整改情况";
pub const CLOSE: &str = "标记已整改";
pub const UPDATE: &str = "更新整改情况";
pub const CLOSED: &str = "已整改";
pub const OPEN: &str = "未整改";
pub const SAVED: &str = "已保存整改情况";
pub const EVIDENCE: &str = "佐证照片";
pub const UPLOADING: &str = "正在上传照片…";
pub const UPLOAD_FAILED: &str = "照片没有上传成功，请重试";

/// Who closed a task, and when.
pub fn closed_by(name: &str, day: &str) -> String {
    format!("{CLOSED}（{name}，{day}）")
}

/// The bureau sent a closing back, and why.
pub fn returned_by(name: &str, day: &str, reason: &str) -> String {
    format!("已退回（{name}，{day}）：{reason}")
}

pub const CLOSE_AGAIN: &str = "重新提交整改";
pub const SEND_BACK: &str = "退回整改";
pub const REASON: &str = "退回理由";
pub const SENT_BACK: &str = "已退回，该单位需重新整改";

/// A unit's progress, as the campaign lists it.
pub fn unit_progress(closed: usize, tasks: usize) -> String {
    format!("整改 {closed}/{tasks} 项已完成")
}

/// The campaign's board: what is still open.
pub fn board(tasks: usize, units: usize, closed: usize) -> String {
    format!(
        "整改事项共 {tasks} 项（{units} 个单位），已完成 {closed} 项，未完成 {} 项。",
        tasks - closed
    )
}

/// Someone not assigned to the unit's self-assessment.
pub const NOT_YOURS: &str = "只有负责该单位自评的人员可以填写整改情况";
pub const NOT_UPLOADED: &str = "有照片没有上传成功，请删除后重新添加";
