//! Answers -> skip logic -> indicators -> dimensions -> red flags and outcomes, with the
//! explanation of every step.

mod evaluation;
#[cfg(test)]
mod property_tests;

pub use evaluation::{AgeStatus, DimensionResult, Evaluation};

use std::sync::atomic::{AtomicU8, Ordering};

use crate::answer::Answer;
use crate::condition::compiled::{Counts, Env};
use crate::condition::{Leaf, Tri};
use crate::level::Level;
use crate::ruleset::{RuleSet, Strength};

/// Evaluates answers against one rule set. Cheap to create; holds no per-record state, so one
/// engine serves any number of records (and threads).
#[derive(Debug, Clone, Copy)]
pub struct Engine<'r> {
    rs: &'r RuleSet,
    tables: Option<&'r Tables>,
}

/// Results worked out once per rule set, to evaluate many records faster (batch scoring).
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Per dimension, when its `present_if` reads nothing but counts: its value for every
    /// possible count of its strong, medium and weak indicators.
    present: Vec<Option<PresentTable>>,
    /// The conditions read for every record, copied next to each other (the rule set's items
    /// are large and spread out: reading them is mostly waiting for memory).
    /// `show_if` of the questions that have one, in [`RuleSet::show_order`].
    show_if: Vec<(usize, crate::condition::Cond)>,
    /// The condition of every indicator.
    indicators: Vec<crate::condition::Cond>,
    /// Per dimension, its indicators and their slots in [`Counts`].
    members: Vec<Vec<(usize, usize)>>,
    /// Per indicator, its state for every combination of the answers it reads, when there
    /// are few enough.
    memo: Vec<Option<Memo>>,
    /// The same for each `show_if` of [`Tables::show_if`].
    show_memo: Vec<Option<Memo>>,
    /// Per question, how its answers map to codes (see [`Evaluation::codes`]).
    coders: Vec<Coder>,
}

/// How an answer to one question maps to a small number, its code: 0 to 4 for missing, don't
/// know, declined, not applicable and free text, then one per value of the question's kind.
/// Answers with no code (fractional or large numbers, large option sets) are evaluated as usual.
#[derive(Debug, Clone, Copy)]
struct Coder {
    kind: crate::ruleset::QuestionKind,
    options: u32,
}

/// Whole numbers 0 to `NUMBER_CODES - 1` have a code.
const NUMBER_CODES: u32 = 128;
/// Option sets have a code when the question has at most this many options.
const MULTI_CODED_OPTIONS: u32 = 8;

/// The code of an answer to `q`, as in [`Evaluation::codes`].
pub(crate) fn answer_code(q: &crate::ruleset::Question, a: Answer) -> u16 {
    Coder::of(q).code16(a)
}

/// The code of [`Answer::Missing`], to any question.
pub(crate) const MISSING_CODE: u16 = 0;
/// The code of [`Answer::NotApplicable`], to any question.
const NOT_APPLICABLE_CODE: u16 = 3;

/// No code: see [`Coder`].
pub(crate) const NO_CODE: u16 = u16::MAX;

impl Coder {
    fn of(q: &crate::ruleset::Question) -> Coder {
        Coder {
            kind: q.kind,
            options: u32::try_from(q.options.len()).unwrap_or(u32::MAX),
        }
    }

    /// [`Coder::code`] as stored in [`Evaluation::codes`].
    fn code16(self, a: Answer) -> u16 {
        self.code(a)
            .and_then(|c| u16::try_from(c).ok())
            .filter(|&c| c != NO_CODE)
            .unwrap_or(NO_CODE)
    }

    fn radix(self) -> u32 {
        use crate::ruleset::QuestionKind as K;
        5 + match self.kind {
            K::YesNo => 2,
            K::SingleChoice => self.options,
            K::MultiChoice if self.options <= MULTI_CODED_OPTIONS => 1 << self.options,
            K::MultiChoice | K::Text => 0,
            K::Number => NUMBER_CODES,
        }
    }

