//! Property test: on small random rule sets and answers, the three-valued result bounds every
//! completion of the unknown answers, computed by a separate, plain two-valued evaluator.
//!
//! For every completion `c` of the unknown answers: `now <= level(c)`; the level the outcomes
//! give is `<= upper`; and when a red flag fires in `c` although `upper` is below urgent, the
//! result must say that safety was not checked (an unasked red-flag question does not raise
//! `upper`, by design). When nothing is unknown, `now == upper == level`. A settled result has
//! no deciding questions, an open one has some.

use proptest::prelude::*;

use super::Engine;
use crate::answer::Answer;
use crate::condition::ast::CmpOp;
use crate::condition::compiled::{Count, Num};
use crate::condition::{Cond, Leaf};
use crate::level::Level;
use crate::ruleset::model::{
    AgeRule, Audience, Condition, Dimension, Indicator, Meta, Outcome, Question, QuestionKind,
    RedFlag, RuleSet, Strength,
};

/// A tiny deterministic generator, so one proptest seed describes a whole rule set.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
}

const NUM_VALUES: [f64; 4] = [0.0, 1.0, 2.0, 3.0];
const ADULT_FROM: f64 = 2.0;

struct Gen<'a> {
    rng: &'a mut Rng,
    kinds: Vec<QuestionKind>,
}

impl Gen<'_> {
    /// A well-typed condition over questions `< max_q`, and optionally indicators, dimensions
    /// and `child`.
    fn cond(&mut self, depth: u32, max_q: usize, ind: usize, dim: usize, child: bool) -> Cond {
        if depth > 0 && self.rng.chance(45) {
            let a = self.cond(depth - 1, max_q, ind, dim, child);
            return match self.rng.below(3) {
                0 => Cond::Not(Box::new(a)),
                1 => Cond::And(vec![a, self.cond(depth - 1, max_q, ind, dim, child)].into()),
                _ => Cond::Or(vec![a, self.cond(depth - 1, max_q, ind, dim, child)].into()),
            };
        }
        let mut choices = Vec::new();
        if max_q > 0 {
            choices.push(0);
        }
        if ind > 0 {
            choices.push(1);
        }
        if dim > 0 {
            choices.push(2);
        }
        if child {
            choices.push(3);
        }
        match choices.get(self.rng.below(choices.len())).copied() {
            Some(0) => {
                let q = self.rng.below(max_q);
                let qi = q as u32;
                match self.kinds.get(q).copied().unwrap_or(QuestionKind::YesNo) {
                    QuestionKind::YesNo => {
                        if self.rng.chance(50) {
                            Cond::Truthy(qi)
                        } else {
                            Cond::YesNoIs(qi, self.rng.chance(50))
                        }
                    }
                    QuestionKind::SingleChoice => Cond::ChoiceIn {
                        q: qi,
                        mask: 1 + (self.rng.next() % 6),
                        negate: self.rng.chance(30),
                    },
                    QuestionKind::MultiChoice => Cond::Has {
                        q: qi,
                        bit: 1 << self.rng.below(2),
                    },
                    _ => {
                        let ops = [
                            CmpOp::Lt,
                            CmpOp::Le,
                            CmpOp::Gt,
                            CmpOp::Ge,
                            CmpOp::Eq,
                            CmpOp::Ne,
                        ];
                        let op = ops[self.rng.below(ops.len())];
                        Cond::Cmp(
                            op,
                            Num::Question(qi),
                            Num::Const(NUM_VALUES[self.rng.below(4)]),
                        )
                    }
                }
            }
            Some(1) => Cond::Indicator(self.rng.below(ind) as u32),
            Some(2) => Cond::Dimension(self.rng.below(dim) as u32),
            Some(3) => Cond::Child,
            _ => Cond::Const(self.rng.chance(50)),
        }
    }

    fn presence(&mut self) -> Cond {
        let count = |r: &mut Rng| match r.below(4) {
            0 => Num::Count(Count::Strong),
            1 => Num::Count(Count::Medium),
            2 => Num::Count(Count::Weak),
            _ => Num::Add(
                Box::new(Num::Count(Count::Medium)),
                Box::new(Num::Count(Count::Weak)),
            ),
        };
        let atom = |r: &mut Rng| {
            Cond::Cmp(
                if r.chance(70) { CmpOp::Ge } else { CmpOp::Lt },
                count(r),
                Num::Const((r.below(3)) as f64),
            )
        };
        let a = atom(self.rng);
        if self.rng.chance(50) {
            let b = atom(self.rng);
            if self.rng.chance(50) {
                Cond::And(vec![a, b].into())
            } else {
                Cond::Or(vec![a, b].into())
            }
        } else {
            a
        }
    }
}

