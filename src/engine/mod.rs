//! Answers -> skip logic -> indicators -> dimensions -> red flags and outcomes, with the
//! explanation of every step.

mod evaluation;
#[cfg(test)]
mod property_tests;

pub use evaluation::{AgeStatus, DimensionResult, Evaluation};

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
        Engine { rs }
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
        let rs = self.rs;
        let nq = rs.questions.len();
        out.raw.clear();
        out.raw.extend(raw.iter().copied().take(nq));
        out.raw.resize(nq, Answer::Missing);
        out.answers.clear();
        out.answers.extend_from_slice(&out.raw);
        out.applies.clear();
        out.applies.resize(nq, Tri::True);
        apply_skip_logic(rs, &mut out.answers, &mut out.applies);

        let env = Env::answers_only(&out.answers);
        out.indicators.clear();
        out.indicators
            .extend(rs.indicators.iter().map(|i| i.when.cond.eval(&env)));

        out.dimensions.clear();
        for d in &rs.dimensions {
            let mut counts: Counts = [(0, 0); 4];
            for &i in &d.indicators {
                let (Some(ind), Some(state)) = (rs.indicators.get(i), out.indicators.get(i)) else {
                    continue;
                };
                let slot = match ind.strength {
                    Strength::Strong => 0,
                    Strength::Medium => 1,
                    Strength::Weak => 2,
                };
                for s in [slot, 3] {
                    if let Some(c) = counts.get_mut(s) {
                        match state {
                            Tri::True => {
                                c.0 += 1;
                                c.1 += 1;
                            }
                            Tri::Unknown => c.1 += 1,
                            Tri::False => {}
                        }
                    }
                }
            }
            let env = Env {
                counts: Some(&counts),
                ..Env::answers_only(&out.answers)
            };
            out.dimensions.push(DimensionResult {
                present: d.present_if.cond.eval(&env),
                counts,
            });
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
                    o.when.cond.visit_unknown(&env, &mut |l| leaves.push(l));
                }
            }
            if !s.live() || s.upper <= out.now {
                continue;
            }
            for o in rs.outcomes.iter().take(s.now_idx).skip(s.upper_idx) {
                if o.level > out.now && !o.not_applicable {
                    o.when.cond.visit_unknown(&env, &mut |l| leaves.push(l));
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
                f.when.cond.visit_unknown(&env, &mut |l| {
                    // Age is not a safety question: the child scenarios already cover it.
                    if l != Leaf::Child {
                        leaves.push(l);
                    }
                });
            }
        }
        self.resolve_leaves(out, leaves, true);
    }

    /// Follows unknown leaves down to unanswered questions, without recursion.
    fn resolve_leaves(&self, out: &mut Evaluation, mut work: Vec<Leaf>, safety: bool) {
        let rs = self.rs;
        let nq = rs.questions.len();
        let reset = |v: &mut Vec<bool>, n: usize| {
            v.clear();
            v.resize(n, false);
        };
        let mut seen_q = std::mem::take(&mut out.scratch.seen_q);
        let mut seen_i = std::mem::take(&mut out.scratch.seen_i);
        let mut seen_d = std::mem::take(&mut out.scratch.seen_d);
        let mut found = std::mem::take(&mut out.scratch.found);
        reset(&mut seen_q, nq);
        reset(&mut seen_i, rs.indicators.len());
        reset(&mut seen_d, rs.dimensions.len());
        reset(&mut found, nq);
        while let Some(leaf) = work.pop() {
            match leaf {
                Leaf::Question(q) => {
                    let q = q as usize;
                    if seen_q.get(q).copied().unwrap_or(true) {
                        continue;
                    }
                    seen_q[q] = true;
                    let applies = out.applies.get(q).copied().unwrap_or(Tri::False);
                    if applies == Tri::Unknown {
                        if let Some(c) = rs.questions.get(q).and_then(|x| x.show_if.as_ref()) {
                            let env = Env::answers_only(&out.answers);
                            c.cond.visit_unknown(&env, &mut |l| work.push(l));
                        }
                    }
                    if applies != Tri::False && out.raw.get(q).is_some_and(|a| a.is_unknown()) {
                        found[q] = true;
                    }
                }
                Leaf::Indicator(i) => {
                    let i = i as usize;
                    if seen_i.get(i).copied().unwrap_or(true) {
                        continue;
                    }
                    seen_i[i] = true;
                    if out.indicators.get(i) == Some(&Tri::Unknown) {
                        if let Some(ind) = rs.indicators.get(i) {
                            let env = Env::answers_only(&out.answers);
                            ind.when.cond.visit_unknown(&env, &mut |l| work.push(l));
                        }
                    }
                }
                Leaf::Dimension(d) => {
                    let d = d as usize;
                    if seen_d.get(d).copied().unwrap_or(true) {
                        continue;
                    }
                    seen_d[d] = true;
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
        for (q, hit) in found.iter().enumerate() {
            if !hit {
                continue;
            }
            let list = if safety {
                &mut out.safety_unanswered
            } else if out.raw.get(q) == Some(&Answer::Missing) {
                &mut out.deciding_not_asked
            } else {
                &mut out.deciding_unknown
            };
            list.push(q);
        }
        out.scratch = evaluation::Scratch {
            leaves: work,
            seen_q,
            seen_i,
            seen_d,
            found,
        };
    }
}

/// Applies skip logic in dependency order: a question whose `show_if` is false becomes
/// `NotApplicable`; one whose `show_if` is unknown becomes unknown (`Missing`, unless it was
/// already answered don't know / declined).
pub fn apply_skip_logic(rs: &RuleSet, answers: &mut [Answer], applies: &mut [Tri]) {
    for &q in &rs.show_order {
        let Some(show_if) = rs.questions.get(q).and_then(|x| x.show_if.as_ref()) else {
            continue;
        };
        let t = show_if.cond.eval(&Env::answers_only(answers));
        if let Some(a) = applies.get_mut(q) {
            *a = t;
        }
        if let Some(a) = answers.get_mut(q) {
            match t {
                Tri::True => {}
                Tri::False => *a = Answer::NotApplicable,
                Tri::Unknown => {
                    if !a.is_unknown() {
                        *a = Answer::Missing;
                    }
                }
            }
        }
    }
}
