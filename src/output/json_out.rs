//! `--format json` (one document) and `--format jsonl` (one object per line). Shapes in
//! docs/output-format.md.

use std::io::{self, Write};

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::explain::{evidence, fired_red_flag_texts, state_name, summary_text};
use super::{Report, ReportContext, Scored, Totals, TOOL_VERSION};
use crate::condition::Tri;
use crate::input::RecordWarning;
use crate::level::Level;

/// The rule set that produced a result.
#[derive(Serialize)]
pub(crate) struct RulesetRef<'a> {
    id: &'a str,
    version: &'a str,
    sha256: &'a str,
}

#[derive(Serialize)]
struct Evidence<'a> {
    question: &'a str,
    answer: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
struct Fired<'a> {
    id: &'a str,
    dimension: &'a str,
    strength: &'static str,
    evidence: Vec<Evidence<'a>>,
}

#[derive(Serialize)]
struct Dim<'a> {
    id: &'a str,
    state: &'static str,
    strong: [u32; 2],
    medium: [u32; 2],
    weak: [u32; 2],
}

#[derive(Serialize)]
struct Warning<'a> {
    column: &'a str,
    message: &'a str,
}

struct Fields<'a>(&'a [(String, String)]);

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// One record as JSON. Every key is always present (null or empty when not applicable), so
/// readers can rely on the shape.
#[derive(Serialize)]
pub(crate) struct RecordJson<'a> {
    file: &'a str,
    record: u64,
    line: u64,
    case_id: &'a str,
    status: &'static str,
    error: Option<&'a str>,
    level: Option<Level>,
    upper: Option<Level>,
    settled: Option<bool>,
    applicable: Option<bool>,
    outcome: Option<&'a str>,
    upper_outcome: Option<&'a str>,
    red_flags: Vec<&'a str>,
    safety_checked: Option<bool>,
    safety_unanswered: Vec<&'a str>,
    age: Option<&'static str>,
    fired: Vec<Fired<'a>>,
    dimensions: Vec<Dim<'a>>,
    deciding_not_asked: Vec<&'a str>,
    deciding_unknown: Vec<&'a str>,
    warnings: Vec<Warning<'a>>,
    fields: Fields<'a>,
    ruleset: RulesetRef<'a>,
    tool_version: &'static str,
    level_text: Option<&'a str>,
    summary_text: String,
    action_text: Option<String>,
}

fn warnings(ws: &[RecordWarning]) -> Vec<Warning<'_>> {
    ws.iter()
        .map(|w| Warning {
            column: &w.column,
            message: &w.message,
        })
        .collect()
}

/// Builds the JSON view of one record.
pub(crate) fn record_json<'a>(ctx: &'a ReportContext<'a>, s: &Scored<'a>) -> RecordJson<'a> {
    let rs = ctx.rs;
    let r = s.record;
    let ruleset = RulesetRef {
        id: &rs.meta.id,
        version: &rs.meta.version,
        sha256: &rs.meta.hash,
    };
    let Some(e) = s.eval else {
        let reason = r.error.as_deref().unwrap_or("unknown error");
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("line", r.line);
        return RecordJson {
            file: s.file,
            record: r.number,
            line: r.line,
            case_id: &r.case_id,
            status: "error",
            error: Some(reason),
            level: None,
            upper: None,
            settled: None,
            applicable: None,
            outcome: None,
            upper_outcome: None,
            red_flags: vec![],
            safety_checked: None,
            safety_unanswered: vec![],
            age: None,
            fired: vec![],
            dimensions: vec![],
            deciding_not_asked: vec![],
            deciding_unknown: vec![],
            warnings: warnings(&r.warnings),
            fields: Fields(&r.fields),
            ruleset,
            tool_version: TOOL_VERSION,
            level_text: None,
            summary_text: ctx.texts.loc.msg_args("summary-error", &args),
            action_text: None,
        };
    };
    let qid = |q: &usize| rs.questions.get(*q).map_or("", |x| x.id.as_str());
    let fired = e
        .fired()
        .filter_map(|i| {
            let ind = rs.indicators.get(i)?;
            let evidence = evidence(rs, ctx.prepared, e, i, ctx.redact)
                .map(|(question, answer)| Evidence {
                    question: &question.id,
                    answer,
                })
                .collect();
            Some(Fired {
                id: &ind.id,
                dimension: rs
                    .dimensions
                    .get(ind.dimension)
                    .map_or("", |d| d.id.as_str()),
                strength: ind.strength.as_str(),
                evidence,
            })
        })
        .collect();
    let dimensions = rs
        .dimensions
        .iter()
        .zip(&e.dimensions)
        .map(|(d, r)| Dim {
            id: &d.id,
            state: state_name(r.present),
            strong: [r.counts[0].0, r.counts[0].1],
            medium: [r.counts[1].0, r.counts[1].1],
            weak: [r.counts[2].0, r.counts[2].1],
        })
        .collect();
    let red_flags = rs
        .red_flags
        .iter()
        .zip(&e.red_flags)
        .filter(|(_, t)| **t == Tri::True)
        .map(|(f, _)| f.id.as_str())
        .collect();
    let outcome_id = |o: Option<usize>| o.and_then(|i| rs.outcomes.get(i)).map(|o| o.id.as_str());
    RecordJson {
        file: s.file,
        record: r.number,
        line: r.line,
        case_id: &r.case_id,
        status: "ok",
        error: None,
        level: Some(e.now),
        upper: Some(e.upper),
        settled: Some(e.settled()),
        applicable: match e.applicable {
            Tri::True => Some(true),
            Tri::False => Some(false),
            Tri::Unknown => None,
        },
        outcome: outcome_id(e.now_outcome),
        upper_outcome: outcome_id(e.upper_outcome),
        red_flags,
        safety_checked: Some(e.safety_checked),
        safety_unanswered: e.safety_unanswered.iter().map(qid).collect(),
        age: Some(e.age.as_str()),
        fired,
        dimensions,
        deciding_not_asked: e.deciding_not_asked.iter().map(qid).collect(),
        deciding_unknown: e.deciding_unknown.iter().map(qid).collect(),
        warnings: warnings(&r.warnings),
        fields: Fields(&r.fields),
        ruleset,
        tool_version: TOOL_VERSION,
        level_text: Some(ctx.texts.level(e.now)),
        summary_text: summary_text(rs, ctx.texts, e),
        action_text: Some(action_text(ctx, e)),
    }
}