fn c(cond: Cond) -> Condition {
    Condition {
        cond,
        text: String::new(),
    }
}

fn random_ruleset(seed: u64) -> RuleSet {
    let mut rng = Rng(seed | 1);
    let nq = 2 + rng.below(4);
    let with_age = rng.chance(60);
    let mut kinds: Vec<QuestionKind> = (0..nq)
        .map(|_| match rng.below(4) {
            0 => QuestionKind::SingleChoice,
            1 => QuestionKind::Number,
            2 => QuestionKind::MultiChoice,
            _ => QuestionKind::YesNo,
        })
        .collect();
    // With age: question 0 is the age (a number), question 1 "appears under 18" (yes/no).
    if with_age {
        kinds[0] = QuestionKind::Number;
        kinds[1] = QuestionKind::YesNo;
    }
    let n_dim = 1 + rng.below(2);
    let n_ind = 1 + rng.below(4);
    let mut g = Gen {
        rng: &mut rng,
        kinds: kinds.clone(),
    };
    let questions: Vec<Question> = (0..nq)
        .map(|i| {
            // Skip logic only over earlier questions (never for the age question), so that
            // `show_order` is the plain order.
            let may_skip = i >= 2 || (!with_age && i >= 1);
            let show_if = (may_skip && g.rng.chance(40)).then(|| c(g.cond(1, i, 0, 0, false)));
            Question {
                at: (0, 0..0),
                id: format!("q{i}"),
                section: 0,
                kind: kinds[i],
                options: match kinds[i] {
                    QuestionKind::SingleChoice => vec!["a".into(), "b".into(), "c".into()],
                    QuestionKind::MultiChoice => vec!["a".into(), "b".into()],
                    _ => vec![],
                },
                show_if,
                sensitive: false,
                min: None,
                max: None,
                integer: false,
            }
        })
        .collect();
    let indicators: Vec<Indicator> = (0..n_ind)
        .map(|i| Indicator {
            at: (0, 0..0),
            id: format!("d.i{i}"),
            dimension: g.rng.below(n_dim),
            strength: [Strength::Strong, Strength::Medium, Strength::Weak][g.rng.below(3)],
            when: c(g.cond(2, nq, 0, 0, false)),
            source: String::new(),
        })
        .collect();
    let dimensions: Vec<Dimension> = (0..n_dim)
        .map(|d| Dimension {
            at: (0, 0..0),
            id: format!("d{d}"),
            present_if: c(g.presence()),
            indicators: indicators
                .iter()
                .enumerate()
                .filter(|(_, i)| i.dimension == d)
                .map(|(n, _)| n)
                .collect(),
            source: String::new(),
        })
        .collect();
    let n_out = 1 + g.rng.below(4);
    let mut levels: Vec<Level> = (0..n_out).map(|_| Level::ALL[g.rng.below(5)]).collect();
    levels.sort_by(|a, b| b.cmp(a));
    let outcomes = levels
        .into_iter()
        .enumerate()
        .map(|(n, level)| Outcome {
            at: (0, 0..0),
            id: format!("o{n}"),
            level,
            when: c(g.cond(2, nq, n_ind, n_dim, with_age)),
            not_applicable: false,
        })
        .collect();
    let red_flags = (0..g.rng.below(3))
        .map(|n| RedFlag {
            at: (0, 0..0),
            id: format!("f{n}"),
            when: c(g.cond(1, nq, n_ind, 0, with_age)),
        })
        .collect();
    RuleSet::assemble(
        Meta {
            id: "random".into(),
            version: "0".into(),
            audience: Audience::Person,
            jurisdiction: String::new(),
            locales: vec!["en".into()],
            citation: String::new(),
            notes: String::new(),
            hash: String::new(),
            manifest: 0,
            section_places: vec![],
        },
        vec!["s".into()],
        questions,
        indicators,
        dimensions,
        outcomes,
        red_flags,
        with_age.then_some(AgeRule {
            question: 0,
            adult_from: ADULT_FROM,
            appears_minor: Some(1),
        }),
        vec![],
        (0..nq).collect(),
    )
}

