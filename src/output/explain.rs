//! Turning an evaluation into reasons: answer tokens, the one-line summary, the sections of the
//! questions that could still change the result.

use std::borrow::Cow;

use fluent_bundle::FluentArgs;

use super::texts::SummaryKey;
use super::Texts;
use crate::answer::Answer;
use crate::condition::{Leaf, Tri};
use crate::engine::{AgeStatus, Evaluation};
use crate::ruleset::{Question, RuleSet};

/// Lookups computed once per rule set.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// For each indicator, the questions its condition reads (its evidence), in order.
    pub indicator_questions: Vec<Vec<usize>>,
}

impl Prepared {
    /// Prepares the lookups.
    #[must_use]
    pub fn new(rs: &RuleSet) -> Self {
        let indicator_questions = rs
            .indicators
            .iter()
            .map(|i| {
                let mut qs = Vec::new();
                i.when.cond.visit_leaves(&mut |l| {
                    if let Leaf::Question(q) = l {
                        if !qs.contains(&(q as usize)) {
                            qs.push(q as usize);
                        }
                    }
                });
                qs.sort_unstable();
                qs
            })
            .collect();
        Prepared {
            indicator_questions,
        }
    }
}

/// The stable token of an answer: `yes`, `no`, an option id, option ids separated by spaces, a
/// number, `text`, or `missing` / `dont_know` / `declined` / `not_applicable`.
#[must_use]
pub fn answer_token(q: &Question, a: Answer) -> Cow<'_, str> {
    match a {
        Answer::Missing => "missing".into(),
        Answer::DontKnow => "dont_know".into(),
        Answer::Declined => "declined".into(),
        Answer::NotApplicable => "not_applicable".into(),
        Answer::Bool(true) => "yes".into(),
        Answer::Bool(false) => "no".into(),
        Answer::Choice(i) => q
            .options
            .get(usize::from(i))
            .map_or(Cow::Borrowed("?"), |s| Cow::Borrowed(s.as_str())),
        Answer::Multi(set) => {
            let ids: Vec<&str> = q
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| set & 1u64.checked_shl(*i as u32).unwrap_or(0) != 0)
                .map(|(_, o)| o.as_str())
                .collect();
            ids.join(" ").into()
        }
        Answer::Number(x) => format_number(x).into(),
        Answer::Text => "text".into(),
    }
}

/// A number without a trailing `.0`.
#[must_use]
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The token shown instead of an answer left out by `--redact`.
pub const REDACTED: &str = "redacted";

/// Whether `--redact` leaves out the answer to `q`: sensitive questions and free text.
#[must_use]
pub fn redacts(q: &Question) -> bool {
    q.sensitive || q.kind == crate::ruleset::QuestionKind::Text
}

/// The answers behind a fired indicator: each question its condition reads, with the answer
/// token (`redacted` for sensitive and free-text answers when `redact` is set).
pub fn evidence<'a>(
    rs: &'a RuleSet,
    prepared: &'a Prepared,
    e: &'a Evaluation,
    indicator: usize,
    redact: bool,
) -> impl Iterator<Item = (&'a Question, Cow<'a, str>)> + 'a {
    prepared
        .indicator_questions
        .get(indicator)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(move |&q| {
            let question = rs.questions.get(q)?;
            if redact && redacts(question) {
                return Some((question, Cow::Borrowed(REDACTED)));
            }
            let a = e.answers.get(q).copied().unwrap_or_default();
            Some((question, answer_token(question, a)))
        })
}

/// Answers by question id with the sensitive and free-text ones left out.
#[must_use]
pub fn redact_answers(
    rs: &RuleSet,
    answers: &std::collections::BTreeMap<String, serde_json::Value>,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    answers
        .iter()
        .filter(|(id, _)| {
            rs.question(id)
                .and_then(|q| rs.questions.get(q))
                .is_some_and(|q| !redacts(q))
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The texts of the red flags that fired (true in every age scenario).
#[must_use]
pub fn fired_red_flag_texts<'t>(texts: &'t Texts, e: &Evaluation) -> Vec<&'t str> {
    e.red_flags
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Tri::True)
        .filter_map(|(i, _)| texts.red_flags.get(i).map(String::as_str))
        .collect()
}

