//! 网格活动经费: what each enterprise grid may spend on its activities in a year (001 §三(四)5:
//! 原则上每个企业网格按每个网格员每年500元作为网格工作活动经费; 003 §三(四)4: 按每个统计调查
//! 对象每年500元), against what its activities recorded spending.
use crate::domain::grid::coded_enum;
use serde::{Deserialize, Serialize};

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
}

impl Default for FundRule {
    fn default() -> Self {
        FundRule {
            basis: FundBasis::Members,
            per_head_yuan: PER_HEAD_YUAN,
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
        let after = self.balance_fen() - spend_fen;
        (after < 0 && spend_fen > 0).then_some(-after)
    }
}

#[cfg(test)]
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

    proptest! {
        #[test]
        fn spending_the_balance_is_never_over_and_a_fen_more_is(
            heads in 0u32..200, per_head in 0u32..10_000, spent in 0i64..100_000_000,
        ) {
            let rule = FundRule { basis: FundBasis::SurveyObjects, per_head_yuan: per_head };
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