    fn code(self, a: Answer) -> Option<u32> {
        use crate::ruleset::QuestionKind as K;
        let value = match (a, self.kind) {
            (Answer::Missing, _) => return Some(u32::from(MISSING_CODE)),
            (Answer::DontKnow, _) => return Some(1),
            (Answer::Declined, _) => return Some(2),
            (Answer::NotApplicable, _) => return Some(u32::from(NOT_APPLICABLE_CODE)),
            (Answer::Text, _) => return Some(4),
            (Answer::Bool(b), K::YesNo) => u32::from(b),
            (Answer::Choice(i), K::SingleChoice) if u32::from(i) < self.options => u32::from(i),
            (Answer::Multi(set), K::MultiChoice)
                if self.options <= MULTI_CODED_OPTIONS && set < 1 << self.options =>
            {
                set as u32
            }
            (Answer::Number(x), K::Number) => {
                // Exactly a whole number in range (not -0.0, whose text is the same anyway).
                let n = x as u32;
                if n < NUMBER_CODES && f64::from(n).to_bits() == x.to_bits() {
                    n
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some(5 + value)
    }
}

/// A condition's state for every combination of the codes of the answers it reads, worked out
/// the first time a record has that combination (the threads of batch scoring share one).
/// Sound because the condition reads nothing but those answers (built only for such).
#[derive(Debug)]
struct Memo {
    /// The questions read, each with its stride in the index: the first `len`. In the memo
    /// itself, not behind a pointer: every record reads them for every indicator.
    questions: [(u32, u32); MEMO_QUESTIONS],
    len: usize,
    /// 0 while not worked out, else 1 + `Tri as u8`; for an indicator's memo, also, from bit
    /// 2, which of its questions are the unknown leaves of its condition
    /// ([`Cond::eval_leaves`](crate::condition::Cond::eval_leaves)), bit `k` for question
    /// `k`: tracing deciding questions reads them instead of walking the condition again.
    states: Box<[AtomicU8]>,
}

/// Most questions a memo reads: six bits of a state byte hold its unknown leaves. No memo
/// reads more anyway: every question has at least five codes (the unknowns and free text),
/// and seven would make more than [`MAX_MEMO`] combinations.
const MEMO_QUESTIONS: usize = 6;
const _: () = assert!(5usize.pow(MEMO_QUESTIONS as u32 + 1) > MAX_MEMO);

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo {
            questions: self.questions,
            len: self.len,
            states: copy_states(&self.states),
        }
    }
}

impl Memo {
    /// The memo of `cond`, when it reads only answers, all of them with codes, and has at most
    /// [`MAX_MEMO`] combinations.
    fn new(cond: &crate::condition::Cond, coders: &[Coder]) -> Option<Memo> {
        let mut answers_only = true;
        cond.visit_leaves(&mut |l| answers_only &= matches!(l, Leaf::Question(_)));
        if !answers_only {
            return None;
        }
        let read = cond.questions();
        if read.len() > MEMO_QUESTIONS {
            return None;
        }
        let mut size = 1usize;
        let mut questions = [(0, 0); MEMO_QUESTIONS];
        for (slot, &q) in questions.iter_mut().zip(&read) {
            let radix = coders.get(q)?.radix();
            *slot = (u32::try_from(q).ok()?, u32::try_from(size).ok()?);
            size = size.checked_mul(radix as usize)?;
            if size > MAX_MEMO {
                return None;
            }
        }
        Some(Memo {
            questions,
            len: read.len(),
            states: std::iter::repeat_with(AtomicU8::default)
                .take(size)
                .collect(),
        })
    }

    /// The questions read and their strides.
    fn terms(&self) -> &[(u32, u32)] {
        self.questions.get(..self.len).unwrap_or_default()
    }

