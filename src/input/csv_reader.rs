//! CSV intake files: header of question ids, `,` `;` or tab (sniffed from the header), UTF-8
//! with or without BOM. Columns are mapped to question indices once; each record is parsed from
//! bytes straight into the dense answer array.

use std::io::BufRead;

use super::value::parse_answer;
use super::{invalid_message, FileNotice, InputError, Record, RecordReader, RecordWarning};
use crate::answer::Answer;
use crate::ruleset::RuleSet;

/// Column names read as the case id.
const CASE_ID_COLUMNS: &[&str] = &["case_id", "caseid", "case", "id"];

#[derive(Debug, Clone, Copy)]
enum Column {
    Question(usize),
    CaseId,
    Field(usize),
    /// A second column for the same question: ignored (a notice names it).
    Ignored,
}

/// Reads records from CSV.
pub struct CsvReader<'r> {
    rs: &'r RuleSet,
    reader: csv::Reader<Box<dyn BufRead + 'r>>,
    columns: Vec<Column>,
    field_names: Vec<String>,
    record: csv::ByteRecord,
    count: u64,
    done: bool,
}

fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for c in &mut counts {
                if c.0 == b {
                    c.1 += 1;
                }
            }
        }
    }
    // Ties go to the comma, the first entry.
    counts
        .iter()
        .fold((b',', 0), |best, c| if c.1 > best.1 { *c } else { best })
        .0
}

impl<'r> CsvReader<'r> {
    /// Reads the header and maps its columns.
    ///
    /// # Errors
    /// When the input cannot be read.
    pub fn new(
        name: &str,
        mut input: Box<dyn BufRead + 'r>,
        rs: &'r RuleSet,
    ) -> Result<(Self, Vec<FileNotice>), InputError> {
        let io = |source| InputError::Io {
            file: name.to_owned(),
            source,
        };
        let head = input.fill_buf().map_err(io)?;
        let bom = head.starts_with(b"\xef\xbb\xbf");
        let delimiter = sniff_delimiter(head.get(if bom { 3 } else { 0 }..).unwrap_or_default());
        if bom {
            input.consume(3);
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(input);
        let header = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => match e.into_kind() {
                csv::ErrorKind::Io(source) => return Err(io(source)),
                _ => csv::ByteRecord::new(),
            },
        };
        let mut notices = Vec::new();
        let mut columns = Vec::with_capacity(header.len());
        let mut field_names = Vec::new();
        let mut seen = vec![false; rs.questions.len()];
        let mut has_case = false;
        for raw in &header {
            let title = String::from_utf8_lossy(raw).trim().to_owned();
            let col = match rs.question(&title) {
                Some(q) if seen.get(q).copied().unwrap_or(false) => {
                    notices.push(FileNotice {
                        message: format!(
                            "{name}: column `{title}` appears more than once; only the first is used"
                        ),
                    });
                    Column::Ignored
                }
                Some(q) => {
                    if let Some(s) = seen.get_mut(q) {
                        *s = true;
                    }
                    Column::Question(q)
                }
                None if !has_case && CASE_ID_COLUMNS.contains(&title.to_lowercase().as_str()) => {
                    has_case = true;
                    Column::CaseId
                }
                None => {
                    field_names.push(title);
                    Column::Field(field_names.len() - 1)
                }
            };
            columns.push(col);
        }
        if !columns.iter().any(|c| matches!(c, Column::Question(_))) && !header.is_empty() {
            notices.push(FileNotice {
                message: format!(
                    "{name}: no column is a question of rule set `{}`; every record will be unanswered (see `tipscreen template`)",
                    rs.meta.id
                ),
            });
        } else if !field_names.is_empty() {
            notices.push(FileNotice {
                message: format!(
                    "{name}: columns that are not questions are passed through: {}",
                    field_names
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        Ok((
            CsvReader {
                rs,
                reader,
                columns,
                field_names,
                record: csv::ByteRecord::new(),
                count: 0,
                done: false,
            },
            notices,
        ))
    }
}

impl RecordReader for CsvReader<'_> {
    fn next_into(&mut self, rec: &mut Record) -> bool {
        if self.done {
            return false;
        }
        rec.reset(self.rs.questions.len());
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                return false;
            }
            Ok(true) => {}
            Err(e) => {
                self.count += 1;
                rec.number = self.count;
                rec.line = e.position().map_or(0, csv::Position::line);
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                rec.error = Some(format!("cannot read the record: {e}"));
                // An I/O error will repeat forever; stop after reporting it once.
                self.done = fatal;
                return true;
            }
        }
        self.count += 1;
        rec.number = self.count;
        rec.line = self.record.position().map_or(0, csv::Position::line);
        if self.record.len() != self.columns.len() {
            rec.error = Some(format!(
                "the record has {} field(s) but the header has {} column(s)",
                self.record.len(),
                self.columns.len()
            ));
            if let Some(i) = self
                .columns
                .iter()
                .position(|c| matches!(c, Column::CaseId))
            {
                if let Some(v) = self.record.get(i) {
                    rec.case_id = String::from_utf8_lossy(v).trim().to_owned();
                }
            }
            return true;
        }
        for (cell, col) in self.record.iter().zip(&self.columns) {
            match *col {
                Column::Question(q) => {
                    let Some(question) = self.rs.questions.get(q) else {
                        continue;
                    };
                    let answer = match parse_answer(question, cell) {
                        Ok(a) => a,
                        Err(why) => {
                            rec.warnings.push(RecordWarning {
                                column: question.id.clone(),
                                message: invalid_message(question, why, cell),
                            });
                            Answer::DontKnow
                        }
                    };
                    if let Some(slot) = rec.answers.get_mut(q) {
                        *slot = answer;
                    }
                }
                Column::CaseId => {
                    rec.case_id.push_str(String::from_utf8_lossy(cell).trim());
                }
                Column::Field(f) => {
                    let name = self.field_names.get(f).cloned().unwrap_or_default();
                    rec.fields
                        .push((name, String::from_utf8_lossy(cell).into_owned()));
                }
                Column::Ignored => {}
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::sniff_delimiter;

    #[test]
    fn delimiter_is_sniffed_from_the_header_outside_quotes() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1;2"), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n"), b';');
        assert_eq!(sniff_delimiter(b"\"x,y\";b;c"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter(b"single"), b',');
    }
}
