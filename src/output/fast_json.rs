//! The JSON of one scored record, written straight to bytes. Most of a record is fixed text (ids,
//! level names, evidence, recommended actions, summary lines, the rule set's hash): it is escaped
//! once per run and copied, instead of being escaped again for every record. The result is byte
//! for byte what `serde_json` writes for [`super::json_out::RecordJson`]; a test holds the two
//! together.
//!
//! Written by hand because no serializer can know which strings repeat across records.
//!
//! A record is written in three parts so that worker threads can write most of it without the
//! localizer (which is not `Sync`): [`write_head`] up to the pass-through fields, then
//! [`write_end`], which leaves out a summary line the thread does not have (the thread that
//! owns the texts fills it in from [`Summaries`]).

use std::io::{self, Write};

use rustc_hash::FxHashMap;

use super::explain::{redacts, summary_key, summary_of_key, summary_text, REDACTED};
pub(crate) use super::texts::SummaryKey;
use super::{ReportContext, Scored, Texts, TOOL_VERSION};
use crate::answer::Answer;
use crate::condition::Tri;
use crate::engine::Evaluation;
use crate::input::WarningsJson;
use crate::level::Level;

/// Byte ranges into [`Fragments::pool`].
type Span = (u32, u32);

/// Whole numbers with their evidence written out beforehand (those with a code).
const EVIDENCE_NUMBERS: u32 = 128;

/// The evidence of one question: `{"question":"…","answer":"…"}` for every answer that has a
/// fixed token.
#[derive(Debug)]
struct QuestionEvidence {
    /// Missing, don't know, declined, not applicable, yes, no, text, unknown option index.
    fixed: [Span; 8],
    /// `{"question":"…","answer":"` for answers written each time (numbers, option sets).
    open: Span,
    /// One entry per option: the whole evidence of that single choice.
    choice: Vec<Span>,
    /// One entry per option: its id escaped, without quotes (for option sets).
    option: Vec<Span>,
    /// Every answer is shown as `redacted` (`--redact` and a sensitive or free-text question).
    redacted: bool,
}

/// Escaped fixed text for one rule set, language and `--redact` setting. `Sync`: worker threads
/// share one.
#[derive(Debug)]
pub(crate) struct Fragments {
    /// Every fragment, one after the other.
    pool: Vec<u8>,
    /// `{"id":"…","dimension":"…","strength":"…","evidence":[` per indicator.
    indicator_head: Vec<Span>,
    /// The questions each indicator's condition reads (its evidence), in order.
    indicator_questions: Vec<Vec<usize>>,
    /// `{"id":"…","state":"…","strong":[` per dimension and state (absent, undetermined,
    /// present: `Tri as usize`).
    dimension_head: Vec<[Span; 3]>,
    /// `"id"` per question.
    question: Vec<Span>,
    evidence: Vec<QuestionEvidence>,
    /// `"id"` per outcome.
    outcome: Vec<Span>,
    /// `"id"` per red flag.
    red_flag: Vec<Span>,
    /// Red-flag texts escaped, without quotes.
    red_flag_text: Vec<Span>,
    /// `"…"` recommended action per outcome.
    action: Vec<Span>,
    /// Per level (the record's level now), what comes between the fields and the summary
    /// line: `,"ruleset":{…},"tool_version":"…","level_text":"…","summary_text":`.
    middle: Vec<Span>,
    /// Per question, its evidence by the code of the answer (`crate::engine::answer_code`):
    /// what [`Fragments::evidence`] writes, for every answer that has a code.
    evidence_by_code: Vec<Vec<Span>>,
    /// Per indicator, how its entry in `"fired"` is numbered by the codes of its evidence
    /// questions ([`Fragments::entry_index`]), when it can be.
    entry_index: Vec<Option<EntryIndex>>,
    /// Per dimension, how many strong, medium and weak indicators it has: its objects in
    /// `"dimensions"` are numbered by their counts ([`Fragments::dimension_index`]).
    dimension_sizes: Vec<[u32; 3]>,
}

/// Most objects of one dimension numbered by [`Fragments::dimension_index`] (a thread's table
/// of them takes 8 bytes each); beyond, they are kept by [`dimension_key`].
const MAX_DIMENSION_OBJECTS: usize = 1 << 14;

/// Numbers the combinations of the codes of an indicator's evidence questions, so that its
/// whole entry in `"fired"` can be kept and copied in one piece ([`Kept::entries`]).
#[derive(Debug)]
struct EntryIndex {
    /// Per question: the question, its stride and how many of its codes have evidence.
    questions: Vec<(usize, u32, u32)>,
    /// How many combinations there are.
    size: u32,
}

/// Most combinations an indicator's entries are numbered by ([`EntryIndex`]): a thread's
/// table of them takes 8 bytes each.
const MAX_ENTRY_COMBINATIONS: u32 = 1 << 12;

/// Appends `s` as a JSON string (quoted).
fn esc_into(out: &mut Vec<u8>, s: &str) {
    // Writing to a Vec cannot fail, nor can serializing a str.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn esc(s: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() + 2);
    esc_into(&mut v, s);
    v
}

