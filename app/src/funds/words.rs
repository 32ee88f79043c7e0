//! The Chinese words of the funds ledger, in one place to review them together.
use crate::domain::funds::{FundBasis, FundRule};
use crate::domain::money::format_yuan;

pub const GRID: &str = "网格";
pub const UNIT: &str = "单位";
pub const ENTITLED: &str = "应拨经费（元）";
pub const SPENT: &str = "活动支出（元）";
pub const BALANCE: &str = "余额（元）";
pub const TOTAL: &str = "合计";
pub const NONE: &str = "没有企业网格。";
pub const NO_STATEMENT: &str = "请从网格活动经费表中选择一个企业网格。";
pub const SPENDING: &str = "经费支出明细";
pub const NO_SPENDING: &str = "今年的活动尚未记录经费支出。";
pub const SPENDING_HEADERS: [&str; 5] = ["日期", "活动", "地点", "参加人数", "支出（元）"];
pub const SIGNATURE: &str = "网格长（签字）：__________　审核人：__________　日期：____年__月__日";

/// e.g. "东湖工业一网格 2026年网格活动经费使用情况".
pub fn statement_title(grid: &str, year: i32) -> String {
    format!("{grid} {year}年网格活动经费使用情况")
}

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

/// When the heads were counted, e.g. "人数于 2026-01-01 核定，此后不随人员变动（核定日每年
/// 1月1日，本地设置）".
pub fn counted(rule: &FundRule, on: Option<&str>) -> String {
    let day = rule.counted_on.label();
    match on {
        Some(on) => format!("人数于 {on} 核定，此后不随人员变动（核定日每年{day}，本地设置）。"),
        None => format!("人数为今日在册数，每年{day}核定（本地设置）。"),
    }
}

/// The heads column, e.g. "网格员（人）".
pub fn heads(basis: FundBasis) -> &'static str {
    match basis {
        FundBasis::Members => "网格员（人）",
        FundBasis::SurveyObjects => "调查对象（家）",
    }
}

/// The activity form's warning, e.g. "本次支出后，本网格活动经费将超支 120.00 元（可用余额
/// 500.00 元，已扣除本机未同步的活动）。仍可保存。".
pub fn overrun(by_fen: i64, left_fen: i64) -> String {
    let left = if left_fen < 0 {
        format!("已超支 {} 元", format_yuan(-left_fen))
    } else {
        format!("可用余额 {} 元", format_yuan(left_fen))
    };
    format!(
        "本次支出后，本网格活动经费将超支 {} 元（{left}，已扣除本机未同步的活动）。仍可保存。",
        format_yuan(by_fen)
    )
}
