//! JSON Lines intake files: one object per line, `{"case_id": …, "answers": {…}, …}`. Other
//! top-level keys pass through to the output. Blank lines are not records.

use std::io::{self, BufRead, Read};

use serde_json::Value;

use super::value::parse_json_answer;
use super::{invalid_message, FileNotice, Record, RecordReader, RecordWarning};
use crate::answer::Answer;
use crate::ruleset::RuleSet;

/// Longest line read; a longer one becomes an error record (and is skipped), so that a file
/// without line ends cannot take all memory.
pub const MAX_LINE: usize = 64 << 20;

/// Reads records from JSON Lines.
pub struct JsonlReader<'r> {
    rs: &'r RuleSet,
    input: Box<dyn BufRead + 'r>,
    line: u64,
    count: u64,
    buf: Vec<u8>,
    /// The next line, read ahead by [`JsonlReader::open`].
    pending: Option<io::Result<Line>>,
    done: bool,
}

/// What reading one line gave.
enum Line {
    /// A line that is not blank, in `buf`.
    Text,
    /// A line longer than [`MAX_LINE`], skipped.
    TooLong,
    /// The end of the input.
    End,
}

impl<'r> JsonlReader<'r> {
    /// A reader over `input`.
    #[must_use]
    pub fn new(_name: &str, input: Box<dyn BufRead + 'r>, rs: &'r RuleSet) -> Self {
        JsonlReader {
            rs,
            input,
            line: 0,
            count: 0,
            buf: Vec::new(),
            pending: None,
            done: false,
        }
    }

    /// A reader over `input` that looks at the first line at once, to tell a file without
    /// records.
    #[must_use]
    pub fn open(
        name: &str,
        input: Box<dyn BufRead + 'r>,
        rs: &'r RuleSet,
    ) -> (Self, Vec<FileNotice>) {
        let mut r = Self::new(name, input, rs);
        let first = r.read_line();
        let mut notices = Vec::new();
        if matches!(first, Ok(Line::End)) {
            notices.push(FileNotice {
                message: format!("{name}: the file has no records"),
            });
        }
        r.pending = Some(first);
        (r, notices)
    }

    /// Reads the next line that is not blank into `buf`, counting lines.
    fn read_line(&mut self) -> io::Result<Line> {
        loop {
            self.buf.clear();
            let n = (&mut self.input)
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut self.buf)?;
            if n == 0 {
                return Ok(Line::End);
            }
            self.line += 1;
            if self.buf.len() > MAX_LINE && self.buf.last() != Some(&b'\n') {
                self.skip_rest_of_line()?;
                return Ok(Line::TooLong);
            }
            if !self.text().trim_ascii().is_empty() {
                return Ok(Line::Text);
            }
        }
    }

    fn skip_rest_of_line(&mut self) -> io::Result<()> {
        loop {
            let avail = self.input.fill_buf()?;
            if avail.is_empty() {
                return Ok(());
            }
            if let Some(i) = avail.iter().position(|&b| b == b'\n') {
                self.input.consume(i + 1);
                return Ok(());
            }
            let n = avail.len();
            self.input.consume(n);
        }
    }

    /// The line read, without a byte order mark (a file made by joining files has one at
    /// the start of each part).
    fn text(&self) -> &[u8] {
        self.buf
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(self.buf.as_slice())
    }

    fn parse(&self, rec: &mut Record) {
        let text = self.text();
        let parsed = match serde_json::from_slice::<Value>(text) {
            Err(e) if std::str::from_utf8(text).is_err() => {
                // Damaged bytes spoil one value, not the record: read the rest.
                rec.warnings.push(RecordWarning {
                    column: String::new(),
                    message: "the line is not valid UTF-8 text; the invalid bytes were replaced (is the file in another encoding? see --encoding)".into(),
                });
                serde_json::from_str::<Value>(&String::from_utf8_lossy(text)).map_err(|_| e)
            }
            other => other,
        };
        match parsed {
            Ok(v) => self.fill(rec, v),
            Err(e) => rec.error = Some(describe_json_error(&e)),
        }
    }

    fn fill(&self, rec: &mut Record, v: Value) {
        let map = match v {
            Value::Object(map) => map,
            Value::Array(_) => {
                rec.error = Some(
                    "the line is a JSON array, not an object (JSON Lines has one object per line)"
                        .into(),
                );
                return;
            }
            _ => {
                rec.error = Some("the line is not a JSON object".into());
                return;
            }
        };
        for (key, value) in map {
            match key.as_str() {
                "case_id" => {
                    rec.case_id = match value {
                        Value::String(s) => s,
                        Value::Null => String::new(),
                        other => other.to_string(),
                    };
                }
                "answers" => match value {
                    Value::Object(answers) => {
                        for (qid, v) in answers {
                            let Some(q) = self.rs.question(&qid) else {
                                rec.warnings.push(RecordWarning {
                                    message: format!(
                                        "`{qid}` is not a question of rule set `{}`; ignored",
                                        self.rs.meta.id
                                    ),
                                    column: qid,
                                });
                                continue;
                            };
                            let Some(question) = self.rs.questions.get(q) else {
                                continue;
                            };
                            let answer = match parse_json_answer(question, &v) {
                                Ok(a) => a,
                                Err(why) => {
                                    let shown = match &v {
                                        Value::String(s) => s.clone(),
                                        other => other.to_string(),
                                    };
                                    rec.warnings.push(RecordWarning {
                                        column: qid,
                                        message: invalid_message(question, why, shown.as_bytes()),
                                    });
                                    Answer::DontKnow
                                }
                            };
                            if let Some(slot) = rec.answers.get_mut(q) {
                                *slot = answer;
                            }
                        }
                    }
                    Value::Null => {}
                    _ => rec.error = Some("`answers` is not a JSON object".into()),
                },
                _ => {
                    let text = match value {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    rec.fields.push((key, text));
                }
            }
        }
        if rec.error.is_some() {
            rec.answers.iter_mut().for_each(|a| *a = Answer::Missing);
        }
    }
}

/// A JSON error in our words: the column (the line is the record's), never the content.
fn describe_json_error(e: &serde_json::Error) -> String {
    if e.is_eof() {
        return format!(
            "invalid JSON: the line ends at column {} before the object does (a cut line?)",
            e.column()
        );
    }
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("invalid JSON at column {}: {what}", e.column())
}

impl RecordReader for JsonlReader<'_> {
    fn next_into(&mut self, rec: &mut Record) -> bool {
        if self.done {
            return false;
        }
        let read = match self.pending.take() {
            Some(r) => r,
            None => self.read_line(),
        };
        rec.reset(self.rs.questions.len());
        match read {
            Ok(Line::End) => {
                self.done = true;
                return false;
            }
            Ok(Line::Text) => {
                self.count += 1;
                rec.number = self.count;
                rec.line = self.line;
                self.parse(rec);
            }
            Ok(Line::TooLong) => {
                self.count += 1;
                rec.number = self.count;
                rec.line = self.line;
                rec.error = Some(format!(
                    "the line is longer than {} MiB; skipped",
                    MAX_LINE >> 20
                ));
            }
            Err(e) => {
                // An I/O error will repeat forever; stop after reporting it once.
                self.done = true;
                self.count += 1;
                rec.number = self.count;
                rec.line = self.line + 1;
                rec.error = Some(format!("cannot read the line: {e}"));
            }
        }
        true
    }
}