    /// The slot of the combination of `codes` (see [`Evaluation::codes`]); `None` when an
    /// answer read has no code. No branch per answer: [`NO_CODE`] times any stride is past the
    /// end of the table (which is at most [`MAX_MEMO`] long), and the sum cannot overflow.
    #[inline]
    fn slot(&self, codes: &[u16]) -> Option<&AtomicU8> {
        let mut index = 0u64;
        for &(q, stride) in self.terms() {
            let c = codes.get(q as usize).copied().unwrap_or(NO_CODE);
            index += u64::from(c) * u64::from(stride);
        }
        self.states.get(usize::try_from(index).ok()?)
    }
}

/// A condition's state from its memo when it has one and the answers it reads have codes; else
/// `eval`'s. `eval` also works out a memo's state the first time.
fn memoized(memo: Option<&Memo>, codes: &[u16], eval: impl FnOnce() -> Tri) -> Tri {
    match memo.and_then(|m| m.slot(codes)) {
        Some(slot) => memo_state(slot, eval),
        None => eval(),
    }
}

/// Most combinations memoized for one indicator, and for all indicators together. At most
/// [`NO_CODE`], so that an answer without a code finds no slot (see [`Memo::slot`]).
const MAX_MEMO: usize = NO_CODE as usize;
const MAX_MEMO_TOTAL: usize = 1 << 22;

/// A dimension's state for every count, worked out the first time a record has that count
/// (the threads of batch scoring share one table).
#[derive(Debug)]
struct PresentTable {
    /// Strong, medium and weak indicators of the dimension.
    n: [u32; 3],
    /// Indexed by [`PresentTable::index`]: 0 while not worked out, else 1 + `Tri as u8`.
    states: Vec<AtomicU8>,
}

impl Clone for PresentTable {
    fn clone(&self) -> Self {
        PresentTable {
            n: self.n,
            states: copy_states(&self.states),
        }
    }
}

/// Most entries of one dimension's table.
const MAX_TABLE: usize = 1 << 16;

/// Pairs `(lo, hi)` with `lo <= hi <= n`.
fn pairs(n: u32) -> usize {
    (n as usize + 1) * (n as usize + 2) / 2
}

impl PresentTable {
    fn index(&self, counts: &Counts) -> Option<usize> {
        counts_number(self.n, counts).map(|(index, _)| index)
    }
}

/// How many strong, medium and weak indicators dimension `d` has (the `n` of
/// [`counts_number`]).
pub(crate) fn strength_sizes(rs: &RuleSet, d: &crate::ruleset::Dimension) -> [u32; 3] {
    let mut n = [0u32; 3];
    for ind in d.indicators.iter().filter_map(|&i| rs.indicators.get(i)) {
        if let Some(c) = n.get_mut(strength_slot(ind.strength)) {
            *c += 1;
        }
    }
    n
}

/// The number of a dimension's counts of fired and possible strong, medium and weak indicators,
/// of which it has `n`, and how many such numbers there are: `None` for counts that cannot be.
/// (Dimension states are kept by it, and the JSON Lines writer keeps dimension objects by it.)
pub(crate) fn counts_number(n: [u32; 3], counts: &Counts) -> Option<(usize, usize)> {
    let (mut index, mut size) = (0, 1);
    for (&n, &(lo, hi)) in n.iter().zip(counts) {
        if lo > hi || hi > n {
            return None;
        }
        index = index * pairs(n) + (hi as usize * (hi as usize + 1) / 2 + lo as usize);
        size *= pairs(n);
    }
    Some((index, size))
}

impl Tables {
    /// Works out the tables of `rs`.
    #[must_use]
    pub fn new(rs: &RuleSet) -> Self {
        let present = rs
            .dimensions
            .iter()
            .map(|d| {
                let mut counts_only = true;
                d.present_if.cond.visit_leaves(&mut |l| {
                    counts_only &= l == Leaf::Count;
                });
                let n = strength_sizes(rs, d);
                let size = n.iter().map(|&k| pairs(k)).product::<usize>();
                if !counts_only || size > MAX_TABLE {
                    return None;
                }
                Some(PresentTable {
                    n,
                    states: std::iter::repeat_with(AtomicU8::default)
                        .take(size)
                        .collect(),
                })
            })
            .collect();
        let coders: Vec<Coder> = rs.questions.iter().map(Coder::of).collect();
        let mut total = 0usize;
        let memo = rs
            .indicators
            .iter()
            .map(|i| {
                let memo = Memo::new(&i.when.cond, &coders)?;
                if total + memo.states.len() > MAX_MEMO_TOTAL {
                    return None;
                }
                total += memo.states.len();
                Some(memo)
            })
            .collect();
        let show_if: Vec<(usize, crate::condition::Cond)> = rs
            .show_order
            .iter()
            .filter_map(|&q| {
                let c = rs.questions.get(q)?.show_if.as_ref()?;
                Some((q, c.cond.clone()))
            })
            .collect();
        let show_memo = show_if.iter().map(|(_, c)| Memo::new(c, &coders)).collect();
        Tables {
            memo,
            show_memo,
            coders,
            present,
            show_if,
            indicators: rs.indicators.iter().map(|i| i.when.cond.clone()).collect(),
            members: rs
                .dimensions
                .iter()
                .map(|d| {
                    d.indicators
                        .iter()
                        .filter_map(|&i| Some((i, strength_slot(rs.indicators.get(i)?.strength))))
                        .collect()
                })
                .collect(),
        }
    }

    /// An indicator's state, from the memo when it has one; `env` works it out the first
    /// time (with the unknown leaves, kept in the slot). Also returns the memo's slot (0
    /// without a memo), for [`Tables::indicator_leaves`].
    #[inline]
    fn indicator(
        &self,
        i: usize,
        codes: &[u16],
        env: &Env<'_>,
        leaves: &mut Vec<Leaf>,
    ) -> (Tri, u8) {
        let memo = self.memo.get(i).and_then(Option::as_ref);
        let slot = memo.and_then(|m| m.slot(codes));
        if let Some(v) = slot.map(|s| s.load(Ordering::Relaxed)).filter(|&v| v != 0) {
            return (state_of(v), v);
        }
        self.indicator_anew(i, memo.zip(slot), env, leaves)
    }