// ---- the independent two-valued evaluator --------------------------------------------------

struct Known<'a> {
    answers: &'a [Answer],
    indicators: &'a [bool],
    dimensions: &'a [bool],
    child: bool,
    counts: [f64; 4],
}

fn num(n: &Num, k: &Known<'_>) -> Option<f64> {
    match n {
        Num::Const(x) => Some(*x),
        Num::Question(q) => match k.answers[*q as usize] {
            Answer::Number(x) => Some(x),
            _ => None, // not applicable
        },
        Num::Count(c) => Some(k.counts[*c as usize]),
        Num::Add(a, b) => Some(num(a, k)? + num(b, k)?),
        Num::Sub(a, b) => Some(num(a, k)? - num(b, k)?),
    }
}

fn holds(cond: &Cond, k: &Known<'_>) -> bool {
    let a = |q: &u32| k.answers[*q as usize];
    match cond {
        Cond::Const(b) => *b,
        Cond::Truthy(q) => a(q) == Answer::Bool(true),
        Cond::YesNoIs(q, v) => a(q) == Answer::Bool(*v),
        Cond::ChoiceIn { q, mask, negate } => match a(q) {
            Answer::Choice(i) => ((mask >> i) & 1 == 1) != *negate,
            _ => false,
        },
        Cond::Has { q, bit } => matches!(a(q), Answer::Multi(s) if s & bit != 0),
        Cond::Answered(q) => a(q).is_value(),
        Cond::Indicator(i) => k.indicators[*i as usize],
        Cond::Dimension(d) => k.dimensions[*d as usize],
        Cond::Child => k.child,
        Cond::Not(x) => !holds(x, k),
        Cond::And(xs) => xs.iter().all(|x| holds(x, k)),
        Cond::Or(xs) => xs.iter().any(|x| holds(x, k)),
        Cond::Cmp(op, x, y) => match (num(x, k), num(y, k)) {
            (Some(x), Some(y)) => match op {
                CmpOp::Lt => x < y,
                CmpOp::Le => x <= y,
                CmpOp::Gt => x > y,
                CmpOp::Ge => x >= y,
                CmpOp::Eq => x == y,
                CmpOp::Ne => x != y,
            },
            _ => false,
        },
    }
}

/// The level of complete answers, computed plainly: (level of the outcomes, whether a red flag
/// fired). The level is `Urgent` when a red flag fired.
fn plain(rs: &RuleSet, complete: &[Answer]) -> (Level, bool) {
    let mut answers = complete.to_vec();
    for (i, q) in rs.questions.iter().enumerate() {
        if let Some(s) = &q.show_if {
            let k = Known {
                answers: &answers,
                indicators: &[],
                dimensions: &[],
                child: false,
                counts: [0.0; 4],
            };
            if !holds(&s.cond, &k) {
                answers[i] = Answer::NotApplicable;
            }
        }
    }
    let base = Known {
        answers: &answers,
        indicators: &[],
        dimensions: &[],
        child: false,
        counts: [0.0; 4],
    };
    let fired: Vec<bool> = rs
        .indicators
        .iter()
        .map(|i| holds(&i.when.cond, &base))
        .collect();
    let dims: Vec<bool> = rs
        .dimensions
        .iter()
        .map(|d| {
            let mut counts = [0.0; 4];
            for &i in &d.indicators {
                if fired[i] {
                    counts[rs.indicators[i].strength as usize] += 1.0;
                    counts[3] += 1.0;
                }
            }
            holds(
                &d.present_if.cond,
                &Known {
                    counts,
                    ..base_clone(&base)
                },
            )
        })
        .collect();
    let child = match (&rs.age, answers.first()) {
        (Some(age), Some(Answer::Number(x))) => *x < age.adult_from,
        _ => false,
    };
    let k = Known {
        answers: &answers,
        indicators: &fired,
        dimensions: &dims,
        child,
        counts: [0.0; 4],
    };
    let flag = rs.red_flags.iter().any(|f| holds(&f.when.cond, &k));
    let outcome = rs
        .outcomes
        .iter()
        .find(|o| holds(&o.when.cond, &k))
        .map_or(Level::None, |o| o.level);
    (outcome, flag)
}

