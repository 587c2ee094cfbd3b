//! The texts of a rule set's questions and options in every officer language, to read intake
//! files whose headers and values are labels instead of ids: KoboToolbox and ODK exports "with
//! labels" of the form `tipscreen export xlsform` writes (docs/xlsform.md).
//!
//! Used only when a header or a value is not an id: files with ids never look anything up here.

use std::collections::HashMap;

use crate::answer::Answer;
use crate::i18n::{keys, Localizer};
use crate::ruleset::{QuestionKind, RuleSet};

/// A label as compared: lowercase, runs of white space as one space, typographic apostrophes
/// and quotes as ASCII, no trailing colon or question mark spacing differences.
#[must_use]
pub fn normalize(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
                '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
                // Fluent's isolation marks, should a text carry them.
                '\u{2068}' | '\u{2069}' => {}
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// What a label of an answer option stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionLabel {
    /// An option of the question, by index.
    Option(u8),
    /// "Don't know" (the form's `dont_know` choice).
    DontKnow,
    /// "Prefers not to say" (the form's `declined` choice).
    Declined,
}

/// Question and option labels in several languages.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    questions: HashMap<String, Option<usize>>,
    /// Per question: option labels (choice kinds) or yes/no labels (`Option(1)` yes, `Option(0)`
    /// no) and the two special answers.
    options: Vec<HashMap<String, Option<OptionLabel>>>,
    /// The consent question of the exported form (`consent-question`).
    consent: Vec<String>,
    /// The word "no" of every language (`answer-no`).
    no: Vec<String>,
}

/// Inserts a key, remembering a clash as `None` (a label that means two things is never used).
fn insert<T: PartialEq + Copy>(map: &mut HashMap<String, Option<T>>, key: String, value: T) {
    if key.is_empty() {
        return;
    }
    map.entry(key)
        .and_modify(|v| {
            if *v != Some(value) {
                *v = None;
            }
        })
        .or_insert(Some(value));
}

impl Labels {
    /// The labels of `rs` in the languages of `locs`.
    #[must_use]
    pub fn new<'l>(rs: &RuleSet, locs: impl IntoIterator<Item = &'l Localizer>) -> Self {
        let mut labels = Labels {
            questions: HashMap::new(),
            options: vec![HashMap::new(); rs.questions.len()],
            consent: Vec::new(),
            no: Vec::new(),
        };
        for loc in locs {
            labels
                .consent
                .extend(loc.try_msg("consent-question").map(|t| normalize(&t)));
            labels
                .no
                .extend(loc.try_msg("answer-no").map(|t| normalize(&t)));
            let special = [
                ("answer-dont-know", OptionLabel::DontKnow),
                ("answer-declined", OptionLabel::Declined),
            ]
            .map(|(id, v)| (loc.try_msg(id).map(|t| normalize(&t)), v));
            let yes_no = [
                ("answer-yes", OptionLabel::Option(1)),
                ("answer-no", OptionLabel::Option(0)),
            ]
            .map(|(id, v)| (loc.try_msg(id).map(|t| normalize(&t)), v));
            for (i, q) in rs.questions.iter().enumerate() {
                if let Some(text) = loc.try_msg(&keys::question(&q.id)) {
                    insert(&mut labels.questions, normalize(&text), i);
                }
                let Some(map) = labels.options.get_mut(i) else {
                    continue;
                };
                if q.kind.has_options() {
                    for (o, id) in q.options.iter().enumerate().take(64) {
                        if let Some(text) = loc.try_msg(&keys::option(&q.id, id)) {
                            insert(map, normalize(&text), OptionLabel::Option(o as u8));
                        }
                    }
                } else if q.kind == QuestionKind::YesNo {
                    for (text, v) in &yes_no {
                        if let Some(t) = text {
                            insert(map, t.clone(), *v);
                        }
                    }
                }
                for (text, v) in &special {
                    if let Some(t) = text {
                        insert(map, t.clone(), *v);
                    }
                }
            }
        }
        labels
    }

    /// The question whose label (in any of the languages) is `title`.
    #[must_use]
    pub fn question(&self, title: &str) -> Option<usize> {
        self.questions.get(&normalize(title)).copied().flatten()
    }

    /// What the label `text` means as an answer to question `q`.
    #[must_use]
    pub fn option(&self, q: usize, text: &str) -> Option<OptionLabel> {
        self.options
            .get(q)
            .and_then(|m| m.get(&normalize(text)))
            .copied()
            .flatten()
    }

    /// Whether `title` is the label of the form's consent question.
    #[must_use]
    pub fn is_consent(&self, title: &str) -> bool {
        let t = normalize(title);
        self.consent.contains(&t)
    }

    /// Whether `text` is the word "no" of one of the languages.
    #[must_use]
    pub fn is_no(&self, text: &str) -> bool {
        let t = normalize(text);
        self.no.contains(&t)
    }

    /// Whether there is no label at all (no language given).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// Reads an answer written as labels: one option label, a yes/no label, or for a
    /// multi_choice question several option labels separated by spaces (as KoboToolbox writes
    /// them), found by trying every split of the words.
    #[must_use]
    pub fn answer(&self, rs: &RuleSet, q: usize, text: &str) -> Option<Answer> {
        let kind = rs.questions.get(q)?.kind;
        let special = |l: OptionLabel| match l {
            OptionLabel::DontKnow => Some(Answer::DontKnow),
            OptionLabel::Declined => Some(Answer::Declined),
            OptionLabel::Option(_) => None,
        };
        match kind {
            QuestionKind::YesNo => match self.option(q, text)? {
                OptionLabel::Option(v) => Some(Answer::Bool(v == 1)),
                other => special(other),
            },
            QuestionKind::SingleChoice => match self.option(q, text)? {
                OptionLabel::Option(i) => Some(Answer::Choice(i)),
                other => special(other),
            },
            QuestionKind::MultiChoice => {
                if let Some(l) = self.option(q, text) {
                    return match l {
                        OptionLabel::Option(i) => Some(Answer::Multi(1u64 << i)),
                        other => special(other),
                    };
                }
                self.split_multi(q, text).map(Answer::Multi)
            }
            QuestionKind::Number | QuestionKind::Text => None,
        }
    }

    /// Splits space-separated words into option labels: `reachable[i]` holds the set of
    /// options of some split of the first `i` words. Labels are short, so this is at most a
    /// few hundred look-ups, and only for files written with labels.
    fn split_multi(&self, q: usize, text: &str) -> Option<u64> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() || words.len() > 200 {
            return None;
        }
        let mut reachable: Vec<Option<u64>> = vec![None; words.len() + 1];
        if let Some(first) = reachable.first_mut() {
            *first = Some(0);
        }
        for start in 0..words.len() {
            let Some(set) = reachable.get(start).copied().flatten() else {
                continue;
            };
            for end in start + 1..=words.len() {
                let Some(label) = words.get(start..end).map(|w| w.join(" ")) else {
                    continue;
                };
                if let Some(OptionLabel::Option(i)) = self.option(q, &label) {
                    if let Some(slot) = reachable.get_mut(end) {
                        *slot = Some(set | (1u64 << i));
                    }
                }
            }
        }
        reachable.last().copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn labels_compare_without_case_spacing_or_typographic_quotes() {
        assert_eq!(normalize("  Don’t   know "), "don't know");
        assert_eq!(
            normalize("Кто хранит ваш ПАСПОРТ?"),
            "кто хранит ваш паспорт?"
        );
        assert_eq!(normalize("\u{2068}Иә\u{2069}"), "иә");
    }
}
