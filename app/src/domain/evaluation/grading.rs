//! Grades of a campaign's totals and the figures a results notice opens with (000 §二:
//! 平均分数为93.6分……优秀（90分及以上）87个，合格（80分及以上）13个).
use crate::domain::assessment::{Grade, Tenths, points_text};
use serde::{Deserialize, Serialize};

/// The lowest totals of 优秀 and 合格, in tenths. 90 and 80 by default, as 000 §二 has them;
/// a campaign may set others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub excellent: Tenths,
    pub qualified: Tenths,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            excellent: 900,
            qualified: 800,
        }
    }
}

/// Why thresholds were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdError {
    #[error("优秀分数线应高于合格分数线，且不超过 100 分")]
    Order,
}

impl Thresholds {
    pub fn validate(&self) -> Result<(), ThresholdError> {
        if self.qualified < self.excellent && self.excellent <= 1000 {
            Ok(())
        } else {
            Err(ThresholdError::Order)
        }
    }

    pub fn grade(&self, total: Tenths) -> Grade {
        if total >= self.excellent {
            Grade::Excellent
        } else if total >= self.qualified {
            Grade::Qualified
        } else {
            Grade::Unqualified
        }
    }

    /// A grade with its bounds, as a notice heads it: 优秀（90分及以上）, 不合格（80分以下）.
    pub fn heading(&self, grade: Grade) -> String {
        match grade {
            Grade::Excellent => format!("优秀（{}分及以上）", points_text(self.excellent)),
            Grade::Qualified => format!("合格（{}分及以上）", points_text(self.qualified)),
            Grade::Unqualified => format!("不合格（{}分以下）", points_text(self.qualified)),
        }
    }
}

/// A campaign's figures: how many units, their average and how many in each grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    pub units: usize,
    /// The average total in tenths, rounded half up; 0 for no units.
    pub average: Tenths,
    pub excellent: usize,
    pub qualified: usize,
    pub unqualified: usize,
}

impl Summary {
    pub fn of(thresholds: &Thresholds, totals: impl IntoIterator<Item = Tenths>) -> Summary {
        let mut summary = Summary::default();
        let mut sum = 0u64;
        for total in totals {
            summary.units += 1;
            sum += u64::from(total);
            match thresholds.grade(total) {
                Grade::Excellent => summary.excellent += 1,
                Grade::Qualified => summary.qualified += 1,
                Grade::Unqualified => summary.unqualified += 1,
            }
        }
        let n = summary.units as u64;
        if n > 0 {
            summary.average = ((2 * sum + n) / (2 * n)) as Tenths;
        }
        summary
    }

    pub fn count(&self, grade: Grade) -> usize {
        match grade {
            Grade::Excellent => self.excellent,
            Grade::Qualified => self.qualified,
            Grade::Unqualified => self.unqualified,
        }
    }

    /// The notice's opening figures, e.g. "共评价100个单位，平均分数为93.6分。其中，
    /// 优秀（90分及以上）87个，合格（80分及以上）13个。" A grade with no unit is left out.
    pub fn text(&self, thresholds: &Thresholds) -> String {
        let counts: Vec<String> = [Grade::Excellent, Grade::Qualified, Grade::Unqualified]
            .into_iter()
            .filter(|g| self.count(*g) > 0)
            .map(|g| format!("{}{}个", thresholds.heading(g), self.count(g)))
            .collect();
        let average = points_text(self.average);
        let opening = format!("共评价{}个单位，平均分数为{average}分。", self.units);
        if counts.is_empty() {
            opening
        } else {
            format!("{opening}其中，{}。", counts.join("，"))
        }
    }
}
