//! Finds conditions that can never be true, by trying every combination of the answers they
//! reference (W030), or says that a condition was not checked (N040).
//!
//! A question's possible answers are: no answer, and each value that can make a difference (each
//! option; for numbers, values around each constant in the conditions). Indicators and dimensions
//! used in outcomes and red flags are treated as free yes/no values, so the check never reports a
//! condition that some answers can make true; it may miss a few that can not.

use std::ops::Range;

use super::model::{QuestionKind, RuleSet};
use crate::answer::Answer;
use crate::condition::compiled::{Counts, Env, Num};
use crate::condition::{Cond, Leaf, Tri};
use crate::diagnostic::{Diagnostic, FileId};
use crate::engine::apply_skip_logic;

/// Most questions a condition may reference for the check to run.
pub const MAX_QUESTIONS: usize = 12;
/// Most combinations tried for one condition.
const MAX_COMBINATIONS: usize = 1 << 20;

/// Spans of the conditions, in the order the validator read them (the model's order, since
/// the check only runs on a rule set without errors).
#[derive(Debug, Default)]
pub struct RawPlaces {
    pub show_if: Vec<(FileId, Range<usize>)>,
    pub indicator: Vec<(FileId, Range<usize>)>,
    pub dimension: Vec<(FileId, Range<usize>)>,
    pub outcome: Vec<(FileId, Range<usize>)>,
    pub red_flag: Vec<(FileId, Range<usize>)>,
}

enum Verdict {
    CanBeTrue,
    Never,
    NotChecked(String),
}

/// Runs the check over every condition of the rule set.
pub fn check(rs: &RuleSet, places: &RawPlaces, diags: &mut Vec<Diagnostic>) {
    let mut show_if_n = 0;
    for q in &rs.questions {
        let Some(c) = &q.show_if else { continue };
        let at = places.show_if.get(show_if_n).cloned();
        show_if_n += 1;
        report(
            verdict(rs, &c.cond, false),
            at,
            &format!("`show_if` of question `{}`", q.id),
            "the question will never be asked",
            diags,
        );
    }
    for (n, i) in rs.indicators.iter().enumerate() {
        report(
            verdict(rs, &i.when.cond, false),
            places.indicator.get(n).cloned(),
            &format!("indicator `{}`", i.id),
            "no answers can fire this indicator",
            diags,
        );
    }
    for (n, d) in rs.dimensions.iter().enumerate() {
        report(
            dimension_verdict(rs, n, &d.present_if.cond),
            places.dimension.get(n).cloned(),
            &format!("`present_if` of dimension `{}`", d.id),
            "the dimension can never be present with the indicators it has",
            diags,
        );
    }
    for (n, o) in rs.outcomes.iter().enumerate() {
        report(
            verdict(rs, &o.when.cond, true),
            places.outcome.get(n).cloned(),
            &format!("outcome `{}`", o.id),
            "this outcome can never be reached",
            diags,
        );
    }
    for (n, r) in rs.red_flags.iter().enumerate() {
        report(
            verdict(rs, &r.when.cond, true),
            places.red_flag.get(n).cloned(),
            &format!("red flag `{}`", r.id),
            "this red flag can never fire",
            diags,
        );
    }
}

fn report(
    v: Verdict,
    at: Option<(FileId, Range<usize>)>,
    what: &str,
    label: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let d = match v {
        Verdict::CanBeTrue => return,
        Verdict::Never => {
            Diagnostic::warning("W030", format!("{what} can never be true")).label(label)
        }
        Verdict::NotChecked(why) => Diagnostic::note(
            "N040",
            format!("{what} not checked for satisfiability: {why}"),
        ),
    };
    diags.push(match at {
        Some((f, s)) => d.at(f, s),
        None => d,
    });
}