/// Builds the pool of fragments.
struct Pool(Vec<u8>);

impl Pool {
    fn add(&mut self, parts: &[&[u8]]) -> Span {
        let start = self.0.len();
        for p in parts {
            self.0.extend_from_slice(p);
        }
        (start as u32, self.0.len() as u32)
    }
}

impl Fragments {
    pub(crate) fn new(ctx: &ReportContext<'_>) -> Self {
        let rs = ctx.rs;
        let mut p = Pool(Vec::with_capacity(32 << 10));
        let indicator_head = rs
            .indicators
            .iter()
            .map(|i| {
                let dimension = rs.dimensions.get(i.dimension).map_or("", |d| d.id.as_str());
                p.add(&[
                    b"{\"id\":",
                    &esc(&i.id),
                    b",\"dimension\":",
                    &esc(dimension),
                    b",\"strength\":",
                    &esc(i.strength.as_str()),
                    b",\"evidence\":[",
                ])
            })
            .collect();
        let dimension_head = rs
            .dimensions
            .iter()
            .map(|d| {
                [Tri::False, Tri::Unknown, Tri::True].map(|t| {
                    p.add(&[
                        b"{\"id\":",
                        &esc(&d.id),
                        b",\"state\":",
                        &esc(super::explain::state_name(t)),
                        b",\"strong\":[",
                    ])
                })
            })
            .collect();
        let question = rs.questions.iter().map(|q| p.add(&[&esc(&q.id)])).collect();
        let evidence = rs
            .questions
            .iter()
            .map(|q| {
                let open = [b"{\"question\":".as_slice(), &esc(&q.id), b",\"answer\":"].concat();
                let mut whole = |token: &str| p.add(&[&open, &esc(token), b"}"]);
                let fixed = [
                    "missing",
                    "dont_know",
                    "declined",
                    "not_applicable",
                    "yes",
                    "no",
                    "text",
                    "?",
                ]
                .map(&mut whole);
                let choice = q.options.iter().map(|o| whole(o)).collect();
                let redacted = ctx.redact && redacts(q);
                let redacted_span = whole(REDACTED);
                let open_span = p.add(&[&open, b"\""]);
                let option = q
                    .options
                    .iter()
                    .map(|o| {
                        let e = esc(o);
                        p.add(&[e.get(1..e.len() - 1).unwrap_or_default()])
                    })
                    .collect();
                QuestionEvidence {
                    fixed: if redacted { [redacted_span; 8] } else { fixed },
                    open: open_span,
                    choice,
                    option,
                    redacted,
                }
            })
            .collect();
        let outcome = rs.outcomes.iter().map(|o| p.add(&[&esc(&o.id)])).collect();
        let red_flag = rs.red_flags.iter().map(|f| p.add(&[&esc(&f.id)])).collect();
        let red_flag_text = ctx
            .texts
            .red_flags
            .iter()
            .map(|t| {
                let e = esc(t);
                p.add(&[e.get(1..e.len() - 1).unwrap_or_default()])
            })
            .collect();
        let ruleset: &[&[u8]] = &[
            b",\"ruleset\":{\"id\":",
            &esc(&rs.meta.id),
            b",\"version\":",
            &esc(&rs.meta.version),
            b",\"sha256\":",
            &esc(&rs.meta.hash),
            b"},\"tool_version\":",
            &esc(TOOL_VERSION),
        ];
        let middle = Level::ALL
            .iter()
            .map(|l| {
                let level = esc(ctx.texts.level(*l));
                let tail: [&[u8]; 3] = [b",\"level_text\":", &level, b",\"summary_text\":"];
                let parts: Vec<&[u8]> = ruleset.iter().copied().chain(tail).collect();
                p.add(&parts)
            })
            .collect();
        let action = ctx
            .texts
            .actions
            .iter()
            .map(|a| p.add(&[&esc(a)]))
            .collect();
        let mut fragments = Fragments {
            pool: p.0,
            indicator_head,
            indicator_questions: ctx.prepared.indicator_questions.clone(),
            dimension_head,
            question,
            evidence,
            outcome,
            red_flag,
            red_flag_text,
            middle,
            action,
            evidence_by_code: Vec::new(),
            entry_index: Vec::new(),
            dimension_sizes: rs
                .dimensions
                .iter()
                .map(|d| crate::engine::strength_sizes(rs, d))
                .collect(),
        };
        fragments.evidence_by_code = rs
            .questions
            .iter()
            .enumerate()
            .map(|(qi, q)| fragments.evidence_of_codes(qi, q))
            .collect();
        fragments.entry_index = fragments
            .indicator_questions
            .iter()
            .map(|questions| fragments.numbering(questions))
            .collect();
        fragments
    }

