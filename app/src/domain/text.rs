//! Free text typed into a form: trimmed, required or not, and bounded in characters (Chinese
//! text is counted in characters, not bytes).

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
    (field, part): (&'static str, &'static str),
) -> Result<String, TextError> {
    bounded(value, max, true).map_err(|p| match p {
        TextProblem::Empty => TextError::Empty { part, field },
        TextProblem::TooLong { max, found } => TextError::TooLong {
            part,
            field,
            max,
            found,
        },
    })
}

/// `value` trimmed, or the problem with it: empty (when `required`) or over `max` characters.
pub fn bounded(value: &str, max: usize, required: bool) -> Result<String, TextProblem> {
    let trimmed = value.trim();
    match trimmed.chars().count() {
        0 if required => Err(TextProblem::Empty),
        found if found > max => Err(TextProblem::TooLong { max, found }),
        _ => Ok(trimmed.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