fn dimension_verdict(rs: &RuleSet, d: usize, cond: &Cond) -> Verdict {
    // A dimension without indicators is reported once, as W031.
    let Some(dim) = rs.dimensions.get(d).filter(|d| !d.indicators.is_empty()) else {
        return Verdict::CanBeTrue;
    };
    let mut max = [0u32; 3];
    for &i in &dim.indicators {
        if let Some(ind) = rs.indicators.get(i) {
            let slot = ind.strength as usize;
            if let Some(m) = max.get_mut(slot) {
                *m += 1;
            }
        }
    }
    let answers: [Answer; 0] = [];
    for s in 0..=max[0] {
        for m in 0..=max[1] {
            for w in 0..=max[2] {
                let counts: Counts = [(s, s), (m, m), (w, w), (s + m + w, s + m + w)];
                let env = Env {
                    counts: Some(&counts),
                    ..Env::answers_only(&answers)
                };
                if cond.eval(&env) == Tri::True {
                    return Verdict::CanBeTrue;
                }
            }
        }
    }
    Verdict::Never
}

fn verdict(rs: &RuleSet, cond: &Cond, free_atoms: bool) -> Verdict {
    // Questions referenced, directly and through the `show_if` of those questions.
    let mut questions: Vec<usize> = Vec::new();
    let mut atoms_i: Vec<usize> = Vec::new();
    let mut atoms_d: Vec<usize> = Vec::new();
    let mut child = false;
    cond.visit_leaves(&mut |l| match l {
        Leaf::Question(q) => questions.push(q as usize),
        Leaf::Indicator(i) => atoms_i.push(i as usize),
        Leaf::Dimension(d) => atoms_d.push(d as usize),
        Leaf::Child => child = true,
        Leaf::Count => {}
    });
    let mut k = 0;
    while let Some(&q) = questions.get(k) {
        k += 1;
        if let Some(c) = rs.questions.get(q).and_then(|x| x.show_if.as_ref()) {
            c.cond.visit_leaves(&mut |l| {
                if let Leaf::Question(p) = l {
                    if !questions.contains(&(p as usize)) {
                        questions.push(p as usize);
                    }
                }
            });
        }
    }
    questions.sort_unstable();
    questions.dedup();
    atoms_i.sort_unstable();
    atoms_i.dedup();
    atoms_d.sort_unstable();
    atoms_d.dedup();
    if questions.len() > MAX_QUESTIONS {
        return Verdict::NotChecked(format!(
            "it depends on {} questions (at most {MAX_QUESTIONS} are tried)",
            questions.len()
        ));
    }
    if !free_atoms && (!atoms_i.is_empty() || !atoms_d.is_empty()) {
        return Verdict::CanBeTrue;
    }

    let constants = constants_of(rs, cond, &questions);
    let domains: Vec<Vec<Answer>> = questions
        .iter()
        .map(|&q| domain(rs, q, &constants))
        .collect();
    let mut total: usize = 1;
    for d in &domains {
        total = total.saturating_mul(d.len());
    }
    let atom_count = atoms_i.len() + atoms_d.len() + usize::from(child);
    total = total.saturating_mul(1usize.checked_shl(atom_count as u32).unwrap_or(usize::MAX));
    if total > MAX_COMBINATIONS {
        return Verdict::NotChecked(format!(
            "more than {MAX_COMBINATIONS} combinations of answers"
        ));
    }

    let nq = rs.questions.len();
    let mut raw = vec![Answer::Missing; nq];
    let mut eff = vec![Answer::Missing; nq];
    let mut applies = vec![Tri::True; nq];
    let mut indicators = vec![Tri::False; rs.indicators.len()];
    let mut dimensions = vec![Tri::False; rs.dimensions.len()];
    let mut idx = vec![0usize; domains.len()];
    loop {
        for (slot, &q) in questions.iter().enumerate() {
            if let (Some(r), Some(d)) = (raw.get_mut(q), domains.get(slot)) {
                *r = d
                    .get(idx.get(slot).copied().unwrap_or(0))
                    .copied()
                    .unwrap_or_default();
            }
        }
        eff.copy_from_slice(&raw);
        applies.iter_mut().for_each(|a| *a = Tri::True);
        apply_skip_logic(rs, &mut eff, &mut applies);
        for bits in 0..(1usize << atom_count.min(20)) {
            let mut b = 0;
            for &i in &atoms_i {
                if let Some(x) = indicators.get_mut(i) {
                    *x = Tri::from_bool(bits >> b & 1 == 1);
                }
                b += 1;
            }
            for &d in &atoms_d {
                if let Some(x) = dimensions.get_mut(d) {
                    *x = Tri::from_bool(bits >> b & 1 == 1);
                }
                b += 1;
            }
            let env = Env {
                answers: &eff,
                indicators: &indicators,
                dimensions: &dimensions,
                child: if child {
                    Tri::from_bool(bits >> b & 1 == 1)
                } else {
                    Tri::Unknown
                },
                counts: None,
            };
            if cond.eval(&env) == Tri::True {
                return Verdict::CanBeTrue;
            }
        }
        // Next combination (odometer).
        let mut pos = 0;
        loop {
            let Some(i) = idx.get_mut(pos) else {
                return Verdict::Never;
            };
            *i += 1;
            if *i < domains.get(pos).map_or(0, Vec::len) {
                break;
            }
            *i = 0;
            pos += 1;
        }
    }
}

