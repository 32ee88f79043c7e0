//! Mainland China mobile phone numbers (手机号).
//!
//! Eleven digits, the first `1` and the second `3`–`9`; an optional `+86` or
//! `86` country prefix and spaces or hyphens are accepted and dropped.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A mainland mobile number, stored as its 11 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// Why a text is not a mainland mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing was entered.
    #[error("请输入手机号")]
    Empty,
    /// Not 11 digits starting with `1` and then `3`–`9`.
    #[error("手机号应为11位数字，以1开头")]
    Invalid,
}

impl PhoneError {
    /// Stable machine code for the sync API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "phone_empty",
            Self::Invalid => "phone_invalid",
        }
    }
}

impl PhoneNumber {
    /// Parses a number, dropping whitespace, hyphens and a `+86`/`86` prefix.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if compact.is_empty() {
            return Err(PhoneError::Empty);
        }
        let digits = match compact.strip_prefix("+86") {
            Some(rest) => rest,
            // A bare "86" is a prefix only in front of a full 11-digit number.
            None if compact.len() == 13 => compact.strip_prefix("86").unwrap_or(&compact),
            None => &compact,
        };
        let bytes = digits.as_bytes();
        let valid = bytes.len() == 11
            && bytes.iter().all(u8::is_ascii_digit)
            && bytes[0] == b'1'
            && (b'3'..=b'9').contains(&bytes[1]);
        if valid {
            Ok(Self(digits.to_owned()))
        } else {
            Err(PhoneError::Invalid)
        }
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with its middle four digits hidden, `138****0005`, for logs.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> Self {
        phone.0
    }
}

impl fmt::Display for PhoneNumber {
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
    fn accepts_common_ways_of_writing_a_number() {
        for input in [
            "13812345678",
            " 138 1234 5678 ",
            "138-1234-5678",
            "+86 138 1234 5678",
            "+8613812345678",
            "8613812345678",
            "86-138-1234-5678",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap().as_str(),
                "13812345678",
                "{input}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_mobile_number() {
        assert_eq!(PhoneNumber::parse(" - "), Err(PhoneError::Empty));
        for input in [
            "1381234567",
            "138123456789",
            "12812345678",
            "23812345678",
            "1381234567a",
            "０13812345678",
            "+85213812345678",
            "0571-87654321",
        ] {
            assert_eq!(
                PhoneNumber::parse(input),
                Err(PhoneError::Invalid),
                "{input}"
            );
        }
        assert_eq!(
            PhoneError::Invalid.to_string(),
            "手机号应为11位数字，以1开头"
        );
        assert_eq!(PhoneError::Empty.code(), "phone_empty");
    }

    #[test]
    fn a_masked_number_hides_the_middle_four_digits() {
        let phone = PhoneNumber::parse("138 0000 0005").unwrap();
        assert_eq!(phone.masked(), "138****0005");
    }

    #[test]
    fn serde_goes_through_the_string_form() {
        use serde::de::{IntoDeserializer, value::Error};
        let ok: Result<PhoneNumber, Error> =
            PhoneNumber::deserialize("+86 139-0000-0000".into_deserializer());
        assert_eq!(String::from(ok.unwrap()), "13900000000");
        let bad: Result<PhoneNumber, Error> = PhoneNumber::deserialize("110".into_deserializer());
        assert!(bad.is_err());
    }

    /// A mobile number as people type it (maybe behind +86 or 86, split by spaces or dashes),
    /// a quarter of the time with one typo: (written, the number, whether it has a typo).
    fn typed_number() -> impl Strategy<Value = (String, String, bool)> {
        let prefix = prop_oneof![
            Just(""),
            Just("+86"),
            Just("86"),
            Just("+86 "),
            Just(" 86-")
        ];
        let gap = prop_oneof![Just(""), Just(""), Just(" "), Just("-"), Just(" - ")];
        let typo = proptest::option::weighted(0.25, (0usize..11, 0u8..3));
        (
            "1[3-9][0-9]{9}",
            prefix,
            proptest::collection::vec(gap, 10),
            typo,
        )
            .prop_map(|(number, prefix, gaps, typo)| {
                let mut digits: Vec<char> = number.chars().collect();
                match typo {
                    Some((at, 0)) => {
                        digits.remove(at);
                    }
                    Some((at, 1)) => digits.insert(at, digits[at]),
                    Some((at, _)) => digits[1] = ['0', '1', '2'][at % 3],
                    None => {}
                }
                let mut written = prefix.to_owned();
                for (i, d) in digits.iter().enumerate() {
                    if i > 0 {
                        written.push_str(gaps[(i - 1) % gaps.len()]);
                    }
                    written.push(*d);
                }
                (written, number, typo.is_some())
            })
    }

    proptest! {
        #[test]
        fn valid_numbers_parse_in_any_format(
            number in "1[3-9][0-9]{9}",
            prefix in prop_oneof![Just(""), Just("+86"), Just("86"), Just("+86 ")],
            sep in prop_oneof![Just(""), Just(" "), Just("-")],
        ) {
            let written = format!("{prefix}{}{sep}{}{sep}{}", &number[..3], &number[3..7], &number[7..]);
            let phone = PhoneNumber::parse(&written).unwrap();
            prop_assert_eq!(phone.as_str(), number.as_str());
        }

        /// Typed in any format, a mobile number is taken as exactly its eleven digits; with
        /// one digit dropped, doubled or a second digit that no mobile number has, it is refused.
        #[test]
        fn parsed_numbers_are_always_eleven_mobile_digits((written, number, typo) in typed_number()) {
            match PhoneNumber::parse(&written) {
                Ok(phone) => {
                    let s = phone.as_str();
                    prop_assert_eq!(s.len(), 11);
                    prop_assert!(s.starts_with('1') && s.bytes().all(|b| b.is_ascii_digit()));
                    prop_assert!(matches!(s.as_bytes()[1], b'3'..=b'9'));
                    prop_assert!(!typo, "{written} has a typo yet parsed");
                    prop_assert_eq!(s, number.as_str());
                }
                Err(e) => prop_assert!(typo, "{written} refused: {e:?}"),
            }
        }
    }
}
