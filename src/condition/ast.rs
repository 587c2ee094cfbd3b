//! The untyped syntax tree of a condition, with byte spans into the condition text.

use std::ops::Range;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as written.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A node of the syntax tree and where it stands in the condition text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Byte range in the condition text.
    pub span: Range<usize>,
}

/// The kinds of syntax node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `true` or `false`.
    Bool(bool),
    /// A number literal.
    Number(f64),
    /// A string literal (an option id).
    Str(String),
    /// A name: question, dimension, `dimension.indicator`, threshold, count or `child`.
    Ident(String),
    /// `answered(name)`; the span of the name is kept for diagnostics.
    Answered(String, Range<usize>),
    /// `not x`
    Not(Box<Node>),
    /// `a and b`
    And(Box<Node>, Box<Node>),
    /// `a or b`
    Or(Box<Node>, Box<Node>),
    /// `a OP b`
    Cmp(CmpOp, Box<Node>, Box<Node>),
    /// `a has "opt"`; the option's span is kept.
    Has(Box<Node>, String, Range<usize>),
    /// `a in ["x", "y"]`; each option's span is kept.
    In(Box<Node>, Vec<(String, Range<usize>)>),
    /// `a + b`
    Add(Box<Node>, Box<Node>),
    /// `a - b`
    Sub(Box<Node>, Box<Node>),
}
