//! Type-checks a syntax tree against the rule set's names and compiles it to a [`Cond`].

use std::ops::Range;

use super::ast::{CmpOp, Node, NodeKind};
use super::compiled::{Cond, Count, Num};

/// The kind of a question, as the type checker sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionType {
    /// yes / no
    YesNo,
    /// one option
    SingleChoice,
    /// a set of options
    MultiChoice,
    /// a number
    Number,
    /// free text
    Text,
}

/// What a name stands for.
#[derive(Debug, Clone, Copy)]
pub enum Symbol<'a> {
    /// A question, with its index, type and option ids.
    Question(u32, QuestionType, &'a [String]),
    /// An indicator (`dimension.indicator`).
    Indicator(u32),
    /// A dimension.
    Dimension(u32),
    /// A named threshold and its value.
    Threshold(f64),
}

/// Resolves names to symbols.
pub trait Scope {
    /// The symbol a name stands for, if any.
    fn lookup(&self, name: &str) -> Option<Symbol<'_>>;
    /// Whether the rule set declares an `[age]` block, so that `child` exists.
    fn has_child(&self) -> bool;
}

/// Which kinds of names a condition may use; differs by where the condition stands.
#[derive(Debug, Clone, Copy, Default)]
pub struct Allowed {
    /// Indicators.
    pub indicators: bool,
    /// Dimensions.
    pub dimensions: bool,
    /// `child`.
    pub child: bool,
    /// `strong`, `medium`, `weak`, `total` (only in `present_if`).
    pub counts: bool,
    /// Questions.
    pub questions: bool,
    /// A short name of the place, for messages ("`show_if`").
    pub place: &'static str,
}

/// The kinds of type error, each with its diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeErrorKind {
    /// E011
    UnknownIdentifier,
    /// E012
    UnknownOption,
    /// E013
    Mismatch,
    /// E014
    EqualityOnSet,
    /// E019
    NotAllowedHere,
}

/// One type error, with the byte range in the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// Which kind.
    pub kind: TypeErrorKind,
    /// Lowercase message with user values in backticks.
    pub message: String,
    /// Byte range in the condition text.
    pub span: Range<usize>,
}

enum Typed {
    Bool(Cond),
    Num(Num),
    Str(String, Range<usize>),
    Choice(u32, QuestionType, Vec<String>),
    /// Stands for an error already reported; suppresses follow-on errors.
    Poison,
}

struct Checker<'s> {
    scope: &'s dyn Scope,
    allowed: Allowed,
    errors: Vec<TypeError>,
}

/// Compiles a syntax tree, collecting every type error in it.
///
/// # Errors
/// All type errors found, in source order.
pub fn compile(node: &Node, scope: &dyn Scope, allowed: Allowed) -> Result<Cond, Vec<TypeError>> {
    let mut c = Checker {
        scope,
        allowed,
        errors: Vec::new(),
    };
    let cond = c.boolean(node);
    if c.errors.is_empty() {
        Ok(cond)
    } else {
        c.errors.sort_by_key(|e| e.span.start);
        Err(c.errors)
    }
}

