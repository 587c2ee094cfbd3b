//! Intake-file readers: every input record becomes exactly one [`Record`], in order; a record
//! that cannot be read becomes a record with an error, never a silent drop.

mod csv_reader;
pub mod encoding;
mod jsonl_reader;
pub mod labels;
pub(crate) mod split;
pub mod value;
pub mod xlsx;

use std::io::BufRead;

pub use csv_reader::{sniff_delimiter, CsvReader};
pub(crate) use csv_reader::{Block, BlockScratch, CsvBlocks, CsvLayout, WarningsJson};
pub use encoding::{decode, Decoded, Encoding, EncodingChoice};
pub use jsonl_reader::JsonlReader;
pub use labels::Labels;

use crate::answer::Answer;
use crate::ruleset::RuleSet;

/// A problem with one value of a record: the record is still scored, the value counts as
/// unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordWarning {
    /// The column (CSV) or answer key (JSON).
    pub column: String,
    /// Lowercase explanation; never contains the answer to a sensitive question.
    pub message: String,
}

/// One intake record, read and parsed.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// 1-based number of the record in its file.
    pub number: u64,
    /// 1-based line where the record starts.
    pub line: u64,
    /// The case id, when the file has one.
    pub case_id: String,
    /// One answer per question of the rule set.
    pub answers: Vec<Answer>,
    /// Columns that are not questions, passed through to the output: (name, value).
    pub fields: Vec<(String, String)>,
    /// Values that were not accepted.
    pub warnings: Vec<RecordWarning>,
    /// Why the record could not be read (then `answers` are all missing).
    pub error: Option<String>,
}

impl Record {
    pub(crate) fn reset(&mut self, questions: usize) {
        self.case_id.clear();
        self.answers.clear();
        self.answers.resize(questions, Answer::Missing);
        self.fields.clear();
        self.warnings.clear();
        self.error = None;
    }
}

/// Something about a whole file worth telling the user (not tied to one record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileNotice {
    /// Lowercase message.
    pub message: String,
}

/// Errors that stop reading a file.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be read at all.
    #[error("cannot read `{file}`: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A spreadsheet workbook that cannot be read.
    #[error("cannot read the workbook `{file}`: {why}")]
    Workbook {
        /// The file.
        file: String,
        /// What went wrong.
        why: String,
    },
    /// The file is not text (an Excel workbook, a PDF, binary data).
    #[error("cannot read `{file}`: it looks like {what}, not a CSV or JSON Lines file; in Excel, use \"Save as\" → \"CSV UTF-8\"")]
    NotText {
        /// The file.
        file: String,
        /// What it seems to be.
        what: &'static str,
    },
}

/// Errors that stop reading a file (continued).
impl InputError {
    /// Whether the file could not be opened as a workbook.
    #[must_use]
    pub fn is_workbook(&self) -> bool {
        matches!(self, InputError::Workbook { .. })
    }
}

/// A reader of records.
pub trait RecordReader {
    /// Reads the next record into `rec`; false at the end of the input.
    fn next_into(&mut self, rec: &mut Record) -> bool;
}

/// The kinds of intake file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV.
    Csv,
    /// JSON Lines.
    Jsonl,
}

impl Format {
    /// Guesses the format from a file name, or from the first byte for standard input.
    pub fn detect(name: &str, reader: &mut dyn BufRead) -> Format {
        let lower = name.to_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
            return Format::Jsonl;
        }
        if lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") {
            return Format::Csv;
        }
        let first = reader.fill_buf().ok().and_then(|b| {
            let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
            b.iter().find(|c| !c.is_ascii_whitespace()).copied()
        });
        if first == Some(b'{') {
            Format::Jsonl
        } else {
            Format::Csv
        }
    }
}

/// Opens a reader for one input of UTF-8 text (see [`decode`] for other encodings), with
/// notices about the file (columns passed through or repeated, no records).
///
/// # Errors
/// When the header cannot be read.
pub fn open<'r>(
    format: Format,
    name: &str,
    input: Box<dyn BufRead + 'r>,
    rs: &'r RuleSet,
    labels: Option<&'r Labels>,
) -> Result<(Box<dyn RecordReader + 'r>, Vec<FileNotice>), InputError> {
    match format {
        Format::Csv => {
            let (r, notices) = CsvReader::new(name, input, rs, labels)?;
            Ok((Box::new(r), notices))
        }
        Format::Jsonl => {
            let (r, notices) = JsonlReader::open(name, input, rs);
            Ok((Box::new(r), notices))
        }
    }
}

/// Describes an invalid value for a warning: names the value unless the question is sensitive.
pub(crate) fn invalid_message(
    q: &crate::ruleset::Question,
    why: value::Invalid,
    value: &[u8],
) -> String {
    if q.sensitive {
        format!(
            "invalid answer to `{}` (sensitive, value not shown): {}; counted as unknown",
            q.id,
            why.describe()
        )
    } else {
        format!(
            "invalid answer `{}` to `{}`: {}; counted as unknown",
            shown(value),
            q.id,
            why.describe()
        )
    }
}

/// Most characters of a value repeated in a message.
const SHOWN_CHARS: usize = 40;

/// A value as quoted in a message: at most 40 characters, control characters escaped (a
/// message is one line), invalid UTF-8 replaced.
pub(crate) fn shown(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(
        value
            .get(..value.len().min((SHOWN_CHARS + 1) * 4))
            .unwrap_or(value),
    );
    let text = text.trim();
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn a_shown_value_is_short_and_on_one_line() {
        assert_eq!(shown(b" maybe "), "maybe");
        assert_eq!(shown(b"a\nb\t"), "a\\nb");
        assert_eq!(shown(b"\xffx"), "\u{fffd}x");
        let long = "я".repeat(100);
        assert_eq!(shown(long.as_bytes()), format!("{}…", "я".repeat(40)));
    }
}
