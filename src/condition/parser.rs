//! Lexer and recursive-descent parser for the condition language (grammar in docs/rule-format.md).
//!
//! Written by hand: the language is a dozen tokens, and we need byte-exact spans and messages in
//! our own words; a parser-generator crate would add more than it saves.

use std::ops::Range;

use super::ast::{CmpOp, Node, NodeKind};

/// A syntax error with the byte range it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong, lowercase.
    pub message: String,
    /// Byte range in the condition text.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Number(f64),
    Str(String),
    Op(CmpOp),
    Plus,
    Minus,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    And,
    Or,
    Not,
    Has,
    In,
    True,
    False,
    Eof,
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Number(n) => format!("`{n}`"),
            Tok::Str(s) => format!("\"{s}\""),
            Tok::Op(op) => format!("`{}`", op.as_str()),
            Tok::Plus => "`+`".into(),
            Tok::Minus => "`-`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::LBracket => "`[`".into(),
            Tok::RBracket => "`]`".into(),
            Tok::Comma => "`,`".into(),
            Tok::And => "`and`".into(),
            Tok::Or => "`or`".into(),
            Tok::Not => "`not`".into(),
            Tok::Has => "`has`".into(),
            Tok::In => "`in`".into(),
            Tok::True => "`true`".into(),
            Tok::False => "`false`".into(),
            Tok::Eof => "the end of the condition".into(),
        }
    }
}

fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, SyntaxError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => out.push((Tok::LParen, i..i + 1)),
            b')' => out.push((Tok::RParen, i..i + 1)),
            b'[' => out.push((Tok::LBracket, i..i + 1)),
            b']' => out.push((Tok::RBracket, i..i + 1)),
            b',' => out.push((Tok::Comma, i..i + 1)),
            b'+' => out.push((Tok::Plus, i..i + 1)),
            b'-' => out.push((Tok::Minus, i..i + 1)),
            b'=' | b'!' | b'<' | b'>' => {
                let next = bytes.get(i + 1).copied();
                let (op, len) = match (c, next) {
                    (b'=', Some(b'=')) => (CmpOp::Eq, 2),
                    (b'!', Some(b'=')) => (CmpOp::Ne, 2),
                    (b'<', Some(b'=')) => (CmpOp::Le, 2),
                    (b'>', Some(b'=')) => (CmpOp::Ge, 2),
                    (b'<', _) => (CmpOp::Lt, 1),
                    (b'>', _) => (CmpOp::Gt, 1),
                    (b'=', _) => {
                        return Err(SyntaxError {
                            message: "`=` is not an operator; write `==` to compare".into(),
                            span: i..i + 1,
                        })
                    }
                    _ => {
                        return Err(SyntaxError {
                            message: "`!` is not an operator; write `not` or `!=`".into(),
                            span: i..i + 1,
                        })
                    }
                };
                out.push((Tok::Op(op), i..i + len));
                i += len;
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += 1;
                }
                if i >= bytes.len() {
                    return Err(SyntaxError {
                        message: "unterminated string".into(),
                        span: start..bytes.len(),
                    });
                }
                let text = src.get(start + 1..i).unwrap_or_default().to_owned();
                out.push((Tok::Str(text), start..i + 1));
            }
            b'0'..=b'9' => {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let text = src.get(start..i).unwrap_or_default();
                let n: f64 = text.parse().map_err(|_| SyntaxError {
                    message: format!("`{text}` is not a number"),
                    span: start..i,
                })?;
                out.push((Tok::Number(n), start..i));
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
                {
                    i += 1;
                }
                let word = src.get(start..i).unwrap_or_default();
                let tok = match word {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "has" => Tok::Has,
                    "in" => Tok::In,
                    "true" => Tok::True,
                    "false" => Tok::False,
                    _ => Tok::Ident(word.to_owned()),
                };
                out.push((tok, start..i));
                continue;
            }
            _ => {
                let ch = src.get(i..).and_then(|s| s.chars().next()).unwrap_or('?');
                let len = ch.len_utf8();
                let hint = match ch {
                    '&' => "; write `and`",
                    '|' => "; write `or`",
                    '\'' => "; strings use double quotes",
                    _ => "",
                };
                return Err(SyntaxError {
                    message: format!("unexpected character `{ch}`{hint}"),
                    span: i..i + len,
                });
            }
        }
        i += 1;
    }
    out.push((Tok::Eof, bytes.len()..bytes.len()));
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
    depth: usize,
}

/// Deep nesting is a mistake in a rule file; the limit also keeps the parser's stack bounded on
/// any input.
const MAX_DEPTH: usize = 64;

