//! Unified social credit code (统一社会信用代码), GB 32100-2015.
//!
//! Eighteen characters from a 31-character alphabet (no I, O, S, V, Z); the
//! last one is a check character computed from the first seventeen.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The code's alphabet; a character's value is its index (0..=30).
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1 to 17 in the check sum.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// Number of characters in a full code.
const LENGTH: usize = 18;

/// A unified social credit code whose length, characters and check character are valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CreditCode(String);

/// Why a text is not a valid unified social credit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CreditCodeError {
    /// Nothing was entered.
    #[error("请输入统一社会信用代码")]
    Empty,
    /// The code does not have 18 characters.
    #[error("统一社会信用代码应为18位，当前为{found}位")]
    WrongLength {
        /// Characters found (for `from_body`, the body plus the check character to come).
        found: usize,
    },
    /// A character outside the code's alphabet; `position` counts from 1.
    #[error("第{position}位字符“{character}”不是有效字符")]
    InvalidCharacter {
        /// 1-based position of the character.
        position: usize,
        /// The offending character, after upper-casing.
        character: char,
    },
    /// The 18th character does not match the check computed from the first 17.
    #[error("校验码错误：应为{expected}，实际为{found}")]
    CheckMismatch {
        /// The check character computed from the body.
        expected: char,
        /// The check character entered.
        found: char,
    },
}

impl CreditCodeError {
    /// Stable machine code for the sync API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "credit_code_empty",
            Self::WrongLength { .. } => "credit_code_wrong_length",
            Self::InvalidCharacter { .. } => "credit_code_invalid_character",
            Self::CheckMismatch { .. } => "credit_code_check_mismatch",
        }
    }
}

/// Value of an alphabet character, or `None` if it is not in the alphabet.
fn value_of(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|i| u32::try_from(i).ok())
}

/// Alphabet character of a value in 0..=30.
fn char_of(value: u32) -> char {
    // `value` is always reduced modulo 31, so the fallback is never taken.
    ALPHABET.chars().nth(value as usize).unwrap_or('0')
}

/// Normalizes `body` and returns its characters' values, checking length `LENGTH - 1`.
fn body_values(body: &str) -> Result<Vec<u32>, CreditCodeError> {
    let chars: Vec<char> = body.chars().collect();
    if chars.len() != LENGTH - 1 {
        return Err(CreditCodeError::WrongLength {
            found: chars.len() + 1,
        });
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            value_of(c).ok_or(CreditCodeError::InvalidCharacter {
                position: i + 1,
                character: c,
            })
        })
        .collect()
}

/// Check character of 17 character values.
fn check_char(values: &[u32]) -> char {
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    char_of((31 - sum % 31) % 31)
}

impl CreditCode {
    /// Parses a code, ignoring surrounding whitespace and the case of ASCII letters.
    pub fn parse(input: &str) -> Result<Self, CreditCodeError> {
        let code = input.trim().to_ascii_uppercase();
        let chars: Vec<char> = code.chars().collect();
        let Some((&found, body)) = chars.split_last() else {
            return Err(CreditCodeError::Empty);
        };
        if chars.len() != LENGTH {
            return Err(CreditCodeError::WrongLength { found: chars.len() });
        }
        let values = body_values(&body.iter().collect::<String>())?;
        if value_of(found).is_none() {
            return Err(CreditCodeError::InvalidCharacter {
                position: LENGTH,
                character: found,
            });
        }
        let expected = check_char(&values);
        if expected != found {
            return Err(CreditCodeError::CheckMismatch { expected, found });
        }
        Ok(Self(code))
    }

    /// Builds a code from its first 17 characters by appending the check character.
    pub fn from_body(body17: &str) -> Result<Self, CreditCodeError> {
        let body = body17.trim().to_ascii_uppercase();
        if body.is_empty() {
            return Err(CreditCodeError::Empty);
        }
        let values = body_values(&body)?;
        Ok(Self(format!("{body}{}", check_char(&values))))
    }

    /// The 18-character code, upper-case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CreditCode {
    type Error = CreditCodeError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CreditCode> for String {
    fn from(code: CreditCode) -> Self {
        code.0
    }
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn published_examples_are_valid() {
        // Check characters verified by hand with the GB 32100-2015 weights.
        for code in ["91350100M000100Y43", "91110000600037341L"] {
            assert_eq!(CreditCode::parse(code).unwrap().as_str(), code);
        }
    }

    #[test]
    fn input_is_trimmed_and_upper_cased() {
        let code = CreditCode::parse("  91110000600037341l\n").unwrap();
        assert_eq!(code.to_string(), "91110000600037341L");
    }

    #[test]
    fn from_body_appends_the_check_character() {
        let code = CreditCode::from_body("91330000MA27U0XX0").unwrap();
        assert_eq!(code.as_str(), "91330000MA27U0XX09");
        assert_eq!(CreditCode::parse(code.as_str()), Ok(code));
    }

    #[test]
    fn errors_are_reported_in_order() {
        use CreditCodeError::*;
        assert_eq!(CreditCode::parse("   "), Err(Empty));
        assert_eq!(CreditCode::parse("9111"), Err(WrongLength { found: 4 }));
        let bad = CreditCode::parse("91110000600O37341L").unwrap_err();
        assert_eq!(
            bad,
            InvalidCharacter {
                position: 12,
                character: 'O'
            }
        );
        assert_eq!(bad.to_string(), "第12位字符“O”不是有效字符");
        let mismatch = CreditCode::parse("91110000600037341X").unwrap_err();
        assert_eq!(
            mismatch,
            CheckMismatch {
                expected: 'L',
                found: 'X'
            }
        );
        assert_eq!(mismatch.to_string(), "校验码错误：应为L，实际为X");
        assert_eq!(mismatch.code(), "credit_code_check_mismatch");
        assert_eq!(CreditCode::from_body("9111"), Err(WrongLength { found: 5 }));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let err = CreditCode::parse("统一社会信用代码").unwrap_err();
        assert_eq!(err.to_string(), "统一社会信用代码应为18位，当前为8位");
    }

    #[test]
    fn serde_goes_through_the_string_form() {
        use serde::de::{IntoDeserializer, value::Error};
        let ok: Result<CreditCode, Error> =
            CreditCode::deserialize("91350100m000100y43".into_deserializer());
        assert_eq!(String::from(ok.unwrap()), "91350100M000100Y43");
        let bad: Result<CreditCode, Error> =
            CreditCode::deserialize("91350100M000100Y44".into_deserializer());
        assert!(bad.is_err());
    }

    fn body() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(ALPHABET.chars().collect::<Vec<_>>()),
            17,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn any_body_makes_a_valid_code(b in body()) {
            let code = CreditCode::from_body(&b).unwrap();
            prop_assert_eq!(CreditCode::parse(code.as_str()), Ok(code));
        }

        #[test]
        fn any_single_substitution_is_detected(
            b in body(),
            pos in 0..LENGTH,
            replacement in proptest::sample::select(ALPHABET.chars().collect::<Vec<_>>()),
        ) {
            let mut chars: Vec<char> = CreditCode::from_body(&b).unwrap().as_str().chars().collect();
            prop_assume!(chars[pos] != replacement);
            chars[pos] = replacement;
            let altered: String = chars.into_iter().collect();
            prop_assert!(CreditCode::parse(&altered).is_err());
        }
    }
}
