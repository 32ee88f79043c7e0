//! The most common passwords, refused whenever a person chooses one (server only: the list
//! would not fit the phone's bundle, which shows the server's refusal instead).
//!
//! `common_passwords.txt` holds, lowercased, about sixty passwords common here (runs of
//! digits, keyboard walks, 我爱你 numbers, this application's name) followed by the first
//! 1,000 passwords of eight characters or more in the frequency list `passwords` of zxcvbn
//! 4.5.0 (PyPI package `zxcvbn`, MIT licence, © 2016 Daniel Wolf; the list comes from
//! Dropbox's zxcvbn, MIT licence). Shorter ones are refused by the length rule anyway.

const LIST: &str = include_str!("common_passwords.txt");

/// Whether `password` is on the list, ignoring case.
pub fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    LIST.lines().any(|common| common == lowered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_usual_suspects_are_common_in_any_case() {
        for password in [
            "12345678",
            "88888888",
            "123456789",
            "Password",
            "STATGRID",
            "qwertyuiop",
            "1qaz2wsx",
            "a1234567",
            "iloveyou",
            "woaini1314",
        ] {
            assert!(is_common(password), "{password}");
        }
    }

    #[test]
    fn the_demo_password_and_a_made_up_one_are_not() {
        assert!(!is_common("statgrid2026"));
        assert!(!is_common("网格员走访2026"));
        assert!(!is_common("Kx7-plum-river"));
    }

    #[test]
    fn the_list_holds_a_thousand_distinct_lowercase_passwords_of_eight_or_more() {
        let words: Vec<&str> = LIST.lines().collect();
        assert!(words.len() > 1000);
        let distinct: std::collections::BTreeSet<&str> = words.iter().copied().collect();
        assert_eq!(distinct.len(), words.len());
        assert!(
            words
                .iter()
                .all(|w| w.chars().count() >= 8 && *w == w.to_lowercase())
        );
    }

    proptest! {
        /// Eight or more characters outside the ASCII alphabet are never on the list.
        #[test]
        fn chinese_passwords_are_never_common(password in "[\u{4e00}-\u{9fa5}]{8,12}") {
            prop_assert!(!is_common(&password));
        }
    }
}
