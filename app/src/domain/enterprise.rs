//! An enterprise as an administrator types it on the directory screen: checked here, the same
//! way in the browser and on the server, with a Chinese message for every bad field.

use serde::{Deserialize, Serialize};

use crate::domain::credit_code::{CreditCode, CreditCodeError};
use crate::domain::grid::{GridId, Industry};
use crate::domain::phone::{PhoneError, PhoneNumber};

/// Longest enterprise name the directory stores.
pub const NAME_MAX_CHARS: usize = 100;
/// Longest statistician name the directory stores.
pub const STATISTICIAN_MAX_CHARS: usize = 50;

/// The form's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseDraft {
    pub name: String,
    pub credit_code: String,
    pub industry: Option<Industry>,
    pub grid_id: Option<GridId>,
    pub above_scale: bool,
    pub cultivation: bool,
    pub statistician_name: String,
    pub statistician_phone: String,
}

/// A draft that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEnterprise {
    pub name: String,
    pub credit_code: CreditCode,
    pub industry: Industry,
    pub grid_id: GridId,
    pub above_scale: bool,
    pub cultivation: bool,
    pub statistician_name: String,
    pub statistician_phone: Option<PhoneNumber>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnterpriseProblem {
    #[error("请输入企业名称")]
    NameMissing,
    #[error("企业名称不能超过{NAME_MAX_CHARS}个字")]
    NameTooLong,
    #[error("{0}")]
    CreditCode(CreditCodeError),
    #[error("请选择行业")]
    IndustryMissing,
    #[error("请选择所属网格")]
    GridMissing,
    #[error("统计人员姓名不能超过{STATISTICIAN_MAX_CHARS}个字")]
    StatisticianTooLong,
    #[error("统计人员电话：{0}")]
    Phone(PhoneError),
}

impl EnterpriseDraft {
    /// Every problem with the draft, or the checked enterprise. Names are trimmed; an empty
    /// statistician phone is allowed (the directory often lacks it).
    pub fn validate(&self) -> Result<ValidEnterprise, Vec<EnterpriseProblem>> {
        let mut problems = Vec::new();
        let name = super::text::clean_line(&self.name);
        if name.is_empty() {
            problems.push(EnterpriseProblem::NameMissing);
        } else if name.chars().count() > NAME_MAX_CHARS {
            problems.push(EnterpriseProblem::NameTooLong);
        }
        let credit_code = CreditCode::parse(&self.credit_code)
            .map_err(|e| problems.push(EnterpriseProblem::CreditCode(e)))
            .ok();
        if self.industry.is_none() {
            problems.push(EnterpriseProblem::IndustryMissing);
        }
        if self.grid_id.is_none() {
            problems.push(EnterpriseProblem::GridMissing);
        }
        let statistician_name = super::text::clean_line(&self.statistician_name);
        if statistician_name.chars().count() > STATISTICIAN_MAX_CHARS {
            problems.push(EnterpriseProblem::StatisticianTooLong);
        }
        let phone = self.statistician_phone.trim();
        let statistician_phone = if phone.is_empty() {
            None
        } else {
            PhoneNumber::parse(phone)
                .map_err(|e| problems.push(EnterpriseProblem::Phone(e)))
                .ok()
        };
        match (credit_code, self.industry, self.grid_id) {
            (Some(credit_code), Some(industry), Some(grid_id)) if problems.is_empty() => {
                Ok(ValidEnterprise {
                    name,
                    credit_code,
                    industry,
                    grid_id,
                    above_scale: self.above_scale,
                    cultivation: self.cultivation,
                    statistician_name,
                    statistician_phone,
                })
            }
            _ => Err(problems),
        }
    }
}

