//! What a prompt shows (already localized) and the trait behind which a terminal, a script or a
//! test answers.

use std::io;

use fluent_bundle::FluentArgs;

use super::flow::Flow;
use crate::answer::Answer;
use crate::i18n::{keys, Localizer};
use crate::input::value::{parse_answer, Invalid};
use crate::ruleset::{Question, QuestionKind};

/// One choice of a question, in the interview language and, when asked for, the person's.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The answer it stands for.
    pub answer: Answer,
    /// Label in the interview language.
    pub label: String,
    /// Label in the person's language (`--with-lang`).
    pub second: Option<String>,
}

/// Localized messages a prompt may need.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PromptTexts {
    /// "Don't know".
    pub dont_know: String,
    /// "Prefers not to say".
    pub declined: String,
    /// "← Back".
    pub back: String,
    /// The line that explains the keys.
    pub keys_help: String,
    /// Invalid number.
    pub not_a_number: String,
    /// Out of range (with the range filled in).
    pub out_of_range: String,
    /// Not a whole number.
    pub not_whole: String,
    /// Empty text.
    pub empty: String,
    /// Select at least one option (multi choice), or press Esc to go back.
    pub none_selected: String,
}

/// Everything needed to show one question.
#[derive(Debug, Clone)]
pub struct QuestionView {
    /// Question index in the rule set.
    pub index: usize,
    /// Question id.
    pub id: String,
    /// Kind.
    pub kind: QuestionKind,
    /// "Documents · 7 of about 24".
    pub progress: String,
    /// The question.
    pub text: String,
    /// The question in the person's language.
    pub second_text: Option<String>,
    /// Hint for the person.
    pub hint: Option<String>,
    /// Hint in the person's language.
    pub second_hint: Option<String>,
    /// Note for the interviewer (shown dimmed).
    pub note: Option<String>,
    /// Choices for yes/no and choice kinds (without the special answers).
    pub choices: Vec<Choice>,
    /// "Don't know" and "prefers not to say", in both languages.
    pub special: Vec<Choice>,
    /// The previous answer, offered as the default when going back.
    pub default: Option<Answer>,
    /// Text of the previous answer for text and number questions.
    pub default_text: Option<String>,
    /// The question, for checking typed input.
    pub question: Question,
    /// Localized prompt messages.
    pub texts: PromptTexts,
}

/// What the person (or the script) answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// An answer, with the text typed for a text question.
    Answer(Answer, Option<String>),
    /// Go back to the previous question.
    Back,
    /// Ctrl-C: ask whether to save and quit.
    Interrupt,
    /// No answer (a script that does not answer this question): leave it unasked.
    Skip,
}

/// Asks questions and shows messages: the terminal, a script, or a test.
pub trait Prompter {
    /// Asks one question.
    ///
    /// # Errors
    /// When the terminal fails.
    fn ask(&mut self, q: &QuestionView) -> io::Result<Reply>;
    /// Shows a message (a red-flag alert, a warning, a summary).
    ///
    /// # Errors
    /// When the terminal fails.
    fn show(&mut self, text: &str) -> io::Result<()>;
    /// Asks a yes/no question outside the rule set (consent, save and quit); `None` when
    /// interrupted. Without a default the person must choose (no answer by pressing Enter).
    ///
    /// # Errors
    /// When the terminal fails.
    fn confirm(&mut self, text: &str, default: Option<bool>) -> io::Result<Option<bool>>;
    /// Asks for a line of text (interview record fields); `None` when interrupted.
    ///
    /// # Errors
    /// When the terminal fails.
    fn line(&mut self, label: &str, default: &str) -> io::Result<Option<String>>;
    /// Picks one of several items (e.g. a region, a session to resume); `None` when the user
    /// went back or was interrupted.
    ///
    /// # Errors
    /// When the terminal fails.
    fn pick(&mut self, label: &str, items: &[String], default: usize) -> io::Result<Option<usize>>;
}

