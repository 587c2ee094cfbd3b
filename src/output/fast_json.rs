//! The JSON of one scored record, written straight to bytes. Most of a record is fixed text (ids,
//! level names, recommended actions, the rule set's hash): it is escaped once per run and copied,
//! instead of being escaped again for every record. The result is byte for byte what
//! `serde_json` writes for [`super::json_out::RecordJson`]; a test holds the two together.
//!
//! Written by hand because no serializer can know which strings repeat across records.

use std::io::{self, Write};

use super::explain::{evidence, state_name, summary_text};
use super::json_out::action_text;
use super::{ReportContext, Scored, TOOL_VERSION};
use crate::condition::Tri;
use crate::level::Level;

/// Escaped fixed text for one rule set and language.
#[derive(Debug)]
pub(crate) struct Fragments {
    /// `{"id":"…","dimension":"…","strength":"…","evidence":[` per indicator.
    indicator_head: Vec<Vec<u8>>,
    /// `{"id":"…","state":"` per dimension.
    dimension_head: Vec<Vec<u8>>,
    /// `"id"` per question.
    question: Vec<Vec<u8>>,
    /// `"id"` per outcome.
    outcome: Vec<Vec<u8>>,
    /// `"id"` per red flag.
    red_flag: Vec<Vec<u8>>,
    /// `"…"` level names in the language, by level.
    level_text: Vec<Vec<u8>>,
    /// `"…"` recommended action per outcome.
    action: Vec<Vec<u8>>,
    /// `,"ruleset":{…},"tool_version":"…"`.
    ruleset_tail: Vec<u8>,
}

fn esc(s: &str) -> Vec<u8> {
    serde_json::to_vec(s).unwrap_or_else(|_| b"\"\"".to_vec())
}

impl Fragments {
    pub(crate) fn new(ctx: &ReportContext<'_>) -> Self {
        let rs = ctx.rs;
        let indicator_head = rs
            .indicators
            .iter()
            .map(|i| {
                let mut b = b"{\"id\":".to_vec();
                b.extend(esc(&i.id));
                b.extend(b",\"dimension\":");
                b.extend(esc(rs
                    .dimensions
                    .get(i.dimension)
                    .map_or("", |d| d.id.as_str())));
                b.extend(b",\"strength\":");
                b.extend(esc(i.strength.as_str()));
                b.extend(b",\"evidence\":[");
                b
            })
            .collect();
        let dimension_head = rs
            .dimensions
            .iter()
            .map(|d| {
                let mut b = b"{\"id\":".to_vec();
                b.extend(esc(&d.id));
                b.extend(b",\"state\":");
                b
            })
            .collect();
        let mut ruleset_tail = b",\"ruleset\":{\"id\":".to_vec();
        ruleset_tail.extend(esc(&rs.meta.id));
        ruleset_tail.extend(b",\"version\":");
        ruleset_tail.extend(esc(&rs.meta.version));
        ruleset_tail.extend(b",\"sha256\":");
        ruleset_tail.extend(esc(&rs.meta.hash));
        ruleset_tail.extend(b"},\"tool_version\":");
        ruleset_tail.extend(esc(TOOL_VERSION));
        Fragments {
            indicator_head,
            dimension_head,
            question: rs.questions.iter().map(|q| esc(&q.id)).collect(),
            outcome: rs.outcomes.iter().map(|o| esc(&o.id)).collect(),
            red_flag: rs.red_flags.iter().map(|f| esc(&f.id)).collect(),
            level_text: Level::ALL
                .iter()
                .map(|l| esc(ctx.texts.level(*l)))
                .collect(),
            action: ctx.texts.actions.iter().map(|a| esc(a)).collect(),
            ruleset_tail,
        }
    }
}

/// Writes a string as JSON: quoted as it is when nothing needs escaping (the usual case).
fn string(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        out.extend(esc(s));
    }
}

fn number(out: &mut Vec<u8>, n: u64) {
    let _ = write!(out, "{n}");
}

