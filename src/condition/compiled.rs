//! The typed condition tree the engine evaluates: every name is an index, every option a bit.

use super::ast::CmpOp;
use super::tri::Tri;
use crate::answer::Answer;

/// A boolean condition with every identifier resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// `true` / `false`.
    Const(bool),
    /// A yes_no question used as a boolean.
    Truthy(u32),
    /// `q == true` / `q == false` / `q != ...` on a yes_no question.
    YesNoIs(u32, bool),
    /// `q == "a"`, `q in [...]`, and with `negate` `q != "a"`, on a single_choice question.
    ChoiceIn {
        /// Question index.
        q: u32,
        /// One bit per option index.
        mask: u64,
        /// True for `!=`.
        negate: bool,
    },
    /// `q has "a"` on a multi_choice question.
    Has {
        /// Question index.
        q: u32,
        /// The option's bit.
        bit: u64,
    },
    /// `answered(q)`.
    Answered(u32),
    /// An indicator has fired.
    Indicator(u32),
    /// A dimension is present.
    Dimension(u32),
    /// The person is a child.
    Child,
    /// `not x`
    Not(Box<Cond>),
    /// `a and b and ...`
    And(Box<[Cond]>),
    /// `a or b or ...`
    Or(Box<[Cond]>),
    /// A numeric comparison.
    Cmp(CmpOp, Num, Num),
}

/// Which count of a dimension's indicators, in a `present_if` rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Strong indicators.
    Strong = 0,
    /// Medium indicators.
    Medium = 1,
    /// Weak indicators.
    Weak = 2,
    /// All indicators.
    Total = 3,
}

/// A numeric expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    /// A literal or a threshold's value.
    Const(f64),
    /// A number question.
    Question(u32),
    /// A count inside `present_if`.
    Count(Count),
    /// `a + b`
    Add(Box<Num>, Box<Num>),
    /// `a - b`
    Sub(Box<Num>, Box<Num>),
}

/// The value of a numeric expression: a question that does not apply, an unknown, or a closed
/// range of possible values (a point when known).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumVal {
    /// A question in the expression does not apply: every comparison is false.
    NotApplicable,
    /// Nothing is known.
    Unknown,
    /// Every value in `[lo, hi]` is possible.
    Range(f64, f64),
}

/// Per-strength counts of a dimension's indicators as ranges `[fired, fired + unknown]`.
pub type Counts = [(u32, u32); 4];

/// What a condition is evaluated against.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    /// Effective answers, one per question (after skip logic).
    pub answers: &'a [Answer],
    /// Indicator states, one per indicator.
    pub indicators: &'a [Tri],
    /// Dimension states, one per dimension.
    pub dimensions: &'a [Tri],
    /// Whether the person is a child in the scenario being evaluated.
    pub child: Tri,
    /// The counts of the dimension whose `present_if` is being evaluated.
    pub counts: Option<&'a Counts>,
}

impl<'a> Env<'a> {
    /// An environment with only answers (for `show_if` and indicator conditions).
    #[must_use]
    pub fn answers_only(answers: &'a [Answer]) -> Self {
        Env {
            answers,
            indicators: &[],
            dimensions: &[],
            child: Tri::Unknown,
            counts: None,
        }
    }

    fn answer(&self, q: u32) -> Answer {
        self.answers.get(q as usize).copied().unwrap_or_default()
    }
}

fn unknown_or(a: Answer, f: impl FnOnce(Answer) -> Tri) -> Tri {
    match a {
        Answer::NotApplicable => Tri::False,
        a if a.is_unknown() => Tri::Unknown,
        a => f(a),
    }
}