    /// [`Tables::indicator`] when its memo does not have the state yet, or it has no memo.
    #[inline(never)]
    fn indicator_anew(
        &self,
        i: usize,
        memo: Option<(&Memo, &AtomicU8)>,
        env: &Env<'_>,
        leaves: &mut Vec<Leaf>,
    ) -> (Tri, u8) {
        let Some(cond) = self.indicators.get(i) else {
            return (Tri::Unknown, 0);
        };
        let Some((memo, slot)) = memo else {
            return (cond.eval(env), 0);
        };
        leaves.clear();
        let t = cond.eval_leaves(env, leaves);
        let mut bits = 0u8;
        for leaf in leaves.iter() {
            // An answers-only condition has no other leaves, and they are its questions.
            if let Leaf::Question(q) = *leaf {
                if let Some(k) = memo.terms().iter().position(|&(x, _)| x == q) {
                    bits |= 1 << k;
                }
            }
        }
        let v = (1 + t as u8) | (bits << 2);
        slot.store(v, Ordering::Relaxed);
        (t, v)
    }

    /// The unknown leaves of indicator `i` (its state unknown), from the slot of its memo
    /// that [`Tables::indicator`] returned for the record (0: no memo, `None`): the questions,
    /// each once.
    fn indicator_leaves(&self, i: usize, v: u8) -> Option<impl Iterator<Item = usize> + '_> {
        if v == 0 {
            return None;
        }
        let memo = self.memo.get(i)?.as_ref()?;
        let bits = v >> 2;
        Some(
            memo.terms()
                .iter()
                .enumerate()
                .filter(move |&(k, _)| bits >> k & 1 != 0)
                .map(|(_, &(q, _))| q as usize),
        )
    }

    /// [`apply_skip_logic`] with the memos of the `show_if` conditions, keeping `codes` (see
    /// [`Evaluation::codes`]) in step with `answers`.
    fn skip_logic(&self, answers: &mut [Answer], applies: &mut [Tri], codes: &mut [u16]) {
        for (k, (q, cond)) in self.show_if.iter().enumerate() {
            let q = *q;
            let memo = self.show_memo.get(k).and_then(Option::as_ref);
            let t = memoized(memo, codes, || cond.eval(&Env::answers_only(answers)));
            let (Some(a), Some(c), Some(applies)) =
                (answers.get_mut(q), codes.get_mut(q), applies.get_mut(q))
            else {
                continue;
            };
            *applies = t;
            show(t, a, c);
        }
    }

    /// A dimension's state from the table, when it has one; `eval` works it out the first
    /// time. Every thread stores the same value, so the order of loads and stores does not
    /// matter.
    fn present(&self, d: usize, counts: &Counts, eval: impl FnOnce() -> Tri) -> Option<Tri> {
        let t = self.present.get(d)?.as_ref()?;
        let slot = t.states.get(t.index(counts)?)?;
        Some(memo_state(slot, eval))
    }
}

/// A state kept in a table shared by threads: 0 while not worked out, else 1 + `Tri as u8`;
/// `eval` works it out the first time. Every thread stores the same value, so the order of
/// loads and stores does not matter.
fn memo_state(slot: &AtomicU8, eval: impl FnOnce() -> Tri) -> Tri {
    let v = slot.load(Ordering::Relaxed);
    if v == 0 {
        let t = eval();
        slot.store(1 + t as u8, Ordering::Relaxed);
        return t;
    }
    state_of(v)
}

/// The state a memo slot holds (not 0), from its low two bits.
fn state_of(v: u8) -> Tri {
    /// By stored value; 0 is never read from here. A table, not a `match`: the states of
    /// random records are not predictable, and a mispredicted branch costs more than a load.
    const STATES: [Tri; 4] = [Tri::Unknown, Tri::False, Tri::Unknown, Tri::True];
    STATES
        .get(usize::from(v & 3))
        .copied()
        .unwrap_or(Tri::Unknown)
}

/// A copy of a table of [`memo_state`] slots.
fn copy_states<T: FromIterator<AtomicU8>>(states: &[AtomicU8]) -> T {
    states
        .iter()
        .map(|s| AtomicU8::new(s.load(Ordering::Relaxed)))
        .collect()
}

/// The slot of a strength in [`Counts`].
fn strength_slot(s: Strength) -> usize {
    match s {
        Strength::Strong => 0,
        Strength::Medium => 1,
        Strength::Weak => 2,
    }
}

