//! The Chinese words of the funds ledger, in one place to review them together.
use crate::domain::funds::{FundBasis, FundRule};

pub const GRID: &str = "网格";
pub const UNIT: &str = "单位";
pub const ENTITLED: &str = "应拨经费（元）";
pub const SPENT: &str = "活动支出（元）";
pub const BALANCE: &str = "余额（元）";
pub const TOTAL: &str = "合计";
pub const NONE: &str = "没有企业网格。";

/// e.g. "网格活动经费（2026年）".
pub fn title(year: i32) -> String {
    format!("网格活动经费（{year}年）")
}

/// How the funds are counted, e.g. "按每个网格员每年 500 元计（玉环 001 §三(四)5）".
pub fn rule(rule: &FundRule) -> String {
    let basis = match rule.basis {
        FundBasis::Members => "按每个网格员每年 {} 元计（玉环 001 §三(四)5）",
        FundBasis::SurveyObjects => "按每个统计调查对象每年 {} 元计（乐清 003 §三(四)4）",
    };
    format!(
        "{}；支出为各网格活动记录的费用。",
        basis.replace("{}", &rule.per_head_yuan.to_string())
    )
}

/// The heads column, e.g. "网格员（人）".
pub fn heads(basis: FundBasis) -> &'static str {
    match basis {
        FundBasis::Members => "网格员（人）",
        FundBasis::SurveyObjects => "调查对象（家）",
    }
}
