//! The message ids of a rule set's texts, in one place (convention in docs/rule-format.md).

/// The question text.
#[must_use]
pub fn question(id: &str) -> String {
    format!("q-{id}")
}

/// The hint shown under a question (optional).
#[must_use]
pub fn question_hint(id: &str) -> String {
    format!("q-{id}-hint")
}

/// The note for the interviewer (optional).
#[must_use]
pub fn question_note(id: &str) -> String {
    format!("q-{id}-note")
}

/// An option's label.
#[must_use]
pub fn option(question: &str, option: &str) -> String {
    format!("opt-{question}-{option}")
}

/// An indicator's description; `full_id` is `dimension.indicator`.
#[must_use]
pub fn indicator(full_id: &str) -> String {
    format!("ind-{}", full_id.replace('.', "-"))
}

/// A dimension's name.
#[must_use]
pub fn dimension(id: &str) -> String {
    format!("dim-{id}")
}

/// What an outcome means.
#[must_use]
pub fn outcome(id: &str) -> String {
    format!("out-{id}")
}

/// The recommended action of an outcome.
#[must_use]
pub fn outcome_action(id: &str) -> String {
    format!("out-{id}-action")
}

/// A red flag's description.
#[must_use]
pub fn red_flag(id: &str) -> String {
    format!("flag-{id}")
}

/// A section's name.
#[must_use]
pub fn section(id: &str) -> String {
    format!("section-{id}")
}

/// The rule set's title.
pub const RULESET_TITLE: &str = "ruleset-title";
/// The rule set's one-paragraph description.
pub const RULESET_DESCRIPTION: &str = "ruleset-description";