    /// How the entries of an indicator with these evidence questions are numbered, when every
    /// question has evidence by code and there are at most [`MAX_ENTRY_COMBINATIONS`].
    fn numbering(&self, questions: &[usize]) -> Option<EntryIndex> {
        let mut size = 1u32;
        let mut numbered = Vec::with_capacity(questions.len());
        for &q in questions {
            let radix = u32::try_from(self.evidence_by_code.get(q)?.len()).ok()?;
            numbered.push((q, size, radix));
            size = size
                .checked_mul(radix)
                .filter(|&n| n <= MAX_ENTRY_COMBINATIONS)?;
        }
        Some(EntryIndex {
            questions: numbered,
            size,
        })
    }

    /// The number of indicator `i`'s entry for the answers with these codes, when it has one:
    /// then the entry is made only of fragments chosen by those codes.
    #[inline]
    fn entry_index(&self, i: usize, codes: &[u16]) -> Option<(usize, usize)> {
        let numbering = self.entry_index.get(i)?.as_ref()?;
        let mut index = 0;
        for &(q, stride, radix) in &numbering.questions {
            let code = u32::from(*codes.get(q)?);
            if code >= radix {
                return None;
            }
            index += code * stride;
        }
        Some((index as usize, numbering.size as usize))
    }

    /// The number of dimension `d`'s object for these results, and how many there are: its
    /// state and its counts, numbered as the engine numbers them
    /// ([`crate::engine::counts_number`]). `None` for counts that cannot be (then the object
    /// is kept by [`dimension_key`]) or too many objects.
    #[inline]
    fn dimension_index(
        &self,
        d: usize,
        dr: &crate::engine::DimensionResult,
    ) -> Option<(usize, usize)> {
        let n = *self.dimension_sizes.get(d)?;
        let (index, size) = crate::engine::counts_number(n, &dr.counts)?;
        let (index, size) = (index * 3 + dr.present as usize, size * 3);
        (size <= MAX_DIMENSION_OBJECTS).then_some((index, size))
    }

    /// Writes indicator `i`'s entry in `"fired"`: `{"id":…,"evidence":[…]}`.
    fn write_entry(&self, e: &Evaluation, i: usize, head: Span, out: &mut Vec<u8>) {
        out.extend_from_slice(self.get(head));
        let questions = self
            .indicator_questions
            .get(i)
            .map_or(&[][..], Vec::as_slice);
        for (n, &q) in questions.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            // By the answer's code when it has one: no branch on the kind of answer.
            let code = e.codes.get(q).map_or(usize::MAX, |&c| usize::from(c));
            match self.evidence_by_code.get(q).and_then(|v| v.get(code)) {
                Some(&span) => out.extend_from_slice(self.get(span)),
                None => self.evidence(out, q, e.answers.get(q).copied().unwrap_or_default()),
            }
        }
        out.extend_from_slice(b"]}");
    }

    /// The evidence of question `qi` for every answer with a code, by code, added to the pool.
    fn evidence_of_codes(&mut self, qi: usize, q: &crate::ruleset::Question) -> Vec<Span> {
        let options = q.options.len();
        let mut answers = vec![
            Answer::Missing,
            Answer::DontKnow,
            Answer::Declined,
            Answer::NotApplicable,
            Answer::Text,
            Answer::Bool(false),
            Answer::Bool(true),
        ];
        answers.extend((0..options.min(256)).map(|i| Answer::Choice(i as u8)));
        if options <= 8 {
            answers.extend((0..1u64 << options).map(Answer::Multi));
        }
        answers.extend((0..EVIDENCE_NUMBERS).map(|n| Answer::Number(f64::from(n))));
        let mut by_code = Vec::new();
        let mut text = Vec::new();
        for a in answers {
            let code = usize::from(crate::engine::answer_code(q, a));
            if code == usize::from(crate::engine::NO_CODE) {
                continue;
            }
            if by_code.len() <= code {
                by_code.resize(code + 1, (0, 0));
            }
            text.clear();
            self.evidence(&mut text, qi, a);
            let start = self.pool.len() as u32;
            self.pool.extend_from_slice(&text);
            if let Some(span) = by_code.get_mut(code) {
                *span = (start, self.pool.len() as u32);
            }
        }
        by_code
    }

    fn get(&self, s: Span) -> &[u8] {
        self.pool
            .get(s.0 as usize..s.1 as usize)
            .unwrap_or_default()
    }

    /// The fragment at `i` of `v`, `""` when there is none (never for a validated rule set).
    fn at(&self, v: &[Span], i: usize) -> &[u8] {
        v.get(i).map_or(b"\"\"".as_slice(), |&s| self.get(s))
    }

    /// Appends one question's evidence for a fired indicator.
    fn evidence(&self, out: &mut Vec<u8>, q: usize, a: Answer) {
        let Some(ev) = self.evidence.get(q) else {
            return;
        };
        let fixed = |k: usize| ev.fixed.get(k).copied().unwrap_or((0, 0));
        let span = match a {
            _ if ev.redacted => fixed(0),
            Answer::Missing => fixed(0),
            Answer::DontKnow => fixed(1),
            Answer::Declined => fixed(2),
            Answer::NotApplicable => fixed(3),
            Answer::Bool(true) => fixed(4),
            Answer::Bool(false) => fixed(5),
            Answer::Text => fixed(6),
            Answer::Choice(i) => ev
                .choice
                .get(usize::from(i))
                .copied()
                .unwrap_or_else(|| fixed(7)),
            Answer::Multi(set) => {
                out.extend_from_slice(self.get(ev.open));
                let mut first = true;
                for (i, &o) in ev.option.iter().enumerate().take(64) {
                    if set & (1u64 << i) != 0 {
                        if !first {
                            out.push(b' ');
                        }
                        first = false;
                        out.extend_from_slice(self.get(o));
                    }
                }
                out.extend_from_slice(b"\"}");
                return;
            }
            Answer::Number(x) => {
                out.extend_from_slice(self.get(ev.open));
                number_token(out, x);
                out.extend_from_slice(b"\"}");
                return;
            }
        };
        out.extend_from_slice(self.get(span));
    }
}