/// What to do now: the fired red flags' texts (each says what to do), else the outcome's
/// recommended action.
pub(crate) fn action_text(ctx: &ReportContext<'_>, e: &crate::engine::Evaluation) -> String {
    if e.red_flag_fired {
        let flags = fired_red_flag_texts(ctx.texts, e);
        if !flags.is_empty() {
            return flags.join(" ");
        }
    }
    e.now_outcome
        .and_then(|i| ctx.texts.actions.get(i))
        .cloned()
        .unwrap_or_default()
}

pub(crate) struct JsonReport<'a> {
    ctx: &'a ReportContext<'a>,
    lines: bool,
    first: bool,
    fragments: super::fast_json::Fragments,
    kept: super::fast_json::Kept,
    summaries: super::fast_json::Summaries,
    /// The file name of the last record, and as a JSON string.
    file: (String, Vec<u8>),
    buf: Vec<u8>,
}

impl<'a> JsonReport<'a> {
    pub(crate) fn new(ctx: &'a ReportContext<'a>, lines: bool) -> Self {
        JsonReport {
            ctx,
            lines,
            first: true,
            fragments: super::fast_json::Fragments::new(ctx),
            kept: super::fast_json::Kept::default(),
            summaries: super::fast_json::Summaries::default(),
            file: (String::new(), super::fast_json::file_json("")),
            buf: Vec::with_capacity(8 << 10),
        }
    }

    /// One record's JSON: the fast writer for records that were read, the general one for
    /// records with an error.
    fn write_one(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        if self.file.0 != s.file {
            self.file = (s.file.to_owned(), super::fast_json::file_json(s.file));
        }
        let fast = super::fast_json::write_record(
            self.ctx,
            &self.fragments,
            &mut self.kept,
            &mut self.summaries,
            &self.file.1,
            s,
            &mut self.buf,
        );
        if fast.is_some() {
            return super::fast_json::flush(out, &mut self.buf);
        }
        super::fast_json::write_error_record(self.ctx, s, out)
    }
}

#[derive(Serialize)]
struct Summary {
    records: u64,
    errors: u64,
    with_warnings: u64,
    unsettled: u64,
    safety_unchecked: u64,
    per_level: LevelCounts,
}

/// Counts per level as a JSON object in level order (`{"none": 3, "low": 1, …}`).
struct LevelCounts([u64; 5]);

impl Serialize for LevelCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        for (l, n) in Level::ALL.iter().zip(self.0) {
            m.serialize_entry(l.as_str(), &n)?;
        }
        m.end()
    }
}

impl Report for JsonReport<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.lines {
            return Ok(());
        }
        let rs = self.ctx.rs;
        let head = serde_json::json!({
            "ruleset": { "id": rs.meta.id, "version": rs.meta.version, "sha256": rs.meta.hash },
            "tool_version": TOOL_VERSION,
            "language": self.ctx.texts.loc.lang(),
            "notice_text": format!("{} {}", self.ctx.texts.msg("disclaimer-screening"), self.ctx.texts.msg("disclaimer-non-punishment")),
        });
        let head = serde_json::to_string(&head).map_err(io::Error::other)?;
        // Open the object and leave it open for "records".
        let open = head.strip_suffix('}').unwrap_or(&head);
        write!(out, "{open},\"records\":[")
    }

    fn record(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        if self.lines {
            self.write_one(out, s)?;
            out.write_all(b"\n")
        } else {
            if !self.first {
                out.write_all(b",")?;
            }
            self.first = false;
            out.write_all(b"\n")?;
            self.write_one(out, s)
        }
    }

    fn end(&mut self, out: &mut dyn Write, t: &Totals) -> io::Result<()> {
        if self.lines {
            return Ok(());
        }
        let summary = Summary {
            records: t.records,
            errors: t.errors,
            with_warnings: t.with_warnings,
            unsettled: t.unsettled,
            safety_unchecked: t.safety_unchecked,
            per_level: LevelCounts(t.per_level),
        };
        write!(out, "\n],\"summary\":")?;
        serde_json::to_writer(&mut *out, &summary).map_err(io::Error::other)?;
        out.write_all(b"}\n")
    }
}
