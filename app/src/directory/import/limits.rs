//! The largest file an import reads: each cap is checked before the reader allocates for
//! it, so that a small crafted file (a cell at XFD1048576, a zip bomb, a huge string count)
//! is refused instead of exhausting the server's memory. A city directory of 100,000
//! enterprises with a score of columns fits well within them.

use std::fmt;

/// Rows of a sheet or records of a CSV file, blank ones included.
pub const MAX_ROWS: u64 = 100_000;
/// Columns of a sheet or fields of a CSV record.
pub const MAX_COLUMNS: u64 = 100;
/// Cells kept in memory: every filled cell and the blank ones to its left in its row.
pub const MAX_CELLS: u64 = 2_000_000;
/// Bytes of the text of all the cells kept.
pub const MAX_TEXT_BYTES: u64 = 128 * MIB;
/// Entries of the shared-string table an XLSX declares or holds.
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;
/// Bytes of the shared-string table, unzipped.
pub const MAX_SHARED_STRING_BYTES: u64 = 64 * MIB;
/// Bytes of all the parts of an XLSX package together, unzipped.
pub const MAX_UNZIPPED_BYTES: u64 = 256 * MIB;
/// Parts of an XLSX package (a workbook has a few dozen).
pub const MAX_PARTS: u64 = 10_000;
/// Bytes of one cell of a CSV file.
pub const MAX_FIELD_BYTES: u64 = 32 * KIB;
/// Bytes of one record of a CSV file.
pub const MAX_RECORD_BYTES: u64 = 256 * KIB;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// Which cap a file went over; its `Display` is the message shown to the administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    Rows,
    Columns,
    Cells,
    TextBytes,
    SharedStrings,
    SharedStringBytes,
    UnzippedBytes,
    Parts,
    FieldBytes,
    RecordBytes,
}

impl Cap {
    /// The cap's value, in its own unit.
    pub const fn max(self) -> u64 {
        match self {
            Self::Rows => MAX_ROWS,
            Self::Columns => MAX_COLUMNS,
            Self::Cells => MAX_CELLS,
            Self::TextBytes => MAX_TEXT_BYTES,
            Self::SharedStrings => MAX_SHARED_STRINGS,
            Self::SharedStringBytes => MAX_SHARED_STRING_BYTES,
            Self::UnzippedBytes => MAX_UNZIPPED_BYTES,
            Self::Parts => MAX_PARTS,
            Self::FieldBytes => MAX_FIELD_BYTES,
            Self::RecordBytes => MAX_RECORD_BYTES,
        }
    }

    /// Refuses `value` when it is over the cap.
    pub(super) fn check(self, value: u64) -> Result<(), Cap> {
        if value > self.max() {
            Err(self)
        } else {
            Ok(())
        }
    }
}

impl fmt::Display for Cap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = grouped(self.max());
        let (kib, mib) = (self.max() / KIB, self.max() / MIB);
        match self {
            Self::Rows => write!(f, "文件超过 {n} 行的上限"),
            Self::Columns => write!(f, "文件超过 {n} 列的上限"),
            Self::Cells => write!(f, "文件超过 {n} 个单元格的上限"),
            Self::TextBytes => write!(f, "文件中的文字合计超过 {mib} MB 的上限"),
            Self::SharedStrings => write!(f, "文件中的文字条目超过 {n} 条的上限"),
            Self::SharedStringBytes => write!(f, "文件中的文字表超过 {mib} MB 的上限"),
            Self::UnzippedBytes => write!(f, "文件解压后超过 {mib} MB 的上限"),
            Self::Parts => write!(f, "文件内部的组成部分超过 {n} 个的上限"),
            Self::FieldBytes => write!(f, "文件中有单元格超过 {kib} KB 的上限"),
            Self::RecordBytes => write!(f, "文件中有一行超过 {kib} KB 的上限"),
        }
    }
}

/// `n` with a comma every three digits, as the Chinese UI writes large numbers.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_cap_with_grouped_digits() {
        assert_eq!(Cap::Rows.to_string(), "文件超过 100,000 行的上限");
        assert_eq!(Cap::Cells.to_string(), "文件超过 2,000,000 个单元格的上限");
        assert_eq!(
            Cap::UnzippedBytes.to_string(),
            "文件解压后超过 256 MB 的上限"
        );
        assert_eq!(
            Cap::FieldBytes.to_string(),
            "文件中有单元格超过 32 KB 的上限"
        );
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
    }

    #[test]
    fn a_value_at_the_cap_passes_and_one_over_is_refused() {
        assert_eq!(Cap::Columns.check(MAX_COLUMNS), Ok(()));
        assert_eq!(Cap::Columns.check(MAX_COLUMNS + 1), Err(Cap::Columns));
    }
}
