//! Reads one answer from the bytes of a cell: canonical tokens, option ids, numbers, and the
//! localized yes / no / don't know words of English, Russian and Kazakh.

use crate::answer::Answer;
use crate::ruleset::{Question, QuestionKind};

/// Why a value was not accepted. Never carries the value itself (it may be sensitive); the
/// caller decides whether to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// Not yes or no.
    NotYesNo,
    /// Not one of the options.
    UnknownOption,
    /// Not a number.
    NotANumber,
    /// A number below `min` or above `max`.
    OutOfRange,
    /// A fraction where a whole number is needed.
    NotWhole,
    /// Not valid UTF-8.
    NotUtf8,
}

impl Invalid {
    /// A lowercase explanation.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Invalid::NotYesNo => "expected yes, no, dont_know or declined",
            Invalid::UnknownOption => "not one of the question's options",
            Invalid::NotANumber => "expected a number",
            Invalid::OutOfRange => "number out of the question's range",
            Invalid::NotWhole => "expected a whole number",
            Invalid::NotUtf8 => "not valid UTF-8 text",
        }
    }
}

/// Words accepted for yes (compared after lowercasing).
const YES: &[&str] = &["yes", "y", "true", "1", "да", "д", "иә", "ия", "иа"];
/// Words accepted for no.
const NO: &[&str] = &["no", "n", "false", "0", "нет", "н", "жоқ", "жок"];
/// Words accepted for "don't know".
pub(super) const DONT_KNOW: &[&str] = &[
    "dont_know",
    "don't know",
    "dont know",
    "dk",
    "не знаю",
    "білмеймін",
    "билмеймин",
];
/// Words accepted for "prefers not to say".
pub(super) const DECLINED: &[&str] = &[
    "declined",
    "prefers not to say",
    "prefer not to say",
    "refused",
    "отказ",
    "не хочу отвечать",
    "жауап бергісі келмейді",
    "жауап бермеймін",
];

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// Matches `text` against a word list: ASCII without allocating, other scripts lowercased.
fn is_word(text: &str, words: &[&str]) -> bool {
    if text.is_ascii() {
        return words.iter().any(|w| w.eq_ignore_ascii_case(text));
    }
    let lower = text.to_lowercase();
    words.iter().any(|w| *w == lower)
}

/// A yes or no word of any of the languages (`1` and `0` included).
#[must_use]
pub fn yes_no_word(text: &str) -> Option<bool> {
    let text = text.trim();
    if is_word(text, YES) {
        Some(true)
    } else if is_word(text, NO) {
        Some(false)
    } else {
        None
    }
}

/// Parses the answer to `q` from a cell. Empty cells are `Missing`.
///
/// # Errors
/// Why the value does not fit the question.
pub fn parse_answer(q: &Question, cell: &[u8]) -> Result<Answer, Invalid> {
    let cell = trim(cell);
    if cell.is_empty() {
        return Ok(Answer::Missing);
    }
    // Fast path for the canonical tokens most files use.
    match cell {
        b"yes" if q.kind == QuestionKind::YesNo => return Ok(Answer::Bool(true)),
        b"no" if q.kind == QuestionKind::YesNo => return Ok(Answer::Bool(false)),
        b"dont_know" => return Ok(Answer::DontKnow),
        b"declined" => return Ok(Answer::Declined),
        _ => {}
    }
    let text = std::str::from_utf8(cell).map_err(|_| Invalid::NotUtf8)?;
    // The question's own values first (the common case), then the special answers.
    if let Some(a) = own_value(q, text) {
        return Ok(a);
    }
    if is_word(text, DONT_KNOW) {
        return Ok(Answer::DontKnow);
    }
    if is_word(text, DECLINED) {
        return Ok(Answer::Declined);
    }
    match q.kind {
        QuestionKind::YesNo => {
            if is_word(text, YES) {
                Ok(Answer::Bool(true))
            } else if is_word(text, NO) {
                Ok(Answer::Bool(false))
            } else {
                Err(Invalid::NotYesNo)
            }
        }
        QuestionKind::SingleChoice => option_index(q, text)
            .map(|i| Answer::Choice(i as u8))
            .ok_or(Invalid::UnknownOption),
        QuestionKind::MultiChoice => {
            let mut set = 0u64;
            for part in text.split_ascii_whitespace() {
                let i = option_index(q, part).ok_or(Invalid::UnknownOption)?;
                set |= 1u64.checked_shl(i as u32).unwrap_or(0);
            }
            Ok(Answer::Multi(set))
        }
        QuestionKind::Number => {
            // A decimal comma is common in Russian and Kazakh spreadsheets.
            let x: f64 = if text.contains(',') && !text.contains('.') {
                text.replace(',', ".").parse()
            } else {
                text.parse()
            }
            .map_err(|_| Invalid::NotANumber)?;
            if !x.is_finite() {
                return Err(Invalid::NotANumber);
            }
            if q.integer && x.fract() != 0.0 {
                return Err(Invalid::NotWhole);
            }
            if q.min.is_some_and(|m| x < m) || q.max.is_some_and(|m| x > m) {
                return Err(Invalid::OutOfRange);
            }
            Ok(Answer::Number(x))
        }
        QuestionKind::Text => Ok(Answer::Text),
    }
}

/// An exact option id or a yes/no word, without the slower special-answer word lists.
fn own_value(q: &Question, text: &str) -> Option<Answer> {
    match q.kind {
        QuestionKind::SingleChoice => q
            .options
            .iter()
            .position(|o| o == text)
            .filter(|&i| i < 64)
            .map(|i| Answer::Choice(i as u8)),
        QuestionKind::YesNo if is_word(text, YES) => Some(Answer::Bool(true)),
        QuestionKind::YesNo if is_word(text, NO) => Some(Answer::Bool(false)),
        _ => None,
    }
}

