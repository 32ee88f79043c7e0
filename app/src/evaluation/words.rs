//! The Chinese words of the evaluation pages, in one place to review them together.
use crate::domain::assessment::points_text;
use crate::domain::evaluation::{SampleSize, Thresholds};

pub const TITLE: &str = "规范化建设评价";
pub const HOW: &str = "选择评价方式和评价范围（市或县的区划代码），系统按文件给出评分表、阶段时间和抽查数量。评分表分值为本地设置，文件只规定评价方面。";
pub const NONE: &str = "尚未开展评价。";
pub const NEW: &str = "新建评价";
pub const NAME: &str = "评价名称";
pub const YEAR: &str = "年度";
pub const KIND: &str = "评价方式";
pub const ROOT: &str = "评价范围（市或县的区划代码）";
pub const CREATE: &str = "新建";
pub const UNITS: &str = "评价单位";
pub const DRAWN: &str = "已抽样";
pub const NOT_DRAWN: &str = "未抽样";
pub const OPEN: &str = "查看";
pub const NOT_FOUND: &str = "没有这项评价。";
pub const BACK: &str = "返回评价列表";
pub const CALENDAR: &str = "阶段安排";
pub const STAGE: &str = "阶段";
pub const DAYS: &str = "时间";
pub const STATE: &str = "状态";
pub const UPCOMING: &str = "未开始";
pub const RUNNING: &str = "进行中";
pub const CLOSED: &str = "已截止";
pub const SHEETS: &str = "评分表";
pub const POINTS_LOCAL: &str = "（分值为本地设置，可调整）";
pub const ITEM: &str = "评分项";
pub const METHOD: &str = "方式";
pub const POINTS: &str = "分值";
pub const UNIT: &str = "单位";
pub const UNIT_KIND: &str = "类别";
pub const SAMPLE: &str = "市级抽查";
pub const COUNTY_BOARD: &str = "县级检查进度（每县检查乡镇不少于 6 个，不足 6 个的全部检查）";
pub const COUNTY: &str = "县（市、区）";
pub const INSPECTED: &str = "已检查乡镇";
pub const DRAW: &str = "抽取样本";
pub const DRAW_HOW: &str =
    "由系统随机生成抽样种子并记录；任何人用同一种子重新抽取，得到的单位相同。样本抽取后不能重抽。";
pub const VERIFIED: &str = "已用记录的种子重新抽取核对：结果一致。";
pub const NOT_VERIFIED: &str = "用记录的种子重新抽取，结果与记录不一致，请联系管理员。";
pub const SAMPLED: &str = "抽中";

/// 优秀 ≥90, 合格 ≥80, as set for the campaign.
pub fn thresholds(t: &Thresholds) -> String {
    format!(
        "优秀 {} 分及以上，合格 {} 分及以上，其余为不合格",
        points_text(t.excellent),
        points_text(t.qualified)
    )
}

pub fn sample_size(size: &SampleSize) -> String {
    let within = if size.townships_in_drawn_counties {
        "（乡镇从抽中的县中抽取）"
    } else {
        ""
    };
    format!("{} 个县、{} 个乡镇{within}", size.counties, size.townships)
}

pub fn seed(seed: u64) -> String {
    format!("抽样种子：{seed}")
}

pub fn drawn(counties: usize, townships: usize) -> String {
    format!("抽中 {counties} 个县、{townships} 个乡镇")
}

/// What a pool smaller than the quota gave.
pub fn short(counties: usize, townships: usize) -> Option<String> {
    let mut parts = Vec::new();
    if counties > 0 {
        parts.push(format!("县级单位少 {counties} 个"));
    }
    if townships > 0 {
        parts.push(format!("乡镇少 {townships} 个"));
    }
    (!parts.is_empty()).then(|| format!("可抽单位不足：{}，已全部抽取", parts.join("、")))
}

/// A window's days, as the documents write them: 5月10日—5月25日.
pub fn days(opens: time::Date, closes: time::Date) -> String {
    let day = |d: time::Date| format!("{}月{}日", u8::from(d.month()), d.day());
    format!("{}—{}", day(opens), day(closes))
}

/// What an item asks to see.
pub fn evidence(what: &str) -> String {
    format!("材料：{what}")
}

pub fn units(n: usize) -> String {
    format!("共 {n} 个单位")
}