/// The stable name of a dimension state.
#[must_use]
pub fn state_name(t: Tri) -> &'static str {
    match t {
        Tri::True => "present",
        Tri::False => "absent",
        Tri::Unknown => "undetermined",
    }
}

/// Sections of the deciding questions, in interview order, without repeats.
#[must_use]
pub fn deciding_sections(rs: &RuleSet, e: &Evaluation) -> Vec<usize> {
    let mut out: Vec<usize> = e
        .deciding_not_asked
        .iter()
        .chain(&e.deciding_unknown)
        .filter_map(|&q| rs.questions.get(q).map(|x| x.section))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The one-line summary, e.g. "Medium now; could be High: 3 unanswered questions in
/// Documents, Debt".
#[must_use]
pub fn summary_text(rs: &RuleSet, texts: &Texts, e: &Evaluation) -> String {
    let bits = |it: &mut dyn Iterator<Item = usize>| {
        it.fold(0u128, |acc, i| {
            acc | 1u128.checked_shl(i as u32).unwrap_or(0)
        })
    };
    let sections = deciding_sections(rs, e);
    let key = SummaryKey {
        now: e.now,
        upper: e.upper,
        count: e.deciding_not_asked.len() + e.deciding_unknown.len(),
        sections: bits(&mut sections.iter().copied()),
        red_flags: bits(
            &mut e
                .red_flags
                .iter()
                .enumerate()
                .filter(|(_, t)| **t == Tri::True)
                .map(|(i, _)| i),
        ),
        age: e.age as u8,
        safety_checked: e.safety_checked,
        applicable: e.applicable,
    };
    // Rule sets with more than 128 sections or red flags are not cached (the key would clash).
    let cacheable = rs.sections.len() <= 128 && rs.red_flags.len() <= 128;
    if cacheable {
        if let Some(s) = texts.summaries.borrow().get(&key) {
            return s.clone();
        }
    }
    let line = format_summary(texts, e, &sections);
    if cacheable {
        let mut cache = texts.summaries.borrow_mut();
        if cache.len() < 4096 {
            cache.insert(key, line.clone());
        }
    }
    line
}

fn format_summary(texts: &Texts, e: &Evaluation, sections: &[usize]) -> String {
    if e.applicable == Tri::False {
        let reason = e
            .now_outcome
            .and_then(|i| texts.outcomes.get(i))
            .map_or("", String::as_str);
        let mut args = FluentArgs::new();
        args.set("reason", reason);
        return texts.loc.msg_args("summary-not-applicable", &args);
    }
    let mut line = if e.now == e.upper {
        let mut args = FluentArgs::new();
        args.set("level", texts.level(e.now));
        texts.loc.msg_args("summary-settled", &args)
    } else {
        let sections: Vec<&str> = sections
            .iter()
            .filter_map(|&s| texts.sections.get(s).map(String::as_str))
            .collect();
        let count = e.deciding_not_asked.len() + e.deciding_unknown.len();
        let mut args = FluentArgs::new();
        args.set("now", texts.level(e.now));
        args.set("upper", texts.level(e.upper));
        args.set("count", count);
        args.set("sections", sections.join(", "));
        texts.loc.msg_args("summary-open", &args)
    };
    if e.red_flag_fired {
        let flags = fired_red_flag_texts(texts, e);
        if !flags.is_empty() {
            line.push_str(" — ");
            line.push_str(&flags.join("; "));
        }
    }
    match e.age {
        AgeStatus::Unknown => {
            line.push(' ');
            line.push_str(&texts.msg("age-unknown-short"));
        }
        AgeStatus::AppearsMinor => {
            line.push(' ');
            line.push_str(&texts.msg("age-appears-minor-short"));
        }
        _ => {}
    }
    if e.applicable == Tri::Unknown {
        line.push(' ');
        line.push_str(&texts.msg("applicability-open-short"));
    }
    if !e.safety_checked {
        line.push(' ');
        line.push_str(&texts.msg("safety-not-checked-short"));
    }
    line
}