/// Most tokens in one condition. Chains such as `a and b and …` or `x + y + …` become trees as
/// deep as they are long, which later steps walk recursively; real conditions have a few dozen
/// tokens.
pub const MAX_TOKENS: usize = 1000;

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.pos).map_or(&Tok::Eof, |t| &t.0)
    }

    fn span(&self) -> Range<usize> {
        self.toks
            .get(self.pos)
            .or_else(|| self.toks.last())
            .map_or(0..0, |t| t.1.clone())
    }

    fn bump(&mut self) -> (Tok, Range<usize>) {
        let t = self
            .toks
            .get(self.pos)
            .cloned()
            .unwrap_or((Tok::Eof, self.span()));
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn error<T>(&self, expected: &str) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            message: format!("expected {expected}, found {}", self.peek().describe()),
            span: self.span(),
        })
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError {
                message: format!("condition nested more than {MAX_DEPTH} levels deep"),
                span: self.span(),
            });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Node, SyntaxError> {
        self.enter()?;
        let mut left = self.and()?;
        while *self.peek() == Tok::Or {
            self.bump();
            let right = self.and()?;
            let span = left.span.start..right.span.end;
            left = Node {
                kind: NodeKind::Or(Box::new(left), Box::new(right)),
                span,
            };
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Node, SyntaxError> {
        let mut left = self.not()?;
        while *self.peek() == Tok::And {
            self.bump();
            let right = self.not()?;
            let span = left.span.start..right.span.end;
            left = Node {
                kind: NodeKind::And(Box::new(left), Box::new(right)),
                span,
            };
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Node, SyntaxError> {
        if *self.peek() == Tok::Not {
            let (_, s) = self.bump();
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            let span = s.start..inner.span.end;
            return Ok(Node {
                kind: NodeKind::Not(Box::new(inner)),
                span,
            });
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Node, SyntaxError> {
        let left = self.sum()?;
        match self.peek().clone() {
            Tok::Op(op) => {
                self.bump();
                let right = self.sum()?;
                let span = left.span.start..right.span.end;
                Ok(Node {
                    kind: NodeKind::Cmp(op, Box::new(left), Box::new(right)),
                    span,
                })
            }
            Tok::Has => {
                self.bump();
                match self.bump() {
                    (Tok::Str(s), sp) => {
                        let span = left.span.start..sp.end;
                        Ok(Node {
                            kind: NodeKind::Has(Box::new(left), s, sp),
                            span,
                        })
                    }
                    _ => {
                        self.pos -= 1;
                        self.error("an option in double quotes after `has`")
                    }
                }
            }
            Tok::In => {
                self.bump();
                if *self.peek() != Tok::LBracket {
                    return self.error("`[` after `in`");
                }
                self.bump();
                let mut items = Vec::new();
                loop {
                    match self.bump() {
                        (Tok::Str(s), sp) => items.push((s, sp)),
                        _ => {
                            self.pos -= 1;
                            return self.error("an option in double quotes");
                        }
                    }
                    match self.bump() {
                        (Tok::Comma, _) => {}
                        (Tok::RBracket, sp) => {
                            let span = left.span.start..sp.end;
                            return Ok(Node {
                                kind: NodeKind::In(Box::new(left), items),
                                span,
                            });
                        }
                        _ => {
                            self.pos -= 1;
                            return self.error("`,` or `]`");
                        }
                    }
                }
            }
            _ => Ok(left),
        }
    }

    fn sum(&mut self) -> Result<Node, SyntaxError> {
        let mut left = self.atom()?;
        loop {
            let add = match self.peek() {
                Tok::Plus => true,
                Tok::Minus => false,
                _ => return Ok(left),
            };
            self.bump();
            let right = self.atom()?;
            let span = left.span.start..right.span.end;
            let (l, r) = (Box::new(left), Box::new(right));
            left = Node {
                kind: if add {
                    NodeKind::Add(l, r)
                } else {
                    NodeKind::Sub(l, r)
                },
                span,
            };
        }
    }

    fn atom(&mut self) -> Result<Node, SyntaxError> {
        let (tok, span) = self.bump();
        let kind = match tok {
            Tok::Number(n) => NodeKind::Number(n),
            Tok::Str(s) => NodeKind::Str(s),
            Tok::True => NodeKind::Bool(true),
            Tok::False => NodeKind::Bool(false),
            Tok::Ident(name) if name == "answered" && *self.peek() == Tok::LParen => {
                self.bump();
                let (inner, inner_span) = match self.bump() {
                    (Tok::Ident(n), s) => (n, s),
                    _ => {
                        self.pos -= 1;
                        return self.error("a question id inside `answered(...)`");
                    }
                };
                if *self.peek() != Tok::RParen {
                    return self.error("`)`");
                }
                let (_, end) = self.bump();
                return Ok(Node {
                    kind: NodeKind::Answered(inner, inner_span),
                    span: span.start..end.end,
                });
            }
            Tok::Ident(name) => NodeKind::Ident(name),
            Tok::LParen => {
                let inner = self.or()?;
                if *self.peek() != Tok::RParen {
                    return self.error("`)`");
                }
                let (_, end) = self.bump();
                return Ok(Node {
                    kind: inner.kind,
                    span: span.start..end.end,
                });
            }
            _ => {
                self.pos -= 1;
                return self.error("a name, a number, a string or `(`");
            }
        };
        Ok(Node { kind, span })
    }
}

/// Parses a condition into its syntax tree.
///
/// # Errors
/// A [`SyntaxError`] pointing at the first token that does not fit the grammar.
pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    let toks = lex(src)?;
    if toks.len() > MAX_TOKENS {
        let at = toks.get(MAX_TOKENS).map_or(0..0, |t| t.1.clone());
        return Err(SyntaxError {
            message: format!(
                "condition too long: more than {MAX_TOKENS} tokens; split it into indicators"
            ),
            span: at,
        });
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    if *p.peek() == Tok::Eof {
        return p.error("a condition");
    }
    let node = p.or()?;
    if *p.peek() != Tok::Eof {
        return p.error("`and`, `or` or the end of the condition");
    }
    Ok(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(n: &Node) -> String {
        match &n.kind {
            NodeKind::Bool(b) => b.to_string(),
            NodeKind::Number(x) => x.to_string(),
            NodeKind::Str(s) => format!("{s:?}"),
            NodeKind::Ident(s) => s.clone(),
            NodeKind::Answered(s, _) => format!("answered({s})"),
            NodeKind::Not(a) => format!("(not {})", show(a)),
            NodeKind::And(a, b) => format!("({} and {})", show(a), show(b)),
            NodeKind::Or(a, b) => format!("({} or {})", show(a), show(b)),
            NodeKind::Cmp(op, a, b) => format!("({} {} {})", show(a), op.as_str(), show(b)),
            NodeKind::Has(a, s, _) => format!("({} has {s:?})", show(a)),
            NodeKind::In(a, items) => format!(
                "({} in [{}])",
                show(a),
                items
                    .iter()
                    .map(|(s, _)| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            NodeKind::Add(a, b) => format!("({} + {})", show(a), show(b)),
            NodeKind::Sub(a, b) => format!("({} - {})", show(a), show(b)),
        }
    }

    fn p(s: &str) -> String {
        show(&parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}")))
    }

    #[test]
    fn precedence_not_and_or() {
        assert_eq!(p("a or b and not c"), "(a or (b and (not c)))");
        assert_eq!(p("not a == \"x\""), "(not (a == \"x\"))");
        assert_eq!(
            p("strong >= 1 and medium + weak >= 1"),
            "((strong >= 1) and ((medium + weak) >= 1))"
        );
    }

    #[test]
    fn has_in_answered_and_dotted_names() {
        assert_eq!(
            p("sectors has \"construction\" and coercion.documents_withheld"),
            "((sectors has \"construction\") and coercion.documents_withheld)"
        );
        assert_eq!(p("q in [\"a\", \"b\"]"), "(q in [\"a\", \"b\"])");
        assert_eq!(
            p("not answered(age) or age < 18"),
            "((not answered(age)) or (age < 18))"
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let src = "age < 18 and child";
        let n = parse(src).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(n.span, 0..src.len());
        if let NodeKind::And(a, b) = n.kind {
            assert_eq!(&src[a.span.clone()], "age < 18");
            assert_eq!(&src[b.span.clone()], "child");
        } else {
            panic!("not an and");
        }
    }

    #[test]
    fn errors_name_the_place() {
        let e = parse("a = 1").unwrap_err();
        assert_eq!(e.span, 2..3);
        assert!(e.message.contains("`==`"));
        let e = parse("a and").unwrap_err();
        assert_eq!(e.span, 5..5);
        let e = parse("(a or b").unwrap_err();
        assert!(e.message.contains("`)`"), "{}", e.message);
        let e = parse("q in [\"a\" \"b\"]").unwrap_err();
        assert!(e.message.contains("`,` or `]`"), "{}", e.message);
        let e = parse("q == 'x'").unwrap_err();
        assert!(e.message.contains("double quotes"), "{}", e.message);
        assert!(parse("").is_err());
        assert!(parse("a b").is_err());
    }

    #[test]
    fn very_long_chains_are_an_error_not_a_crash() {
        let sum = vec!["a"; 30_000].join(" + ");
        let e = parse(&format!("{sum} > 1")).unwrap_err();
        assert!(e.message.contains("too long"), "{}", e.message);
        let and = vec!["a"; 100_000].join(" and ");
        assert!(parse(&and).is_err());
        let ok = vec!["a"; 200].join(" and ");
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&src).is_err());
        let src = format!("{}a", "not ".repeat(10_000));
        assert!(parse(&src).is_err());
    }
}