pub const TOTALS: &str = "总分";
pub const SAVE_TOTALS: &str = "保存总分";
pub const TOTALS_HOW: &str = "按评分表逐项打分后填写各单位总分（0—100，最多一位小数），留空表示尚未评分。等次按本评价的分数线自动判定。";
pub const TOTALS_SAVED: &str = "已保存总分";
pub const TOO_MANY_TOTALS: &str = "一次保存的单位数超过上限";
pub const NOTICE: &str = "评价结果通报";
pub const NOTICE_TITLE: &str = "评价结果";
pub const NOTICE_ORDER: &str = "具体名单如下（排名不分先后，按照行政区划顺序排列）。";
pub const NO_RESULTS: &str = "尚无单位评分，通报无内容。";
pub const NOTICE_XLSX: &str = "下载 Excel 名单";
pub const NOTICE_DOCX: &str = "下载 Word 通报（可编辑）";
pub const RESULTS_SHEET: &str = "评价结果";
pub const ARCHIVES: &str = "按县归档（可打印成册的评分表、整改、问卷和总结报告，附照片和汇总表）";
pub const ARCHIVE_TITLE: &str = "规范化建设评价档案";
pub const ARCHIVE_SHEET: &str = "单位汇总";
pub const ARCHIVE_HEADERS: [&str; 8] = [
    "单位",
    "区划代码",
    "类别",
    "现场评分",
    "总分",
    "等次",
    "整改",
    "评价材料",
];
pub const NOT_A_COUNTY: &str = "请选择一个县（市、区）的区划代码";
pub const NO_UNITS_IN_COUNTY: &str = "本次评价在这个县（市、区）没有评价单位";

/// The archive's file name, without the extension.
pub fn archive_file(campaign: &str, county: &str) -> String {
    format!("{campaign}-{county}档案.zip")
}

pub fn archive_too_large(mib: usize) -> String {
    format!("这个县的照片超过 {mib} MB，无法一次打包，请联系管理员")
}
pub const RESULT_HEADERS: [&str; 6] = ["序号", "等次", "市（州）", "单位", "区划代码", "得分"];

/// The downloaded files' name, without the extension.
pub fn notice_file(campaign: &str) -> String {
    format!("{campaign}结果通报")
}

/// The Word notice's title.
pub fn notice_heading(campaign: &str) -> String {
    format!("关于{campaign}结果的通报")
}

/// The day the notice is dated, as documents write it.
pub fn issued_on(day: time::Date) -> String {
    format!("{}年{}月{}日", day.year(), u8::from(day.month()), day.day())
}

pub fn not_a_unit(code: &str) -> String {
    let code: String = code.chars().take(12).collect();
    format!("区划代码“{code}”不是本评价的单位")
}

pub fn bad_total(unit: &str) -> String {
    format!("“{unit}”的总分应为 0 至 100 之间的数字，最多一位小数")
}

pub fn unscored(n: usize) -> String {
    format!("另有 {n} 个单位尚未评分，未列入通报。")
}
pub const BACK_TO_CAMPAIGN: &str = "返回评价";

pub const ASSIGNMENTS: &str = "评分人员";
pub const ASSIGN_HOW: &str = "按手机号分配：检查评分由联点或县级检查人员填写，市级抽查由市级检查组对抽中的单位另填一张，自评由被评价单位填写；有市级抽查的单位以市级抽查为准。同一单位同一评分方式可分配多人，他们填写的是同一张评分表。";
pub const PHONE: &str = "手机号";
pub const ROLE: &str = "评分方式";
pub const ASSIGN: &str = "分配";
pub const LINKER: &str = "联点方式";
pub const NOT_LINKED: &str = "（不作为联点）";
pub const CONTACT_POINTS: &str = "联点安排（谁联点谁负责）";
pub const UNASSIGN: &str = "取消";
pub const NO_ASSIGNMENTS: &str = "尚未分配评分人员。";
pub const TAKE_INSPECTED: &str = "填入已评完的检查评分（保存后生效）";

/// A unit code not among the campaign's units.
pub fn no_unit(code: &str) -> String {
    format!("本次评价中没有区划代码为“{code}”的单位")
}

/// A phone number of no active person.
pub fn no_person(phone: &str) -> String {
    format!("人员名录中没有手机号为“{phone}”的在岗人员，请先在人员名录中添加")
}

/// The same person, unit and role twice.
pub fn already(name: &str) -> String {
    format!("{name}已分配了这个单位的这项评分")
}

/// A unit's sheet from the field, as the campaign lists it.
pub fn field_sheet(role: &str, total: u32, scored: usize, items: usize) -> String {
    format!(
        "{role} {} 分（已评 {scored}/{items} 项）",
        points_text(total)
    )
}

pub const REVIEW: &str = "评分对照";
pub const SELF_ASSESSMENT: &str = "自评";
pub const NO_SHEETS: &str = "这个单位还没有现场评分表。";
pub const SHORTFALLS: &str = "整改事项（检查评分中扣分的项目）";
pub const NO_SHORTFALLS: &str = "检查评分没有扣分项。";
pub const NOT_CHECKED: &str = "未核实";
pub const NO_SUCH_UNIT: &str = "本次评价中没有这个单位。";

/// A sheet's total and grade in the review.
pub fn sheet_total(role: &str, total: u32, grade: &str, scored: usize, items: usize) -> String {
    format!(
        "{role}：{} 分，{grade}（已评 {scored}/{items} 项）",
        points_text(total)
    )
}

/// An item that lost points, as a rectification task.
pub fn shortfall(aspect: &str, item: &str, lost: u32, note: &str) -> String {
    let note = if note.is_empty() {
        String::new()
    } else {
        format!("。{note}")
    };
    format!("{aspect} · {item}：扣 {} 分{note}", points_text(lost))
}
pub const PHOTO: &str = "现场照片";