impl Cond {
    /// Evaluates the condition with Kleene logic.
    #[must_use]
    pub fn eval(&self, env: &Env<'_>) -> Tri {
        match self {
            Cond::Const(b) => Tri::from_bool(*b),
            Cond::Truthy(q) => {
                unknown_or(env.answer(*q), |a| Tri::from_bool(a == Answer::Bool(true)))
            }
            Cond::YesNoIs(q, want) => {
                unknown_or(env.answer(*q), |a| Tri::from_bool(a == Answer::Bool(*want)))
            }
            Cond::ChoiceIn { q, mask, negate } => unknown_or(env.answer(*q), |a| match a {
                Answer::Choice(i) => {
                    let hit = (1u64.checked_shl(u32::from(i)).unwrap_or(0) & mask) != 0;
                    Tri::from_bool(hit != *negate)
                }
                _ => Tri::False,
            }),
            Cond::Has { q, bit } => unknown_or(env.answer(*q), |a| match a {
                Answer::Multi(set) => Tri::from_bool(set & bit != 0),
                _ => Tri::False,
            }),
            Cond::Answered(q) => Tri::from_bool(env.answer(*q).is_value()),
            Cond::Indicator(_) | Cond::Dimension(_) | Cond::Child => {
                self.state_in(env).unwrap_or(Tri::Unknown)
            }
            Cond::Not(c) => !c.eval(env),
            Cond::And(cs) => {
                let mut acc = Tri::True;
                for c in cs.iter() {
                    acc = acc.and(c.eval_part(env));
                    if acc == Tri::False {
                        break;
                    }
                }
                acc
            }
            Cond::Or(cs) => {
                let mut acc = Tri::False;
                for c in cs.iter() {
                    acc = acc.or(c.eval_part(env));
                    if acc == Tri::True {
                        break;
                    }
                }
                acc
            }
            Cond::Cmp(op, a, b) => compare(*op, a.eval(env), b.eval(env)),
        }
    }

    /// [`Cond::eval`] of a part of `and` / `or`: an indicator, a dimension or the age
    /// scenario (most parts of the rule sets' outcomes) read here, without a call.
    #[inline]
    fn eval_part(&self, env: &Env<'_>) -> Tri {
        self.state_in(env).unwrap_or_else(|| self.eval(env))
    }

    /// The state of an indicator, a dimension or the age scenario, as `env` holds it; `None`
    /// for any other condition.
    #[inline]
    fn state_in(&self, env: &Env<'_>) -> Option<Tri> {
        let state = |states: &[Tri], i: u32| states.get(i as usize).copied();
        match self {
            Cond::Indicator(i) => Some(state(env.indicators, *i).unwrap_or(Tri::Unknown)),
            Cond::Dimension(d) => Some(state(env.dimensions, *d).unwrap_or(Tri::Unknown)),
            Cond::Child => Some(env.child),
            _ => None,
        }
    }

    /// Calls `leaf` for every leaf of the condition that is unknown and lies under a path of
    /// unknown nodes: the places where a missing answer could still change the result.
    pub fn visit_unknown(&self, env: &Env<'_>, leaf: &mut dyn FnMut(Leaf)) {
        let mut leaves = Vec::new();
        self.eval_leaves(env, &mut leaves);
        leaves.into_iter().for_each(leaf);
    }

    /// Evaluates the condition and appends to `out` the leaves [`Cond::visit_unknown`] reports,
    /// in the same order. Every node is evaluated once (`visit_unknown` by itself would
    /// evaluate each node again at every level above it).
    pub fn eval_leaves(&self, env: &Env<'_>, out: &mut Vec<Leaf>) -> Tri {
        let mark = out.len();
        let t = match self {
            Cond::Not(c) => !c.eval_leaves(env, out),
            // When the result is unknown no child was false (and), or true (or): every child
            // was evaluated, as `visit_unknown` visits them all.
            Cond::And(cs) => {
                let mut acc = Tri::True;
                for c in cs.iter() {
                    acc = acc.and(c.eval_leaves(env, out));
                    if acc == Tri::False {
                        break;
                    }
                }
                acc
            }
            Cond::Or(cs) => {
                let mut acc = Tri::False;
                for c in cs.iter() {
                    acc = acc.or(c.eval_leaves(env, out));
                    if acc == Tri::True {
                        break;
                    }
                }
                acc
            }
            _ => {
                let t = self.eval(env);
                if t == Tri::Unknown {
                    self.leaves_of_unknown(env, &mut |l| out.push(l));
                }
                t
            }
        };
        if t != Tri::Unknown {
            out.truncate(mark);
        }
        t
    }