fn list<'a>(out: &mut Vec<u8>, items: impl Iterator<Item = &'a [u8]>) {
    out.push(b'[');
    for (k, item) in items.enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item);
    }
    out.push(b']');
}

fn get(v: &[Vec<u8>], i: usize) -> &[u8] {
    v.get(i).map_or(b"\"\"".as_slice(), Vec::as_slice)
}

/// Writes one record that was read and evaluated; `None` for a record with an error (the
/// caller then uses the general path).
pub(crate) fn write_record(
    ctx: &ReportContext<'_>,
    f: &Fragments,
    s: &Scored<'_>,
    out: &mut Vec<u8>,
) -> Option<()> {
    let e = s.eval?;
    let rs = ctx.rs;
    let r = s.record;
    out.extend_from_slice(b"{\"file\":");
    string(out, s.file);
    out.extend_from_slice(b",\"record\":");
    number(out, r.number);
    out.extend_from_slice(b",\"line\":");
    number(out, r.line);
    out.extend_from_slice(b",\"case_id\":");
    string(out, &r.case_id);
    out.extend_from_slice(b",\"status\":\"ok\",\"error\":null,\"level\":\"");
    out.extend_from_slice(e.now.as_str().as_bytes());
    out.extend_from_slice(b"\",\"upper\":\"");
    out.extend_from_slice(e.upper.as_str().as_bytes());
    out.extend_from_slice(b"\",\"settled\":");
    out.extend_from_slice(if e.settled() { b"true" } else { b"false" });
    out.extend_from_slice(b",\"applicable\":");
    out.extend_from_slice(match e.applicable {
        Tri::True => b"true".as_slice(),
        Tri::False => b"false",
        Tri::Unknown => b"null",
    });
    out.extend_from_slice(b",\"outcome\":");
    match e.now_outcome {
        Some(i) if i < f.outcome.len() => out.extend_from_slice(get(&f.outcome, i)),
        _ => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"upper_outcome\":");
    match e.upper_outcome {
        Some(i) if i < f.outcome.len() => out.extend_from_slice(get(&f.outcome, i)),
        _ => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"red_flags\":");
    list(
        out,
        e.red_flags
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::True)
            .map(|(i, _)| get(&f.red_flag, i)),
    );
    out.extend_from_slice(b",\"safety_checked\":");
    out.extend_from_slice(if e.safety_checked { b"true" } else { b"false" });
    out.extend_from_slice(b",\"safety_unanswered\":");
    list(
        out,
        e.safety_unanswered.iter().map(|&q| get(&f.question, q)),
    );
    out.extend_from_slice(b",\"age\":\"");
    out.extend_from_slice(e.age.as_str().as_bytes());
    out.extend_from_slice(b"\",\"fired\":[");
    for (k, i) in e.fired().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(get(&f.indicator_head, i));
        for (n, (question, answer)) in evidence(rs, ctx.prepared, e, i, ctx.redact).enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"question\":");
            string(out, &question.id);
            out.extend_from_slice(b",\"answer\":");
            string(out, &answer);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"],\"dimensions\":[");
    for (d, dr) in e.dimensions.iter().enumerate() {
        if d > 0 {
            out.push(b',');
        }
        out.extend_from_slice(get(&f.dimension_head, d));
        out.push(b'"');
        out.extend_from_slice(state_name(dr.present).as_bytes());
        out.push(b'"');
        for (name, (lo, hi)) in ["strong", "medium", "weak"].iter().zip(dr.counts) {
            let _ = write!(out, ",\"{name}\":[{lo},{hi}]");
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"deciding_not_asked\":");
    list(
        out,
        e.deciding_not_asked.iter().map(|&q| get(&f.question, q)),
    );
    out.extend_from_slice(b",\"deciding_unknown\":");
    list(out, e.deciding_unknown.iter().map(|&q| get(&f.question, q)));
    out.extend_from_slice(b",\"warnings\":[");
    for (k, w) in r.warnings.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"column\":");
        string(out, &w.column);
        out.extend_from_slice(b",\"message\":");
        string(out, &w.message);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"fields\":{");
    for (k, (name, value)) in r.fields.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        string(out, name);
        out.push(b':');
        string(out, value);
    }
    out.push(b'}');
    out.extend_from_slice(&f.ruleset_tail);
    out.extend_from_slice(b",\"level_text\":");
    out.extend_from_slice(get(&f.level_text, e.now as usize));
    out.extend_from_slice(b",\"summary_text\":");
    string(out, &summary_text(rs, ctx.texts, e));
    out.extend_from_slice(b",\"action_text\":");
    match e.now_outcome.filter(|_| !e.red_flag_fired) {
        Some(i) if i < f.action.len() => out.extend_from_slice(get(&f.action, i)),
        _ => string(out, &action_text(ctx, e)),
    }
    out.push(b'}');
    Some(())
}

