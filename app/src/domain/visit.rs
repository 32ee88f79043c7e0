//! A visit (走访) to a survey object, as typed by a grid member, and its
//! validation, run alike on the phone (offline) and on the server.

use serde::{Deserialize, Serialize};

use super::draft::{Draft, FieldError, KIND_VISIT};
use time::Date;

use super::period::{self, RecordDateError};

mod owed;
mod purpose;

pub use owed::still_owed;
pub use purpose::VisitPurpose;

/// Longest findings text, in characters (a Chinese character counts as one).
pub const FINDINGS_MAX_CHARS: usize = 2000;

/// A visit form as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitDraft {
    /// The visited enterprise; 0 when none is chosen yet.
    pub enterprise_id: i32,
    /// `YYYY-MM-DD`.
    pub visit_date: String,
    /// A [`VisitPurpose`] code.
    pub purpose: String,
    /// What was found, free text.
    pub findings: String,
    /// Whether the visit needs a follow-up.
    pub follow_up: bool,
    /// Photos taken as evidence (ids of photos kept on the phone, then on the server).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<uuid::Uuid>,
}

/// A visit that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidVisit {
    /// The visited enterprise.
    pub enterprise_id: i32,
    /// Date of the visit, in Beijing; within the last 366 days.
    pub visit_date: Date,
    /// Why the visit took place.
    pub purpose: VisitPurpose,
    /// What was found, trimmed, 1 to [`FINDINGS_MAX_CHARS`] characters.
    pub findings: String,
    /// Whether the visit needs a follow-up.
    pub follow_up: bool,
}

/// A problem with one field of a [`VisitDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VisitError {
    /// No enterprise chosen (`enterprise_id <= 0`).
    #[error("请选择走访的企业")]
    NoEnterprise,
    /// The date is not `YYYY-MM-DD`.
    #[error("走访日期格式应为 年-月-日，例如 2026-11-22")]
    DateMalformed,
    /// The date is after today.
    #[error("走访日期不能晚于今天")]
    DateInFuture,
    /// The date is more than 366 days before today.
    #[error("走访日期不能早于一年前")]
    DateTooOld,
    /// No purpose, or not a known code.
    #[error("请选择走访目的")]
    PurposeUnknown,
    /// The findings are empty or only whitespace.
    #[error("请填写走访情况")]
    FindingsEmpty,
    /// The findings are too long.
    #[error("走访情况不能超过{max}字（当前{found}字）")]
    FindingsTooLong {
        /// The limit, [`FINDINGS_MAX_CHARS`].
        max: usize,
        /// Characters entered, after trimming.
        found: usize,
    },
}

impl FieldError for VisitError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoEnterprise => "no_enterprise",
            Self::DateMalformed => "date_malformed",
            Self::DateInFuture => "date_in_future",
            Self::DateTooOld => "date_too_old",
            Self::PurposeUnknown => "purpose_unknown",
            Self::FindingsEmpty => "findings_empty",
            Self::FindingsTooLong { .. } => "findings_too_long",
        }
    }

    /// The [`VisitDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoEnterprise => "enterprise_id",
            Self::DateMalformed | Self::DateInFuture | Self::DateTooOld => "visit_date",
            Self::PurposeUnknown => "purpose",
            Self::FindingsEmpty | Self::FindingsTooLong { .. } => "findings",
        }
    }
}

impl Draft for VisitDraft {
    const KIND: &'static str = KIND_VISIT;
    type Valid = ValidVisit;
    type Error = VisitError;
    const LABEL: &'static str = "走访记录";
    const EDITABLE: bool = false;

    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("走访日期", self.visit_date.clone()),
            (
                "走访目的",
                VisitPurpose::from_code(&self.purpose)
                    .map_or_else(|| self.purpose.clone(), |p| p.label().to_owned()),
            ),
            ("走访情况", self.findings.clone()),
        ]
    }

    fn date(&self) -> String {
        self.visit_date.clone()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let mut errors = Vec::new();
        if self.enterprise_id <= 0 {
            errors.push(VisitError::NoEnterprise);
        }
        let date = check_date(&self.visit_date, today).map_err(|e| errors.push(e));
        let purpose = VisitPurpose::from_code(self.purpose.trim());
        if purpose.is_none() {
            errors.push(VisitError::PurposeUnknown);
        }
        let findings = super::text::clean_text(&self.findings);
        let length = findings.chars().count();
        if length == 0 {
            errors.push(VisitError::FindingsEmpty);
        } else if length > FINDINGS_MAX_CHARS {
            errors.push(VisitError::FindingsTooLong {
                max: FINDINGS_MAX_CHARS,
                found: length,
            });
        }
        match (date, purpose) {
            (Ok(visit_date), Some(purpose)) if errors.is_empty() => Ok(ValidVisit {
                enterprise_id: self.enterprise_id,
                visit_date,
                purpose,
                findings,
                follow_up: self.follow_up,
            }),
            _ => Err(errors),
        }
    }

    fn photos(&self) -> Vec<uuid::Uuid> {
        self.photos.clone()
    }
}

