//! Checks an XLSX package (a zip of XML parts) against the caps before calamine opens it.
//! Every part is unzipped through a counting reader, since the sizes a zip declares may lie;
//! the shared strings' declared and actual counts and each sheet's declared dimension are
//! read on the way. The package handed on leaves out the styles and theme: the import needs
//! no cell formats, and calamine copies a font into every one of them.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use zip::{ZipArchive, ZipWriter};

use super::error::ImportError;
use super::limits::{Cap, MAX_SHARED_STRING_BYTES, MAX_UNZIPPED_BYTES};

/// How far into a worksheet part its declared dimension is looked for.
const DIMENSION_WITHIN: u64 = 64 * 1024;

/// The package in `bytes` once every part passed the caps, without styles and theme.
pub(super) fn checked(bytes: &[u8]) -> Result<Vec<u8>, ImportError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    Cap::Parts.check(archive.len() as u64)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut unzipped = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(unreadable)?;
        let part = Part::of(&String::from_utf8_lossy(entry.name_raw()));
        unzipped += check_part(entry, part, MAX_UNZIPPED_BYTES - unzipped)?;
        if part != Part::Unused {
            let raw = archive.by_index_raw(index).map_err(unreadable)?;
            out.raw_copy_file(raw).map_err(unreadable)?;
        }
    }
    Ok(out.finish().map_err(unreadable)?.into_inner())
}

/// A damaged package, with the reader's message for the server log.
pub(super) fn unreadable(error: impl ToString) -> ImportError {
    ImportError::Spreadsheet {
        detail: error.to_string(),
    }
}

/// What a part is to the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    SharedStrings,
    Worksheet,
    /// Styles and theme, left out of the package handed on.
    Unused,
    Other,
}

impl Part {
    fn of(name: &str) -> Self {
        // calamine finds parts by name regardless of case.
        let name = name.to_ascii_lowercase();
        if name.ends_with("sharedstrings.xml") {
            Self::SharedStrings
        } else if name.contains("worksheets/") && name.ends_with(".xml") {
            Self::Worksheet
        } else if name.ends_with("styles.xml") || name.contains("theme/") {
            Self::Unused
        } else {
            Self::Other
        }
    }
}

/// Unzips one part within `room` bytes (less for the shared strings), checking what its
/// kind declares; the bytes it took.
fn check_part(entry: impl Read, part: Part, room: u64) -> Result<u64, ImportError> {
    let (limit, cap) = if part == Part::SharedStrings && MAX_SHARED_STRING_BYTES < room {
        (MAX_SHARED_STRING_BYTES, Cap::SharedStringBytes)
    } else {
        (room, Cap::UnzippedBytes)
    };
    let mut reader = BufReader::new(Capped::new(entry, limit));
    let scanned = match part {
        Part::SharedStrings => scan_shared_strings(&mut reader),
        // Excel writes the dimension first; a sheet that hides it further on meets the caps
        // on actual cells instead, without an unbounded text event buffered here.
        Part::Worksheet => scan_dimension((&mut reader).take(DIMENSION_WITHIN)),
        Part::Unused | Part::Other => Ok(()),
    };
    let drained = io::copy(&mut reader, &mut io::sink());
    let capped = reader.into_inner();
    if capped.over {
        return Err(cap.into());
    }
    scanned?;
    drained.map_err(unreadable)?;
    Ok(capped.read)
}

/// A reader that ends (and says so) once more than `limit` bytes came through.
struct Capped<R> {
    inner: R,
    read: u64,
    limit: u64,
    over: bool,
}

impl<R> Capped<R> {
    fn new(inner: R, limit: u64) -> Self {
        Self {
            inner,
            read: 0,
            limit,
            over: false,
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.over {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            self.over = true;
            return Ok(0);
        }
        Ok(n)
    }
}

/// The shared strings' declared counts (calamine reserves room for `uniqueCount`) and the
/// strings actually there.
fn scan_shared_strings(reader: impl BufRead) -> Result<(), ImportError> {
    let mut xml = quick_xml::Reader::from_reader(reader);
    let mut buf = Vec::new();
    let mut strings = 0;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(unreadable)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sst" => {
                    for name in ["count", "uniqueCount"] {
                        Cap::SharedStrings.check(declared_count(&e, name)?)?;
                    }
                }
                "si" => {
                    strings += 1;
                    Cap::SharedStrings.check(strings)?;
                }
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// A count attribute; one that is not a number counts as too many.
fn declared_count(element: &BytesStart<'_>, name: &str) -> Result<u64, ImportError> {
    let attribute = element.try_get_attribute(name).map_err(unreadable)?;
    Ok(attribute.map_or(0, |a| a.value.trim().parse().unwrap_or(u64::MAX)))
}

/// A worksheet's declared `<dimension ref="A1:H200">`, which comes before its cells. The
/// window `reader` gives may end inside a tag: bad XML is left for calamine to report.
fn scan_dimension(reader: impl BufRead) -> Result<(), ImportError> {
    let mut xml = quick_xml::Reader::from_reader(reader);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "dimension" => {
                    if let Ok(Some(range)) = e.try_get_attribute("ref") {
                        check_extent(&range.value)?;
                    }
                }
                "sheetData" => return Ok(()),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return Ok(()),
            _ => {}
        }
    }
}

/// Refuses a range such as `A1:XFD1048576` wider or taller than the caps.
fn check_extent(range: &str) -> Result<(), ImportError> {
    let (first, last) = range.split_once(':').unwrap_or((range, range));
    let bad = || unreadable(format!("dimension {range}"));
    let (top, left) = position(first).ok_or_else(bad)?;
    let (bottom, right) = position(last).ok_or_else(bad)?;
    Cap::Rows.check(bottom.abs_diff(top) + 1)?;
    Cap::Columns.check(right.abs_diff(left) + 1)?;
    Ok(())
}

/// A cell reference such as `XFD1048576` as its row and column, from 1.
fn position(reference: &str) -> Option<(u64, u64)> {
    let reference = reference.trim().replace('$', "");
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters.bytes().try_fold(0u64, |n, b| {
        let digit = b.to_ascii_uppercase().checked_sub(b'A')?;
        (digit < 26).then(|| n * 26 + u64::from(digit) + 1)
    })?;
    Some((digits.parse().ok()?, column))
}

#[cfg(test)]
#[path = "package_tests.rs"]
mod tests;
