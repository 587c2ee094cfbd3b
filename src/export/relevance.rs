//! Skip logic as XPath: each condition becomes two expressions over the form's fields, one
//! true when the engine would find the condition definitely TRUE, one when definitely FALSE
//! (both false: unknown). A question is relevant unless its `show_if` is definitely false,
//! which is when the terminal interview asks it.
//!
//! What the form's fields hold, and what the engine makes of them (`apply_skip_logic`):
//! a question that is not relevant is empty and does not apply (false in yes/no and choice
//! tests, every comparison on it false); `dont_know`, `declined` and an empty relevant field
//! are unknown; and an answer given while the question's own `show_if` was unknown is unknown
//! too (the engine drops it). So a field's value counts only when its `show_if` is definitely
//! true, and a field does not apply exactly when its `show_if` is definitely false.

use crate::condition::ast::CmpOp;
use crate::condition::compiled::{compare, NumVal};
use crate::condition::{Cond, Num, Tri};
use crate::ruleset::{Question, QuestionKind, RuleSet};

use super::xlsform::XlsFormError;
use super::xpath::{Expr, NumExpr};

/// The special answers every select list offers after the options.
pub const DONT_KNOW: &str = "dont_know";
/// "Prefers not to say".
pub const DECLINED: &str = "declined";

/// A condition as two XPath expressions: definitely true, definitely false.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthXPath {
    /// True exactly when the engine evaluates the condition to true.
    pub t: Expr,
    /// True exactly when the engine evaluates the condition to false.
    pub f: Expr,
}

/// The skip logic of a rule set, translated once for every question.
#[derive(Debug)]
pub struct Relevance<'r> {
    rs: &'r RuleSet,
    /// Per question, its `show_if` as XPath (true / false when it has none).
    show_if: Vec<Option<TruthXPath>>,
}

impl<'r> Relevance<'r> {
    /// Translates every `show_if`, each question after those its `show_if` reads.
    ///
    /// # Errors
    /// A `show_if` that uses something a form cannot compute (indicators, dimensions, `child`,
    /// counts), or reads a question that is translated after it.
    pub fn new(rs: &'r RuleSet) -> Result<Self, XlsFormError> {
        let mut r = Relevance {
            rs,
            show_if: vec![None; rs.questions.len()],
        };
        for (i, q) in rs.questions.iter().enumerate() {
            if q.show_if.is_none() {
                if let Some(slot) = r.show_if.get_mut(i) {
                    *slot = Some(TruthXPath {
                        t: Expr::Const(true),
                        f: Expr::Const(false),
                    });
                }
            }
        }
        for &i in &rs.show_order {
            let Some(q) = rs.questions.get(i) else {
                continue;
            };
            if let Some(s) = &q.show_if {
                let tf = r.translate(&s.cond, &q.id)?;
                if let Some(slot) = r.show_if.get_mut(i) {
                    *slot = Some(tf);
                }
            }
        }
        if let Some(q) = r
            .show_if
            .iter()
            .position(Option::is_none)
            .and_then(|i| rs.questions.get(i))
        {
            return Err(XlsFormError::Order {
                question: q.id.clone(),
            });
        }
        Ok(r)
    }

    /// The `relevant` column of question `q`: not(definitely false); `None` without `show_if`.
    #[must_use]
    pub fn relevant(&self, q: usize) -> Option<Expr> {
        let question = self.rs.questions.get(q)?;
        question.show_if.as_ref()?;
        let tf = self.show_if.get(q)?.as_ref()?;
        Some(tf.f.clone().negate())
    }

    /// The translated `show_if` of question `q`.
    #[must_use]
    pub fn show_if(&self, q: usize) -> Option<&TruthXPath> {
        self.show_if.get(q)?.as_ref()
    }

    /// The question at index `q` with the XPath of its `show_if`, for a leaf of a condition of
    /// question `ctx`.
    fn leaf(&self, q: u32, ctx: &str) -> Result<(&'r Question, &TruthXPath), XlsFormError> {
        let i = q as usize;
        match (
            self.rs.questions.get(i),
            self.show_if.get(i).and_then(Option::as_ref),
        ) {
            (Some(question), Some(tf)) => Ok((question, tf)),
            (Some(_), None) => Err(XlsFormError::Order {
                question: ctx.to_owned(),
            }),
            (None, _) => Err(XlsFormError::Unsupported {
                question: ctx.to_owned(),
                what: "a question index out of range",
            }),
        }
    }

