//! A sheet's score: each indicator's points from its figure, the assessor's points, the total
//! and the grade. Points are kept in tenths so that the phone and the server add up alike.
use super::scheme::{Band, Indicator, Reward, Scheme};
use serde::{Deserialize, Serialize};

/// Points, in tenths of a point (`125` is 12.5 points).
pub type Tenths = u32;

/// What the year's records say for one indicator: a count, or a count out of a whole for a
/// rate (enterprises visited out of those in the grid, reports on time out of those due).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub count: u32,
    #[serde(default)]
    pub out_of: Option<u32>,
}

impl Figure {
    pub fn count(count: u32) -> Figure {
        Figure {
            count,
            out_of: None,
        }
    }

    pub fn rate(count: u32, out_of: u32) -> Figure {
        Figure {
            count,
            out_of: Some(out_of),
        }
    }

    /// The figure an indicator's target is set against: the count, or the rate in whole
    /// percent (rounded down). Nothing owed (a rate out of 0) is a full 100%.
    pub fn value(&self) -> u32 {
        match self.out_of {
            None => self.count,
            Some(0) => 100,
            Some(whole) => (u64::from(self.count.min(whole)) * 100 / u64::from(whole)) as u32,
        }
    }
}

/// The points `indicator` gives for `figure`: all of them at the target, in proportion below
/// it, rounded down to a tenth.
pub fn earned(indicator: &Indicator, figure: &Figure) -> Tenths {
    let target = u64::from(indicator.target.max(1));
    let reached = u64::from(figure.value()).min(target);
    (u64::from(indicator.points) * 10 * reached / target) as Tenths
}

/// One sheet scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scored {
    /// Each indicator's points, in the scheme's order.
    pub earned: Vec<Tenths>,
    pub manual: Tenths,
    pub total: Tenths,
}

/// The grade of a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Unqualified,
    Qualified,
    Excellent,
}

impl Grade {
    pub fn label(self) -> &'static str {
        match self {
            Grade::Unqualified => "不合格",
            Grade::Qualified => "合格",
            Grade::Excellent => "优秀",
        }
    }
}

/// Why the assessor's points were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PointsError {
    #[error("评定分应为数字，最多一位小数，例如 12.5")]
    Malformed,
    #[error("评定分最多 {0} 分")]
    TooMany(u32),
}

impl Scheme {
    /// Scores a sheet from its `figures` (one per indicator, in order; a missing one counts
    /// as nothing) and the assessor's `manual` points, already checked.
    pub fn score(&self, figures: &[Figure], manual: Tenths) -> Scored {
        let earned: Vec<Tenths> = (self.indicators.iter().enumerate())
            .map(|(n, i)| earned(i, figures.get(n).unwrap_or(&Figure::default())))
            .collect();
        let manual = manual.min(self.manual_points * 10);
        Scored {
            total: earned.iter().sum::<Tenths>() + manual,
            earned,
            manual,
        }
    }

    /// The grade of `total`: 优秀 only where the reward has an excellent band.
    pub fn grade(&self, total: Tenths) -> Grade {
        match self.reward {
            Reward::Bands { excellent_mark, .. } if total >= excellent_mark * 10 => {
                Grade::Excellent
            }
            _ if total >= self.pass_mark * 10 => Grade::Qualified,
            _ => Grade::Unqualified,
        }
    }

    /// The band a grade's reward is chosen within, where the reward is by bands.
    pub fn band(&self, grade: Grade) -> Option<Band> {
        match (&self.reward, grade) {
            (Reward::Bands { excellent, .. }, Grade::Excellent) => Some(*excellent),
            (Reward::Bands { qualified, .. }, Grade::Qualified) => Some(*qualified),
            _ => None,
        }
    }

    /// The assessor's points as typed (`""` is none), up to the scheme's.
    pub fn parse_manual(&self, text: &str) -> Result<Tenths, PointsError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(0);
        }
        let tenths = parse_tenths(text).ok_or(PointsError::Malformed)?;
        if tenths > self.manual_points * 10 {
            return Err(PointsError::TooMany(self.manual_points));
        }
        Ok(tenths)
    }
}

/// Points as typed, at most three digits and one decimal (`12.5`), in tenths; none when
/// the text is not such a number.
pub fn parse_tenths(text: &str) -> Option<Tenths> {
    let (whole, tenth) = text.trim().split_once('.').unwrap_or((text.trim(), "0"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(tenth) || tenth.len() > 1 {
        return None;
    }
    Some(whole.parse::<u32>().ok()? * 10 + tenth.parse::<u32>().ok()?)
}

/// Tenths written as points, e.g. `87.5`, or `90` when whole.
pub fn points_text(tenths: Tenths) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}