fn plain_level(rs: &RuleSet, complete: &[Answer]) -> Level {
    match plain(rs, complete) {
        (_, true) => Level::Urgent,
        (l, false) => l,
    }
}

fn base_clone<'a>(k: &Known<'a>) -> Known<'a> {
    Known {
        answers: k.answers,
        indicators: k.indicators,
        dimensions: k.dimensions,
        child: k.child,
        counts: k.counts,
    }
}

fn domain(kind: QuestionKind) -> Vec<Answer> {
    match kind {
        QuestionKind::YesNo => vec![Answer::Bool(true), Answer::Bool(false)],
        QuestionKind::SingleChoice => (0..3).map(Answer::Choice).collect(),
        QuestionKind::MultiChoice => (0..4).map(Answer::Multi).collect(),
        QuestionKind::Number => NUM_VALUES.iter().map(|x| Answer::Number(*x)).collect(),
        QuestionKind::Text => vec![Answer::Text],
    }
}

fn random_answers(rs: &RuleSet, seed: u64) -> Vec<Answer> {
    let mut rng = Rng(seed.rotate_left(17) | 1);
    rs.questions
        .iter()
        .map(|q| match rng.below(6) {
            0 => Answer::Missing,
            1 => Answer::DontKnow,
            2 => Answer::Declined,
            _ => {
                let d = domain(q.kind);
                d[rng.below(d.len())]
            }
        })
        .collect()
}

