//! Stars for the qualified (001 §三(四)5: 一星级占60%，二星级占30%，三星级占10%), allocated
//! exactly: each tier's seats by the largest remainder, so the counts always add up to the
//! qualified number and none is more than one off its exact share; the qualified ranked by
//! total, then by the indicators in the scheme's order; people tied on all of these never
//! split, the whole tie taking the lower tier.
use super::score::Tenths;
use serde::{Deserialize, Serialize};

/// What the allocation ranks a sheet by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    pub total: Tenths,
    /// Each indicator's points, in the scheme's order: the tie-break.
    pub earned: Vec<Tenths>,
}

/// Why no stars are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "合格率为 {rate_pct}%，低于 {floor_pct}% 的下限（玉环 001 §三(四)5：合格率不低于80%），不能进行星级评定"
)]
pub struct RateBelowFloor {
    /// The qualification rate, rounded down to whole percent.
    pub rate_pct: u32,
    pub floor_pct: u32,
}

/// Each tier's seats out of `qualified`, by the largest remainder: the exact shares rounded
/// down, then the seats left over one each to the largest fractions, the lower tier first
/// where two fractions are equal (a tier's share is a ceiling for the higher stars).
pub fn seats(qualified: usize, shares_pct: &[u32]) -> Vec<usize> {
    let exact: Vec<u64> = (shares_pct.iter())
        .map(|s| qualified as u64 * u64::from(*s))
        .collect();
    let mut seats: Vec<usize> = exact.iter().map(|e| (e / 100) as usize).collect();
    let given: usize = seats.iter().sum();
    let mut by_fraction: Vec<usize> = (0..shares_pct.len()).collect();
    // Stable: equal fractions keep the lower tier first.
    by_fraction.sort_by_key(|&t| std::cmp::Reverse(exact[t] % 100));
    for &tier in by_fraction.iter().take(qualified.saturating_sub(given)) {
        seats[tier] += 1;
    }
    seats
}

/// Whether `qualified` of `assessed` meet the floor; the rate when they do not.
pub fn rate_check(assessed: usize, qualified: usize, floor_pct: u32) -> Result<(), RateBelowFloor> {
    let assessed = assessed as u64;
    if assessed == 0 || qualified as u64 * 100 >= u64::from(floor_pct) * assessed {
        return Ok(());
    }
    Err(RateBelowFloor {
        rate_pct: (qualified as u64 * 100 / assessed) as u32,
        floor_pct,
    })
}

/// The stars (1 for the first tier) of each of `qualified`, in their order, for tiers of
/// `shares_pct` (1 star first).
pub fn stars(qualified: &[Ranked], shares_pct: &[u32]) -> Vec<u8> {
    let seats = seats(qualified.len(), shares_pct);
    // The highest tier's seats come first in the ranking.
    let mut bounds = Vec::with_capacity(seats.len());
    let mut reached = 0;
    for (tier, n) in seats.iter().enumerate().rev() {
        reached += n;
        bounds.push((reached, tier as u8 + 1));
    }
    let tier_at = |position: usize| {
        (bounds.iter())
            .find(|(end, _)| position < *end)
            .map_or(1, |(_, stars)| *stars)
    };
    let mut order: Vec<usize> = (0..qualified.len()).collect();
    let key = |n: usize| (qualified[n].total, &qualified[n].earned);
    order.sort_by(|&a, &b| key(b).cmp(&key(a)));
    let mut given = vec![0u8; qualified.len()];
    let mut start = 0;
    while start < order.len() {
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&n| key(n) == key(order[start]))
                .count();
        // A tie takes the tier of its last place: never split, never lifted over a quota.
        let stars = tier_at(end - 1);
        for &n in &order[start..end] {
            given[n] = stars;
        }
        start = end;
    }
    given
}
