//! Test-only: an evaluator for the XPath 1.0 subset the form uses, read from the rendered
//! text (so that operator precedence and parentheses are tested too), with XPath's rules for
//! comparing a field with a string or a number.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Field(String),
    Dot,
    Str(String),
    Num(f64),
    Func(String),
    And,
    Or,
    Op(&'static str),
    Open,
    Close,
    Comma,
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        let next = cs.get(i + 1).copied();
        match c {
            ' ' => i += 1,
            '$' if next == Some('{') => {
                let end = (i..cs.len())
                    .find(|&j| cs.get(j) == Some(&'}'))
                    .ok_or("unclosed ${")?;
                out.push(Tok::Field(cs[i + 2..end].iter().collect()));
                i = end + 1;
            }
            '\'' | '"' => {
                let end = (i + 1..cs.len())
                    .find(|&j| cs.get(j) == Some(&c))
                    .ok_or("unclosed string")?;
                out.push(Tok::Str(cs[i + 1..end].iter().collect()));
                i = end + 1;
            }
            '0'..='9' => {
                let end = (i..cs.len())
                    .find(|&j| !cs.get(j).is_some_and(|d| d.is_ascii_digit() || *d == '.'))
                    .unwrap_or(cs.len());
                let text: String = cs[i..end].iter().collect();
                out.push(Tok::Num(
                    text.parse().map_err(|_| format!("bad number {text}"))?,
                ));
                i = end;
            }
            '.' => {
                out.push(Tok::Dot);
                i += 1;
            }
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '!' | '<' | '>' if next == Some('=') => {
                out.push(Tok::Op(match c {
                    '!' => "!=",
                    '<' => "<=",
                    _ => ">=",
                }));
                i += 2;
            }
            '=' | '<' | '>' | '+' | '-' => {
                out.push(Tok::Op(match c {
                    '=' => "=",
                    '<' => "<",
                    '>' => ">",
                    '+' => "+",
                    _ => "-",
                }));
                i += 1;
            }
            'a'..='z' => {
                let end = (i..cs.len())
                    .find(|&j| {
                        !cs.get(j)
                            .is_some_and(|d| d.is_ascii_lowercase() || *d == '-')
                    })
                    .unwrap_or(cs.len());
                let word: String = cs[i..end].iter().collect();
                out.push(match word.as_str() {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    _ => Tok::Func(word),
                });
                i = end;
            }
            _ => return Err(format!("unexpected {c:?} in {s}")),
        }
    }
    Ok(out)
}

/// An XPath value: a field (a node: compared by its text), a string, a number, a boolean.
#[derive(Debug, Clone, PartialEq)]
enum V {
    Node(String),
    Str(String),
    Num(f64),
    Bool(bool),
}

fn to_num(v: &V) -> f64 {
    match v {
        V::Node(s) | V::Str(s) => s.trim().parse().unwrap_or(f64::NAN),
        V::Num(n) => *n,
        V::Bool(b) => f64::from(u8::from(*b)),
    }
}

fn to_bool(v: &V) -> bool {
    match v {
        V::Node(_) => true,
        V::Str(s) => !s.is_empty(),
        V::Num(n) => *n != 0.0 && !n.is_nan(),
        V::Bool(b) => *b,
    }
}

