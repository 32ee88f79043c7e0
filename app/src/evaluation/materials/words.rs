//! The words of a unit's look-back materials.
pub const TITLE: &str = "评价材料";
pub const HOW: &str = "“回头看”要求各单位报送调查问卷和总结报告。提交后可修改，以最后一次提交为准；市统计局在评价页面查看报送情况。";
pub const NONE: &str =
    "您负责自评的单位目前没有需要报送的材料（只有“回头看”检查需要报送问卷和总结报告）。";
pub const SEND_QUESTIONNAIRE: &str = "提交问卷";
pub const SEND_REPORT: &str = "提交总结报告";
pub const SENT: &str = "已提交";
pub const NOT_SENT: &str = "未提交";
pub const SAVED: &str = "已提交，市统计局可以看到";
pub const EXPERIENCE: &str = "经验亮点";
pub const PROBLEMS: &str = "存在问题";
pub const SUGGESTIONS: &str = "意见建议";
pub const NEXT_STEPS: &str = "下一步工作打算";
pub const PHOTOS: &str = "附件照片（可不加）";
pub const CHOOSE: &str = "请选择";
pub const NOT_YOURS: &str = "只有负责该单位自评的人员可以报送材料";
pub const NO_QUESTIONNAIRE: &str = "这次评价不需要报送问卷和总结报告";

/// Who sent a material, when, and how that stands against the submission window.
pub fn sent(name: &str, day: &str, timing: &str) -> String {
    format!("{SENT}（{name}，{day}，{timing}）")
}

/// A material as the campaign lists it: "调查问卷：已提交（…）".
pub fn line(kind: &str, state: &str) -> String {
    format!("{kind}：{state}")
}

/// The submission window's last day.
pub fn due(day: &str) -> String {
    format!("材料报送截止：{day}")
}
