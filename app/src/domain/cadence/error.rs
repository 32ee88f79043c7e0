//! Why a cadence setting or a period text is not acceptable.

/// A problem with a policy an administrator entered, or with a period or
/// month-day written as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CadenceError {
    /// Not a real month and day written `MM-DD`.
    #[error("月日格式应为 月-日，例如 07-15")]
    MalformedMonthDay,
    /// Not a period written as a year, month, quarter, date or date range.
    #[error("期间格式应为 2026、2026-11、2026-Q4、2026-11-22 或 2026-03-11/2026-07-15")]
    MalformedPeriod,
    /// A "day of the next period" outside 1–31.
    #[error("截止日应在每月1日至31日之间（当前为{day}日）")]
    DueDayOutOfRange {
        /// The day entered.
        day: u8,
    },
    /// A count or number of hours of zero.
    #[error("{label}的次数、学时或时限应大于0")]
    ZeroThreshold {
        /// The obligation's label.
        label: String,
    },
    /// A fixed-date obligation without any date.
    #[error("{label}至少需要一个报送日期")]
    NoFixedDates {
        /// The obligation's label.
        label: String,
    },
    /// A stage's opening day given for more than one deadline.
    #[error("{label}设了开始日期，只能有一个截止日期")]
    StageNeedsOneDate {
        /// The obligation's label.
        label: String,
    },
    /// A stage that opens on or after its deadline.
    #[error("{label}的开始日期应早于截止日期")]
    StageOpensLate {
        /// The obligation's label.
        label: String,
    },
    /// A fixed-date obligation without a name.
    #[error("请填写固定日期报送事项的名称")]
    BlankLabel,
    /// A fixed-date obligation's name over [`super::FIXED_LABEL_MAX_CHARS`] characters.
    #[error("固定日期报送事项的名称不能超过{max}字")]
    LabelTooLong {
        /// The limit.
        max: usize,
    },
    /// A fixed month and day as the due date of an obligation that is not yearly.
    #[error("{label}不是按年度的事项，不能使用每年固定的截止月日")]
    FixedDayNeedsYear {
        /// The obligation's label.
        label: String,
    },
    /// Two rules for the same obligation.
    #[error("规则重复：{label}")]
    DuplicateRule {
        /// The obligation's label.
        label: String,
    },
    /// A waiver without a reason.
    #[error("豁免时请写明原因")]
    WaiverReasonEmpty,
    /// A waiver reason over [`super::WAIVER_REASON_MAX_CHARS`] characters.
    #[error("豁免原因不能超过{max}字")]
    WaiverReasonTooLong {
        /// The limit.
        max: usize,
    },
}

impl CadenceError {
    /// Stable machine code for the sync API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedMonthDay => "malformed_month_day",
            Self::MalformedPeriod => "malformed_period",
            Self::DueDayOutOfRange { .. } => "due_day_out_of_range",
            Self::ZeroThreshold { .. } => "zero_threshold",
            Self::NoFixedDates { .. } => "no_fixed_dates",
            Self::StageNeedsOneDate { .. } => "stage_needs_one_date",
            Self::StageOpensLate { .. } => "stage_opens_late",
            Self::BlankLabel => "blank_label",
            Self::LabelTooLong { .. } => "label_too_long",
            Self::FixedDayNeedsYear { .. } => "fixed_day_needs_year",
            Self::DuplicateRule { .. } => "duplicate_rule",
            Self::WaiverReasonEmpty => "waiver_reason_empty",
            Self::WaiverReasonTooLong { .. } => "waiver_reason_too_long",
        }
    }
}
