//! 网格活动经费: what each enterprise grid may spend on its activities in a year (001 §三(四)5:
//! 原则上每个企业网格按每个网格员每年500元作为网格工作活动经费; 003 §三(四)4: 按每个统计调查
//! 对象每年500元), against what its activities recorded spending.
use crate::domain::cadence::MonthDay;
use crate::domain::grid::coded_enum;
use serde::{Deserialize, Serialize};
use time::Date;

/// The documents' amount per head and year, in yuan (both 001 and 003).
pub const PER_HEAD_YUAN: u32 = 500;
/// The largest amount per head a city may set, in yuan.
pub const PER_HEAD_MAX_YUAN: u32 = 100_000;

coded_enum! {
    /// What a grid's funds are counted by.
    FundBasis {
        /// Its members (玉环 001 §三(四)5).
        Members = "members", "网格员";
        /// Its survey objects, the enterprises (乐清 003 §三(四)4).
        SurveyObjects = "survey_objects", "统计调查对象";
    }
}

/// How a grid's funds for the year are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundRule {
    pub basis: FundBasis,
    pub per_head_yuan: u32,
    /// The day each year the heads are counted (核定); the documents give none, so it is a
    /// local setting, 1 January unless the city sets another.
    #[serde(default = "new_year")]
    pub counted_on: MonthDay,
}

fn new_year() -> MonthDay {
    MonthDay::NEW_YEAR
}

impl Default for FundRule {
    fn default() -> Self {
        FundRule {
            basis: FundBasis::Members,
            per_head_yuan: PER_HEAD_YUAN,
            counted_on: MonthDay::NEW_YEAR,
        }
    }
}

/// A grid's funds for the year and its spending, in fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// Members or survey objects counted.
    pub heads: u32,
    pub entitlement_fen: i64,
    pub spent_fen: i64,
}

impl FundRule {
    /// Whether `year`'s heads are counted by `today`: from then on they stay as counted.
    pub fn counted_by(&self, year: i32, today: Date) -> bool {
        self.counted_on
            .in_year(year)
            .is_some_and(|day| day <= today)
    }

    /// The ledger of a grid of `heads` that spent `spent_fen`.
    pub fn ledger(&self, heads: u32, spent_fen: i64) -> Ledger {
        Ledger {
            heads,
            entitlement_fen: i64::from(heads) * i64::from(self.per_head_yuan) * 100,
            spent_fen,
        }
    }
}

impl Ledger {
    /// What is left; negative once overspent.
    pub fn balance_fen(&self) -> i64 {
        self.entitlement_fen - self.spent_fen
    }

    /// By how much spending `spend_fen` more would take the grid over its funds, if it would.
    pub fn overrun_fen(&self, spend_fen: i64) -> Option<i64> {
        overrun(self.balance_fen(), 0, spend_fen)
    }
}

/// By how much an activity spending `spend_fen` would take a grid over its funds, if it would:
/// `balance_fen` is what was left when last read, `unsent_fen` what activities recorded since
/// (on the phone, not yet sent) spend.
pub fn overrun(balance_fen: i64, unsent_fen: i64, spend_fen: i64) -> Option<i64> {
    let after = balance_fen - unsent_fen - spend_fen;
    (after < 0 && spend_fen > 0).then_some(-after)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_grid_of_three_members_has_1500_yuan_a_year() {
        let ledger = FundRule::default().ledger(3, 18_000);
        assert_eq!(ledger.entitlement_fen, 150_000);
        assert_eq!(ledger.balance_fen(), 132_000);
        assert_eq!(ledger.overrun_fen(132_000), None);
        assert_eq!(ledger.overrun_fen(132_050), Some(50));
    }

    #[test]
    fn what_the_phone_has_not_sent_counts_against_the_balance() {
        // 300 yuan left; 200 spent by an activity not yet sent; 150 more is 50 over.
        assert_eq!(overrun(30_000, 20_000, 15_000), Some(5_000));
        assert_eq!(overrun(30_000, 20_000, 10_000), None);
        // Already over: spending nothing warns of nothing.
        assert_eq!(overrun(-100, 0, 0), None);
    }

    #[test]
    fn heads_stay_as_counted_from_the_policy_day() {
        let rule = FundRule {
            counted_on: MonthDay::new(3, 1).unwrap(),
            ..FundRule::default()
        };
        let day = |m, d| Date::from_calendar_date(2026, m, d).unwrap();
        assert!(!rule.counted_by(2026, day(time::Month::February, 28)));
        assert!(rule.counted_by(2026, day(time::Month::March, 1)));
        assert!(!rule.counted_by(2027, day(time::Month::March, 1)));
        assert!(FundRule::default().counted_by(2026, day(time::Month::January, 1)));
    }

    proptest! {
        #[test]
        fn spending_the_balance_is_never_over_and_a_fen_more_is(
            heads in 0u32..200, per_head in 0u32..10_000, spent in 0i64..100_000_000,
        ) {
            let rule = FundRule {
                basis: FundBasis::SurveyObjects,
                per_head_yuan: per_head,
                counted_on: MonthDay::NEW_YEAR,
            };
            let ledger = rule.ledger(heads, spent);
            prop_assert_eq!(ledger.entitlement_fen, i64::from(heads) * i64::from(per_head) * 100);
            prop_assert_eq!(ledger.balance_fen() + ledger.spent_fen, ledger.entitlement_fen);
            let balance = ledger.balance_fen();
            if balance > 0 {
                prop_assert_eq!(ledger.overrun_fen(balance), None);
                prop_assert_eq!(ledger.overrun_fen(balance + 1), Some(1));
            } else {
                prop_assert_eq!(ledger.overrun_fen(1), Some(1 - balance));
            }
            prop_assert_eq!(ledger.overrun_fen(0), None);
        }
    }
}