/// A number as [`super::explain::format_number`] writes it (digits, `-`, `.`, `NaN`, `inf`:
/// nothing to escape).
fn number_token(out: &mut Vec<u8>, x: f64) {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        out.extend_from_slice(itoa::Buffer::new().format(x as i64).as_bytes());
    } else {
        let _ = write!(out, "{x}");
    }
}

/// Whether a string needs escaping in JSON (a control character, `"` or `\\`). Eight bytes at
/// a time, with the classic word tests "has a byte below n" and "has a zero byte" (exact for
/// whether any byte matches).
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let mut words = s.chunks_exact(8);
    for w in &mut words {
        let x = w.try_into().map_or(0, u64::from_le_bytes);
        if x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0
            || zero(x ^ (ONES * u64::from(b'"')))
            || zero(x ^ (ONES * u64::from(b'\\')))
        {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Writes a string as JSON: quoted as it is when nothing needs escaping (the usual case).
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        esc_into(out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// A record's warning as a JSON object: `{"column":…,"message":…}`.
pub(crate) fn warning(out: &mut Vec<u8>, column: &str, message: &str) {
    out.extend_from_slice(b"{\"column\":");
    string(out, column);
    out.extend_from_slice(b",\"message\":");
    string(out, message);
    out.push(b'}');
}

fn uint(out: &mut Vec<u8>, n: u64) {
    if n < 10 {
        out.push(b'0' + n as u8);
    } else {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
}

fn list(out: &mut Vec<u8>, f: &Fragments, v: &[Span], items: impl Iterator<Item = usize>) {
    out.push(b'[');
    for (k, item) in items.enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(f.at(v, item));
    }
    out.push(b']');
}

/// Summary lines escaped as JSON strings, by key, filled as records need them. Lives with the
/// texts (the localizer formats a line the first time).
#[derive(Debug, Default)]
pub(crate) struct Summaries {
    /// Shared so that copies for other threads are cheap.
    lines: FxHashMap<SummaryKey, std::sync::Arc<[u8]>>,
}

/// A copy of the summary lines known so far, for threads that cannot use the localizer: they
/// write the lines it has and leave a hole for the others.
pub(crate) type KnownSummaries = std::sync::Arc<FxHashMap<SummaryKey, std::sync::Arc<[u8]>>>;

/// Most summary lines kept (as in [`super::explain::summary_text`]).
const MAX_SUMMARIES: usize = 4096;

impl Summaries {
    /// Appends the summary line of `key` as a JSON string.
    pub(crate) fn write(&mut self, texts: &Texts, key: &SummaryKey, out: &mut Vec<u8>) {
        if let Some(line) = self.lines.get(key) {
            out.extend_from_slice(line);
            return;
        }
        let line = esc(&summary_of_key(texts, key));
        out.extend_from_slice(&line);
        if self.lines.len() < MAX_SUMMARIES {
            self.lines.insert(*key, line.into());
        }
    }

    /// How many lines are kept.
    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// A copy of the lines kept.
    pub(crate) fn known(&self) -> KnownSummaries {
        std::sync::Arc::new(self.lines.clone())
    }
}

/// Parts of records as written before, to copy them whole into the records that have the same
/// parts: the head of a record from `"status"` to `"fired":[` by the results it shows
/// ([`head_key`]) and each dimension's object by its state and counts. One per thread and
/// [`Fragments`]: most of a record is copied in a few pieces rather than written in many small
/// ones.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    parts: Parts,
    /// Heads by [`head_key`].
    heads: FxHashMap<u128, Span>,
    /// Dimension objects by [`dimension_key`], when [`Fragments::dimension_index`] has no
    /// number for them.
    dimensions: FxHashMap<u64, Span>,
    /// Dimension objects, per dimension by [`Fragments::dimension_index`].
    dimension_objects: Entries,
    /// Entries in `"fired"`, per indicator by [`Fragments::entry_index`].
    entries: Entries,
}

/// Per indicator (or dimension), its parts kept by their number; an empty span for one not
/// kept. Each table is made the first time one of its parts is written.
#[derive(Debug, Default)]
struct Entries(Vec<Vec<Span>>);

impl Entries {
    fn of(&mut self, i: usize) -> Option<&mut Vec<Span>> {
        if self.0.len() <= i {
            self.0.resize_with(i + 1, Vec::new);
        }
        self.0.get_mut(i)
    }
}

/// The bytes of the parts kept, one after the other.
#[derive(Debug, Default)]
struct Parts(Vec<u8>);

/// Most bytes of parts kept (beyond this, parts are written each time).
const MAX_KEPT: usize = 1 << 20;

impl Parts {
    /// Keeps `part`; `None` when there is no room left.
    fn keep(&mut self, part: &[u8]) -> Option<Span> {
        if self.0.len() + part.len() > MAX_KEPT {
            return None;
        }
        let start = self.0.len() as u32;
        self.0.extend_from_slice(part);
        Some((start, self.0.len() as u32))
    }

    /// Copies the part kept as `span`.
    fn put(&self, out: &mut Vec<u8>, (a, b): Span) {
        out.extend_from_slice(self.0.get(a as usize..b as usize).unwrap_or_default());
    }

    /// Copies the part kept in `map` under `key`; else writes it with `write` and keeps it
    /// there (when it has a key and there is room).
    fn copy_or_write<K: std::hash::Hash + Eq>(
        &mut self,
        map: &mut FxHashMap<K, Span>,
        key: Option<K>,
        out: &mut Vec<u8>,
        write: impl FnOnce(&mut Vec<u8>),
    ) {
        let Some(key) = key else {
            return write(out);
        };
        if let Some(&span) = map.get(&key) {
            return self.put(out, span);
        }
        let start = out.len();
        write(out);
        if let Some(span) = self.keep(out.get(start..).unwrap_or_default()) {
            map.insert(key, span);
        }
    }

    /// Copies the part kept at `table[index]`; else writes it with `write` and keeps it there
    /// (when there is room). `table` is made `size` long the first time.
    fn copy_or_write_at(
        &mut self,
        table: &mut Vec<Span>,
        index: usize,
        size: usize,
        out: &mut Vec<u8>,
        write: impl FnOnce(&mut Vec<u8>),
    ) {
        if table.is_empty() {
            table.resize(size, (0, 0));
        }
        match table.get(index) {
            Some(&span) if span.1 > 0 => return self.put(out, span),
            Some(_) => {}
            None => return write(out),
        }
        let start = out.len();
        write(out);
        if let Some(span) = self.keep(out.get(start..).unwrap_or_default()) {
            if let Some(slot) = table.get_mut(index) {
                *slot = span;
            }
        }
    }
}

/// Writes one record that was read and evaluated up to and including its pass-through fields,
/// and returns its evaluation (for [`write_end`]); `None` (and nothing written) for a record
/// with an error. `file` is the file name as a JSON string.
pub(crate) fn write_head<'e>(
    f: &Fragments,
    kept: &mut Kept,
    file: &[u8],
    s: &Scored<'e>,
    json: WarningsJson<'_>,
    out: &mut Vec<u8>,
) -> Option<&'e Evaluation> {
    let e = s.eval?;
    let r = s.record;
    out.reserve(4096);
    out.extend_from_slice(b"{\"file\":");
    out.extend_from_slice(file);
    out.extend_from_slice(b",\"record\":");
    uint(out, r.number);
    out.extend_from_slice(b",\"line\":");
    uint(out, r.line);
    out.extend_from_slice(b",\"case_id\":");
    string(out, &r.case_id);
    let key = head_key(e);
    let Kept {
        parts,
        heads,
        dimensions,
        dimension_objects,
        entries,
    } = kept;
    parts.copy_or_write(heads, key, out, |out| write_results(f, e, out));
    let mut k = 0;
    for (i, _) in e
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Tri::True)
    {
        let Some(&head) = f.indicator_head.get(i) else {
            continue;
        };
        if k > 0 {
            out.push(b',');
        }
        k += 1;
        match f.entry_index(i, &e.codes).zip(entries.of(i)) {
            Some(((index, size), table)) => {
                parts.copy_or_write_at(table, index, size, out, |out| {
                    f.write_entry(e, i, head, out);
                });
            }
            None => f.write_entry(e, i, head, out),
        }
    }
    out.extend_from_slice(b"],\"dimensions\":[");
    for (d, dr) in e.dimensions.iter().enumerate() {
        if d > 0 {
            out.push(b',');
        }
        let write = |out: &mut Vec<u8>| write_dimension(f, d, dr, out);
        match f.dimension_index(d, dr).zip(dimension_objects.of(d)) {
            Some(((index, size), table)) => {
                parts.copy_or_write_at(table, index, size, out, write);
            }
            None => parts.copy_or_write(dimensions, dimension_key(d, dr), out, write),
        }
    }
    out.extend_from_slice(b"],\"deciding_not_asked\":");
    list(out, f, &f.question, e.deciding_not_asked.iter().copied());
    out.extend_from_slice(b",\"deciding_unknown\":");
    list(out, f, &f.question, e.deciding_unknown.iter().copied());
    out.extend_from_slice(b",\"warnings\":[");
    let mut next = 0;
    for (k, w) in r.warnings.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        if let Some(written) = json.get(k, &mut next) {
            out.extend_from_slice(written);
            continue;
        }
        warning(out, &w.column, &w.message);
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
    Some(e)
}

