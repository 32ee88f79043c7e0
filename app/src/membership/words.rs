//! The Chinese words of the membership check, in one place to review them together.
use crate::domain::membership::Standing;

pub const TITLE: &str = "网格成员核对";
pub const NAME: &str = "姓名";
pub const GRID: &str = "网格";
pub const ROLE: &str = "角色";
pub const WHY: &str = "情况";
pub const SOURCE: &str = "按玉环 001 §三(一)、§三(二)4：网格成员由“四上”企业统计员、小升规培育企业统计员组成，副网格长由“四上”企业统计员担任。按名录中各企业登记的统计员手机号与本人登录手机号对应。";

/// e.g. "网格成员、副网格长 24 人，23 人符合文件要求".
pub fn summary(checked: usize, fitting: usize) -> String {
    format!("网格成员、副网格长 {checked} 人，{fitting} 人符合文件要求")
}

/// Why someone does not fit.
pub fn why(standing: Standing, enterprise: Option<&str>) -> String {
    let enterprise = enterprise.unwrap_or_default();
    match standing {
        Standing::Unmatched => "本网格名录中没有企业以其手机号登记统计员".into(),
        Standing::WrongEnterprise { .. } => {
            format!("是{enterprise}的统计员，该企业不是所需的“四上”或小升规企业")
        }
        Standing::Meets { .. } => format!("是{enterprise}的统计员"),
    }
}
