//! JSON Lines intake files: one object per line, `{"case_id": …, "answers": {…}, …}`. Other
//! top-level keys pass through to the output. Blank lines are not records.

use std::io::BufRead;

use serde_json::Value;

use super::value::parse_json_answer;
use super::{invalid_message, Record, RecordReader, RecordWarning};
use crate::answer::Answer;
use crate::ruleset::RuleSet;

/// Reads records from JSON Lines.
pub struct JsonlReader<'r> {
    rs: &'r RuleSet,
    input: Box<dyn BufRead + 'r>,
    line: u64,
    count: u64,
    buf: Vec<u8>,
    done: bool,
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
            done: false,
        }
    }

    fn fill(&self, rec: &mut Record, v: Value) {
        let Value::Object(map) = v else {
            rec.error = Some("the line is not a JSON object".into());
            return;
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

impl RecordReader for JsonlReader<'_> {
    fn next_into(&mut self, rec: &mut Record) -> bool {
        loop {
            if self.done {
                return false;
            }
            self.buf.clear();
            let n = match self.input.read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    rec.reset(self.rs.questions.len());
                    self.count += 1;
                    rec.number = self.count;
                    rec.line = self.line + 1;
                    rec.error = Some(format!("cannot read the line: {e}"));
                    return true;
                }
            };
            if n == 0 {
                self.done = true;
                return false;
            }
            self.line += 1;
            let mut text = self.buf.as_slice();
            if self.line == 1 {
                text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
            }
            if text.trim_ascii().is_empty() {
                continue;
            }
            rec.reset(self.rs.questions.len());
            self.count += 1;
            rec.number = self.count;
            rec.line = self.line;
            match serde_json::from_slice::<Value>(text) {
                Ok(v) => self.fill(rec, v),
                Err(e) => {
                    rec.error = Some(format!("invalid JSON: {e}"));
                }
            }
            return true;
        }
    }
}