    /// Translates `cond`, the condition of question `ctx` (named in errors).
    ///
    /// # Errors
    /// See [`Relevance::new`].
    pub fn translate(&self, cond: &Cond, ctx: &str) -> Result<TruthXPath, XlsFormError> {
        let unsupported = |what| XlsFormError::Unsupported {
            question: ctx.to_owned(),
            what,
        };
        Ok(match cond {
            Cond::Const(b) => TruthXPath {
                t: Expr::Const(*b),
                f: Expr::Const(!*b),
            },
            Cond::Truthy(q) => self.yes_no_is(*q, true, ctx)?,
            Cond::YesNoIs(q, b) => self.yes_no_is(*q, *b, ctx)?,
            Cond::ChoiceIn { q, mask, negate } => {
                let (question, show) = self.leaf(*q, ctx)?;
                let (mut hit, mut miss) = (Vec::new(), Vec::new());
                for (i, o) in question.options.iter().enumerate() {
                    let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
                    if ((bit & mask) != 0) != *negate {
                        hit.push(o.as_str());
                    } else {
                        miss.push(o.as_str());
                    }
                }
                let id = question.id.as_str();
                TruthXPath {
                    t: Expr::and([show.t.clone(), one_of(id, &hit, &miss)]),
                    f: Expr::or([
                        show.f.clone(),
                        Expr::and([show.t.clone(), one_of(id, &miss, &hit)]),
                    ]),
                }
            }
            Cond::Has { q, bit } => {
                let (question, show) = self.leaf(*q, ctx)?;
                let option = question
                    .options
                    .get(bit.trailing_zeros() as usize)
                    .ok_or_else(|| unsupported("an option out of range"))?;
                let id = question.id.as_str();
                let sel = Expr::selected(id, option);
                TruthXPath {
                    t: Expr::and([show.t.clone(), sel.clone()]),
                    f: Expr::or([
                        show.f.clone(),
                        Expr::and([show.t.clone(), real_value(question), sel.negate()]),
                    ]),
                }
            }
            Cond::Answered(q) => {
                let (question, show) = self.leaf(*q, ctx)?;
                let t = Expr::and([show.t.clone(), real_value(question)]);
                TruthXPath {
                    f: t.clone().negate(),
                    t,
                }
            }
            Cond::Not(c) => {
                let inner = self.translate(c, ctx)?;
                TruthXPath {
                    t: inner.f,
                    f: inner.t,
                }
            }
            Cond::And(cs) | Cond::Or(cs) => {
                let parts = cs
                    .iter()
                    .map(|c| self.translate(c, ctx))
                    .collect::<Result<Vec<_>, _>>()?;
                let ts = parts.iter().map(|p| p.t.clone());
                let fs = parts.iter().map(|p| p.f.clone());
                if matches!(cond, Cond::And(_)) {
                    TruthXPath {
                        t: Expr::and(ts),
                        f: Expr::or(fs),
                    }
                } else {
                    TruthXPath {
                        t: Expr::or(ts),
                        f: Expr::and(fs),
                    }
                }
            }
            Cond::Cmp(op, a, b) => self.comparison(*op, a, b, ctx)?,
            Cond::Indicator(_) => return Err(unsupported("an indicator")),
            Cond::Dimension(_) => return Err(unsupported("a dimension")),
            Cond::Child => return Err(unsupported("`child`")),
        })
    }

    fn yes_no_is(&self, q: u32, want: bool, ctx: &str) -> Result<TruthXPath, XlsFormError> {
        let (question, show) = self.leaf(q, ctx)?;
        let (hit, miss) = if want { ("yes", "no") } else { ("no", "yes") };
        let id = question.id.as_str();
        Ok(TruthXPath {
            t: Expr::and([show.t.clone(), Expr::is(id, hit)]),
            f: Expr::or([
                show.f.clone(),
                Expr::and([show.t.clone(), Expr::is(id, miss)]),
            ]),
        })
    }