const EMPTY: Scenario = Scenario {
    child: Tri::Unknown,
    now: Level::None,
    upper: Level::None,
    now_idx: 0,
    upper_idx: 0,
    any_flag: false,
    flags_unknown: false,
    applicable: Tri::True,
    na_idx: 0,
};

/// The outcome of one age scenario (adult, child, or not tracked).
#[derive(Debug, Clone, Copy)]
struct Scenario {
    child: Tri,
    now: Level,
    upper: Level,
    /// Index of the first outcome that is true (`outcomes.len()` when none).
    now_idx: usize,
    /// Index of the first outcome that is not false (`outcomes.len()` when none).
    upper_idx: usize,
    any_flag: bool,
    flags_unknown: bool,
    /// False when a not-applicable outcome is true (unless a red flag fired).
    applicable: Tri,
    /// Index of the first not-applicable outcome that is not false.
    na_idx: usize,
}

impl Scenario {
    /// Whether this scenario gives a level (a red flag always does).
    fn live(&self) -> bool {
        self.any_flag || self.applicable != Tri::False
    }
}

impl<'r> Engine<'r> {
    /// An engine for a validated rule set.
    #[must_use]
    pub fn new(rs: &'r RuleSet) -> Self {
        Engine { rs, tables: None }
    }

    /// An engine that uses `tables` (worked out for `rs`) for speed; the results are the same.
    #[must_use]
    pub fn with_tables(rs: &'r RuleSet, tables: &'r Tables) -> Self {
        Engine {
            rs,
            tables: Some(tables),
        }
    }

