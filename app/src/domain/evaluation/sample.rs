//! The city's sample (002 §三(三): 市局将抽选6个县、24个乡镇级统计机构), drawn from a seed that
//! is recorded, so that anyone can draw again and get the same units.
//!
//! The generator is written here rather than taken from `rand`: a recorded seed must give the
//! same units for as long as the record is kept, and `rand` does not promise the same values
//! across its versions. SplitMix64 and a partial Fisher–Yates shuffle are fixed and short.
use super::division::DivisionCode;
use serde::{Deserialize, Serialize};

/// SplitMix64 (Steele, Lea and Flood, 2014).
pub(super) struct SplitMix(pub(super) u64);

impl SplitMix {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (> 0), without the bias of a plain remainder.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// `k` of `pool` (all of it when smaller), in division order. The pool's order does not
/// matter: it is sorted first.
fn draw_from(rng: &mut SplitMix, pool: &[DivisionCode], k: usize) -> Vec<DivisionCode> {
    let mut pool = pool.to_vec();
    pool.sort();
    pool.dedup();
    let k = k.min(pool.len());
    for i in 0..k {
        let j = i + rng.below((pool.len() - i) as u64) as usize;
        pool.swap(i, j);
    }
    pool.truncate(k);
    pool.sort();
    pool
}

/// How many units the city draws, and whether townships come only from the counties drawn
/// (so that each trip to a county inspects some of its townships).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleSize {
    pub counties: usize,
    pub townships: usize,
    pub townships_in_drawn_counties: bool,
}

impl Default for SampleSize {
    /// 002 §三(三): 6 counties and 24 townships.
    fn default() -> Self {
        SampleSize {
            counties: 6,
            townships: 24,
            townships_in_drawn_counties: true,
        }
    }
}

/// The units drawn, in division order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    pub seed: u64,
    pub counties: Vec<DivisionCode>,
    pub townships: Vec<DivisionCode>,
}

impl Sample {
    /// Draws `size` from the city's `counties` and `townships` with `seed`.
    pub fn draw(
        seed: u64,
        size: SampleSize,
        counties: &[DivisionCode],
        townships: &[DivisionCode],
    ) -> Sample {
        let mut rng = SplitMix(seed);
        // With no county in the pool (a campaign of townships only) the townships are drawn
        // from all of them.
        let within = size.townships_in_drawn_counties && !counties.is_empty();
        let counties = draw_from(&mut rng, counties, size.counties);
        let eligible: Vec<DivisionCode> = (townships.iter())
            .filter(|t| !within || t.parent().is_some_and(|c| counties.contains(&c)))
            .copied()
            .collect();
        let townships = draw_from(&mut rng, &eligible, size.townships);
        Sample {
            seed,
            counties,
            townships,
        }
    }

    /// Where the pool was smaller than the size asked: (counties, townships) short.
    pub fn short_of(&self, size: SampleSize) -> (usize, usize) {
        (
            size.counties.saturating_sub(self.counties.len()),
            size.townships.saturating_sub(self.townships.len()),
        )
    }
}