/// Localized prompt messages for a question (range filled in).
#[must_use]
pub fn prompt_texts(loc: &Localizer, q: &Question) -> PromptTexts {
    let mut args = FluentArgs::new();
    args.set("min", q.min.map_or_else(|| "…".to_owned(), fmt_num));
    args.set("max", q.max.map_or_else(|| "…".to_owned(), fmt_num));
    PromptTexts {
        dont_know: loc.msg("answer-dont-know"),
        declined: loc.msg("answer-declined"),
        back: loc.msg("answer-back"),
        keys_help: loc.msg("prompt-keys"),
        not_a_number: loc.msg("invalid-not-a-number"),
        out_of_range: loc.msg_args("invalid-out-of-range", &args),
        not_whole: loc.msg("invalid-not-whole"),
        empty: loc.msg("invalid-empty"),
        none_selected: loc.msg("invalid-none-selected"),
    }
}

fn fmt_num(x: f64) -> String {
    crate::output::explain::format_number(x)
}

/// Builds the view of question `q` for the current state of `flow`.
#[must_use]
pub fn question_view(
    flow: &Flow<'_>,
    q: usize,
    loc: &Localizer,
    second: Option<&Localizer>,
    default: Option<Answer>,
    default_text: Option<String>,
) -> Option<QuestionView> {
    let rs = flow.ruleset();
    let question = rs.questions.get(q)?;
    let id = &question.id;
    let p = flow.progress(q);
    let mut args = FluentArgs::new();
    args.set(
        "section",
        rs.sections
            .get(p.section)
            .map_or_else(String::new, |s| loc.msg(&keys::section(s))),
    );
    args.set("position", p.position);
    args.set("about", p.about.max(p.position));
    // The question "appears to be under 18" is answered by the interviewer from what they
    // see: it is not put to the person, so it has no line in the person's language.
    let observed = rs.age.as_ref().is_some_and(|a| a.appears_minor == Some(q));
    let second = second.filter(|_| !observed);
    // The second language shows only its own messages: a missing one means no second line
    // (a partial language, or a rule set without texts in it), never English or the id.
    let both = |key: &str| -> (String, Option<String>) {
        (loc.msg(key), second.and_then(|s| s.own_msg(key)))
    };
    let both_opt = |key: &str| -> (Option<String>, Option<String>) {
        (loc.try_msg(key), second.and_then(|s| s.own_msg(key)))
    };
    let choice = |answer: Answer, key: &str| {
        let (label, second) = both(key);
        Choice {
            answer,
            label,
            second,
        }
    };
    let choices = match question.kind {
        QuestionKind::YesNo => vec![
            choice(Answer::Bool(true), "answer-yes"),
            choice(Answer::Bool(false), "answer-no"),
        ],
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => question
            .options
            .iter()
            .enumerate()
            .take(64)
            .map(|(i, o)| {
                let answer = if question.kind == QuestionKind::SingleChoice {
                    Answer::Choice(i as u8)
                } else {
                    Answer::Multi(1u64 << i)
                };
                choice(answer, &keys::option(id, o))
            })
            .collect(),
        QuestionKind::Number | QuestionKind::Text => Vec::new(),
    };
    let (text, second_text) = both(&keys::question(id));
    let (hint, second_hint) = both_opt(&keys::question_hint(id));
    Some(QuestionView {
        index: q,
        id: id.clone(),
        kind: question.kind,
        progress: loc.msg_args("prompt-progress", &args),
        text,
        second_text,
        hint,
        second_hint,
        note: loc.try_msg(&keys::question_note(id)),
        choices,
        special: vec![
            choice(Answer::DontKnow, "answer-dont-know"),
            choice(Answer::Declined, "answer-declined"),
        ],
        default,
        default_text,
        question: question.clone(),
        texts: prompt_texts(loc, question),
    })
}

/// Checks typed input for a number or text question; the error is the localized message.
///
/// # Errors
/// The message to show when the input is not accepted.
pub fn check_typed(view: &QuestionView, input: &str) -> Result<Answer, String> {
    let t = input.trim();
    if t.is_empty() {
        return Err(view.texts.empty.clone());
    }
    match parse_answer(&view.question, t.as_bytes()) {
        Ok(a) => Ok(a),
        Err(Invalid::OutOfRange) => Err(view.texts.out_of_range.clone()),
        Err(Invalid::NotWhole) => Err(view.texts.not_whole.clone()),
        Err(_) => Err(view.texts.not_a_number.clone()),
    }
}