/// Every completion of the unknown answers (the person's appearance under 18 limits the age to
/// child ages, as the engine presumes).
fn completions(rs: &RuleSet, raw: &[Answer]) -> Vec<Vec<Answer>> {
    let minor = rs
        .age
        .as_ref()
        .and_then(|a| a.appears_minor)
        .is_some_and(|m| raw[m] == Answer::Bool(true));
    let mut all = vec![raw.to_vec()];
    for (i, q) in rs.questions.iter().enumerate() {
        if !raw[i].is_unknown() {
            continue;
        }
        let mut values = domain(q.kind);
        if minor && rs.age.as_ref().is_some_and(|a| a.question == i) {
            values.retain(|v| matches!(v, Answer::Number(x) if *x < ADULT_FROM));
        }
        all = all
            .into_iter()
            .flat_map(|c| {
                values.iter().map(move |v| {
                    let mut c = c.clone();
                    c[i] = *v;
                    c
                })
            })
            .collect();
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn three_valued_result_bounds_every_completion(rs_seed in any::<u64>(), answer_seed in any::<u64>()) {
        let rs = random_ruleset(rs_seed);
        let raw = random_answers(&rs, answer_seed);
        let e = Engine::new(&rs).evaluate(&raw);
        prop_assert!(e.now <= e.upper);
        prop_assert_eq!(
            e.settled(),
            e.deciding_not_asked.is_empty() && e.deciding_unknown.is_empty(),
            "a settled result has no deciding questions, an open one has some"
        );
        let complete = completions(&rs, &raw);
        let any_unknown = raw.iter().any(|a| a.is_unknown());
        for c in &complete {
            let level = plain_level(&rs, c);
            let (outcome_level, flag) = plain(&rs, c);
            prop_assert!(
                e.now <= level,
                "completion {:?} gives {:?}, below now {:?} for answers {:?}",
                c, level, e.now, raw
            );
            prop_assert!(
                outcome_level <= e.upper,
                "completion {:?} reaches outcome level {:?}, above upper {:?} for answers {:?}",
                c, outcome_level, e.upper, raw
            );
            if flag && e.upper < Level::Urgent {
                prop_assert!(
                    !e.safety_checked,
                    "completion {:?} fires a red flag, but the result claims safety was checked",
                    c
                );
            }
            if !any_unknown {
                prop_assert_eq!(e.now, level);
                prop_assert_eq!(e.upper, level);
            }
        }
        // The engine on complete answers agrees with the plain evaluator exactly.
        for c in complete.iter().take(8) {
            let ce = Engine::new(&rs).evaluate(c);
            prop_assert_eq!(ce.now, ce.upper);
            prop_assert_eq!(ce.now, plain_level(&rs, c));
        }
    }
}

/// The leaves `visit_unknown` reported before conditions were evaluated once per node: every
/// node evaluated again at every level.
fn leaves_by_reevaluation(c: &Cond, env: &crate::condition::Env<'_>, out: &mut Vec<Leaf>) {
    if c.eval(env) != crate::condition::Tri::Unknown {
        return;
    }
    match c {
        Cond::Truthy(q) | Cond::YesNoIs(q, _) | Cond::ChoiceIn { q, .. } | Cond::Has { q, .. } => {
            out.push(Leaf::Question(*q));
        }
        Cond::Indicator(i) => out.push(Leaf::Indicator(*i)),
        Cond::Dimension(d) => out.push(Leaf::Dimension(*d)),
        Cond::Child => out.push(Leaf::Child),
        Cond::Not(x) => leaves_by_reevaluation(x, env, out),
        Cond::And(cs) | Cond::Or(cs) => {
            for x in cs.iter() {
                leaves_by_reevaluation(x, env, out);
            }
        }
        Cond::Cmp(..) => c.visit_unknown(env, &mut |l| out.push(l)),
        Cond::Const(_) | Cond::Answered(_) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The engine's tables give the same evaluation as evaluating every condition.
    #[test]
    fn tables_change_nothing(rs_seed in any::<u64>(), answer_seed in any::<u64>()) {
        let rs = random_ruleset(rs_seed);
        let tables = super::Tables::new(&rs);
        // Several records on one set of tables, answers repeated in part, so that the memo's
        // states are also read back.
        let one = random_answers(&rs, answer_seed);
        let two = random_answers(&rs, answer_seed.wrapping_add(1));
        let half = one.len() / 2;
        let mixed: Vec<Answer> = one.iter().take(half).chain(two.iter().skip(half)).copied().collect();
        for raw in [&one, &two, &mixed, &one] {
        let a = Engine::new(&rs).evaluate(raw);
        let b = Engine::with_tables(&rs, &tables).evaluate(raw);
        // After skip logic the codes are still those of the answers (output writers pick the
        // evidence of an answer by its code).
        for (q, (&answer, &code)) in b.answers.iter().zip(&b.codes).enumerate() {
            prop_assert_eq!(super::answer_code(&rs.questions[q], answer), code);
        }
        prop_assert_eq!(b.codes.len(), rs.questions.len());
        prop_assert_eq!(&a.dimensions, &b.dimensions);
        prop_assert_eq!(&a.indicators, &b.indicators);
        prop_assert_eq!(&a.red_flags, &b.red_flags);
        prop_assert_eq!((a.now, a.upper, a.now_outcome, a.upper_outcome), (b.now, b.upper, b.now_outcome, b.upper_outcome));
        prop_assert_eq!((a.applicable, a.red_flag_fired, a.safety_checked, a.age), (b.applicable, b.red_flag_fired, b.safety_checked, b.age));
        prop_assert_eq!(&a.deciding_not_asked, &b.deciding_not_asked);
        prop_assert_eq!(&a.deciding_unknown, &b.deciding_unknown);
        prop_assert_eq!(&a.safety_unanswered, &b.safety_unanswered);
        }
    }

    /// Evaluating each node once finds the same unknown leaves, in the same order, as
    /// evaluating every node again at every level.
    #[test]
    fn unknown_leaves_are_found_in_one_pass(rs_seed in any::<u64>(), answer_seed in any::<u64>(), child in 0u8..3) {
        let rs = random_ruleset(rs_seed);
        let raw = random_answers(&rs, answer_seed);
        let e = Engine::new(&rs).evaluate(&raw);
        let child = [crate::condition::Tri::False, crate::condition::Tri::Unknown, crate::condition::Tri::True][usize::from(child)];
        let env = e.env(child);
        let conds = rs.outcomes.iter().map(|o| &o.when.cond)
            .chain(rs.red_flags.iter().map(|f| &f.when.cond))
            .chain(rs.indicators.iter().map(|i| &i.when.cond))
            .chain(rs.questions.iter().filter_map(|q| q.show_if.as_ref().map(|c| &c.cond)));
        for c in conds {
            let mut want = Vec::new();
            leaves_by_reevaluation(c, &env, &mut want);
            let mut got = vec![Leaf::Count];
            let t = c.eval_leaves(&env, &mut got);
            prop_assert_eq!(t, c.eval(&env));
            prop_assert_eq!(got.first(), Some(&Leaf::Count), "what was there before stays");
            prop_assert_eq!(got.get(1..).unwrap_or_default(), &want[..]);
        }
    }
}
