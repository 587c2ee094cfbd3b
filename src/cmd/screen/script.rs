//! `screen --answers FILE.toml`: the same interview with the answers read from a file (for
//! training, demos and tests). Messages go to standard output, like the summary.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{bail, Context as _};
use serde::Deserialize;

use tipscreen::input::value::parse_json_answer;
use tipscreen::questionnaire::{Prompter, QuestionView, Reply};
use tipscreen::ruleset::RuleSet;
use tipscreen::session::InterviewRecord;

/// The answers file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// The interview record and consent.
    #[serde(default)]
    pub interview: ScriptedInterview,
    /// Answers by question id, as in intake files (`"yes"`, option ids, numbers, lists for
    /// multi_choice, `"dont_know"`, `"declined"`).
    #[serde(default)]
    pub answers: toml::Table,
}

/// `[interview]` of the answers file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptedInterview {
    #[serde(default)]
    pub interviewer: String,
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub interpreter: Option<bool>,
    #[serde(default)]
    pub interpreter_independent: Option<bool>,
    #[serde(default)]
    pub private_setting: Option<bool>,
    /// Whether the person agreed to the interview.
    #[serde(default = "yes")]
    pub consent: bool,
}

fn yes() -> bool {
    true
}

impl Default for ScriptedInterview {
    fn default() -> Self {
        ScriptedInterview {
            interviewer: String::new(),
            agency: String::new(),
            date: String::new(),
            place: String::new(),
            region: None,
            interpreter: None,
            interpreter_independent: None,
            private_setting: None,
            consent: true,
        }
    }
}

impl ScriptedInterview {
    /// The interview record part.
    pub fn record(&self) -> InterviewRecord {
        InterviewRecord {
            interviewer: self.interviewer.clone(),
            agency: self.agency.clone(),
            date: self.date.clone(),
            place: self.place.clone(),
            region: self.region.clone(),
            interpreter: self.interpreter,
            interpreter_independent: self.interpreter_independent,
            private_setting: self.private_setting,
        }
    }
}

/// Reads and checks an answers file against the rule set: unknown questions and invalid values
/// are errors naming the file and the question.
pub fn read(path: &Path, rs: &RuleSet) -> anyhow::Result<AnswersFile> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    let file: AnswersFile = toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let before = text.get(..s.start).unwrap_or_default();
                format!(
                    ":{}:{}",
                    before.matches('\n').count() + 1,
                    before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1
                )
            })
            .unwrap_or_default();
        anyhow::anyhow!("{}{at}: {}", path.display(), e.message().trim())
    })?;
    let mut problems = Vec::new();
    for (id, v) in &file.answers {
        let Some(q) = rs.question(id).and_then(|q| rs.questions.get(q)) else {
            problems.push(format!(
                "`{id}` is not a question of rule set `{}`",
                rs.meta.id
            ));
            continue;
        };
        let json = serde_json::to_value(v).unwrap_or_default();
        if let Err(why) = parse_json_answer(q, &json) {
            problems.push(format!("answer to `{id}`: {}", why.describe()));
        }
    }
    if !problems.is_empty() {
        bail!("{}: {}", path.display(), problems.join("; "));
    }
    Ok(file)
}

/// Answers from the file; a question the file does not answer is left unasked.
pub struct Scripted<'a> {
    rs: &'a RuleSet,
    answers: BTreeMap<String, serde_json::Value>,
    out: Box<dyn Write + 'a>,
    width: usize,
}

impl<'a> Scripted<'a> {
    /// A prompter over the file's answers, writing messages to `out`.
    pub fn new(rs: &'a RuleSet, file: &AnswersFile, out: Box<dyn Write + 'a>, width: u16) -> Self {
        Scripted {
            rs,
            answers: file
                .answers
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap_or_default()))
                .collect(),
            out,
            width: usize::from(width.max(20)),
        }
    }
}

impl Prompter for Scripted<'_> {
    fn ask(&mut self, q: &QuestionView) -> io::Result<Reply> {
        let Some(v) = self.answers.get(&q.id) else {
            return Ok(Reply::Skip);
        };
        let question = self.rs.questions.get(q.index);
        match question.map(|x| parse_json_answer(x, v)) {
            Some(Ok(a)) => Ok(Reply::Answer(a, v.as_str().map(str::to_owned))),
            _ => Ok(Reply::Skip),
        }
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        // Tables are laid out already; plain text is wrapped to the width.
        if text.contains('│') {
            return writeln!(self.out, "{text}");
        }
        for line in text.lines() {
            for piece in textwrap::wrap(line, self.width) {
                writeln!(self.out, "{piece}")?;
            }
        }
        Ok(())
    }

    fn confirm(&mut self, _text: &str, default: Option<bool>) -> io::Result<Option<bool>> {
        Ok(default)
    }

    fn line(&mut self, _label: &str, default: &str) -> io::Result<Option<String>> {
        Ok(Some(default.to_owned()))
    }

    fn pick(
        &mut self,
        _label: &str,
        _items: &[String],
        default: usize,
    ) -> io::Result<Option<usize>> {
        Ok(Some(default))
    }
}
