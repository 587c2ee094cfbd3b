//! The small part of XPath 1.0 a form's `relevant` column needs: comparisons of fields with
//! option names and numbers, `selected()`, `and`, `or`, `not()`. Built with constructors that
//! simplify as they go, rendered with as few parentheses as stay readable.

use std::fmt::{self, Write as _};

use crate::condition::ast::CmpOp;

/// A numeric expression over number fields.
#[derive(Debug, Clone, PartialEq)]
pub enum NumExpr {
    /// A literal.
    Const(f64),
    /// The value of a number field, `${name}`.
    Field(String),
    /// `a + b`
    Add(Box<NumExpr>, Box<NumExpr>),
    /// `a - b`
    Sub(Box<NumExpr>, Box<NumExpr>),
}

/// A boolean XPath expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `true()` / `false()`.
    Const(bool),
    /// `${field} = 'value'` (`''`: the field is empty).
    Is(String, String),
    /// `${field} != 'value'`.
    IsNot(String, String),
    /// `selected(${field}, 'value')`.
    Selected(String, String),
    /// `a op b` on numbers. Not negated by flipping the operator: on an empty field both
    /// `a < b` and `a >= b` are false.
    Cmp(CmpOp, NumExpr, NumExpr),
    /// `not(x)`, only over [`Expr::Selected`] and [`Expr::Cmp`] (the constructor pushes the
    /// negation into everything else).
    Not(Box<Expr>),
    /// `a and b and …`, at least two terms.
    And(Vec<Expr>),
    /// `a or b or …`, at least two terms.
    Or(Vec<Expr>),
}

impl Expr {
    /// `${field} = 'value'`.
    #[must_use]
    pub fn is(field: &str, value: &str) -> Expr {
        Expr::Is(field.to_owned(), value.to_owned())
    }

    /// `${field} != 'value'`.
    #[must_use]
    pub fn is_not(field: &str, value: &str) -> Expr {
        Expr::IsNot(field.to_owned(), value.to_owned())
    }

    /// `selected(${field}, 'value')`.
    #[must_use]
    pub fn selected(field: &str, value: &str) -> Expr {
        Expr::Selected(field.to_owned(), value.to_owned())
    }

    /// The negation, pushed inwards (De Morgan) as far as it stays exact.
    #[must_use]
    pub fn negate(self) -> Expr {
        match self {
            Expr::Const(b) => Expr::Const(!b),
            Expr::Is(f, v) => Expr::IsNot(f, v),
            Expr::IsNot(f, v) => Expr::Is(f, v),
            Expr::Not(x) => *x,
            Expr::And(xs) => Expr::or(xs.into_iter().map(Expr::negate)),
            Expr::Or(xs) => Expr::and(xs.into_iter().map(Expr::negate)),
            x @ (Expr::Selected(..) | Expr::Cmp(..)) => Expr::Not(Box::new(x)),
        }
    }

    /// The conjunction, simplified: constants folded, nested `and`s flattened, repeated terms
    /// dropped, terms implied by another term dropped, `a and (a or b)` reduced to `a`.
    #[must_use]
    pub fn and(terms: impl IntoIterator<Item = Expr>) -> Expr {
        junction(terms, Junction::And)
    }

