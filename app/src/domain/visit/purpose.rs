//! Why a visit took place (走访目的).

use serde::{Deserialize, Serialize};

/// Why the visit took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitPurpose {
    /// 数据质量核查: checking the quality of reported data.
    DataQuality,
    /// 统计法治宣传: promoting the statistics law.
    LawPromotion,
    /// 业务指导: guidance on statistical work.
    Guidance,
    /// 困难问题收集: collecting the enterprise's difficulties.
    ProblemCollection,
    /// 其他.
    Other,
}

impl VisitPurpose {
    /// Every purpose, in display order.
    pub const ALL: [VisitPurpose; 5] = [
        Self::DataQuality,
        Self::LawPromotion,
        Self::Guidance,
        Self::ProblemCollection,
        Self::Other,
    ];

    /// Stable snake_case code, as stored and sent over the wire.
    pub fn code(&self) -> &'static str {
        match self {
            Self::DataQuality => "data_quality",
            Self::LawPromotion => "law_promotion",
            Self::Guidance => "guidance",
            Self::ProblemCollection => "problem_collection",
            Self::Other => "other",
        }
    }

    /// The purpose with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Chinese name shown to users.
    pub fn label(&self) -> &'static str {
        match self {
            Self::DataQuality => "数据质量核查",
            Self::LawPromotion => "统计法治宣传",
            Self::Guidance => "业务指导",
            Self::ProblemCollection => "困难问题收集",
            Self::Other => "其他",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels() {
        for purpose in VisitPurpose::ALL {
            assert_eq!(VisitPurpose::from_code(purpose.code()), Some(purpose));
        }
        assert_eq!(
            VisitPurpose::from_code("law_promotion"),
            Some(VisitPurpose::LawPromotion)
        );
        assert_eq!(VisitPurpose::ProblemCollection.label(), "困难问题收集");
        assert_eq!(VisitPurpose::from_code("数据质量核查"), None);
        assert_eq!(VisitPurpose::from_code(""), None);
    }

    #[test]
    fn serde_uses_the_codes() {
        use serde::de::{IntoDeserializer, value::Error};
        let p: Result<VisitPurpose, Error> =
            VisitPurpose::deserialize("problem_collection".into_deserializer());
        assert_eq!(p, Ok(VisitPurpose::ProblemCollection));
    }
}
