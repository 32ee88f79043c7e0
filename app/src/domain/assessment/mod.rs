//! The December assessment (年度绩效评定, 001 §三(四)5 and §四(三); 003 §三(四)4): a scheme
//! of indicators computed from the year's records and points the assessor gives, each
//! member's (or grid's) score and grade, and the stars or rewards that follow.
pub mod allocation;
pub mod outcome;
pub mod progress;
pub mod scheme;
pub mod score;
pub mod stage;

pub use allocation::{Ranked, RateBelowFloor};
pub use outcome::{Filled, Outcome, OutcomeError, RewardError, outcomes, parse_reward};
pub use progress::behind;
pub use scheme::{
    Assessed, Band, Indicator, Measure, REWARD_MAX_YUAN, Reward, Scheme, SchemeError, StarTier,
};
pub use score::{Figure, Grade, PointsError, Scored, Tenths, parse_tenths, points_text};
pub use stage::{Decision, Stage, StageError};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "tests.rs"]
mod tests;
