//! Cells of the CSV files the app writes (exports, the audit log), made safe to open in a
//! spreadsheet: a cell that starts like a formula is written as text (OWASP, CSV injection).
//! XLSX files need nothing of this: rust_xlsxwriter writes strings as strings, never formulas.
use std::borrow::Cow;
use std::io::Write;

/// What a spreadsheet takes for the start of a formula or a command (a tab or a carriage
/// return before one hides it from a check of the first character).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` with a single quote before it when it starts like a formula: `=HYPERLINK(..)` is
/// then shown as that text instead of being run.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes one line of a CSV file, every cell [`neutralised`]: the one way the app writes CSV.
pub fn write_row<W: Write, C: AsRef<str>>(
    out: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = C>,
) -> csv::Result<()> {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|c| neutralised(c.as_ref()).into_owned())
        .collect();
    out.write_record(&cells)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_and_commands_are_written_as_text() {
        let mut out = csv::Writer::from_writer(Vec::new());
        let cells = [
            "=HYPERLINK(\"http://x\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "东湖工业一网格",
            "",
        ];
        write_row(&mut out, cells).unwrap();
        let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
        assert_eq!(
            text,
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd|' /C calc'!A0,'-2+3,'@SUM(A1),'\t=1,东湖工业一网格,\n"
        );
    }

    proptest! {
        #[test]
        fn no_cell_starts_like_a_formula_and_nothing_else_changes(cell in "\\PC{0,12}|[=+@\t\r-]\\PC{0,8}") {
            let safe = neutralised(&cell);
            prop_assert!(!safe.starts_with(FORMULA_STARTS));
            let kept = safe.strip_prefix('\'').filter(|_| cell.starts_with(FORMULA_STARTS));
            prop_assert_eq!(kept.unwrap_or(&safe), cell.as_str());
        }
    }
}