    /// A numeric comparison: true or false only when every number in it is known; false
    /// when one of its questions does not apply.
    fn comparison(
        &self,
        op: CmpOp,
        a: &Num,
        b: &Num,
        ctx: &str,
    ) -> Result<TruthXPath, XlsFormError> {
        let mut questions = Vec::new();
        let xa = self.num(a, ctx, &mut questions)?;
        let xb = self.num(b, ctx, &mut questions)?;
        if questions.is_empty() {
            let (Some(va), Some(vb)) = (const_value(a), const_value(b)) else {
                return Err(XlsFormError::Unsupported {
                    question: ctx.to_owned(),
                    what: "a numeric expression without a value",
                });
            };
            let r = compare(op, NumVal::Range(va, va), NumVal::Range(vb, vb));
            return Ok(TruthXPath {
                t: Expr::Const(r == Tri::True),
                f: Expr::Const(r == Tri::False),
            });
        }
        let mut known = Vec::new();
        let mut not_applies = Vec::new();
        for &q in &questions {
            let (question, show) = self.leaf(q, ctx)?;
            known.push(show.t.clone());
            known.push(Expr::is_not(&question.id, ""));
            not_applies.push(show.f.clone());
        }
        let known = Expr::and(known);
        let cmp = Expr::Cmp(op, xa, xb);
        Ok(TruthXPath {
            t: Expr::and([known.clone(), cmp.clone()]),
            f: Expr::or([Expr::or(not_applies), Expr::and([known, cmp.negate()])]),
        })
    }

    fn num(&self, n: &Num, ctx: &str, qs: &mut Vec<u32>) -> Result<NumExpr, XlsFormError> {
        Ok(match n {
            Num::Const(x) => NumExpr::Const(*x),
            Num::Question(q) => {
                let (question, _) = self.leaf(*q, ctx)?;
                if !qs.contains(q) {
                    qs.push(*q);
                }
                NumExpr::Field(question.id.clone())
            }
            Num::Count(_) => {
                return Err(XlsFormError::Unsupported {
                    question: ctx.to_owned(),
                    what: "a count of indicators",
                })
            }
            Num::Add(a, b) => NumExpr::Add(
                Box::new(self.num(a, ctx, qs)?),
                Box::new(self.num(b, ctx, qs)?),
            ),
            Num::Sub(a, b) => NumExpr::Sub(
                Box::new(self.num(a, ctx, qs)?),
                Box::new(self.num(b, ctx, qs)?),
            ),
        })
    }
}

/// The value of a numeric expression without questions.
fn const_value(n: &Num) -> Option<f64> {
    match n {
        Num::Const(x) => Some(*x),
        Num::Question(_) | Num::Count(_) => None,
        Num::Add(a, b) => Some(const_value(a)? + const_value(b)?),
        Num::Sub(a, b) => Some(const_value(a)? - const_value(b)?),
    }
}

/// The field holds a real answer: not empty, not `dont_know`, not `declined`.
fn real_value(q: &Question) -> Expr {
    let id = q.id.as_str();
    match q.kind {
        QuestionKind::MultiChoice => Expr::and([
            Expr::is_not(id, ""),
            Expr::selected(id, DONT_KNOW).negate(),
            Expr::selected(id, DECLINED).negate(),
        ]),
        QuestionKind::Number => Expr::is_not(id, ""),
        QuestionKind::YesNo | QuestionKind::SingleChoice | QuestionKind::Text => Expr::and([
            Expr::is_not(id, ""),
            Expr::is_not(id, DONT_KNOW),
            Expr::is_not(id, DECLINED),
        ]),
    }
}

