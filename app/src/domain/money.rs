//! Amounts of money in yuan as people type them, kept exactly in fen (分, 1/100 yuan).

/// Why an amount typed in yuan was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YuanError {
    /// Not a plain non-negative amount with at most two decimals, e.g. `120` or `86.50`.
    Malformed,
    /// More than `max_yuan`.
    TooLarge { max_yuan: i64 },
}

/// Parses `text` as yuan (`""` is zero; `"1,200.5"` is 120050 fen) up to `max_yuan`.
pub fn parse_yuan(text: &str, max_yuan: i64) -> Result<i64, YuanError> {
    let text: String = text.trim().chars().filter(|c| *c != ',').collect();
    let text = text.strip_suffix('元').unwrap_or(&text).trim_end();
    if text.is_empty() {
        return Ok(0);
    }
    let (whole, cents) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 12 || cents.len() > 2 || !digits(whole) || !digits(cents) {
        return Err(YuanError::Malformed);
    }
    let whole: i64 = whole.parse().map_err(|_| YuanError::Malformed)?;
    let cents: i64 = format!("{cents:0<2}").parse().unwrap_or(0);
    if whole > max_yuan || (whole == max_yuan && cents > 0) {
        return Err(YuanError::TooLarge { max_yuan });
    }
    Ok(whole * 100 + cents)
}

/// Writes fen as yuan with two decimals, e.g. `120.50`.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_people_type() {
        assert_eq!(parse_yuan("", 1000), Ok(0));
        assert_eq!(parse_yuan(" 120 ", 1000), Ok(12000));
        assert_eq!(parse_yuan("86.5", 1000), Ok(8650));
        assert_eq!(parse_yuan("86.05元", 1000), Ok(8605));
        assert_eq!(parse_yuan("1,000", 1000), Ok(100000));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in ["-5", "1.234", "abc", ".5", "1.2.3", "１２", "5e3"] {
            assert_eq!(parse_yuan(bad, 1000), Err(YuanError::Malformed), "{bad}");
        }
        assert_eq!(
            parse_yuan("1000.01", 1000),
            Err(YuanError::TooLarge { max_yuan: 1000 })
        );
        assert_eq!(
            parse_yuan("99999999999999", 1000),
            Err(YuanError::Malformed)
        );
    }

    proptest! {
        #[test]
        fn formatting_reads_back(fen in 0i64..100_000_000) {
            prop_assert_eq!(parse_yuan(&format_yuan(fen), 1_000_000), Ok(fen));
        }
    }
}