/// Writes the rest of a record after [`write_head`], which gave `e`:
/// `,"ruleset":…,"summary_text":…}`, in three parts written once: by the level, by the
/// summary key and by the action. (Kept whole, keyed by the results and the deciding
/// questions, most ends were not found again: the deciding questions vary too much. Without
/// them the speed is the same.)
/// `known` holds the summary lines (JSON strings) this thread has; when it does not have the
/// record's, the line is left out and its key and place in `out` returned, for the caller to
/// fill in.
pub(crate) fn write_end(
    f: &Fragments,
    rs: &crate::ruleset::RuleSet,
    e: &Evaluation,
    known: &KnownSummaries,
    out: &mut Vec<u8>,
) -> Option<(usize, SummaryKey)> {
    write_middle(f, e, out);
    let summary = summary_key(rs, e)?;
    let Some(line) = known.get(&summary) else {
        let at = out.len();
        write_tail(f, e, out);
        return Some((at, summary));
    };
    out.extend_from_slice(line);
    write_tail(f, e, out);
    None
}

/// `,"ruleset":…,"level_text":…,"summary_text":`.
fn write_middle(f: &Fragments, e: &Evaluation, out: &mut Vec<u8>) {
    out.extend_from_slice(f.at(&f.middle, e.now as usize));
}