fn text(v: &V) -> String {
    match v {
        V::Node(s) | V::Str(s) => s.clone(),
        V::Num(n) => n.to_string(),
        V::Bool(b) => b.to_string(),
    }
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    fields: &'a HashMap<String, String>,
    dot: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, t: &Tok) -> Result<(), String> {
        if self.eat(t) {
            Ok(())
        } else {
            Err(format!(
                "expected {t:?} at {}, found {:?}",
                self.pos,
                self.peek()
            ))
        }
    }

    fn or(&mut self) -> Result<V, String> {
        let mut v = self.and()?;
        while self.eat(&Tok::Or) {
            let r = self.and()?;
            v = V::Bool(to_bool(&v) || to_bool(&r));
        }
        Ok(v)
    }

    fn and(&mut self) -> Result<V, String> {
        let mut v = self.equality()?;
        while self.eat(&Tok::And) {
            let r = self.equality()?;
            v = V::Bool(to_bool(&v) && to_bool(&r));
        }
        Ok(v)
    }

    fn equality(&mut self) -> Result<V, String> {
        let mut v = self.relational()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op(o @ ("=" | "!="))) => *o,
                _ => return Ok(v),
            };
            self.pos += 1;
            let r = self.relational()?;
            let eq = match (&v, &r) {
                (V::Bool(_), _) | (_, V::Bool(_)) => Some(to_bool(&v) == to_bool(&r)),
                (V::Num(_), _) | (_, V::Num(_)) => {
                    let (a, b) = (to_num(&v), to_num(&r));
                    // A comparison with NaN is false, `=` and `!=` alike.
                    (!a.is_nan() && !b.is_nan()).then_some(a == b)
                }
                _ => Some(text(&v) == text(&r)),
            };
            v = V::Bool(match (op, eq) {
                (_, None) => op == "!=",
                ("=", Some(e)) => e,
                (_, Some(e)) => !e,
            });
        }
    }

    fn relational(&mut self) -> Result<V, String> {
        let mut v = self.additive()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op(o @ ("<" | "<=" | ">" | ">="))) => *o,
                _ => return Ok(v),
            };
            self.pos += 1;
            let r = self.additive()?;
            let (a, b) = (to_num(&v), to_num(&r));
            v = V::Bool(match op {
                "<" => a < b,
                "<=" => a <= b,
                ">" => a > b,
                _ => a >= b,
            });
        }
    }

    fn additive(&mut self) -> Result<V, String> {
        let mut v = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op(o @ ("+" | "-"))) => *o,
                _ => return Ok(v),
            };
            self.pos += 1;
            let r = self.unary()?;
            v = V::Num(if op == "+" {
                to_num(&v) + to_num(&r)
            } else {
                to_num(&v) - to_num(&r)
            });
        }
    }

    fn unary(&mut self) -> Result<V, String> {
        if self.eat(&Tok::Op("-")) {
            return Ok(V::Num(-to_num(&self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<V, String> {
        let t = self.peek().cloned().ok_or("unexpected end")?;
        self.pos += 1;
        match t {
            Tok::Open => {
                let v = self.or()?;
                self.expect(&Tok::Close)?;
                Ok(v)
            }
            Tok::Str(s) => Ok(V::Str(s)),
            Tok::Num(n) => Ok(V::Num(n)),
            Tok::Dot => Ok(V::Node(self.dot.to_owned())),
            Tok::Field(f) => self
                .fields
                .get(&f)
                .map(|v| V::Node(v.clone()))
                .ok_or_else(|| format!("no field {f}")),
            Tok::Func(name) => {
                self.expect(&Tok::Open)?;
                let mut args = Vec::new();
                if !self.eat(&Tok::Close) {
                    loop {
                        args.push(self.or()?);
                        if self.eat(&Tok::Close) {
                            break;
                        }
                        self.expect(&Tok::Comma)?;
                    }
                }
                match (name.as_str(), args.as_slice()) {
                    ("true", []) => Ok(V::Bool(true)),
                    ("false", []) => Ok(V::Bool(false)),
                    ("not", [a]) => Ok(V::Bool(!to_bool(a))),
                    ("selected", [list, item]) => Ok(V::Bool(
                        text(list).split_whitespace().any(|w| w == text(item)),
                    )),
                    ("count-selected", [list]) => {
                        Ok(V::Num(text(list).split_whitespace().count() as f64))
                    }
                    _ => Err(format!("unknown function {name}/{}", args.len())),
                }
            }
            t => Err(format!("unexpected {t:?}")),
        }
    }
}

/// Evaluates `expr` (as XPath 1.0 would) with the fields' values and `.` = `dot`.
pub fn eval(expr: &str, fields: &HashMap<String, String>, dot: &str) -> Result<bool, String> {
    let mut p = Parser {
        toks: tokenize(expr)?,
        pos: 0,
        fields,
        dot,
    };
    let v = p.or()?;
    if p.pos != p.toks.len() {
        return Err(format!("trailing input in {expr}"));
    }
    Ok(to_bool(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn precedence_and_xpath_comparisons() {
        let v = f(&[("a", "yes"), ("b", ""), ("n", "17"), ("m", "x dont_know")]);
        let ev = |e: &str| eval(e, &v, "").unwrap_or_else(|err| panic!("{err}"));
        assert!(ev("${a} = 'yes' or ${b} = 'x' and false()"));
        assert!(!ev("(${a} = 'yes' or ${b} = 'x') and false()"));
        // An empty field is not a number: every comparison with a number is false but `!=`.
        assert!(!ev("${b} < 18") && !ev("${b} >= 18") && !ev("${b} = 0"));
        assert!(ev("${n} + 1 >= 18 and ${n} - (1 + 1) = 15"));
        assert!(ev(
            "selected(${m}, 'dont_know') and count-selected(${m}) > 1"
        ));
        assert!(!ev("not(true())"));
        assert!(eval("${zz} = ''", &v, "").is_err());
    }
}
