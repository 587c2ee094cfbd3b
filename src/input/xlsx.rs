//! Spreadsheet workbooks (`.xlsx`, also `.xls`, `.xlsb`, `.ods`) as intake files: the first
//! worksheet is turned into CSV text in memory and read by the CSV reader, so a workbook and
//! the same sheet saved as CSV score alike, with the same column mapping and messages.
//! Reading the cells is calamine's job; a workbook is read whole (that is how the format is
//! laid out), so memory grows with the workbook, unlike CSV.

use std::io::{Cursor, Read};

use calamine::{Data, Reader};

use super::InputError;

/// Whether the bytes start like a workbook: a ZIP container (`.xlsx`, `.ods`) or an OLE2
/// compound file (`.xls`).
#[must_use]
pub fn looks_like_workbook(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
}

/// Whether a file name says workbook.
#[must_use]
pub fn is_workbook_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// A cell as CSV text: whole numbers without a fraction (spreadsheets store every number as a
/// float), dates as the workbook shows them, errors such as `#N/A` as empty.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Reads the first worksheet of a workbook into CSV bytes (comma-separated, UTF-8, no BOM).
///
/// # Errors
/// When the input cannot be read or is not a workbook calamine can open.
pub fn to_csv(name: &str, mut input: impl Read) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io {
            file: name.to_owned(),
            source,
        })?;
    let bad = |why: String| InputError::Workbook {
        file: name.to_owned(),
        why,
    };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        Some(Err(e)) => return Err(bad(e.to_string())),
        None => return Err(bad("the workbook has no worksheet".into())),
    };
    // Blank lines for the rows above the first used one keep the line numbers of messages
    // equal to sheet rows (the CSV reader skips blank lines).
    let first_row = range.start().map_or(0, |(row, _)| row) as usize;
    let mut buf = Vec::with_capacity(range.height() * 64 + first_row);
    buf.resize(first_row, b'\n');
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(buf);
    let io = |e: csv::Error| bad(e.to_string());
    for row in range.rows() {
        out.write_record(row.iter().map(cell_text)).map_err(io)?;
    }
    out.into_inner().map_err(|e| bad(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_meaning_as_text() {
        assert_eq!(cell_text(&Data::Float(34.0)), "34");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::String("да".into())), "да");
    }

    #[test]
    fn text_that_is_not_a_workbook_is_refused_with_the_file_name() {
        let err = to_csv("intake.xlsx", &b"case_id,age\n1,30\n"[..]).unwrap_err();
        assert!(err.to_string().contains("intake.xlsx"), "{err}");
    }
}