/// What [`write_dimension`] writes, as one number: `None` for counts too large for one.
fn dimension_key(d: usize, dr: &crate::engine::DimensionResult) -> Option<u64> {
    let mut key = (dr.present as u64) | (d as u64) << 2;
    if d >= 1 << 14 {
        return None;
    }
    let [(a, b), (c, g), (h, i), _] = dr.counts;
    for (k, n) in [a, b, c, g, h, i].into_iter().enumerate() {
        if n > 255 {
            return None;
        }
        key |= u64::from(n) << (16 + 8 * k);
    }
    Some(key)
}

/// One dimension's object.
fn write_dimension(
    f: &Fragments,
    d: usize,
    dr: &crate::engine::DimensionResult,
    out: &mut Vec<u8>,
) {
    let head = f
        .dimension_head
        .get(d)
        .and_then(|h| h.get(dr.present as usize));
    out.extend_from_slice(head.map_or(b"".as_slice(), |&h| f.get(h)));
    // The head ends in `"strong":[`.
    let keys: [&[u8]; 3] = [b"", b"],\"medium\":[", b"],\"weak\":["];
    for (key, (fired, possible)) in keys.into_iter().zip(dr.counts) {
        out.extend_from_slice(key);
        uint(out, fired.into());
        out.push(b',');
        uint(out, possible.into());
    }
    out.extend_from_slice(b"]}");
}

/// What [`write_results`] writes, as one number: `None` when the rule set has too many
/// outcomes, red flags or questions for one.
fn head_key(e: &Evaluation) -> Option<u128> {
    let outcome = |o: Option<usize>| match o {
        Some(i) if i < 63 => Some(i as u128),
        Some(_) => None,
        None => Some(63),
    };
    let mut key = (e.now as u128)
        | (e.upper as u128) << 3
        | u128::from(e.settled()) << 6
        | (e.applicable as u128) << 7
        | u128::from(e.safety_checked) << 9
        | (age_bits(e.age)) << 10
        | outcome(e.now_outcome)? << 13
        | outcome(e.upper_outcome)? << 19;
    if e.red_flags.len() > 16 {
        return None;
    }
    for (i, t) in e.red_flags.iter().enumerate() {
        key |= u128::from(*t == Tri::True) << (25 + i);
    }
    for &q in &e.safety_unanswered {
        if q >= 64 {
            return None;
        }
        key |= 1 << (41 + q);
    }
    Some(key)
}

fn age_bits(a: crate::engine::AgeStatus) -> u128 {
    use crate::engine::AgeStatus as A;
    match a {
        A::NotTracked => 0,
        A::Adult => 1,
        A::Child => 2,
        A::AppearsMinor => 3,
        A::Unknown => 4,
    }
}

/// The results of a record, from `,"status"` to `"fired":[`.
fn write_results(f: &Fragments, e: &Evaluation, out: &mut Vec<u8>) {
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
        Some(i) if i < f.outcome.len() => out.extend_from_slice(f.at(&f.outcome, i)),
        _ => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"upper_outcome\":");
    match e.upper_outcome {
        Some(i) if i < f.outcome.len() => out.extend_from_slice(f.at(&f.outcome, i)),
        _ => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"red_flags\":");
    list(
        out,
        f,
        &f.red_flag,
        e.red_flags
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::True)
            .map(|(i, _)| i),
    );
    out.extend_from_slice(b",\"safety_checked\":");
    out.extend_from_slice(if e.safety_checked { b"true" } else { b"false" });
    out.extend_from_slice(b",\"safety_unanswered\":");
    list(out, f, &f.question, e.safety_unanswered.iter().copied());
    out.extend_from_slice(b",\"age\":\"");
    out.extend_from_slice(e.age.as_str().as_bytes());
    out.extend_from_slice(b"\",\"fired\":[");
}