    /// The rule set.
    #[must_use]
    pub fn ruleset(&self) -> &'r RuleSet {
        self.rs
    }

    /// Evaluates one person's answers (one per question, in the rule set's order; missing
    /// trailing answers count as not asked).
    #[must_use]
    pub fn evaluate(&self, raw: &[Answer]) -> Evaluation {
        let mut out = Evaluation::default();
        self.evaluate_into(raw, &mut out);
        out
    }

    /// Like [`Engine::evaluate`], reusing the buffers of `out` (no allocation per record once
    /// the buffers have grown).
    pub fn evaluate_into(&self, raw: &[Answer], out: &mut Evaluation) {
        self.evaluate_coded(raw, None, out);
    }

    /// [`Engine::evaluate_into`] given, when the reader worked them out, the codes of the
    /// answers (one per question, as [`answer_code`] gives them): they need no branch on the
    /// kind of each answer here.
    pub(crate) fn evaluate_coded(
        &self,
        raw: &[Answer],
        codes: Option<&[u16]>,
        out: &mut Evaluation,
    ) {
        let rs = self.rs;
        let nq = rs.questions.len();
        out.raw.clear();
        out.raw.extend(raw.iter().copied().take(nq));
        out.raw.resize(nq, Answer::Missing);
        out.answers.clear();
        out.answers.extend_from_slice(&out.raw);
        out.applies.clear();
        out.applies.resize(nq, Tri::True);
        out.codes.clear();
        out.indicators.clear();
        match self.tables {
            Some(t) => {
                match codes.filter(|c| c.len() == nq && raw.len() == nq) {
                    Some(codes) => out.codes.extend_from_slice(codes),
                    None => out
                        .codes
                        .extend(out.answers.iter().zip(&t.coders).map(|(&a, c)| c.code16(a))),
                }
                debug_assert!(
                    out.answers
                        .iter()
                        .zip(&t.coders)
                        .zip(&out.codes)
                        .all(|((&a, c), &code)| c.code16(a) == code),
                    "the codes given are those of the answers"
                );
                t.skip_logic(&mut out.answers, &mut out.applies, &mut out.codes);
                let env = Env::answers_only(&out.answers);
                let evaluation::Scratch { leaves, slots, .. } = &mut out.scratch;
                let n = t.indicators.len();
                out.indicators.resize(n, Tri::Unknown);
                slots.clear();
                slots.resize(n, 0);
                let each = out.indicators.iter_mut().zip(slots.iter_mut());
                for (i, (state, slot)) in each.enumerate() {
                    (*state, *slot) = t.indicator(i, &out.codes, &env, leaves);
                }
            }
            None => {
                apply_skip_logic(rs, &mut out.answers, &mut out.applies);
                let env = Env::answers_only(&out.answers);
                out.indicators
                    .extend(rs.indicators.iter().map(|i| i.when.cond.eval(&env)));
            }
        }

        out.dimensions.clear();
        for (n, d) in rs.dimensions.iter().enumerate() {
            let mut counts: Counts = [(0, 0); 4];
            let mut total = (0, 0);
            let mut add = |i: usize, slot: usize| {
                let Some(&state) = out.indicators.get(i) else {
                    return;
                };
                // Without branches (the states of random records are not predictable): with
                // False = 0, Unknown = 1, True = 2, fired is `t >> 1`, possible `(t + 1) >> 1`.
                let t = state as u32;
                let (fired, possible) = (t >> 1, (t + 1) >> 1);
                if let Some(c) = counts.get_mut(slot) {
                    c.0 += fired;
                    c.1 += possible;
                }
                total.0 += fired;
                total.1 += possible;
            };
            match self.tables.and_then(|t| t.members.get(n)) {
                Some(members) => {
                    for &(i, slot) in members {
                        add(i, slot);
                    }
                }
                None => {
                    for &i in &d.indicators {
                        if let Some(ind) = rs.indicators.get(i) {
                            add(i, strength_slot(ind.strength));
                        }
                    }
                }
            }
            if let Some(c) = counts.get_mut(3) {
                *c = total;
            }
            let eval = || {
                let env = Env {
                    counts: Some(&counts),
                    ..Env::answers_only(&out.answers)
                };
                d.present_if.cond.eval(&env)
            };
            let present = match self.tables {
                // Only when `present_if` reads nothing but the counts.
                Some(t) => t.present(n, &counts, eval).unwrap_or_else(eval),
                None => eval(),
            };
            out.dimensions.push(DimensionResult { present, counts });
        }
        out.dimension_states.clear();
        out.dimension_states
            .extend(out.dimensions.iter().map(|d| d.present));

        out.age = self.age_status(&out.answers);
        let scenarios: &[Tri] = match out.age {
            AgeStatus::NotTracked => &[Tri::Unknown],
            AgeStatus::Adult => &[Tri::False],
            AgeStatus::Child | AgeStatus::AppearsMinor => &[Tri::True],
            AgeStatus::Unknown => &[Tri::False, Tri::True],
        };
        let mut results = [None, None];
        out.red_flags.clear();
        out.red_flags.resize(rs.red_flags.len(), Tri::False);
        for (k, &child) in scenarios.iter().enumerate() {
            let s = self.scenario(out, child, k == 0);
            if let Some(slot) = results.get_mut(k) {
                *slot = Some(s);
            }
        }
        let scen_buf = results.map(|r| r.unwrap_or(EMPTY));
        let scen: &[Scenario] = scen_buf.get(..scenarios.len()).unwrap_or(&[]);
        out.red_flag_fired = scen.iter().any(|s| s.any_flag);
        out.safety_checked = !scen.iter().any(|s| s.flags_unknown);
        out.deciding_not_asked.clear();
        out.deciding_unknown.clear();
        out.safety_unanswered.clear();
        out.applicable = if !scen.iter().any(Scenario::live) {
            Tri::False
        } else if scen.iter().all(|s| s.applicable == Tri::True || s.any_flag) {
            Tri::True
        } else {
            Tri::Unknown
        };
        if out.applicable == Tri::False {
            // The rule set does not apply to this person: no level.
            let na = scen.first().map_or(rs.outcomes.len(), |s| s.na_idx);
            out.now = Level::None;
            out.upper = Level::None;
            out.now_outcome = rs.outcomes.get(na).map(|_| na);
            out.upper_outcome = out.now_outcome;
            if !out.safety_checked {
                self.trace_safety(out, scen);
            }
            return;
        }
        let lowest = scen
            .iter()
            .filter(|s| s.live())
            .min_by_key(|s| s.now)
            .copied();
        let highest = scen
            .iter()
            .filter(|s| s.live())
            .max_by_key(|s| s.upper)
            .copied();
        let (Some(lowest), Some(highest)) = (lowest, highest) else {
            return;
        };
        out.now = lowest.now;
        out.upper = highest.upper;
        out.now_outcome = rs.outcomes.get(lowest.now_idx).map(|_| lowest.now_idx);
        out.upper_outcome = rs
            .outcomes
            .get(highest.upper_idx)
            .map(|_| highest.upper_idx);
        if !out.settled() {
            self.trace_deciding(out, scen);
        }
        if !out.safety_checked {
            self.trace_safety(out, scen);
        }
    }

    fn age_status(&self, answers: &[Answer]) -> AgeStatus {
        let Some(age) = &self.rs.age else {
            return AgeStatus::NotTracked;
        };
        match answers.get(age.question) {
            Some(Answer::Number(x)) if *x < age.adult_from => AgeStatus::Child,
            Some(Answer::Number(_)) => AgeStatus::Adult,
            _ => match age.appears_minor.and_then(|q| answers.get(q)) {
                Some(Answer::Bool(true)) => AgeStatus::AppearsMinor,
                _ => AgeStatus::Unknown,
            },
        }
    }

    fn scenario(&self, out: &mut Evaluation, child: Tri, first: bool) -> Scenario {
        let rs = self.rs;
        // Field by field (not `out.env`): `out.red_flags` is written below.
        let env = Env {
            answers: &out.answers,
            indicators: &out.indicators,
            dimensions: &out.dimension_states,
            child,
            counts: None,
        };
        let mut any_flag = false;
        let mut flags_unknown = false;
        for (n, f) in rs.red_flags.iter().enumerate() {
            let t = f.when.cond.eval(&env);
            any_flag |= t == Tri::True;
            flags_unknown |= t == Tri::Unknown;
            if let Some(slot) = out.red_flags.get_mut(n) {
                // Merge over scenarios: true only when true in every scenario.
                *slot = if first || *slot == t { t } else { Tri::Unknown };
            }
        }
        let mut now_idx = rs.outcomes.len();
        let mut upper_idx = rs.outcomes.len();
        let mut applicable = Tri::True;
        let mut na_idx = rs.outcomes.len();
        for (n, o) in rs.outcomes.iter().enumerate() {
            let t = o.when.cond.eval(&env);
            if o.not_applicable {
                if t != Tri::False && na_idx == rs.outcomes.len() {
                    na_idx = n;
                }
                applicable = applicable.and(!t);
                continue;
            }
            match t {
                Tri::True => {
                    now_idx = n;
                    if upper_idx > n {
                        upper_idx = n;
                    }
                    break;
                }
                Tri::Unknown if upper_idx > n => upper_idx = n,
                _ => {}
            }
        }
        let level = |i: usize| rs.outcomes.get(i).map_or(Level::None, |o| o.level);
        let (mut now, mut upper) = (level(now_idx), level(upper_idx));
        if any_flag {
            now = Level::Urgent;
            upper = Level::Urgent;
        }
        Scenario {
            child,
            now,
            upper,
            now_idx,
            upper_idx,
            any_flag,
            flags_unknown,
            applicable,
            na_idx,
        }
    }

    fn trace_deciding(&self, out: &mut Evaluation, scen: &[Scenario]) {
        let rs = self.rs;
        let mut leaves = std::mem::take(&mut out.scratch.leaves);
        leaves.clear();
        for s in scen {
            if s.any_flag {
                continue;
            }
            let env = out.env(s.child);
            if s.applicable == Tri::Unknown {
                // Whether the rule set applies at all is still open.
                for o in rs.outcomes.iter().filter(|o| o.not_applicable) {
                    o.when.cond.eval_leaves(&env, &mut leaves);
                }
            }
            if !s.live() || s.upper <= out.now {
                continue;
            }
            for o in rs.outcomes.iter().take(s.now_idx).skip(s.upper_idx) {
                if o.level > out.now && !o.not_applicable {
                    o.when.cond.eval_leaves(&env, &mut leaves);
                }
            }
        }
        let levels_differ_by_age = scen.len() > 1
            && scen.iter().any(|a| {
                scen.iter()
                    .any(|b| a.now != b.now || a.upper != b.upper || a.applicable != b.applicable)
            });
        if levels_differ_by_age {
            leaves.push(Leaf::Child);
        }
        self.resolve_leaves(out, leaves, false);
    }

    fn trace_safety(&self, out: &mut Evaluation, scen: &[Scenario]) {
        let mut leaves = std::mem::take(&mut out.scratch.leaves);
        leaves.clear();
        for s in scen {
            let env = out.env(s.child);
            for f in &self.rs.red_flags {
                f.when.cond.eval_leaves(&env, &mut leaves);
            }
        }
        // Age is not a safety question: the child scenarios already cover it.
        leaves.retain(|&l| l != Leaf::Child);
        self.resolve_leaves(out, leaves, true);
    }

    /// Follows unknown leaves down to unanswered questions, without recursion. What is
    /// found is a set (each question once, listed in the rule set's order), so the order in
    /// which leaves are followed does not matter.
    fn resolve_leaves(&self, out: &mut Evaluation, mut work: Vec<Leaf>, safety: bool) {
        let rs = self.rs;
        // Field by field: the lists and buffers are written while the answers are read.
        let Evaluation {
            raw,
            answers,
            applies,
            indicators,
            deciding_not_asked,
            deciding_unknown,
            safety_unanswered,
            scratch,
            ..
        } = out;
        let evaluation::Scratch {
            leaves,
            slots,
            seen_q,
            seen_i,
            seen_d,
            found,
        } = scratch;
        seen_q.reset(rs.questions.len());
        seen_i.reset(rs.indicators.len());
        seen_d.reset(rs.dimensions.len());
        found.reset(rs.questions.len());
        while let Some(leaf) = work.pop() {
            match leaf {
                Leaf::Question(q) => {
                    let q = q as usize;
                    if !seen_q.insert(q) {
                        continue;
                    }
                    let applies = applies.get(q).copied().unwrap_or(Tri::False);
                    if applies == Tri::Unknown {
                        if let Some(c) = rs.questions.get(q).and_then(|x| x.show_if.as_ref()) {
                            let env = Env::answers_only(answers);
                            c.cond.eval_leaves(&env, &mut work);
                        }
                    }
                    if applies != Tri::False && raw.get(q).is_some_and(|a| a.is_unknown()) {
                        found.insert(q);
                    }
                }
                Leaf::Indicator(i) => {
                    let i = i as usize;
                    if !seen_i.insert(i) || indicators.get(i) != Some(&Tri::Unknown) {
                        continue;
                    }
                    // The leaves kept with the memo's state, when the indicator has a memo.
                    let kept = self
                        .tables
                        .and_then(|t| t.indicator_leaves(i, slots.get(i).copied().unwrap_or(0)));
                    match kept {
                        Some(questions) => {
                            work.extend(questions.map(|q| Leaf::Question(q as u32)));
                        }
                        None => {
                            if let Some(ind) = rs.indicators.get(i) {
                                let env = Env::answers_only(answers);
                                ind.when.cond.eval_leaves(&env, &mut work);
                            }
                        }
                    }
                }
                Leaf::Dimension(d) => {
                    let d = d as usize;
                    if !seen_d.insert(d) {
                        continue;
                    }
                    if let Some(dim) = rs.dimensions.get(d) {
                        for &i in &dim.indicators {
                            work.push(Leaf::Indicator(i as u32));
                        }
                    }
                }
                Leaf::Child => {
                    if let Some(age) = &rs.age {
                        work.push(Leaf::Question(age.question as u32));
                        if let Some(m) = age.appears_minor {
                            work.push(Leaf::Question(m as u32));
                        }
                    }
                }
                Leaf::Count => {}
            }
        }
        for q in found.iter() {
            let list = if safety {
                &mut *safety_unanswered
            } else if raw.get(q) == Some(&Answer::Missing) {
                &mut *deciding_not_asked
            } else {
                &mut *deciding_unknown
            };
            list.push(q);
        }
        *leaves = work;
    }
}

