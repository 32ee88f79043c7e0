//! The Chinese words of the reporting-cadence screen, in one place to review them together.
use crate::domain::cadence::ObligationKind;

pub const TITLE: &str = "报送节奏";
pub const HOW: &str = "各级网格按这些规则判断每项工作是否到期、按时完成或逾期。可从玉环市、乐清市或广西方案开始，再调整天数和次数，或添加、删除事项。";
pub const REMOVE: &str = "删除";
pub const ADD_RULE: &str = "添加事项";
pub const CHOOSE_RULE: &str = "选择要添加的事项";
pub const REPORT_NAME: &str = "报送事项名称";
pub const DATES_HINT: &str = "如 07-15、09-15、12-10；阶段如 12-01至12-10";
pub const DATES_FORMAT: &str =
    "日期请写成“月-日”，如 07-15；多个日期用顿号隔开；有开始日期的阶段写成 12-01至12-10";
pub const NEW_FIXED_DATE: &str = "固定日期报送（自定名称和日期）";
pub const WHOLE_NUMBER: &str = "请输入0或正整数";
pub const POSITIVE_NUMBER: &str = "次数或学时应为正整数";
pub const SAVED_BY_ADMINISTRATOR: &str = "当前规则已由管理员保存。";
pub const NEVER_SAVED: &str = "尚未保存过：当前使用玉环市方案。";
pub const POLICY_NAME: &str = "方案名称";
pub const DUTY: &str = "事项";
pub const PERIOD: &str = "周期";
pub const DUE: &str = "截止";
pub const REQUIRED: &str = "要求";
pub const SOON_DAYS: &str = "提前提醒（天，本地设置）";
pub const GRACE_DAYS: &str = "宽限（天，本地设置）";
pub const BASIS: &str = "依据";
pub const LOCAL_SETTINGS: &str = "文件只规定了要做哪些事、多久一次；提醒天数、宽限天数、走访次数、继续教育学时等文件没有给出的数字是本市的本地设置，可按实际调整。";
pub const SAVE: &str = "保存报送节奏";
pub const END_OF_PERIOD: &str = "周期最后一天";
pub const PER_QUARTER: &str = "次/季度";
pub const HOURS_PER_YEAR: &str = "学时/年";
/// The major-event rule's count: hours the city bureau has to read an event.
pub const HOURS_TO_READ: &str = "小时内市统计局阅处（本地设置）";

pub fn saved(policy: &str) -> String {
    format!("已保存：{policy}")
}

pub fn use_preset(preset: &str) -> String {
    format!("改用{preset}方案")
}

pub fn soon_days_of(duty: &str) -> String {
    format!("{duty}提前提醒天数")
}

pub fn grace_days_of(duty: &str) -> String {
    format!("{duty}宽限天数")
}

pub fn remove_of(duty: &str) -> String {
    format!("删除{duty}")
}

pub fn dates_of(duty: &str) -> String {
    format!("{duty}报送日期")
}

pub fn reporting_grid_of(duty: &str) -> String {
    format!("{duty}报送网格")
}

pub fn required_of(duty: &str) -> String {
    format!("{duty}要求")
}

pub fn day_of_next_period(day: u8) -> String {
    format!("下一周期第{day}日")
}

/// What the source documents fix of a duty, and what StatGrid's presets add as local settings.
pub fn basis(kind: &ObligationKind) -> String {
    match kind {
        ObligationKind::MonthlyLeaderReport => {
            "文件规定每月至少听取一次汇报（玉环、乐清 §三(二)）；截止日为本地设置".into()
        }
        ObligationKind::QuarterlyActivity => {
            "乐清文件规定每季度至少一次（§三(三)1）；玉环文件为“定期”，按每季度理解（本地设置）"
                .into()
        }
        ObligationKind::UnitActivity => {
            "乐清文件规定各级网格每季度组织活动（§三(三)1）；玉环文件只要求企业网格".into()
        }
        ObligationKind::LawPromotion => {
            "文件要求网格指导员定期开展统计法治宣传（玉环、乐清 §三(二)），未规定间隔；每季度一次为本地设置。乡镇（街道）、部门及其下各网格的统计法治宣传活动或走访都计入".into()
        }
        ObligationKind::EnterpriseVisits { .. } => {
            "文件要求经常走访（玉环 §三(三)3、乐清 §三(三)1），未规定次数；每季度次数为本地设置"
                .into()
        }
        ObligationKind::AnnualPlan => {
            "文件要求网格长制定年度工作计划（玉环 §三(二)），未规定日期；截止日为本地设置".into()
        }
        ObligationKind::TrainingPlan => {
            "文件要求乡镇（街道）、部门在具体操作阶段（4月）制定培训计划（玉环 §四(二)1）；截止日4月30日据此设定，为本地设置".into()
        }
        ObligationKind::ContinuingEducation { .. } => {
            "文件要求按时参加统计继续教育（玉环、乐清 §三(二)），未规定学时；学时为本地设置".into()
        }
        ObligationKind::TownshipAnalysisMeeting => {
            "文件规定乡镇每月召开分析例会（玉环 §三(三)3）".into()
        }
        ObligationKind::MajorEvent { .. } => {
            "文件规定重大事项即时报告（玉环 §三(三)3）；市统计局阅处时限为本地设置".into()
        }
        ObligationKind::FixedDate { .. } => "文件规定的固定报送日期".into(),
    }
}
