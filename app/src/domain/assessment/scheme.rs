//! An assessment scheme (考核方案): what the December assessment counts from the year's
//! records, what the assessor adds by hand, the pass mark, and what passing pays. The
//! documents give the rewards (001 §三(四)5: stars for 60/30/10% of the qualified at
//! 1000/2000/3000 yuan, a qualification rate of at least 80%; 003 §三(四)4: 1000–3000 yuan for
//! a qualified grid, 3000–5000 for an excellent one); the indicators, their points and the
//! pass mark are the township's own (003 §四(三): 制定相应的考核办法), local settings. The
//! grids' activity funds (500 yuan a year per member, or per survey object) sit beside them.
use crate::domain::cadence::MonthDay;
use crate::domain::funds::{FundBasis, FundRule, PER_HEAD_MAX_YUAN, PER_HEAD_YUAN};
use crate::domain::grid::coded_enum;
use serde::{Deserialize, Serialize};

/// Most indicators a scheme counts.
pub const INDICATORS_MAX: usize = 10;
/// Most star tiers.
pub const TIERS_MAX: usize = 5;
/// Largest reward a scheme may name, in yuan.
pub const REWARD_MAX_YUAN: u32 = 100_000;
/// Largest target an indicator may set.
pub const TARGET_MAX: u32 = 10_000;

coded_enum! {
    /// Who a scheme assesses.
    Assessed {
        /// Each grid member, rated by stars (玉环 001 §三(四)5).
        Member = "member", "网格员";
        /// Each enterprise grid, rewarded within a band (乐清 003 §三(四)4).
        Grid = "grid", "企业网格";
    }
}

coded_enum! {
    /// What an indicator counts from the year's records.
    Measure {
        /// Visits made to enterprises.
        Visits = "visits", "走访企业次数";
        /// Enterprises of the grid (a member's grids) visited at least once by anyone, in percent.
        Coverage = "coverage", "走访覆盖率（%）";
        /// Grid activities taken part in (a member) or held (a grid).
        Activities = "activities", "网格活动次数";
        /// Continuing-education hours (a grid: its members' average).
        EducationHours = "education_hours", "继续教育学时";
        /// Monthly reports of the grid in on time, in percent of those due.
        ReportsOnTime = "reports_on_time", "情况汇报按时率（%）";
        /// The grid's annual work plan filed (1) or not (0).
        AnnualPlan = "annual_plan", "年度工作计划";
        /// Major events reported.
        MajorEvents = "major_events", "报告重大事项件数";
    }
}

impl Measure {
    /// Whether the figure is a percentage (its target is then at most 100).
    pub fn is_rate(self) -> bool {
        matches!(self, Measure::Coverage | Measure::ReportsOnTime)
    }
}

/// One indicator: `points` for reaching `target`, in proportion below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub measure: Measure,
    pub points: u32,
    pub target: u32,
}

/// A star tier: its share of the qualified, in percent, and its reward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarTier {
    pub share_pct: u32,
    pub amount_yuan: u32,
}

/// A range of rewards the township chooses within.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub min_yuan: u32,
    pub max_yuan: u32,
}

impl Band {
    pub fn contains(&self, yuan: u32) -> bool {
        (self.min_yuan..=self.max_yuan).contains(&yuan)
    }
}

/// What passing pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reward {
    /// Stars for the qualified, by shares, 1 star first; none when fewer than
    /// `rate_floor_pct` percent of those assessed qualify.
    Stars {
        rate_floor_pct: u32,
        tiers: Vec<StarTier>,
    },
    /// An amount within `qualified`, or within `excellent` at `excellent_mark` points or more.
    Bands {
        excellent_mark: u32,
        qualified: Band,
        excellent: Band,
    },
}

/// A whole scheme. Its points (indicators and the assessor's) add up to 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheme {
    pub assessed: Assessed,
    pub indicators: Vec<Indicator>,
    /// Points the assessor gives by hand (工作态度、配合程度 and the like).
    pub manual_points: u32,
    pub pass_mark: u32,
    pub reward: Reward,
    /// The grids' activity funds, which the same documents set beside the rewards.
    #[serde(default)]
    pub funds: FundRule,
}