impl Checker<'_> {
    fn err(&mut self, kind: TypeErrorKind, span: &Range<usize>, message: String) {
        self.errors.push(TypeError {
            kind,
            message,
            span: span.clone(),
        });
    }

    fn not_allowed(&mut self, what: &str, span: &Range<usize>) {
        let place = self.allowed.place;
        self.err(
            TypeErrorKind::NotAllowedHere,
            span,
            format!("{what} cannot be used in {place}"),
        );
    }

    fn typed(&mut self, node: &Node) -> Typed {
        match &node.kind {
            NodeKind::Bool(b) => Typed::Bool(Cond::Const(*b)),
            NodeKind::Number(x) => Typed::Num(Num::Const(*x)),
            NodeKind::Str(s) => Typed::Str(s.clone(), node.span.clone()),
            NodeKind::Ident(name) => self.ident(name, &node.span),
            NodeKind::Answered(name, span) => match self.scope.lookup(name) {
                Some(Symbol::Question(q, ..)) if self.allowed.questions => {
                    Typed::Bool(Cond::Answered(q))
                }
                Some(Symbol::Question(..)) => {
                    self.not_allowed("a question", span);
                    Typed::Poison
                }
                Some(_) => {
                    self.err(
                        TypeErrorKind::Mismatch,
                        span,
                        format!("`answered` takes a question, and `{name}` is not one"),
                    );
                    Typed::Poison
                }
                None => {
                    self.unknown(name, span);
                    Typed::Poison
                }
            },
            NodeKind::Not(inner) => Typed::Bool(Cond::Not(Box::new(self.boolean(inner)))),
            NodeKind::And(a, b) => {
                let mut items = Vec::new();
                self.flatten(a, true, &mut items);
                self.flatten(b, true, &mut items);
                Typed::Bool(Cond::And(items.into()))
            }
            NodeKind::Or(a, b) => {
                let mut items = Vec::new();
                self.flatten(a, false, &mut items);
                self.flatten(b, false, &mut items);
                Typed::Bool(Cond::Or(items.into()))
            }
            NodeKind::Add(a, b) | NodeKind::Sub(a, b) => {
                let (x, y) = (self.number(a), self.number(b));
                match (x, y) {
                    (Some(x), Some(y)) => {
                        let (x, y) = (Box::new(x), Box::new(y));
                        Typed::Num(if matches!(node.kind, NodeKind::Add(..)) {
                            Num::Add(x, y)
                        } else {
                            Num::Sub(x, y)
                        })
                    }
                    _ => Typed::Poison,
                }
            }
            NodeKind::Cmp(op, a, b) => self.comparison(*op, a, b, &node.span),
            NodeKind::Has(a, opt, opt_span) => match self.typed(a) {
                Typed::Choice(q, QuestionType::MultiChoice, options) => {
                    match options.iter().position(|o| o == opt) {
                        Some(i) => Typed::Bool(Cond::Has {
                            q,
                            bit: 1u64.checked_shl(i as u32).unwrap_or(0),
                        }),
                        None => {
                            self.unknown_option(opt, &options, opt_span);
                            Typed::Poison
                        }
                    }
                }
                Typed::Choice(..) => {
                    self.err(
                        TypeErrorKind::Mismatch,
                        &a.span,
                        "`has` needs a multi_choice question; for a single_choice question write `==`"
                            .into(),
                    );
                    Typed::Poison
                }
                Typed::Poison => Typed::Poison,
                _ => {
                    self.err(
                        TypeErrorKind::Mismatch,
                        &a.span,
                        "`has` needs a multi_choice question on its left".into(),
                    );
                    Typed::Poison
                }
            },
            NodeKind::In(a, items) => match self.typed(a) {
                Typed::Choice(q, QuestionType::SingleChoice, options) => {
                    let mut mask = 0u64;
                    for (opt, span) in items {
                        match options.iter().position(|o| o == opt) {
                            Some(i) => mask |= 1u64.checked_shl(i as u32).unwrap_or(0),
                            None => self.unknown_option(opt, &options, span),
                        }
                    }
                    Typed::Bool(Cond::ChoiceIn {
                        q,
                        mask,
                        negate: false,
                    })
                }
                Typed::Choice(_, QuestionType::MultiChoice, _) => {
                    self.err(
                        TypeErrorKind::EqualityOnSet,
                        &node.span,
                        "`in` on a multi_choice question; its answer is a set, use `has` for each option"
                            .into(),
                    );
                    Typed::Poison
                }
                Typed::Poison => Typed::Poison,
                _ => {
                    self.err(
                        TypeErrorKind::Mismatch,
                        &a.span,
                        "`in` needs a single_choice question on its left".into(),
                    );
                    Typed::Poison
                }
            },
        }
    }

    fn flatten(&mut self, node: &Node, and: bool, out: &mut Vec<Cond>) {
        match (&node.kind, and) {
            (NodeKind::And(a, b), true) | (NodeKind::Or(a, b), false) => {
                self.flatten(a, and, out);
                self.flatten(b, and, out);
            }
            _ => out.push(self.boolean(node)),
        }
    }

    fn unknown(&mut self, name: &str, span: &Range<usize>) {
        let hint = if name.contains('.') {
            " (indicators are written `dimension.indicator`)"
        } else {
            ""
        };
        self.err(
            TypeErrorKind::UnknownIdentifier,
            span,
            format!("unknown identifier `{name}`{hint}"),
        );
    }

    fn unknown_option(&mut self, opt: &str, options: &[String], span: &Range<usize>) {
        self.err(
            TypeErrorKind::UnknownOption,
            span,
            format!(
                "unknown option `{opt}`; the options are {}",
                options
                    .iter()
                    .map(|o| format!("`{o}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }

    fn ident(&mut self, name: &str, span: &Range<usize>) -> Typed {
        let count = match name {
            "strong" => Some(Count::Strong),
            "medium" => Some(Count::Medium),
            "weak" => Some(Count::Weak),
            "total" => Some(Count::Total),
            _ => None,
        };
        if let Some(c) = count {
            if self.allowed.counts {
                return Typed::Num(Num::Count(c));
            }
            if self.scope.lookup(name).is_none() {
                self.not_allowed(&format!("the count `{name}`"), span);
                return Typed::Poison;
            }
        }
        if name == "child" && self.scope.lookup(name).is_none() {
            if !self.scope.has_child() {
                self.err(
                    TypeErrorKind::UnknownIdentifier,
                    span,
                    "`child` needs an `[age]` block in ruleset.toml".into(),
                );
                return Typed::Poison;
            }
            if !self.allowed.child {
                self.not_allowed("`child`", span);
                return Typed::Poison;
            }
            return Typed::Bool(Cond::Child);
        }
        match self.scope.lookup(name) {
            None => {
                self.unknown(name, span);
                Typed::Poison
            }
            Some(Symbol::Threshold(x)) => Typed::Num(Num::Const(x)),
            Some(Symbol::Question(q, ty, options)) => {
                if !self.allowed.questions {
                    self.not_allowed("a question", span);
                    return Typed::Poison;
                }
                match ty {
                    QuestionType::YesNo => Typed::Bool(Cond::Truthy(q)),
                    QuestionType::Number => Typed::Num(Num::Question(q)),
                    QuestionType::SingleChoice | QuestionType::MultiChoice | QuestionType::Text => {
                        Typed::Choice(q, ty, options.to_vec())
                    }
                }
            }
            Some(Symbol::Indicator(i)) => {
                if self.allowed.indicators {
                    Typed::Bool(Cond::Indicator(i))
                } else {
                    self.not_allowed("an indicator", span);
                    Typed::Poison
                }
            }
            Some(Symbol::Dimension(d)) => {
                if self.allowed.dimensions {
                    Typed::Bool(Cond::Dimension(d))
                } else {
                    self.not_allowed("a dimension", span);
                    Typed::Poison
                }
            }
        }
    }

    fn boolean(&mut self, node: &Node) -> Cond {
        match self.typed(node) {
            Typed::Bool(c) => c,
            Typed::Poison => Cond::Const(false),
            Typed::Num(_) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    &node.span,
                    "a number is not a condition; compare it, e.g. `age < 18`".into(),
                );
                Cond::Const(false)
            }
            Typed::Str(..) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    &node.span,
                    "a string is not a condition; compare a question with it, e.g. `q == \"option\"`"
                        .into(),
                );
                Cond::Const(false)
            }
            Typed::Choice(_, QuestionType::Text, _) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    &node.span,
                    "a text question can only be used as `answered(q)`".into(),
                );
                Cond::Const(false)
            }
            Typed::Choice(_, QuestionType::MultiChoice, _) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    &node.span,
                    "a multi_choice question is not a condition; write `q has \"option\"`".into(),
                );
                Cond::Const(false)
            }
            Typed::Choice(..) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    &node.span,
                    "a single_choice question is not a condition; write `q == \"option\"`".into(),
                );
                Cond::Const(false)
            }
        }
    }

    fn number(&mut self, node: &Node) -> Option<Num> {
        match self.typed(node) {
            Typed::Num(n) => Some(n),
            Typed::Poison => None,
            _ => {
                self.err(
                    TypeErrorKind::Mismatch,
                    &node.span,
                    "expected a number here".into(),
                );
                None
            }
        }
    }

    fn comparison(&mut self, op: CmpOp, a: &Node, b: &Node, span: &Range<usize>) -> Typed {
        let (ta, tb) = (self.typed(a), self.typed(b));
        let eq = matches!(op, CmpOp::Eq | CmpOp::Ne);
        match (ta, tb) {
            (Typed::Poison, _) | (_, Typed::Poison) => Typed::Poison,
            (Typed::Num(x), Typed::Num(y)) => Typed::Bool(Cond::Cmp(op, x, y)),
            (Typed::Choice(q, QuestionType::SingleChoice, options), Typed::Str(s, sspan))
            | (Typed::Str(s, sspan), Typed::Choice(q, QuestionType::SingleChoice, options))
                if eq =>
            {
                match options.iter().position(|o| *o == s) {
                    Some(i) => Typed::Bool(Cond::ChoiceIn {
                        q,
                        mask: 1u64.checked_shl(i as u32).unwrap_or(0),
                        negate: op == CmpOp::Ne,
                    }),
                    None => {
                        self.unknown_option(&s, &options, &sspan);
                        Typed::Poison
                    }
                }
            }
            (Typed::Choice(_, QuestionType::MultiChoice, _), _)
            | (_, Typed::Choice(_, QuestionType::MultiChoice, _)) => {
                self.err(
                    TypeErrorKind::EqualityOnSet,
                    span,
                    format!(
                        "`{}` on a multi_choice question; its answer is a set, write `q has \"option\"`",
                        op.as_str()
                    ),
                );
                Typed::Poison
            }
            (Typed::Bool(Cond::Truthy(q)), Typed::Bool(Cond::Const(v)))
            | (Typed::Bool(Cond::Const(v)), Typed::Bool(Cond::Truthy(q)))
                if eq =>
            {
                Typed::Bool(Cond::YesNoIs(q, v == (op == CmpOp::Eq)))
            }
            (Typed::Bool(_), Typed::Num(_)) | (Typed::Num(_), Typed::Bool(_)) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    span,
                    format!(
                        "cannot compare a yes/no value with a number using `{}`",
                        op.as_str()
                    ),
                );
                Typed::Poison
            }
            (Typed::Bool(_), Typed::Str(..)) | (Typed::Str(..), Typed::Bool(_)) => {
                self.err(
                    TypeErrorKind::Mismatch,
                    span,
                    "cannot compare a yes/no value with a string; use the question alone or `not q`"
                        .into(),
                );
                Typed::Poison
            }
            _ => {
                self.err(
                    TypeErrorKind::Mismatch,
                    span,
                    format!("these two sides cannot be compared with `{}`", op.as_str()),
                );
                Typed::Poison
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parser::parse;
    use super::*;

    struct S {
        opts: Vec<String>,
    }
    impl Scope for S {
        fn lookup(&self, name: &str) -> Option<Symbol<'_>> {
            match name {
                "yn" => Some(Symbol::Question(0, QuestionType::YesNo, &[])),
                "one" => Some(Symbol::Question(1, QuestionType::SingleChoice, &self.opts)),
                "many" => Some(Symbol::Question(2, QuestionType::MultiChoice, &self.opts)),
                "age" => Some(Symbol::Question(3, QuestionType::Number, &[])),
                "note" => Some(Symbol::Question(4, QuestionType::Text, &[])),
                "coercion" => Some(Symbol::Dimension(0)),
                "coercion.docs" => Some(Symbol::Indicator(0)),
                "adult_age" => Some(Symbol::Threshold(18.0)),
                _ => None,
            }
        }
        fn has_child(&self) -> bool {
            true
        }
    }

    fn check(src: &str, allowed: Allowed) -> Result<Cond, Vec<TypeError>> {
        let s = S {
            opts: vec!["a".into(), "b".into()],
        };
        compile(&parse(src).unwrap_or_else(|e| panic!("{e:?}")), &s, allowed)
    }

    fn all() -> Allowed {
        Allowed {
            indicators: true,
            dimensions: true,
            child: true,
            counts: false,
            questions: true,
            place: "an outcome",
        }
    }

    fn kinds(src: &str, allowed: Allowed) -> Vec<(TypeErrorKind, Range<usize>)> {
        match check(src, allowed) {
            Ok(_) => vec![],
            Err(es) => es.into_iter().map(|e| (e.kind, e.span)).collect(),
        }
    }

    #[test]
    fn well_typed_conditions_compile() {
        for src in [
            "yn and not yn",
            "one == \"a\" or one != \"b\"",
            "one in [\"a\", \"b\"]",
            "many has \"b\"",
            "age < adult_age and child",
            "answered(note) and coercion and coercion.docs",
            "yn == true",
        ] {
            assert!(check(src, all()).is_ok(), "{src}");
        }
    }

    #[test]
    fn each_error_has_its_code_and_place() {
        use TypeErrorKind::*;
        assert_eq!(kinds("yn == 3", all()), vec![(Mismatch, 0..7)]);
        assert_eq!(kinds("many == \"a\"", all()), vec![(EqualityOnSet, 0..11)]);
        assert_eq!(kinds("one == \"c\"", all()), vec![(UnknownOption, 7..10)]);
        assert_eq!(kinds("nobody", all()), vec![(UnknownIdentifier, 0..6)]);
        assert_eq!(
            kinds("nobody or one == \"z\"", all()),
            vec![(UnknownIdentifier, 0..6), (UnknownOption, 17..20)]
        );
        let show_if = Allowed {
            questions: true,
            place: "`show_if`",
            ..Allowed::default()
        };
        assert_eq!(kinds("child", show_if), vec![(NotAllowedHere, 0..5)]);
        assert_eq!(kinds("coercion", show_if), vec![(NotAllowedHere, 0..8)]);
        assert_eq!(kinds("strong >= 1", show_if), vec![(NotAllowedHere, 0..6)]);
        assert_eq!(kinds("note", all()), vec![(Mismatch, 0..4)]);
    }
}
