//! One answer to one question, as the engine stores it: a small `Copy` value in a dense array.

/// An answer, or the reason there is none.
///
/// `Missing`, `DontKnow` and `Declined` are the three kinds of unknown; `NotApplicable` is never
/// given by a person, the engine sets it when a question's `show_if` is false.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Answer {
    /// Not asked yet, or the cell was empty.
    #[default]
    Missing,
    /// "Don't know".
    DontKnow,
    /// "Prefers not to say".
    Declined,
    /// The question does not apply (its `show_if` is false).
    NotApplicable,
    /// A yes / no answer.
    Bool(bool),
    /// The index of one option of a single_choice question.
    Choice(u8),
    /// A set of options of a multi_choice question, one bit per option index.
    Multi(u64),
    /// A number.
    Number(f64),
    /// A free-text answer was given (the text itself is not needed to evaluate rules).
    Text,
}

impl Answer {
    /// True for the three kinds of unknown.
    #[must_use]
    pub fn is_unknown(self) -> bool {
        matches!(self, Answer::Missing | Answer::DontKnow | Answer::Declined)
    }

    /// True when the question was answered with a real value.
    #[must_use]
    pub fn is_value(self) -> bool {
        !self.is_unknown() && self != Answer::NotApplicable
    }
}