/// Why a scheme was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemeError {
    #[error("各项指标与评定分值合计应为 100 分，现为 {0} 分")]
    PointsNotHundred(u32),
    #[error("指标最多 {INDICATORS_MAX} 项")]
    TooManyIndicators,
    #[error("指标“{0}”重复")]
    Repeated(&'static str),
    #[error("指标“{0}”的目标值应在 1 到 {1} 之间")]
    Target(&'static str, u32),
    #[error("合格分数线应在 1 到 100 分之间")]
    PassMark,
    #[error("星级占比合计应为 100%，现为 {0}%")]
    SharesNotHundred(u32),
    #[error("星级应有 1 到 {TIERS_MAX} 档")]
    Tiers,
    #[error("合格率下限应在 0 到 100% 之间")]
    RateFloor,
    #[error("奖励金额最多 {REWARD_MAX_YUAN} 元")]
    Amount,
    #[error("奖励区间的下限不能高于上限")]
    BandOrder,
    #[error("优秀分数线应高于合格分数线，且不超过 100 分")]
    ExcellentMark,
    #[error("活动经费每人（每个调查对象）每年最多 {PER_HEAD_MAX_YUAN} 元")]
    FundsPerHead,
}

impl Scheme {
    /// 玉环 (001 §三(四)5): each member, stars for the qualified. Indicators, points and the
    /// pass mark are local settings; the shares, amounts and the 80% floor are the document's.
    pub fn yuhuan() -> Scheme {
        let tier = |share_pct, amount_yuan| StarTier {
            share_pct,
            amount_yuan,
        };
        Scheme {
            assessed: Assessed::Member,
            indicators: vec![
                indicator(Measure::Visits, 10, 12),
                indicator(Measure::Coverage, 20, 100),
                indicator(Measure::Activities, 20, 4),
                indicator(Measure::EducationHours, 25, 24),
                indicator(Measure::MajorEvents, 5, 1),
            ],
            manual_points: 20,
            pass_mark: 60,
            reward: Reward::Stars {
                rate_floor_pct: 80,
                tiers: vec![tier(60, 1000), tier(30, 2000), tier(10, 3000)],
            },
            funds: FundRule::default(),
        }
    }

    /// 乐清 (003 §三(四)4): each enterprise grid, 1000–3000 yuan when qualified and 3000–5000
    /// when excellent. Indicators, points and both marks are local settings.
    pub fn yueqing() -> Scheme {
        Scheme {
            assessed: Assessed::Grid,
            indicators: vec![
                indicator(Measure::Coverage, 20, 100),
                indicator(Measure::Activities, 20, 4),
                indicator(Measure::ReportsOnTime, 20, 100),
                indicator(Measure::AnnualPlan, 10, 1),
                indicator(Measure::EducationHours, 10, 24),
            ],
            manual_points: 20,
            pass_mark: 60,
            reward: Reward::Bands {
                excellent_mark: 90,
                qualified: Band {
                    min_yuan: 1000,
                    max_yuan: 3000,
                },
                excellent: Band {
                    min_yuan: 3000,
                    max_yuan: 5000,
                },
            },
            funds: FundRule {
                basis: FundBasis::SurveyObjects,
                per_head_yuan: PER_HEAD_YUAN,
                counted_on: MonthDay::NEW_YEAR,
            },
        }
    }

    /// The scheme whose code is `code` (`yuhuan`, `yueqing`).
    pub fn preset(code: &str) -> Option<Scheme> {
        match code {
            "yuhuan" => Some(Scheme::yuhuan()),
            "yueqing" => Some(Scheme::yueqing()),
            _ => None,
        }
    }

    /// Checks every number, returning every problem at once.
    pub fn validate(&self) -> Result<(), Vec<SchemeError>> {
        let mut errors = Vec::new();
        let points: u32 = self
            .indicators
            .iter()
            .map(|i| i.points.min(100))
            .sum::<u32>()
            + self.manual_points.min(100);
        if points != 100 {
            errors.push(SchemeError::PointsNotHundred(points));
        }
        if self.indicators.len() > INDICATORS_MAX {
            errors.push(SchemeError::TooManyIndicators);
        }
        for (n, i) in self.indicators.iter().enumerate() {
            if self.indicators[..n].iter().any(|e| e.measure == i.measure) {
                errors.push(SchemeError::Repeated(i.measure.label()));
            }
            let most = if i.measure.is_rate() { 100 } else { TARGET_MAX };
            if !(1..=most).contains(&i.target) {
                errors.push(SchemeError::Target(i.measure.label(), most));
            }
        }
        if !(1..=100).contains(&self.pass_mark) {
            errors.push(SchemeError::PassMark);
        }
        match &self.reward {
            Reward::Stars {
                rate_floor_pct,
                tiers,
            } => {
                if tiers.is_empty() || tiers.len() > TIERS_MAX {
                    errors.push(SchemeError::Tiers);
                }
                let shares: u32 = tiers.iter().map(|t| t.share_pct.min(100)).sum();
                if shares != 100 {
                    errors.push(SchemeError::SharesNotHundred(shares));
                }
                if *rate_floor_pct > 100 {
                    errors.push(SchemeError::RateFloor);
                }
                if tiers.iter().any(|t| t.amount_yuan > REWARD_MAX_YUAN) {
                    errors.push(SchemeError::Amount);
                }
            }
            Reward::Bands {
                excellent_mark,
                qualified,
                excellent,
            } => {
                if *excellent_mark <= self.pass_mark || *excellent_mark > 100 {
                    errors.push(SchemeError::ExcellentMark);
                }
                if [qualified, excellent]
                    .iter()
                    .any(|b| b.min_yuan > b.max_yuan)
                {
                    errors.push(SchemeError::BandOrder);
                }
                if [qualified, excellent]
                    .iter()
                    .any(|b| b.max_yuan > REWARD_MAX_YUAN)
                {
                    errors.push(SchemeError::Amount);
                }
            }
        }
        if self.funds.per_head_yuan > PER_HEAD_MAX_YUAN {
            errors.push(SchemeError::FundsPerHead);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn indicator(measure: Measure, points: u32, target: u32) -> Indicator {
    Indicator {
        measure,
        points,
        target,
    }
}
