//! Turning an evaluation into reasons: answer tokens, the one-line summary, the sections of the
//! questions that could still change the result.

use std::borrow::Cow;

use fluent_bundle::FluentArgs;

use super::texts::SummaryKey;
use super::Texts;
use crate::answer::Answer;
use crate::condition::Tri;
use crate::engine::{AgeStatus, Evaluation};
use crate::ruleset::{Question, RuleSet};

/// Lookups computed once per rule set.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// For each indicator, the questions its condition reads (its evidence), in order.
    pub indicator_questions: Vec<Vec<usize>>,
    /// The engine's tables, worked out when batch scoring starts.
    pub(crate) tables: std::sync::OnceLock<crate::engine::Tables>,
}

impl Prepared {
    /// Prepares the lookups.
    #[must_use]
    pub fn new(rs: &RuleSet) -> Self {
        let indicator_questions = rs
            .indicators
            .iter()
            .map(|i| {
                let mut qs = i.when.cond.questions();
                qs.sort_unstable();
                qs
            })
            .collect();
        Prepared {
            indicator_questions,
            tables: std::sync::OnceLock::new(),
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

/// Everything the summary line of `e` depends on; `None` for rule sets with more than 128
/// sections or red flags (the sets of them would not fit the key).
#[must_use]
pub(crate) fn summary_key(rs: &RuleSet, e: &Evaluation) -> Option<SummaryKey> {
    if !summary_keys_fit(rs) {
        return None;
    }
    let bit = |i: usize| 1u128.checked_shl(i as u32).unwrap_or(0);
    let sections = e
        .deciding_not_asked
        .iter()
        .chain(&e.deciding_unknown)
        .filter_map(|&q| rs.questions.get(q))
        .fold(0u128, |acc, q| acc | bit(q.section));
    let red_flags = e
        .red_flags
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Tri::True)
        .fold(0u128, |acc, (i, _)| acc | bit(i));
    Some(SummaryKey {
        now: e.now,
        upper: e.upper,
        count: e.deciding_not_asked.len() + e.deciding_unknown.len(),
        sections,
        red_flags,
        age: e.age,
        safety_checked: e.safety_checked,
        applicable: e.applicable,
        not_applicable: e.now_outcome.filter(|_| e.applicable == Tri::False),
    })
}

/// Whether every evaluation of `rs` has a [`summary_key`] (at most 128 sections and red flags).
#[must_use]
pub(crate) fn summary_keys_fit(rs: &RuleSet) -> bool {
    rs.sections.len() <= 128 && rs.red_flags.len() <= 128
}

/// The indices of the set bits, in order.
fn bits(set: u128) -> impl Iterator<Item = usize> {
    (0..128usize).filter(move |&i| set & (1u128 << i) != 0)
}

/// The one-line summary, e.g. "Medium now; could be High: 3 unanswered questions in
/// Documents, Debt".
#[must_use]
pub fn summary_text(rs: &RuleSet, texts: &Texts, e: &Evaluation) -> String {
    let Some(key) = summary_key(rs, e) else {
        // Too many sections or red flags for the key: formatted each time.
        let flags: Vec<usize> = e
            .red_flags
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::True)
            .map(|(i, _)| i)
            .collect();
        return format_summary(texts, &key_of(e), &deciding_sections(rs, e), &flags);
    };
    if let Some(s) = texts.summaries.borrow().get(&key) {
        return s.clone();
    }
    let line = summary_of_key(texts, &key);
    let mut cache = texts.summaries.borrow_mut();
    if cache.len() < 4096 {
        cache.insert(key, line.clone());
    }
    line
}

/// The summary line of a key from [`summary_key`].
#[must_use]
pub(crate) fn summary_of_key(texts: &Texts, key: &SummaryKey) -> String {
    let sections: Vec<usize> = bits(key.sections).collect();
    let flags: Vec<usize> = bits(key.red_flags).collect();
    format_summary(texts, key, &sections, &flags)
}

/// The key of `e` without the sets of sections and red flags (given separately).
fn key_of(e: &Evaluation) -> SummaryKey {
    SummaryKey {
        now: e.now,
        upper: e.upper,
        count: e.deciding_not_asked.len() + e.deciding_unknown.len(),
        sections: 0,
        red_flags: 0,
        age: e.age,
        safety_checked: e.safety_checked,
        applicable: e.applicable,
        not_applicable: e.now_outcome.filter(|_| e.applicable == Tri::False),
    }
}

/// The summary line from its key, the sections of the deciding questions and the red flags
/// that fired (true in every age scenario), both in order.
fn format_summary(texts: &Texts, e: &SummaryKey, sections: &[usize], flags: &[usize]) -> String {
    if e.applicable == Tri::False {
        let reason = e
            .not_applicable
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
        let mut args = FluentArgs::new();
        args.set("now", texts.level(e.now));
        args.set("upper", texts.level(e.upper));
        args.set("count", e.count);
        args.set("sections", sections.join(", "));
        texts.loc.msg_args("summary-open", &args)
    };
    let flag_texts: Vec<&str> = flags
        .iter()
        .filter_map(|&i| texts.red_flags.get(i).map(String::as_str))
        .collect();
    if !flag_texts.is_empty() {
        line.push_str(" — ");
        line.push_str(&flag_texts.join("; "));
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
