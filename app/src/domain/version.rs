//! How a pushed version of a record relates to the one the server holds. Two phones may each
//! make version 2 from version 1; the second to arrive must not be taken for a replay of the
//! first, so a replay is the same version with the same content.

/// What to do with a pushed version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditCheck {
    /// The stored version again (a resend): answer as before, store nothing.
    Replay,
    /// A newer version of an editable record: store it.
    Apply,
    /// A newer version, but the record may no longer change (its month is approved).
    Locked,
    /// Made from an older version than the stored one, or a different edit of the same
    /// version: someone else changed it meanwhile. The user chooses between the two.
    Stale,
}

/// Judges a pushed version against the stored one.
pub fn check_edit(stored: u32, pushed: u32, same_content: bool, editable: bool) -> EditCheck {
    if pushed == stored && same_content {
        EditCheck::Replay
    } else if pushed <= stored {
        EditCheck::Stale
    } else if editable {
        EditCheck::Apply
    } else {
        EditCheck::Locked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edits_are_judged_by_version_content_and_lock() {
        assert_eq!(check_edit(2, 2, true, true), EditCheck::Replay);
        assert_eq!(check_edit(2, 2, true, false), EditCheck::Replay);
        assert_eq!(check_edit(2, 2, false, true), EditCheck::Stale);
        assert_eq!(check_edit(2, 3, false, true), EditCheck::Apply);
        assert_eq!(check_edit(2, 3, false, false), EditCheck::Locked);
        assert_eq!(check_edit(3, 2, true, true), EditCheck::Stale);
    }

    proptest! {
        /// Only a newer version of an editable record is ever applied, and a different text
        /// is never taken for a replay: nothing is overwritten or dropped silently.
        #[test]
        fn only_newer_editable_versions_apply(stored in 1u32..50, pushed in 1u32..50, same: bool, editable: bool) {
            match check_edit(stored, pushed, same, editable) {
                EditCheck::Apply => prop_assert!(pushed > stored && editable),
                EditCheck::Replay => prop_assert!(pushed == stored && same),
                EditCheck::Locked => prop_assert!(pushed > stored && !editable),
                EditCheck::Stale => prop_assert!(pushed < stored || (pushed == stored && !same)),
            }
        }
    }
}