fn option_index(q: &Question, text: &str) -> Option<usize> {
    q.options
        .iter()
        .position(|o| o == text)
        .or_else(|| q.options.iter().position(|o| o.eq_ignore_ascii_case(text)))
        .filter(|&i| i < 64)
}

/// Parses an answer from a JSON value: strings as in CSV, `true`/`false`, numbers, arrays of
/// option ids for multi_choice, `null` for missing.
///
/// # Errors
/// Why the value does not fit the question.
pub fn parse_json_answer(q: &Question, v: &serde_json::Value) -> Result<Answer, Invalid> {
    use serde_json::Value;
    match v {
        Value::Null => Ok(Answer::Missing),
        Value::Bool(b) if q.kind == QuestionKind::YesNo => Ok(Answer::Bool(*b)),
        Value::Bool(_) => Err(match q.kind {
            QuestionKind::Number => Invalid::NotANumber,
            _ => Invalid::UnknownOption,
        }),
        Value::Number(n) => match q.kind {
            QuestionKind::Number | QuestionKind::YesNo => parse_answer(q, n.to_string().as_bytes()),
            QuestionKind::Text => Ok(Answer::Text),
            _ => Err(Invalid::UnknownOption),
        },
        Value::String(s) => parse_answer(q, s.as_bytes()),
        Value::Array(items) if q.kind == QuestionKind::MultiChoice => {
            let mut set = 0u64;
            for item in items {
                let Value::String(s) = item else {
                    return Err(Invalid::UnknownOption);
                };
                let i = option_index(q, s.trim()).ok_or(Invalid::UnknownOption)?;
                set |= 1u64.checked_shl(i as u32).unwrap_or(0);
            }
            Ok(Answer::Multi(set))
        }
        _ => Err(match q.kind {
            QuestionKind::YesNo => Invalid::NotYesNo,
            QuestionKind::Number => Invalid::NotANumber,
            _ => Invalid::UnknownOption,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: QuestionKind, options: &[&str]) -> Question {
        Question {
            at: (0, 0..0),
            id: "q".into(),
            section: 0,
            kind,
            options: options.iter().map(|s| (*s).to_owned()).collect(),
            show_if: None,
            sensitive: false,
            min: Some(0.0),
            max: Some(120.0),
            integer: true,
        }
    }

    #[test]
    fn yes_no_in_three_languages() {
        let yn = q(QuestionKind::YesNo, &[]);
        for w in ["yes", "Yes", "Y", "1", "да", "Да", "ДА", "иә", "Иә"] {
            assert_eq!(
                parse_answer(&yn, w.as_bytes()),
                Ok(Answer::Bool(true)),
                "{w}"
            );
        }
        for w in ["no", "NO", "0", "нет", "Нет", "жоқ", "Жоқ"] {
            assert_eq!(
                parse_answer(&yn, w.as_bytes()),
                Ok(Answer::Bool(false)),
                "{w}"
            );
        }
        for w in ["dont_know", "не знаю", "Білмеймін", "dk"] {
            assert_eq!(parse_answer(&yn, w.as_bytes()), Ok(Answer::DontKnow), "{w}");
        }
        assert_eq!(parse_answer(&yn, b"declined"), Ok(Answer::Declined));
        assert_eq!(parse_answer(&yn, b"  "), Ok(Answer::Missing));
        assert_eq!(parse_answer(&yn, b"maybe"), Err(Invalid::NotYesNo));
        assert_eq!(parse_answer(&yn, b"\xff\xfe"), Err(Invalid::NotUtf8));
    }

    #[test]
    fn choices_and_numbers() {
        let one = q(QuestionKind::SingleChoice, &["self", "employer"]);
        assert_eq!(parse_answer(&one, b"employer"), Ok(Answer::Choice(1)));
        assert_eq!(parse_answer(&one, b"Employer"), Ok(Answer::Choice(1)));
        assert_eq!(parse_answer(&one, b"boss"), Err(Invalid::UnknownOption));
        let many = q(QuestionKind::MultiChoice, &["a", "b", "c"]);
        assert_eq!(parse_answer(&many, b"a c"), Ok(Answer::Multi(0b101)));
        assert_eq!(parse_answer(&many, b"a x"), Err(Invalid::UnknownOption));
        let num = q(QuestionKind::Number, &[]);
        assert_eq!(parse_answer(&num, b"17"), Ok(Answer::Number(17.0)));
        assert_eq!(parse_answer(&num, b"17.5"), Err(Invalid::NotWhole));
        assert_eq!(parse_answer(&num, b"200"), Err(Invalid::OutOfRange));
        assert_eq!(parse_answer(&num, b"NaN"), Err(Invalid::NotANumber));
        let mut hours = q(QuestionKind::Number, &[]);
        hours.integer = false;
        assert_eq!(parse_answer(&hours, b"10,5"), Ok(Answer::Number(10.5)));
    }

    #[test]
    fn json_values() {
        let many = q(QuestionKind::MultiChoice, &["a", "b"]);
        let v = serde_json::json!(["b"]);
        assert_eq!(parse_json_answer(&many, &v), Ok(Answer::Multi(0b10)));
        let yn = q(QuestionKind::YesNo, &[]);
        assert_eq!(
            parse_json_answer(&yn, &serde_json::json!(true)),
            Ok(Answer::Bool(true))
        );
        assert_eq!(
            parse_json_answer(&yn, &serde_json::Value::Null),
            Ok(Answer::Missing)
        );
    }
}