    /// The disjunction, simplified like [`Expr::and`].
    #[must_use]
    pub fn or(terms: impl IntoIterator<Item = Expr>) -> Expr {
        junction(terms, Junction::Or)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Junction {
    And,
    Or,
}

impl Junction {
    /// The constant that the junction ignores (`true` for `and`).
    fn unit(self) -> bool {
        self == Junction::And
    }

    fn parts(self, e: Expr) -> Result<Vec<Expr>, Expr> {
        match (self, e) {
            (Junction::And, Expr::And(xs)) | (Junction::Or, Expr::Or(xs)) => Ok(xs),
            (_, e) => Err(e),
        }
    }

    fn build(self, xs: Vec<Expr>) -> Expr {
        match self {
            Junction::And => Expr::And(xs),
            Junction::Or => Expr::Or(xs),
        }
    }
}

fn junction(terms: impl IntoIterator<Item = Expr>, j: Junction) -> Expr {
    let mut flat: Vec<Expr> = Vec::new();
    for t in terms {
        match j.parts(t) {
            Ok(xs) => flat.extend(xs),
            Err(t) => flat.push(t),
        }
    }
    let mut kept: Vec<Expr> = Vec::new();
    for t in flat {
        match t {
            Expr::Const(b) if b == j.unit() => {}
            Expr::Const(b) => return Expr::Const(b),
            t if kept.contains(&t) => {}
            t => kept.push(t),
        }
    }
    // A term and its negation: `x and not x` is false, `x or not x` is true.
    if kept
        .iter()
        .any(|t| kept.contains(&t.clone().negate()) && !matches!(t, Expr::And(_) | Expr::Or(_)))
    {
        return Expr::Const(!j.unit());
    }
    let kept = drop_implied(kept, j);
    // Absorption: `a and (a or b)` is `a`; `a or (a and b)` is `a`.
    let absorbed: Vec<Expr> = kept
        .iter()
        .filter(|t| match t {
            Expr::Or(xs) if j == Junction::And => !xs.iter().any(|x| kept.contains(x)),
            Expr::And(xs) if j == Junction::Or => !xs.iter().any(|x| kept.contains(x)),
            _ => true,
        })
        .cloned()
        .collect();
    match absorbed.len() {
        0 => Expr::Const(j.unit()),
        1 => absorbed.into_iter().next().unwrap_or(Expr::Const(j.unit())),
        _ => j.build(absorbed),
    }
}

/// Within one junction, facts about one field: in an `and`, `${f} = 'a'` makes `${f} != 'b'`
/// redundant and `${f} = 'b'` impossible; in an `or`, `${f} != 'a'` makes `${f} = 'b'`
/// redundant and `${f} != 'b'` always true alongside it.
fn drop_implied(terms: Vec<Expr>, j: Junction) -> Vec<Expr> {
    // The field values that the junction pins: `Is` in an `and`, `IsNot` in an `or`.
    let pinned: Vec<(&str, &str)> = terms
        .iter()
        .filter_map(|t| match (j, t) {
            (Junction::And, Expr::Is(f, v)) | (Junction::Or, Expr::IsNot(f, v)) => {
                Some((f.as_str(), v.as_str()))
            }
            _ => None,
        })
        .collect();
    for (i, &(f, v)) in pinned.iter().enumerate() {
        if pinned.iter().skip(i + 1).any(|&(g, w)| g == f && w != v) {
            return vec![Expr::Const(!j.unit())];
        }
    }
    terms
        .iter()
        .filter(|t| match (j, t) {
            (Junction::And, Expr::IsNot(f, v)) | (Junction::Or, Expr::Is(f, v)) => !pinned
                .iter()
                .any(|&(g, w)| g == f.as_str() && w != v.as_str()),
            _ => true,
        })
        .cloned()
        .collect()
}

/// A string literal: single quotes unless the text holds one.
fn literal(s: &str) -> String {
    if s.contains('\'') {
        format!("\"{s}\"")
    } else {
        format!("'{s}'")
    }
}

/// A number as XPath writes it: `18`, `0.5`, never an exponent.
#[must_use]
pub fn number(x: f64) -> String {
    crate::output::explain::format_number(x)
}

fn op(o: CmpOp) -> &'static str {
    match o {
        CmpOp::Eq => "=",
        CmpOp::Ne => "!=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

impl fmt::Display for NumExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumExpr::Const(x) => f.write_str(&number(*x)),
            NumExpr::Field(name) => write!(f, "${{{name}}}"),
            NumExpr::Add(a, b) | NumExpr::Sub(a, b) => {
                let sign = if matches!(self, NumExpr::Add(..)) {
                    '+'
                } else {
                    '-'
                };
                // `a - (b + c)` needs its parentheses; `a + (b + c)` keeps them for clarity.
                if matches!(**b, NumExpr::Add(..) | NumExpr::Sub(..)) {
                    write!(f, "{a} {sign} ({b})")
                } else {
                    write!(f, "{a} {sign} {b}")
                }
            }
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Const(true) => f.write_str("true()"),
            Expr::Const(false) => f.write_str("false()"),
            Expr::Is(field, v) => write!(f, "${{{field}}} = {}", literal(v)),
            Expr::IsNot(field, v) => write!(f, "${{{field}}} != {}", literal(v)),
            Expr::Selected(field, v) => write!(f, "selected(${{{field}}}, {})", literal(v)),
            Expr::Cmp(o, a, b) => write!(f, "{a} {} {b}", op(*o)),
            Expr::Not(x) => write!(f, "not({x})"),
            Expr::And(xs) | Expr::Or(xs) => {
                let word = if matches!(self, Expr::And(_)) {
                    " and "
                } else {
                    " or "
                };
                let mut s = String::new();
                for (i, x) in xs.iter().enumerate() {
                    if i > 0 {
                        s.push_str(word);
                    }
                    // `or` binds looser than `and`: an `or` inside an `and` needs parentheses;
                    // an `and` inside an `or` gets them too, so nobody has to remember that.
                    if matches!(x, Expr::And(_) | Expr::Or(_)) {
                        let _ = write!(s, "({x})");
                    } else {
                        let _ = write!(s, "{x}");
                    }
                }
                f.write_str(&s)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(f: &str, v: &str) -> Expr {
        Expr::is(f, v)
    }

    #[test]
    fn constants_fold_and_single_terms_unwrap() {
        assert_eq!(
            Expr::and([Expr::Const(true), is("a", "yes")]),
            is("a", "yes")
        );
        assert_eq!(
            Expr::and([Expr::Const(false), is("a", "yes")]),
            Expr::Const(false)
        );
        assert_eq!(
            Expr::or([Expr::Const(true), is("a", "yes")]),
            Expr::Const(true)
        );
        assert_eq!(Expr::or(Vec::new()), Expr::Const(false));
        assert_eq!(Expr::and(Vec::new()), Expr::Const(true));
    }

    #[test]
    fn negation_is_pushed_inwards() {
        let e = Expr::and([is("a", "yes"), Expr::or([is("b", "no"), is("c", "")])]).negate();
        assert_eq!(
            e.to_string(),
            "${a} != 'yes' or (${b} != 'no' and ${c} != '')"
        );
        let s = Expr::selected("m", "x").negate();
        assert_eq!(s.to_string(), "not(selected(${m}, 'x'))");
        assert_eq!(s.negate(), Expr::selected("m", "x"));
    }

    #[test]
    fn facts_about_one_field_simplify() {
        // `= 'a'` makes `!= ''` and `!= 'dont_know'` redundant.
        let e = Expr::and([
            Expr::is_not("c", ""),
            Expr::is_not("c", "dont_know"),
            is("c", "kazakhstan"),
        ]);
        assert_eq!(e.to_string(), "${c} = 'kazakhstan'");
        assert_eq!(Expr::and([is("c", "a"), is("c", "b")]), Expr::Const(false));
        assert_eq!(
            Expr::or([Expr::is_not("c", "a"), Expr::is_not("c", "b")]),
            Expr::Const(true)
        );
        assert_eq!(
            Expr::or([is("c", "a"), Expr::is_not("c", "a")]),
            Expr::Const(true)
        );
        assert_eq!(
            Expr::or([is("c", "b"), Expr::is_not("c", "a")]),
            Expr::is_not("c", "a")
        );
    }

    #[test]
    fn absorption_and_repeats() {
        let a = is("a", "yes");
        let e = Expr::and([a.clone(), Expr::or([a.clone(), is("b", "yes")]), a.clone()]);
        assert_eq!(e, a);
        let e = Expr::or([a.clone(), Expr::and([a.clone(), is("b", "yes")])]);
        assert_eq!(e, a);
    }

    #[test]
    fn numbers_render_plainly_with_needed_parentheses() {
        let sum = NumExpr::Sub(
            Box::new(NumExpr::Field("a".into())),
            Box::new(NumExpr::Add(
                Box::new(NumExpr::Field("b".into())),
                Box::new(NumExpr::Const(0.5)),
            )),
        );
        let e = Expr::Cmp(CmpOp::Ge, sum, NumExpr::Const(18.0));
        assert_eq!(e.to_string(), "${a} - (${b} + 0.5) >= 18");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(1e20), "100000000000000000000");
    }
}