    /// The leaves of a node whose value is unknown.
    fn leaves_of_unknown(&self, env: &Env<'_>, leaf: &mut dyn FnMut(Leaf)) {
        match self {
            Cond::Truthy(q)
            | Cond::YesNoIs(q, _)
            | Cond::ChoiceIn { q, .. }
            | Cond::Has { q, .. } => {
                leaf(Leaf::Question(*q));
            }
            Cond::Indicator(i) => leaf(Leaf::Indicator(*i)),
            Cond::Dimension(d) => leaf(Leaf::Dimension(*d)),
            Cond::Child => leaf(Leaf::Child),
            Cond::Not(_) | Cond::And(_) | Cond::Or(_) => {
                let mut leaves = Vec::new();
                self.eval_leaves(env, &mut leaves);
                leaves.into_iter().for_each(leaf);
            }
            Cond::Cmp(_, a, b) => {
                a.visit_unknown(env, leaf);
                b.visit_unknown(env, leaf);
            }
            Cond::Const(_) | Cond::Answered(_) => {}
        }
    }

    /// The questions the condition reads, each once, in the order they first appear.
    #[must_use]
    pub fn questions(&self) -> Vec<usize> {
        let mut qs = Vec::new();
        self.visit_leaves(&mut |l| {
            if let Leaf::Question(q) = l {
                if !qs.contains(&(q as usize)) {
                    qs.push(q as usize);
                }
            }
        });
        qs
    }

    /// Calls `f` for every leaf, known or not (for dependency analysis and listings).
    pub fn visit_leaves(&self, f: &mut dyn FnMut(Leaf)) {
        match self {
            Cond::Truthy(q)
            | Cond::YesNoIs(q, _)
            | Cond::ChoiceIn { q, .. }
            | Cond::Has { q, .. }
            | Cond::Answered(q) => f(Leaf::Question(*q)),
            Cond::Indicator(i) => f(Leaf::Indicator(*i)),
            Cond::Dimension(d) => f(Leaf::Dimension(*d)),
            Cond::Child => f(Leaf::Child),
            Cond::Not(c) => c.visit_leaves(f),
            Cond::And(cs) | Cond::Or(cs) => {
                for c in cs.iter() {
                    c.visit_leaves(f);
                }
            }
            Cond::Cmp(_, a, b) => {
                a.visit_leaves(f);
                b.visit_leaves(f);
            }
            Cond::Const(_) => {}
        }
    }
}

/// A leaf of a condition: something whose value comes from outside the condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// A question, by index.
    Question(u32),
    /// An indicator, by index.
    Indicator(u32),
    /// A dimension, by index.
    Dimension(u32),
    /// `child`.
    Child,
    /// A count inside `present_if`.
    Count,
}

impl Num {
    /// Evaluates to a range of possible values.
    #[must_use]
    pub fn eval(&self, env: &Env<'_>) -> NumVal {
        match self {
            Num::Const(x) => NumVal::Range(*x, *x),
            Num::Question(q) => match env.answer(*q) {
                Answer::NotApplicable => NumVal::NotApplicable,
                Answer::Number(x) => NumVal::Range(x, x),
                _ => NumVal::Unknown,
            },
            Num::Count(c) => match env.counts.and_then(|cs| cs.get(*c as usize)) {
                Some(&(lo, hi)) => NumVal::Range(f64::from(lo), f64::from(hi)),
                None => NumVal::Unknown,
            },
            Num::Add(a, b) => combine(a.eval(env), b.eval(env), |al, ah, bl, bh| {
                (al + bl, ah + bh)
            }),
            Num::Sub(a, b) => combine(a.eval(env), b.eval(env), |al, ah, bl, bh| {
                (al - bh, ah - bl)
            }),
        }
    }

    fn visit_unknown(&self, env: &Env<'_>, leaf: &mut dyn FnMut(Leaf)) {
        match self {
            Num::Const(_) => {}
            Num::Question(q) => {
                if self.eval(env) == NumVal::Unknown {
                    leaf(Leaf::Question(*q));
                }
            }
            Num::Count(_) => {
                if let NumVal::Range(lo, hi) = self.eval(env) {
                    if lo < hi {
                        leaf(Leaf::Count);
                    }
                }
            }
            Num::Add(a, b) | Num::Sub(a, b) => {
                a.visit_unknown(env, leaf);
                b.visit_unknown(env, leaf);
            }
        }
    }

    fn visit_leaves(&self, f: &mut dyn FnMut(Leaf)) {
        match self {
            Num::Const(_) => {}
            Num::Question(q) => f(Leaf::Question(*q)),
            Num::Count(_) => f(Leaf::Count),
            Num::Add(a, b) | Num::Sub(a, b) => {
                a.visit_leaves(f);
                b.visit_leaves(f);
            }
        }
    }
}

