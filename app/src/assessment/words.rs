//! The Chinese words of the assessment, in one place to review them together.
use super::api::Sheet;
use crate::domain::assessment::{Assessed, Grade, Measure, Reward, Scheme, points_text};

pub const TITLE: &str = "年度考核";
pub const LINK: &str = "年度考核（星级评定、奖励）";
pub const CITY_TITLE: &str = "各单位年度考核";
pub const UNIT: &str = "单位";
pub const STAGE: &str = "状态";
pub const QUALIFIED_OF: &str = "合格/考核";
pub const ALL_UNITS: &str = "各单位";
pub const REWARDS: &str = "奖励合计（元）";
pub const MANUAL: &str = "评定分";
pub const REWARD: &str = "奖励（元）";
pub const REMARK: &str = "评语";
pub const MARK: &str = "评分";
pub const SAVE: &str = "保存评分";
pub const SUBMIT: &str = "上报市统计局";
pub const CONFIRM: &str = "确认考核结果";
pub const RETURN: &str = "退回重新评定";
pub const UNLOCK: &str = "解锁（须写明原因）";
pub const REASON: &str = "原因";
pub const NO_UNITS: &str = "没有需要您评定或确认的单位。";
pub const NONE: &str = "本单位没有需要考核的网格员或网格。";
pub const LIVE: &str = "各项指标按今天已同步的记录计算；上报后数据固定，供市统计局确认。";
pub const FROZEN: &str = "以下为上报时的数据。";
pub const SOURCES: &str = "指标、分值、目标值和合格线为本地设置，可由市统计局调整；星级比例与奖励（玉环 001 §三(四)5）、奖励区间（乐清 003 §三(四)4）依据文件。";
pub const SCHEME: &str = "考核方案";
pub const SCHEME_LEAD: &str = "新开始的考核采用此方案；已开始的考核保留开始时的方案。";
pub const PRESET: &str = "参照方案";
pub const YUHUAN: &str = "玉环：网格员星级评定";
pub const YUEQING: &str = "乐清：企业网格奖励";
pub const INDICATOR: &str = "指标";
pub const POINTS: &str = "分值";
pub const TARGET: &str = "目标值";
pub const PASS_MARK: &str = "合格线（分）";
pub const MANUAL_POINTS: &str = "评定分分值";
pub const SAVE_SCHEME: &str = "保存考核方案";
pub const SCHEME_SAVED: &str = "考核方案已保存。";
pub const PER_HEAD: &str = "网格活动经费（元/人或家·年）";
pub const COUNTED_ON: &str = "经费人数核定日（月-日，本地设置）";
pub const BAD_COUNT_DAY: &str = "核定日应写成“月-日”，如 01-01。";
pub const NOT_ASSESSED: &str = "此人（网格）不在本单位的考核名单中，请刷新后再试。";
pub const NOTHING_TO_SUBMIT: &str = "本单位没有需要考核的网格员或网格，无需上报。";
pub const NOT_SUBMITTED: &str = "考核结果尚未上报，不能确认或退回";

/// e.g. "2026年度考核".
pub fn year_title(unit: &str, year: i32) -> String {
    format!("{unit} {year}年度考核")
}

pub fn city_year(year: i32) -> String {
    format!("{year}年度")
}

pub fn year_out_of_range(first: i32, last: i32) -> String {
    format!("考核年度应在 {first} 年到 {last} 年之间")
}

/// Why it came back, e.g. "市统计局退回：李娜的走访次数有误".
pub fn returned(note: &str) -> String {
    format!("市统计局退回或解锁的原因：{note}")
}

/// The scheme in one line, e.g. "考核对象：网格员 · 合格线 60 分 · 一星 60%（1000 元）…".
pub fn scheme_line(scheme: &Scheme) -> String {
    let who = scheme.assessed.label();
    let reward = match &scheme.reward {
        Reward::Stars {
            rate_floor_pct,
            tiers,
        } => {
            let tiers: Vec<String> = (tiers.iter().enumerate())
                .map(|(n, t)| {
                    format!(
                        "{} {}%（{} 元）",
                        stars(n as u8 + 1),
                        t.share_pct,
                        t.amount_yuan
                    )
                })
                .collect();
            format!(
                "合格率不低于 {rate_floor_pct}% 时星级评定：{}",
                tiers.join("，")
            )
        }
        Reward::Bands {
            excellent_mark,
            qualified,
            excellent,
        } => format!(
            "合格 {}–{} 元；{excellent_mark} 分以上为优秀，{}–{} 元",
            qualified.min_yuan, qualified.max_yuan, excellent.min_yuan, excellent.max_yuan
        ),
    };
    format!(
        "考核对象：{who} · 合格线 {} 分 · {reward}",
        scheme.pass_mark
    )
}

/// e.g. "★★".
pub fn stars(n: u8) -> String {
    "★".repeat(usize::from(n))
}

/// What is counted: members are people, grids are units.
pub fn noun(assessed: Assessed) -> &'static str {
    match assessed {
        Assessed::Member => "人",
        Assessed::Grid => "个",
    }
}

/// The year's results in one line, e.g. "考核 12 人，合格 11 人（合格率 91%），奖励合计 17000 元".
pub fn summary(noun: &str, assessed: usize, qualified: usize, reward_yuan: u64) -> String {
    let rate = (qualified * 100).checked_div(assessed).unwrap_or(0);
    format!(
        "考核 {assessed} {noun}，合格 {qualified} {noun}（合格率 {rate}%），奖励合计 {reward_yuan} 元"
    )
}