fn constants_of(rs: &RuleSet, cond: &Cond, questions: &[usize]) -> Vec<f64> {
    let mut out = Vec::new();
    let mut conds: Vec<&Cond> = vec![cond];
    for &q in questions {
        if let Some(c) = rs.questions.get(q).and_then(|x| x.show_if.as_ref()) {
            conds.push(&c.cond);
        }
    }
    for c in conds {
        collect_constants(c, &mut out);
    }
    out
}

fn collect_constants(c: &Cond, out: &mut Vec<f64>) {
    fn num(n: &Num, out: &mut Vec<f64>) {
        match n {
            Num::Const(x) => out.push(*x),
            Num::Add(a, b) | Num::Sub(a, b) => {
                num(a, out);
                num(b, out);
            }
            Num::Question(_) | Num::Count(_) => {}
        }
    }
    match c {
        Cond::Cmp(_, a, b) => {
            num(a, out);
            num(b, out);
        }
        Cond::Not(x) => collect_constants(x, out),
        Cond::And(xs) | Cond::Or(xs) => xs.iter().for_each(|x| collect_constants(x, out)),
        _ => {}
    }
}

fn domain(rs: &RuleSet, q: usize, constants: &[f64]) -> Vec<Answer> {
    let Some(question) = rs.questions.get(q) else {
        return vec![Answer::Missing];
    };
    let mut d = vec![Answer::Missing];
    match question.kind {
        QuestionKind::YesNo => d.extend([Answer::Bool(true), Answer::Bool(false)]),
        QuestionKind::SingleChoice => {
            d.extend((0..question.options.len().min(64)).map(|i| Answer::Choice(i as u8)));
        }
        QuestionKind::MultiChoice => {
            let n = question.options.len().min(64);
            if n <= 6 {
                d.extend((0u64..(1 << n)).map(Answer::Multi));
            } else {
                d.push(Answer::Multi(0));
                d.extend((0..n).map(|i| Answer::Multi(1 << i)));
                d.push(Answer::Multi(if n == 64 { u64::MAX } else { (1 << n) - 1 }));
            }
        }
        QuestionKind::Number => {
            let mut values: Vec<f64> = Vec::new();
            for &c in constants {
                values.extend([c - 1.0, c - 0.5, c, c + 0.5, c + 1.0]);
            }
            values.extend(question.min);
            values.extend(question.max);
            values.retain(|v| {
                v.is_finite()
                    && question.min.is_none_or(|m| *v >= m)
                    && question.max.is_none_or(|m| *v <= m)
                    && (!question.integer || v.fract() == 0.0)
            });
            values.sort_by(f64::total_cmp);
            values.dedup();
            if values.is_empty() {
                values.push(question.min.unwrap_or(0.0));
            }
            d.extend(values.into_iter().map(Answer::Number));
        }
        QuestionKind::Text => d.push(Answer::Text),
    }
    d
}