fn combine(a: NumVal, b: NumVal, f: impl FnOnce(f64, f64, f64, f64) -> (f64, f64)) -> NumVal {
    match (a, b) {
        (NumVal::NotApplicable, _) | (_, NumVal::NotApplicable) => NumVal::NotApplicable,
        (NumVal::Range(al, ah), NumVal::Range(bl, bh)) => {
            let (lo, hi) = f(al, ah, bl, bh);
            NumVal::Range(lo, hi)
        }
        _ => NumVal::Unknown,
    }
}

/// Compares two ranges: true or false only when the comparison holds or fails for every pair of
/// values in them, otherwise unknown.
#[must_use]
pub fn compare(op: CmpOp, a: NumVal, b: NumVal) -> Tri {
    let (al, ah, bl, bh) = match (a, b) {
        (NumVal::NotApplicable, _) | (_, NumVal::NotApplicable) => return Tri::False,
        (NumVal::Range(al, ah), NumVal::Range(bl, bh)) => (al, ah, bl, bh),
        _ => return Tri::Unknown,
    };
    let (always, never) = match op {
        CmpOp::Lt => (ah < bl, al >= bh),
        CmpOp::Le => (ah <= bl, al > bh),
        CmpOp::Gt => (al > bh, ah <= bl),
        CmpOp::Ge => (al >= bh, ah < bl),
        CmpOp::Eq => (al == ah && bl == bh && al == bl, ah < bl || al > bh),
        CmpOp::Ne => (ah < bl || al > bh, al == ah && bl == bh && al == bl),
    };
    if always {
        Tri::True
    } else if never {
        Tri::False
    } else {
        Tri::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: f64, hi: f64) -> NumVal {
        NumVal::Range(lo, hi)
    }

    #[test]
    fn range_comparisons_are_true_or_false_only_over_the_whole_range() {
        assert_eq!(compare(CmpOp::Ge, r(2.0, 2.0), r(2.0, 2.0)), Tri::True);
        assert_eq!(compare(CmpOp::Ge, r(1.0, 3.0), r(2.0, 2.0)), Tri::Unknown);
        assert_eq!(compare(CmpOp::Ge, r(0.0, 1.0), r(2.0, 2.0)), Tri::False);
        assert_eq!(compare(CmpOp::Lt, r(0.0, 1.0), r(2.0, 2.0)), Tri::True);
        assert_eq!(compare(CmpOp::Eq, r(1.0, 1.0), r(1.0, 1.0)), Tri::True);
        assert_eq!(compare(CmpOp::Eq, r(0.0, 2.0), r(1.0, 1.0)), Tri::Unknown);
        assert_eq!(compare(CmpOp::Ne, r(3.0, 4.0), r(1.0, 1.0)), Tri::True);
        assert_eq!(
            compare(CmpOp::Lt, NumVal::Unknown, r(1.0, 1.0)),
            Tri::Unknown
        );
        assert_eq!(
            compare(CmpOp::Ne, NumVal::NotApplicable, r(1.0, 1.0)),
            Tri::False
        );
    }

    #[test]
    fn not_applicable_makes_every_comparison_false() {
        let answers = [Answer::NotApplicable];
        let env = Env::answers_only(&answers);
        let eq = Cond::ChoiceIn {
            q: 0,
            mask: 1,
            negate: false,
        };
        let ne = Cond::ChoiceIn {
            q: 0,
            mask: 1,
            negate: true,
        };
        assert_eq!(eq.eval(&env), Tri::False);
        assert_eq!(ne.eval(&env), Tri::False);
        assert_eq!(Cond::Truthy(0).eval(&env), Tri::False);
        assert_eq!(Cond::Not(Box::new(Cond::Truthy(0))).eval(&env), Tri::True);
    }

    #[test]
    fn unknown_leaves_are_only_those_that_matter() {
        // (q0 or q1) and q2 with q0 = yes, q1 missing, q2 missing: only q2 decides.
        let answers = [Answer::Bool(true), Answer::Missing, Answer::Missing];
        let env = Env::answers_only(&answers);
        let c = Cond::And(
            vec![
                Cond::Or(vec![Cond::Truthy(0), Cond::Truthy(1)].into()),
                Cond::Truthy(2),
            ]
            .into(),
        );
        let mut seen = Vec::new();
        c.visit_unknown(&env, &mut |l| seen.push(l));
        assert_eq!(seen, vec![Leaf::Question(2)]);
    }
}