/// Parses the visit date and checks it lies within the last year.
fn check_date(text: &str, today: Date) -> Result<Date, VisitError> {
    period::record_date(text, today).map_err(|e| match e {
        RecordDateError::Malformed => VisitError::DateMalformed,
        RecordDateError::InFuture => VisitError::DateInFuture,
        RecordDateError::TooOld => VisitError::DateTooOld,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::Duration;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn draft() -> VisitDraft {
        VisitDraft {
            enterprise_id: 7,
            visit_date: "2026-11-22".into(),
            purpose: "data_quality".into(),
            findings: "  企业月报数据已核对，台账齐全。 ".into(),
            follow_up: true,
            photos: Vec::new(),
        }
    }

    fn errors_of(change: impl FnOnce(&mut VisitDraft)) -> Vec<VisitError> {
        let mut d = draft();
        change(&mut d);
        d.validate(TODAY).unwrap_err()
    }

    #[test]
    fn a_complete_draft_made_today_is_valid() {
        let visit = draft().validate(TODAY).unwrap();
        assert_eq!(visit.visit_date, TODAY);
        assert_eq!(visit.purpose, VisitPurpose::DataQuality);
        assert_eq!(visit.findings, "企业月报数据已核对，台账齐全。");
        assert!(visit.follow_up);
    }

    #[test]
    fn each_field_reports_its_error() {
        use VisitError::*;
        assert_eq!(errors_of(|d| d.enterprise_id = 0), [NoEnterprise]);
        assert_eq!(
            errors_of(|d| d.visit_date = "2026/11/22".into()),
            [DateMalformed]
        );
        assert_eq!(
            errors_of(|d| d.visit_date = "2026-11-23".into()),
            [DateInFuture]
        );
        assert_eq!(
            errors_of(|d| d.visit_date = "2025-11-20".into()),
            [DateTooOld]
        );
        assert_eq!(errors_of(|d| d.purpose = "chat".into()), [PurposeUnknown]);
        assert_eq!(errors_of(|d| d.purpose = String::new()), [PurposeUnknown]);
        assert_eq!(errors_of(|d| d.findings = " \n\t ".into()), [FindingsEmpty]);
        let long = errors_of(|d| d.findings = "查".repeat(2001));
        assert_eq!(
            long,
            [FindingsTooLong {
                max: 2000,
                found: 2001
            }]
        );
        assert_eq!(long[0].to_string(), "走访情况不能超过2000字（当前2001字）");
    }

    #[test]
    fn the_oldest_allowed_date_is_366_days_back() {
        let mut d = draft();
        d.visit_date = "2025-11-21".into();
        assert!(d.validate(TODAY).is_ok());
    }

    #[test]
    fn all_errors_are_returned_together() {
        let empty = VisitDraft {
            enterprise_id: -1,
            visit_date: String::new(),
            purpose: String::new(),
            findings: String::new(),
            follow_up: false,
            photos: Vec::new(),
        };
        let errors = empty.validate(TODAY).unwrap_err();
        let codes: Vec<_> = errors.iter().map(|e| (e.field(), e.code())).collect();
        assert_eq!(
            codes,
            [
                ("enterprise_id", "no_enterprise"),
                ("visit_date", "date_malformed"),
                ("purpose", "purpose_unknown"),
                ("findings", "findings_empty"),
            ]
        );
        assert_eq!(errors[2].to_string(), "请选择走访目的");
    }

    fn findings(len: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
        let ch = prop_oneof![
            // Control characters are stripped (`text::clean_text`), so they are not counted.
            any::<char>().prop_filter("not whitespace or control", |c| {
                !c.is_whitespace()
                    && super::super::text::clean_text(&c.to_string()).len() == c.len_utf8()
            }),
            proptest::char::range('一', '龥'),
        ];
        proptest::collection::vec(ch, len).prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn findings_up_to_the_limit_are_accepted(text in findings(1..=2000), age in 0i64..=366) {
            let mut d = draft();
            d.visit_date = period::format_date(TODAY - Duration::days(age));
            d.findings = text.clone();
            let visit = d.validate(TODAY).unwrap();
            prop_assert_eq!(visit.findings, text);
        }

        #[test]
        fn findings_over_the_limit_are_rejected(text in findings(2001..=2100)) {
            let mut d = draft();
            let found = text.chars().count();
            d.findings = text;
            let errors = d.validate(TODAY).unwrap_err();
            prop_assert_eq!(errors, vec![VisitError::FindingsTooLong { max: 2000, found }]);
        }

        #[test]
        fn dates_outside_the_window_are_rejected(offset in -2000i64..2000) {
            let mut d = draft();
            d.visit_date = period::format_date(TODAY + Duration::days(offset));
            let ok = d.validate(TODAY).is_ok();
            prop_assert_eq!(ok, (-366..=0).contains(&offset));
        }
    }
}
