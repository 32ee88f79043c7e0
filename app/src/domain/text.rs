//! Free text typed into a form: cleaned of control characters, trimmed, required or not, and
//! bounded in characters (Chinese text is counted in characters, not bytes).

/// Why a text field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    TooLong { max: usize, found: usize },
}

/// A required text field of a form refused, named for the user (`part`) and the wire (`field`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("请填写{part}")]
    Empty {
        part: &'static str,
        field: &'static str,
    },
    #[error("{part}不能超过{max}字（当前{found}字）")]
    TooLong {
        part: &'static str,
        field: &'static str,
        max: usize,
        found: usize,
    },
}

impl TextError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "empty",
            Self::TooLong { .. } => "too_long",
        }
    }

    pub fn field(&self) -> &'static str {
        match self {
            Self::Empty { field, .. } | Self::TooLong { field, .. } => field,
        }
    }
}

/// The required field `value` trimmed, or its error, `(field, part)` naming it.
pub fn required(
    value: &str,
    max: usize,
    names: (&'static str, &'static str),
) -> Result<String, TextError> {
    named(value, max, true, names)
}

/// The field `value` trimmed, or its error (empty when `required`, or over `max` characters),
/// `(field, part)` naming it.
pub fn named(
    value: &str,
    max: usize,
    required: bool,
    (field, part): (&'static str, &'static str),
) -> Result<String, TextError> {
    bounded(value, max, required).map_err(|p| match p {
        TextProblem::Empty => TextError::Empty { part, field },
        TextProblem::TooLong { max, found } => TextError::TooLong {
            part,
            field,
            max,
            found,
        },
    })
}

/// `value` cleaned as several lines ([`clean_text`]), or the problem with it: empty (when
/// `required`) or over `max` characters.
pub fn bounded(value: &str, max: usize, required: bool) -> Result<String, TextProblem> {
    let cleaned = clean_text(value);
    match cleaned.chars().count() {
        0 if required => Err(TextProblem::Empty),
        found if found > max => Err(TextProblem::TooLong { max, found }),
        _ => Ok(cleaned),
    }
}

/// Text of several lines (findings, a report, a reason) as it is kept: line breaks and tabs
/// stay, a carriage return goes (CRLF becomes LF), every other control character goes, and
/// the ends are trimmed.
pub fn clean_text(value: &str) -> String {
    clean(value, true)
}

/// A one-line value (a name, a place) as it is kept: tabs and line breaks become spaces, every
/// other control character goes, and the ends are trimmed.
pub fn clean_line(value: &str) -> String {
    clean(value, false)
}

/// The bidirectional overrides and isolates, which can make a text display as something else
/// than it says.
const BIDI_CONTROLS: [char; 9] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

fn clean(value: &str, multiline: bool) -> String {
    let kept: String = value
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' if multiline => Some(c),
            '\r' if multiline => None,
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() || BIDI_CONTROLS.contains(&c) => None,
            c => Some(c),
        })
        .collect();
    match kept.trim() {
        trimmed if trimmed.len() == kept.len() => kept,
        trimmed => trimmed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn control_characters_are_stripped_and_line_breaks_kept_where_lines_are() {
        let pasted = "\u{1b}[31m走访\u{0}记录\r\n第二行\t完\u{7f}\u{202e} ";
        assert_eq!(clean_text(pasted), "[31m走访记录\n第二行\t完");
        assert_eq!(clean_line(" 东湖\n工业\t一网格\u{8} "), "东湖 工业 一网格");
        assert_eq!(
            bounded("\u{0}\u{1}", 5, true),
            Err(TextProblem::Empty),
            "nothing but control characters is empty"
        );
    }

    /// What may stay in a kept text.
    fn allowed(c: char, multiline: bool) -> bool {
        (!c.is_control() || (multiline && matches!(c, '\n' | '\t'))) && !BIDI_CONTROLS.contains(&c)
    }

    proptest! {
        #[test]
        fn kept_text_has_no_control_characters_and_cleaning_twice_changes_nothing(
            value in "(\\PC|\\p{Cc}|[\u{202a}-\u{202e}\u{2066}-\u{2069}]){0,40}",
        ) {
            for multiline in [true, false] {
                let kept = clean(&value, multiline);
                prop_assert!(kept.chars().all(|c| allowed(c, multiline)), "{:?}", kept);
                prop_assert_eq!(clean(&kept, multiline), kept.clone());
                prop_assert_eq!(kept.trim(), kept.as_str());
            }
        }

        #[test]
        fn text_without_control_characters_is_only_trimmed(value in "\\PC{0,40}") {
            prop_assert_eq!(clean_text(&value), value.trim());
            prop_assert_eq!(clean_line(&value), value.trim());
        }
    }

    #[test]
    fn characters_not_bytes_are_counted() {
        assert_eq!(bounded(" 统计 ", 2, true), Ok("统计".to_owned()));
        assert_eq!(
            bounded("统计局", 2, true),
            Err(TextProblem::TooLong { max: 2, found: 3 })
        );
        assert_eq!(bounded("  ", 2, true), Err(TextProblem::Empty));
        assert_eq!(bounded("  ", 2, false), Ok(String::new()));
    }
}