/// A sheet's result in one line, e.g. "总分 86.5 · 合格 · ★★ 2000 元".
pub fn verdict(sheet: &Sheet) -> String {
    let paid = match (sheet.outcome.stars, sheet.outcome.reward_yuan) {
        (Some(n), yuan) => format!(" · {} {yuan} 元", stars(n)),
        (None, 0) => String::new(),
        (None, yuan) => format!(" · {yuan} 元"),
    };
    format!(
        "总分 {} · {}{paid}",
        points_text(sheet.scored.total),
        sheet.outcome.grade.label()
    )
}

/// An indicator's figure against its target and the points it gave, e.g. "3（目标 12）· 2.5/10 分".
pub fn indicator(figure: &str, target: u32, earned: &str, points: u32) -> String {
    format!("{figure}（目标 {target}）· {earned}/{points} 分")
}

/// The assessor's points out of the scheme's, e.g. "12.5/20 分".
pub fn manual(given: &str, points: u32) -> String {
    format!("{given}/{points} 分")
}

/// What the audit log keeps of a submission.
pub fn submitted_summary(noun: &str, sheets: &[Sheet]) -> String {
    let qualified = (sheets.iter())
        .filter(|s| s.outcome.grade != Grade::Unqualified)
        .count();
    let reward: u64 = sheets
        .iter()
        .map(|s| u64::from(s.outcome.reward_yuan))
        .sum();
    summary(noun, sheets.len(), qualified, reward)
}

pub const PAYMENTS_SHEET: &str = "奖励发放名单";
pub const PAYMENT_HEADERS: [&str; 6] = [
    "单位",
    "姓名（网格）",
    "所在网格",
    "星级或等次",
    "总分",
    "奖励（元）",
];
pub const CITY_TOTAL: &str = "全市合计";
pub const AWARDS: &str = "获奖名单（打印）";
pub const BACK: &str = "返回年度考核";
pub const NO_AWARDS: &str = "尚无经市统计局确认的获奖名单。";
pub const SIGNATURE: &str =
    "制表单位（盖章）：__________　审核人：__________　日期：____年__月__日";

/// e.g. "2026年度统计网格考核获奖名单".
pub fn awards_title(year: i32) -> String {
    format!("{year}年度统计网格考核获奖名单")
}

/// A unit's line under its awards, e.g. "小计：3 人，6000 元".
pub fn award_subtotal(noun: &str, count: usize, yuan: u64) -> String {
    format!("小计：{count} {noun}，{yuan} 元")
}

/// The list's last line, e.g. "合计：5 项奖励，共 9000 元".
pub fn awards_total(count: usize, yuan: u64) -> String {
    format!("合计：{count} 项奖励，共 {yuan} 元")
}
pub const EXPORT: &str = "导出奖励发放名单（XLSX）";

/// e.g. "2026年度统计网格考核奖励发放名单.xlsx".
pub fn payments_file(year: i32) -> String {
    format!("{year}年度统计网格考核奖励发放名单.xlsx")
}

/// The list's title row.
pub fn payments_title(year: i32) -> String {
    format!("{year}年度统计网格考核奖励发放名单（经市统计局确认，由市财政局发放）")
}

/// The units left out, e.g. "以下单位的考核结果尚未确认，未列入：西岭街道、市住建局".
pub fn not_confirmed(units: &[String]) -> String {
    format!("以下单位的考核结果尚未确认，未列入：{}", units.join("、"))
}

/// A unit's or the city's line of totals, e.g. "3 人".
pub fn subtotal(noun: &str, count: usize) -> String {
    format!("{count} {noun}")
}

/// A unit's line of totals, e.g. "东湖镇小计".
pub fn unit_total(unit: &str) -> String {
    format!("{unit}小计")
}

/// What a sheet was rated: its stars, or its grade.
pub fn rated(scheme: &Scheme, sheet: &Sheet) -> String {
    match (sheet.outcome.stars, &scheme.reward) {
        (Some(n), _) => format!("{}（{n}星级）", stars(n)),
        (None, Reward::Stars { .. }) => String::new(),
        (None, Reward::Bands { .. }) => sheet.outcome.grade.label().to_owned(),
    }
}

pub const MINE_TITLE: &str = "我的年度考核";
pub const MINE_NONE: &str = "暂无与您有关的年度考核。";
pub const MINE_OFFLINE: &str = "未连接服务器，显示的是手机上保存的上次结果。";
pub const MINE_SO_FAR: &str =
    "以下为截至目前已同步记录的各项指标；评定分、评语和考核结果经市统计局确认后显示。";
pub const MEMBERS: &str = "本网格成员";

/// A confirmed result on the home page, e.g. "2026年度考核结果：★★ 2000 元".
pub fn result_reminder(year: i32, sheet: &Sheet) -> String {
    format!("{year}年度考核结果：{}", verdict(sheet))
}

/// Who confirmed it, e.g. "东湖镇评定，市统计局已确认".
pub fn confirmed_by_city(unit: &str) -> String {
    format!("{unit}评定，市统计局已确认")
}

/// A year's heading on the phone, e.g. "2026年度 · 东湖镇 · 评定中".
pub fn my_year(year: i32, unit: &str, stage: &str) -> String {
    format!("{year}年度 · {unit} · {stage}")
}

/// A sheet's indicators behind by today, e.g. "进度落后：走访企业次数、继续教育学时".
pub fn behind(measures: &[Measure]) -> String {
    let labels: Vec<&str> = measures.iter().map(|m| m.label()).collect();
    format!("进度落后：{}", labels.join("、"))
}

/// Who is behind, e.g. "进度落后（按今日应达进度）：张三、李四".
pub fn behind_people(names: &[String]) -> String {
    format!("进度落后（按今日应达进度）：{}", names.join("、"))
}
