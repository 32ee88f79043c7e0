//! A unit's year assessed: each sheet's grade, stars and reward, from the scheme and the
//! scores, as the township submits it and the city bureau confirms it.
use super::allocation::{Ranked, RateBelowFloor, rate_check, stars};
use super::scheme::{Reward, Scheme};
use super::score::{Grade, Scored};
use serde::{Deserialize, Serialize};

/// One sheet's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub grade: Grade,
    /// Stars, where the scheme gives stars and the sheet qualified.
    pub stars: Option<u8>,
    pub reward_yuan: u32,
}

/// A sheet as the township fills it: its score and, for a scheme of bands, the reward it
/// chose within the grade's band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub scored: Scored,
    pub chosen_yuan: Option<u32>,
}

/// Why a unit's results cannot be given as they stand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error("{name}：{grade}的奖励应在 {min} 到 {max} 元之间")]
    OutsideBand {
        name: String,
        grade: &'static str,
        min: u32,
        max: u32,
    },
}

/// Every sheet's result, in order, and the reason there are no stars when the qualification
/// rate is under the floor. `names` name the sheets for the refusals.
pub fn outcomes(
    scheme: &Scheme,
    sheets: &[Filled],
    names: &[String],
) -> Result<(Vec<Outcome>, Option<RateBelowFloor>), Vec<OutcomeError>> {
    let grades: Vec<Grade> = sheets
        .iter()
        .map(|s| scheme.grade(s.scored.total))
        .collect();
    match &scheme.reward {
        Reward::Stars {
            rate_floor_pct,
            tiers,
        } => {
            let qualified: Vec<usize> = (0..sheets.len())
                .filter(|&n| grades[n] != Grade::Unqualified)
                .collect();
            let below = rate_check(sheets.len(), qualified.len(), *rate_floor_pct).err();
            let ranked: Vec<Ranked> = (qualified.iter())
                .map(|&n| Ranked {
                    total: sheets[n].scored.total,
                    earned: sheets[n].scored.earned.clone(),
                })
                .collect();
            let shares: Vec<u32> = tiers.iter().map(|t| t.share_pct).collect();
            let given = if below.is_some() {
                vec![0; ranked.len()]
            } else {
                stars(&ranked, &shares)
            };
            let mut out: Vec<Outcome> = (grades.iter())
                .map(|&grade| Outcome {
                    grade,
                    stars: None,
                    reward_yuan: 0,
                })
                .collect();
            for (&n, &stars) in qualified.iter().zip(&given) {
                if stars > 0 {
                    out[n].stars = Some(stars);
                    out[n].reward_yuan = tiers[usize::from(stars) - 1].amount_yuan;
                }
            }
            Ok((out, below))
        }
        Reward::Bands { .. } => {
            let mut errors = Vec::new();
            let out = (sheets.iter().zip(&grades).enumerate())
                .map(|(n, (sheet, &grade))| {
                    let reward_yuan = match scheme.band(grade) {
                        None => 0,
                        Some(band) => {
                            let chosen = sheet.chosen_yuan.unwrap_or(band.min_yuan);
                            if !band.contains(chosen) {
                                errors.push(OutcomeError::OutsideBand {
                                    name: names.get(n).cloned().unwrap_or_default(),
                                    grade: grade.label(),
                                    min: band.min_yuan,
                                    max: band.max_yuan,
                                });
                            }
                            chosen
                        }
                    };
                    Outcome {
                        grade,
                        stars: None,
                        reward_yuan,
                    }
                })
                .collect();
            if errors.is_empty() {
                Ok((out, None))
            } else {
                Err(errors)
            }
        }
    }
}

/// Why a reward typed for a grid was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("奖励金额应为整数（元），最多 {max} 元")]
pub struct RewardError {
    pub max: u32,
}

/// A reward as typed, in whole yuan up to `max` (`""` leaves the band's lowest).
pub fn parse_reward(text: &str, max: u32) -> Result<Option<u32>, RewardError> {
    let text = text.trim();
    let text = text.strip_suffix('元').unwrap_or(text).trim_end();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(yuan) if yuan <= max && text.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(yuan)),
        _ => Err(RewardError { max }),
    }
}