/// The single-choice field `id` holds one of `set` (the other options are `rest`): listed
/// directly, or as "a real answer other than `rest`" when that is shorter.
fn one_of(id: &str, set: &[&str], rest: &[&str]) -> Expr {
    if set.len() <= rest.len() + 3 {
        Expr::or(set.iter().map(|o| Expr::is(id, o)))
    } else {
        Expr::and(
            [
                Expr::is_not(id, ""),
                Expr::is_not(id, DONT_KNOW),
                Expr::is_not(id, DECLINED),
            ]
            .into_iter()
            .chain(rest.iter().map(|o| Expr::is_not(id, o))),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::answer::Answer;
    use crate::engine::apply_skip_logic;
    use crate::export::testing::{ruleset, shipped};
    use crate::export::xlsform::EXCLUSIVE_SPECIAL_ANSWERS;
    use crate::export::xpath_eval::eval;

    /// Every kind of condition: forward references, chains of `show_if`, sums, `answered`,
    /// `has`, `in`, `!=`, constants, and sections that interleave.
    const MIXED: &str = r#"
[[question]]
id = "f"
section = "one"
kind = "yes_no"
show_if = 'e or n == 10'
[[question]]
id = "a"
section = "one"
kind = "yes_no"
[[question]]
id = "c"
section = "one"
kind = "single_choice"
options = ["x", "y", "z"]
[[question]]
id = "m"
section = "one"
kind = "multi_choice"
options = ["p", "q", "r"]
show_if = 'a'
[[question]]
id = "n"
section = "two"
kind = "number"
min = 0
max = 30
integer = true
show_if = 'c != "x"'
[[question]]
id = "k"
section = "two"
kind = "number"
min = 0
max = 10
[[question]]
id = "b"
section = "two"
kind = "yes_no"
show_if = 'not answered(n) or n + k >= limit'
[[question]]
id = "t"
section = "two"
kind = "text"
show_if = 'm has "p"'
[[question]]
id = "d"
section = "two"
kind = "yes_no"
show_if = 'answered(t) or (b == false and c in ["y", "z"])'
[[question]]
id = "e"
section = "two"
kind = "yes_no"
show_if = 'n - 3 < k and not d'
[[question]]
id = "w"
section = "one"
kind = "single_choice"
options = ["o1", "o2", "o3", "o4", "o5", "o6"]
[[question]]
id = "g"
section = "two"
kind = "yes_no"
show_if = 'w in ["o1", "o2", "o3", "o4", "o5"] or not (m has "q")'
[[question]]
id = "h"
section = "two"
kind = "yes_no"
show_if = 'answered(m) and answered(c) and not answered(k) and w != "o6" and 1 < 2'
"#;

    fn mixed() -> RuleSet {
        ruleset(&["one", "two"], MIXED)
    }

    fn show_if(rs: &RuleSet, id: &str) -> (String, String, String) {
        let r = Relevance::new(rs).unwrap_or_else(|e| panic!("{e}"));
        let q = rs.question(id).unwrap_or_else(|| panic!("no {id}"));
        let tf = r
            .show_if(q)
            .unwrap_or_else(|| panic!("no show_if for {id}"));
        let rel = r.relevant(q).map(|e| e.to_string()).unwrap_or_default();
        (tf.t.to_string(), tf.f.to_string(), rel)
    }

    #[test]
    fn the_shipped_rule_sets_read_as_expected() {
        let kz = shipped("kz-handbook");
        let (t, f, rel) = show_if(&kz, "can_leave_before_repaying");
        assert_eq!(t, "${owes_money} = 'yes'");
        assert_eq!(f, "${owes_money} = 'no'");
        // Asked unless the person said no: "don't know" still asks, as in the interview.
        assert_eq!(rel, "${owes_money} != 'no'");
        let (_, _, rel) = show_if(&kz, "with_parent_or_guardian");
        assert_eq!(rel, "${age} = '' or ${age} < 18");
        let (_, _, rel) = show_if(&kz, "appears_under_18");
        assert_eq!(rel, "${age} = ''");
        let (_, _, rel) = show_if(&kz, "legal_status");
        assert_eq!(
            rel,
            "${region} = '' or ${region} = 'dont_know' or ${region} = 'declined' \
             or ${citizenship} != 'kazakhstan' or ${region} = 'outside_kazakhstan'"
        );
        let ilo = shipped("ilo-2009-adult-labour");
        let r = Relevance::new(&ilo).unwrap_or_else(|e| panic!("{e}"));
        let with_show_if = (0..ilo.questions.len())
            .filter(|&q| r.relevant(q).is_some())
            .count();
        assert_eq!(with_show_if, 1);
    }

    #[test]
    fn an_answer_counts_only_when_its_own_show_if_is_true() {
        let rs = mixed();
        // `m` is asked when `a` is not "no"; its answer counts only when `a` is "yes".
        let (t, f, rel) = show_if(&rs, "t");
        assert_eq!(t, "${a} = 'yes' and selected(${m}, 'p')");
        assert_eq!(
            f,
            "${a} = 'no' or (${a} = 'yes' and ${m} != '' and not(selected(${m}, 'dont_know')) \
             and not(selected(${m}, 'declined')) and not(selected(${m}, 'p')))"
        );
        assert_eq!(
            rel,
            "${a} != 'no' and (${a} != 'yes' or ${m} = '' or selected(${m}, 'dont_know') \
             or selected(${m}, 'declined') or selected(${m}, 'p'))"
        );
        // `not answered(n) or n + k >= limit`: `n` counts only when `c` is `y` or `z`.
        let (t, _, _) = show_if(&rs, "b");
        assert_eq!(
            t,
            "(${c} != 'y' and ${c} != 'z') or ${n} = '' \
             or ((${c} = 'y' or ${c} = 'z') and ${n} != '' and ${k} != '' and ${n} + ${k} >= 12)"
        );
    }

    #[test]
    fn long_option_lists_are_written_as_their_complement() {
        let rs = mixed();
        let (t, _, _) = show_if(&rs, "g");
        assert!(
            t.starts_with(
                "(${w} != '' and ${w} != 'dont_know' and ${w} != 'declined' and ${w} != 'o6') or "
            ),
            "{t}"
        );
    }

    #[test]
    fn indicators_cannot_be_translated_and_the_error_names_the_question() {
        let rs = mixed();
        let r = Relevance::new(&rs).unwrap_or_else(|e| panic!("{e}"));
        let err = r
            .translate(
                &Cond::And(vec![Cond::Truthy(1), Cond::Indicator(0)].into()),
                "g",
            )
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("the `show_if` of question `g` uses an indicator, which a form cannot compute")
        );
        assert!(r.translate(&Cond::Child, "g").is_err());
        let count = Cond::Cmp(
            CmpOp::Ge,
            Num::Count(crate::condition::compiled::Count::Strong),
            Num::Const(1.0),
        );
        assert!(r.translate(&count, "g").is_err());
    }

    /// A tiny deterministic generator (xorshift), so that failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// A value a form could hold for `q` when it is relevant (empty: not answered yet).
    fn random_value(q: &Question, rng: &mut Rng) -> String {
        let special = ["", DONT_KNOW, DECLINED];
        match q.kind {
            QuestionKind::YesNo => ["yes", "no", "", DONT_KNOW, DECLINED][rng.below(5)].into(),
            QuestionKind::SingleChoice => {
                let i = rng.below(q.options.len() + 3);
                q.options
                    .get(i)
                    .map_or_else(|| special[i - q.options.len()].into(), Clone::clone)
            }
            QuestionKind::MultiChoice => match rng.below(6) {
                0..=2 => special[rng.below(3)].into(),
                _ => {
                    let picked: Vec<&str> = q
                        .options
                        .iter()
                        .filter(|_| rng.below(2) == 0)
                        .map(String::as_str)
                        .collect();
                    if picked.is_empty() {
                        q.options.first().cloned().unwrap_or_default()
                    } else {
                        picked.join(" ")
                    }
                }
            },
            QuestionKind::Number => {
                if rng.below(4) == 0 {
                    String::new()
                } else {
                    let lo = q.min.unwrap_or(0.0) as usize;
                    let hi = q.max.unwrap_or(100.0) as usize;
                    let x = (lo + rng.below(hi - lo + 1)) as f64;
                    let half = if !q.integer && rng.below(2) == 0 {
                        0.5
                    } else {
                        0.0
                    };
                    number(if x + half > hi as f64 { x } else { x + half })
                }
            }
            QuestionKind::Text => ["", "some words"][rng.below(2)].into(),
        }
    }

    /// What the scorer makes of a field of the form's export.
    fn answer(q: &Question, v: &str) -> Answer {
        match (q.kind, v) {
            (_, "") => Answer::Missing,
            (_, DONT_KNOW) => Answer::DontKnow,
            (_, DECLINED) => Answer::Declined,
            (QuestionKind::YesNo, v) => Answer::Bool(v == "yes"),
            (QuestionKind::SingleChoice, v) => {
                Answer::Choice(q.options.iter().position(|o| o == v).unwrap_or(0) as u8)
            }
            (QuestionKind::MultiChoice, v) => Answer::Multi(
                v.split(' ')
                    .filter_map(|o| q.options.iter().position(|x| x == o))
                    .fold(0, |set, i| set | (1u64 << i)),
            ),
            (QuestionKind::Number, v) => Answer::Number(v.parse().unwrap_or(f64::NAN)),
            (QuestionKind::Text, _) => Answer::Text,
        }
    }

    use super::super::xpath::number;

    /// Fills the form at random as ODK would keep it (a question that is not relevant is
    /// empty), and checks every `show_if` against the engine: definitely true, definitely
    /// false, and relevant exactly when the interview would ask.
    fn agrees_with_the_engine(rs: &RuleSet, rounds: usize, seed: u64) {
        let r = Relevance::new(rs).unwrap_or_else(|e| panic!("{e}"));
        let relevant: Vec<Option<String>> = (0..rs.questions.len())
            .map(|q| r.relevant(q).map(|e| e.to_string()))
            .collect();
        let mut rng = Rng(seed);
        assert_eq!(rs.show_order.len(), rs.questions.len());
        for _ in 0..rounds {
            let mut fields: HashMap<String, String> = rs
                .questions
                .iter()
                .map(|q| (q.id.clone(), random_value(q, &mut rng)))
                .collect();
            for &q in &rs.show_order {
                let question = &rs.questions[q];
                if let Some(rel) = &relevant[q] {
                    if !eval(rel, &fields, "").unwrap_or_else(|e| panic!("{rel}: {e}")) {
                        fields.insert(question.id.clone(), String::new());
                    }
                }
            }
            let mut answers: Vec<Answer> = rs
                .questions
                .iter()
                .map(|q| answer(q, &fields[&q.id]))
                .collect();
            let mut applies = vec![Tri::True; answers.len()];
            apply_skip_logic(rs, &mut answers, &mut applies);
            for (q, question) in rs.questions.iter().enumerate() {
                let Some(tf) = r.show_if(q) else { continue };
                let (t, f) = (tf.t.to_string(), tf.f.to_string());
                let ev = |e: &str| eval(e, &fields, "").unwrap_or_else(|err| panic!("{e}: {err}"));
                let context = || format!("question {} with {fields:?}", question.id);
                assert_eq!(ev(&t), applies[q] == Tri::True, "T: {t}\n{}", context());
                assert_eq!(ev(&f), applies[q] == Tri::False, "F: {f}\n{}", context());
                if let Some(rel) = &relevant[q] {
                    assert_eq!(ev(rel), applies[q] != Tri::False, "{rel}\n{}", context());
                }
            }
        }
    }

    #[test]
    fn the_translation_agrees_with_the_engine_on_random_forms() {
        agrees_with_the_engine(&mixed(), 1500, 0x9E37_79B9_7F4A_7C15);
        agrees_with_the_engine(&shipped("kz-handbook"), 400, 42);
        agrees_with_the_engine(&shipped("ilo-2009-adult-labour"), 60, 7);
    }

    #[test]
    fn the_multi_choice_constraint_keeps_the_special_answers_alone() {
        let none = HashMap::new();
        let ok = |v: &str| eval(EXCLUSIVE_SPECIAL_ANSWERS, &none, v).unwrap_or(false);
        assert!(ok("p") && ok("p q") && ok(DONT_KNOW) && ok(DECLINED));
        assert!(!ok("p dont_know") && !ok("declined q") && !ok("dont_know declined"));
    }
}