/// Applies skip logic in dependency order: a question whose `show_if` is false becomes
/// `NotApplicable`; one whose `show_if` is unknown becomes unknown (`Missing`, unless it was
/// already answered don't know / declined).
pub fn apply_skip_logic(rs: &RuleSet, answers: &mut [Answer], applies: &mut [Tri]) {
    for &q in &rs.show_order {
        let Some(c) = rs.questions.get(q).and_then(|x| x.show_if.as_ref()) else {
            continue;
        };
        let t = c.cond.eval(&Env::answers_only(answers));
        if let Some(a) = applies.get_mut(q) {
            *a = t;
        }
        if let Some(a) = answers.get_mut(q) {
            (*a, _) = shown(t, *a, NO_CODE);
        }
    }
}

/// An answer and its code once its question's `show_if` is `t`: not applicable when false; when
/// unknown, missing unless it is already unknown (don't know, declined).
fn shown(t: Tri, a: Answer, code: u16) -> (Answer, u16) {
    match t {
        Tri::True => (a, code),
        Tri::False => (Answer::NotApplicable, NOT_APPLICABLE_CODE),
        Tri::Unknown if a.is_unknown() => (a, code),
        Tri::Unknown => (Answer::Missing, MISSING_CODE),
    }
}

/// [`shown`] in place, for an answer with a code. The code alone is chosen by index (False =
/// 0, Unknown = 1, True = 2), not by branches, as whether a question applies is not predictable
/// on random records; the answer is written only when its code changes (to missing or not
/// applicable, the only answers with those codes). Choosing whole answers from a table went
/// through the stack in pieces and stalled the processor (seen in `perf annotate`).
fn show(t: Tri, a: &mut Answer, code: &mut u16) {
    let unknown = if a.is_unknown() { *code } else { MISSING_CODE };
    let new = [NOT_APPLICABLE_CODE, unknown, *code]
        .get(t as usize)
        .copied()
        .unwrap_or(*code);
    if new != *code {
        (*a, *code) = shown(t, *a, *code);
    }
}