/// Writes the rest of a record after its summary line: `,"action_text":…}`.
pub(crate) fn write_tail(f: &Fragments, e: &Evaluation, out: &mut Vec<u8>) {
    out.extend_from_slice(b",\"action_text\":");
    // The fired red flags' texts (each says what to do), else the outcome's action.
    if e.red_flag_fired && e.red_flags.contains(&Tri::True) {
        out.push(b'"');
        let mut first = true;
        for (i, _) in e
            .red_flags
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::True)
        {
            let Some(&text) = f.red_flag_text.get(i) else {
                continue;
            };
            if !first {
                out.push(b' ');
            }
            first = false;
            out.extend_from_slice(f.get(text));
        }
        out.push(b'"');
    } else {
        match e.now_outcome.and_then(|i| f.action.get(i)) {
            Some(&a) => out.extend_from_slice(f.get(a)),
            None => out.extend_from_slice(b"\"\""),
        }
    }
    out.push(b'}');
}

/// Writes one record that was read and evaluated, with its summary line; `None` for a record
/// with an error (the caller then uses the general path). `file` is the file name as a JSON
/// string.
pub(crate) fn write_record(
    ctx: &ReportContext<'_>,
    f: &Fragments,
    kept: &mut Kept,
    summaries: &mut Summaries,
    file: &[u8],
    s: &Scored<'_>,
    out: &mut Vec<u8>,
) -> Option<()> {
    let e = write_head(f, kept, file, s, WarningsJson::default(), out)?;
    write_middle(f, e, out);
    match summary_key(ctx.rs, e) {
        Some(key) => summaries.write(ctx.texts, &key, out),
        None => string(out, &summary_text(ctx.rs, ctx.texts, e)),
    }
    write_tail(f, e, out);
    Some(())
}

/// Writes a record with an error through the general path (`serde_json`).
pub(crate) fn write_error_record(
    ctx: &ReportContext<'_>,
    s: &Scored<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let j = super::json_out::record_json(ctx, s);
    serde_json::to_writer(out, &j).map_err(io::Error::other)
}