/// The problems as one line for an alert.
pub fn describe(problems: &[EnterpriseProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A valid code: body `91339901MA0000001` with its check character.
    const CODE: &str = "91339901MA0000001";

    fn valid_code() -> String {
        let alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        let weights = [
            1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
        ];
        let sum: usize = CODE
            .chars()
            .zip(weights)
            .map(|(c, w)| alphabet.find(c).unwrap_or(0) * w)
            .sum();
        let check = alphabet.chars().nth((31 - sum % 31) % 31).unwrap_or('0');
        format!("{CODE}{check}")
    }

    fn draft() -> EnterpriseDraft {
        EnterpriseDraft {
            name: " 云江精工机械有限公司 ".into(),
            credit_code: valid_code(),
            industry: Some(Industry::Industrial),
            grid_id: Some(4),
            above_scale: true,
            cultivation: false,
            statistician_name: "李娜".into(),
            statistician_phone: "".into(),
        }
    }

    #[test]
    fn a_complete_draft_is_valid_and_trimmed() {
        let valid = draft().validate();
        let Ok(valid) = valid else {
            panic!("expected a valid draft: {valid:?}");
        };
        assert_eq!(valid.name, "云江精工机械有限公司");
        assert_eq!(valid.grid_id, 4);
        assert_eq!(valid.statistician_phone, None);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_chinese() {
        let bad = EnterpriseDraft {
            name: "  ".into(),
            credit_code: "123".into(),
            statistician_phone: "12345".into(),
            ..EnterpriseDraft::default()
        };
        let problems = bad.validate().err().unwrap_or_default();
        assert_eq!(problems.len(), 5, "{problems:?}");
        let text = describe(&problems);
        assert!(text.contains("请输入企业名称"), "{text}");
        assert!(text.contains("统一社会信用代码应为18位"), "{text}");
        assert!(text.contains("请选择行业"), "{text}");
        assert!(text.contains("请选择所属网格"), "{text}");
        assert!(text.contains("统计人员电话"), "{text}");
    }

    #[test]
    fn names_are_limited_in_characters_not_bytes() {
        let mut d = draft();
        d.name = "企".repeat(NAME_MAX_CHARS);
        assert!(d.validate().is_ok());
        d.name.push('业');
        assert_eq!(
            d.validate().err(),
            Some(vec![EnterpriseProblem::NameTooLong])
        );
    }

    /// A name as typed, padded with spaces, sometimes blank: (typed, whether it will do).
    fn typed_name() -> impl Strategy<Value = (String, bool)> {
        prop_oneof![
            9 => "[ ]{0,2}[\\p{Han}A-Za-z0-9（）]{1,40}[ ]{0,2}".prop_map(|n| (n, true)),
            1 => "[ \t]{0,3}".prop_map(|n| (n, false)),
        ]
    }

    /// A credit code as typed: a valid one, maybe in lower case or padded, a fifth of the
    /// time with one character changed (which the check character catches).
    fn typed_code() -> impl Strategy<Value = (String, bool)> {
        let alphabet: Vec<char> = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().collect();
        let body = proptest::collection::vec(proptest::sample::select(alphabet.clone()), 17);
        let change =
            proptest::option::weighted(0.2, (0usize..18, proptest::sample::select(alphabet)));
        (body, any::<bool>(), any::<bool>(), change).prop_map(|(body, lower, pad, change)| {
            let body: String = body.into_iter().collect();
            let valid = CreditCode::from_body(&body)
                .map(|c| c.as_str().to_owned())
                .unwrap_or(body);
            let mut chars: Vec<char> = valid.chars().collect();
            if let Some((at, c)) = change {
                chars[at] = c;
            }
            let mut typed: String = chars.iter().collect();
            let ok = typed == valid;
            if lower {
                typed = typed.to_ascii_lowercase();
            }
            if pad {
                typed = format!(" {typed} ");
            }
            (typed, ok)
        })
    }

    /// A statistician's phone as typed: none, a mobile number in any format, or too short.
    fn typed_phone() -> impl Strategy<Value = (String, bool)> {
        prop_oneof![
            Just((String::new(), true)),
            "(\\+86 )?1[3-9][0-9]{1}-?[0-9]{4}-?[0-9]{4}".prop_map(|p| (p, true)),
            "1[3-9][0-9]{0,8}".prop_map(|p| (p, false)),
        ]
    }

    proptest! {
        /// Whatever is typed, validation answers; a draft whose every field is well formed is
        /// taken, with the typed flags, grid, trimmed name and upper-case code, and one with a
        /// blank name, a mistyped code or phone, or no grid is refused.
        #[test]
        fn any_input_is_answered((name, name_ok) in typed_name(), (code, code_ok) in typed_code(),
                                 (phone, phone_ok) in typed_phone(), above in any::<bool>(),
                                 grid in proptest::option::weighted(0.9, 1..100i32)) {
            let d = EnterpriseDraft { name: name.clone(), credit_code: code.clone(),
                statistician_phone: phone, above_scale: above, grid_id: grid,
                industry: Some(Industry::Trade), ..draft() };
            let expected = name_ok && code_ok && phone_ok && grid.is_some();
            match d.validate() {
                Ok(v) => {
                    prop_assert!(expected, "{d:?} taken");
                    prop_assert_eq!(v.above_scale, above);
                    prop_assert_eq!(Some(v.grid_id), grid);
                    prop_assert_eq!(v.name.as_str(), name.trim());
                    prop_assert_eq!(v.credit_code.as_str(), code.trim().to_ascii_uppercase());
                }
                Err(problems) => {
                    prop_assert!(!expected, "{d:?} refused: {problems:?}");
                    prop_assert!(!problems.is_empty());
                }
            }
        }
    }
}