/// Writes `buf` and clears it.
pub(crate) fn flush(out: &mut dyn Write, buf: &mut Vec<u8>) -> io::Result<()> {
    out.write_all(buf)?;
    buf.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::answer::Answer;
    use crate::diagnostic::SourceMap;
    use crate::engine::Engine;
    use crate::i18n::Localizer;
    use crate::input::{Record, RecordWarning};
    use crate::output::{Prepared, Texts};
    use crate::ruleset::{load, Folder, LoadOptions, QuestionKind, RuleSet};

    fn kz() -> RuleSet {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
        load(&folder, &mut SourceMap::default(), LoadOptions::default())
            .ruleset
            .expect("valid")
    }

    fn answer(kind: QuestionKind, options: usize, pick: u64) -> Answer {
        match (kind, pick % 7) {
            (_, 0) => Answer::Missing,
            (_, 1) => Answer::DontKnow,
            (_, 2) => Answer::Declined,
            (QuestionKind::YesNo, p) => Answer::Bool(p % 2 == 0),
            (QuestionKind::SingleChoice, p) => Answer::Choice((p as usize % options) as u8),
            (QuestionKind::MultiChoice, p) => Answer::Multi(p & ((1 << options) - 1)),
            (QuestionKind::Number, p) => Answer::Number((p * 5) as f64),
            (QuestionKind::Text, _) => Answer::Text,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The fast writer gives exactly the bytes of the serde writer.
        #[test]
        fn fast_json_equals_serde_json(picks in proptest::collection::vec(any::<u64>(), 40), lang in 0usize..3, redact: bool) {
            let rs = kz();
            let lang = ["en", "ru", "kk"][lang];
            let loc = Localizer::new(lang, &Folder::embedded_locales(), Some(("kz-handbook", None))).expect("loc");
            let texts = Texts::new(loc, &rs);
            let prepared = Prepared::new(&rs);
            let ctx = ReportContext { rs: &rs, texts: &texts, prepared: &prepared, width: None, redact };
            let answers: Vec<Answer> = rs.questions.iter().zip(picks.iter().cycle())
                .map(|(q, p)| answer(q.kind, q.options.len().max(1), *p)).collect();
            let e = Engine::new(&rs).evaluate(&answers);
            let record = Record {
                number: 7,
                line: 9,
                case_id: "K-\"7\"\\ кейс".into(),
                answers,
                fields: vec![("officer".into(), "Ә \"x\"\n".into())],
                warnings: vec![RecordWarning { column: "age".into(), message: "invalid `x`\ty".into() }],
                error: None,
            };
            let s = Scored { record: &record, eval: Some(&e), file: "in \"1\".csv" };
            let mut fast = Vec::new();
            write_record(&ctx, &Fragments::new(&ctx), &s, &mut fast).expect("ok record");
            let slow = serde_json::to_vec(&crate::output::json_out::record_json(&ctx, &s)).expect("serde");
            prop_assert_eq!(String::from_utf8_lossy(&fast), String::from_utf8_lossy(&slow));
        }
    }
}