/// A file name as a JSON string.
pub(crate) fn file_json(name: &str) -> Vec<u8> {
    esc(name)
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

    /// Every byte value at every place of strings of 1 to 24 bytes (words and the rest).
    #[test]
    fn needs_escape_finds_every_byte_that_needs_it() {
        let naive = |s: &[u8]| s.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        for len in 1..=24usize {
            for at in 0..len {
                for b in 0..=255u8 {
                    for fill in [b'a', 0xd0, 0x7f, 0xff] {
                        let mut s = vec![fill; len];
                        if let Some(x) = s.get_mut(at) {
                            *x = b;
                        }
                        assert_eq!(needs_escape(&s), naive(&s), "{s:?}");
                    }
                }
            }
        }
    }
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

    fn ilo_rules() -> RuleSet {
        let folder = Folder::embedded_ruleset("ilo-2009-adult-labour").expect("shipped");
        load(&folder, &mut SourceMap::default(), LoadOptions::default())
            .ruleset
            .expect("valid")
    }

    fn answer(kind: QuestionKind, options: usize, pick: u64) -> Answer {
        let p = pick >> 4;
        match (kind, pick % 9) {
            (_, 0) => Answer::Missing,
            (_, 1) => Answer::DontKnow,
            (_, 2) => Answer::Declined,
            (_, 3) => Answer::NotApplicable,
            (QuestionKind::YesNo, _) => Answer::Bool(p.is_multiple_of(2)),
            // One past the options too (written as `?`).
            (QuestionKind::SingleChoice, _) => Answer::Choice((p as usize % (options + 1)) as u8),
            // Bits past the options too (left out).
            (QuestionKind::MultiChoice, _) => Answer::Multi(
                p & 1u64.checked_shl(options as u32).map_or(u64::MAX, |b| b - 1)
                    | (pick & (1 << 63)),
            ),
            (QuestionKind::Number, k) => Answer::Number(match k % 3 {
                0 => (p % 60) as f64,
                1 => (p % 60) as f64 / 4.0 - 3.0,
                _ => 1e15 + (p % 7) as f64,
            }),
            (QuestionKind::Text, _) => Answer::Text,
        }
    }

    /// The parts kept by [`Kept`] (heads, dimensions) are only
    /// copied into records with the same results: thousands of records whose answers repeat
    /// often, written as the batch workers write them (summary lines the thread does not have
    /// left out and filled in after), each equal to the serde writer's.
    #[test]
    fn kept_parts_equal_what_is_written_anew() {
        for (rs, id) in [
            (kz(), "kz-handbook"),
            (ilo_rules(), "ilo-2009-adult-labour"),
        ] {
            let loc =
                Localizer::new("ru", &Folder::embedded_locales(), Some((id, None))).expect("loc");
            let texts = Texts::new(loc, &rs);
            let prepared = Prepared::new(&rs);
            let ctx = ReportContext {
                rs: &rs,
                texts: &texts,
                prepared: &prepared,
                width: None,
                redact: false,
            };
            let fragments = Fragments::new(&ctx);
            let tables = crate::engine::Tables::new(&rs);
            let mut summaries = Summaries::default();
            let mut known = summaries.known();
            let mut kept = Kept::default();
            let mut seed = 0x9E37_79B9_7F4A_7C15u64;
            let (mut from_cache, mut holes) = (0, 0);
            for n in 0..2500u64 {
                let answers: Vec<Answer> = rs
                    .questions
                    .iter()
                    .map(|q| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        // Few values per question, so that results repeat.
                        answer(q.kind, q.options.len().max(1), seed % 40)
                    })
                    .collect();
                let e = Engine::with_tables(&rs, &tables).evaluate(&answers);
                let record = Record {
                    number: n,
                    line: n + 2,
                    case_id: format!("C{n}"),
                    answers,
                    ..Record::default()
                };
                let s = Scored {
                    record: &record,
                    eval: Some(&e),
                    file: "a.csv",
                };
                let mut fast = Vec::new();
                let e = write_head(
                    &fragments,
                    &mut kept,
                    &file_json(s.file),
                    &s,
                    WarningsJson::default(),
                    &mut fast,
                )
                .expect("ok record");
                if let Some((at, key)) = write_end(&fragments, &rs, e, &known, &mut fast) {
                    let mut line = Vec::new();
                    summaries.write(&texts, &key, &mut line);
                    fast.splice(at..at, line);
                    holes += 1;
                } else {
                    from_cache += 1;
                }
                if n % 100 == 0 {
                    known = summaries.known();
                }
                let slow = serde_json::to_vec(&crate::output::json_out::record_json(&ctx, &s))
                    .expect("serde");
                assert_eq!(
                    String::from_utf8_lossy(&fast),
                    String::from_utf8_lossy(&slow),
                    "{id}, record {n}"
                );
            }
            assert!(
                from_cache > 500 && holes > 0,
                "{id}: {from_cache} summary lines known, {holes} holes"
            );
            assert!(!kept.heads.is_empty());
            let objects = kept.dimension_objects.0.iter().flatten();
            let objects = objects.filter(|s| s.1 > 0).count();
            assert!(objects > 50, "{id}: {objects} dimension objects kept");
            let entries = kept.entries.0.iter().flatten().filter(|s| s.1 > 0).count();
            assert!(entries > 50, "{id}: {entries} entries of \"fired\" kept");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The fast writer gives exactly the bytes of the serde writer.
        #[test]
        fn fast_json_equals_serde_json(picks in proptest::collection::vec(any::<u64>(), 80), lang in 0usize..3, redact: bool, ilo: bool) {
            let (rs, id) = if ilo { (ilo_rules(), "ilo-2009-adult-labour") } else { (kz(), "kz-handbook") };
            let lang = ["en", "ru", "kk"][lang];
            let loc = Localizer::new(lang, &Folder::embedded_locales(), Some((id, None))).expect("loc");
            let texts = Texts::new(loc, &rs);
            let prepared = Prepared::new(&rs);
            let ctx = ReportContext { rs: &rs, texts: &texts, prepared: &prepared, width: None, redact };
            let fragments = Fragments::new(&ctx);
            // One cache of summary lines and of fired indicators' blocks for every record, as
            // in a run; the engine's tables give the blocks' slots. The third and fourth
            // records repeat answers of the first two, so that blocks are taken from the cache.
            let mut summaries = Summaries::default();
            let mut kept = Kept::default();
            let tables = crate::engine::Tables::new(&rs);
            let mixed: Vec<u64> = picks[..20].iter().chain(&picks[60..]).copied().collect();
            for (n, picks) in [&picks[..40], &picks[40..], &mixed, &picks[..40]].into_iter().enumerate() {
                let answers: Vec<Answer> = rs.questions.iter().zip(picks.iter().cycle())
                    .map(|(q, p)| answer(q.kind, q.options.len().max(1), *p)).collect();
                let e = Engine::with_tables(&rs, &tables).evaluate(&answers);
                let record = Record {
                    number: 7 + n as u64,
                    line: 1_000_009,
                    case_id: if n == 0 { "K-\"7\"\\ кейс".into() } else { "C0000001".into() },
                    answers,
                    fields: vec![("officer".into(), "Ә \"x\"\n".into()), ("date".into(), "2026-11-01".into())],
                    warnings: vec![RecordWarning { column: "age".into(), message: "invalid `x`\ty".into() }],
                    error: None,
                };
                let s = Scored { record: &record, eval: Some(&e), file: "in \"1\".csv" };
                let mut fast = Vec::new();
                write_record(&ctx, &fragments, &mut kept, &mut summaries, &file_json(s.file), &s, &mut fast).expect("ok record");
                let slow = serde_json::to_vec(&crate::output::json_out::record_json(&ctx, &s)).expect("serde");
                prop_assert_eq!(String::from_utf8_lossy(&fast), String::from_utf8_lossy(&slow));
            }
        }
    }
}
