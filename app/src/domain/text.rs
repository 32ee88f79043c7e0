//! Free text typed into a form: trimmed, required or not, and bounded in characters (Chinese
//! text is counted in characters, not bytes).

/// Why a text field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    TooLong { max: usize, found: usize },
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
