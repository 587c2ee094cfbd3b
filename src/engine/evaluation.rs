//! The result of evaluating one person's answers, with everything needed to explain it.

use serde::Serialize;

use crate::answer::Answer;
use crate::condition::compiled::Counts;
use crate::condition::Tri;
use crate::level::Level;

/// What is known about the person's age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeStatus {
    /// The rule set has no `[age]` block.
    #[default]
    NotTracked,
    /// Age given, 18 or over (or the rule set's `adult_from`).
    Adult,
    /// Age given, under 18.
    Child,
    /// Age not given, but the person appears to be under 18: the child rules apply.
    AppearsMinor,
    /// Age not established: adult and child rules were both evaluated.
    Unknown,
}

impl AgeStatus {
    /// The stable name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AgeStatus::NotTracked => "not_tracked",
            AgeStatus::Adult => "adult",
            AgeStatus::Child => "child",
            AgeStatus::AppearsMinor => "appears_minor",
            AgeStatus::Unknown => "unknown",
        }
    }

    /// Whether age is established from an answer.
    #[must_use]
    pub fn established(self) -> bool {
        matches!(self, AgeStatus::Adult | AgeStatus::Child)
    }
}

/// One dimension's state and the counts behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DimensionResult {
    /// Present, absent or undetermined.
    pub present: Tri,
    /// `[fired, fired + unknown]` for strong, medium, weak, total.
    pub counts: Counts,
}

/// Everything the engine concluded about one person. Indices refer to the rule set.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// The level the answers given establish.
    pub now: Level,
    /// The highest level still possible once the unknown answers are known.
    pub upper: Level,
    /// The outcome that gives `now` (none when no outcome is true).
    pub now_outcome: Option<usize>,
    /// The outcome that gives `upper`.
    pub upper_outcome: Option<usize>,
    /// Whether the rule set applies to this person: false when a not-applicable outcome is true
    /// (e.g. an adult assessment for a child), unknown when that is still open.
    pub applicable: Tri,
    /// Whether a red flag fired (in some age scenario), forcing `urgent`.
    pub red_flag_fired: bool,
    /// State of each red flag (true only when true in every age scenario).
    pub red_flags: Vec<Tri>,
    /// False when some red-flag condition could not be decided (safety questions unanswered).
    pub safety_checked: bool,
    /// What is known about age.
    pub age: AgeStatus,
    /// Answers as given, one per question.
    pub raw: Vec<Answer>,
    /// Answers after skip logic.
    pub answers: Vec<Answer>,
    /// Whether each question applies (its `show_if`).
    pub applies: Vec<Tri>,
    /// State of each indicator.
    pub indicators: Vec<Tri>,
    /// Per question (with the engine's tables), its answer after skip logic as a small number
    /// (see `Coder` in the engine), `NO_CODE` when it has none.
    pub(crate) codes: Vec<u16>,
    /// State of each dimension.
    pub dimensions: Vec<DimensionResult>,
    pub(crate) dimension_states: Vec<Tri>,
    /// Questions not asked yet whose answers could raise the level, in interview order.
    pub deciding_not_asked: Vec<usize>,
    /// Questions answered don't know / declined whose answers could raise the level.
    pub deciding_unknown: Vec<usize>,
    /// Safety questions left unanswered (when `safety_checked` is false).
    pub safety_unanswered: Vec<usize>,
    /// Buffers reused from record to record while tracing deciding questions.
    pub(crate) scratch: Scratch,
}

/// Reusable buffers, so tracing allocates nothing once they have grown.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    pub leaves: Vec<crate::condition::Leaf>,
    /// Per indicator, its memo's slot for the record (0 without a memo): tracing reads the
    /// unknown leaves there.
    pub slots: Vec<u8>,
    pub seen_q: Bits,
    pub seen_i: Bits,
    pub seen_d: Bits,
    pub found: Bits,
}

/// A set of small numbers (questions, indicators, dimensions), one bit each: emptied with a
/// few words, not one flag per item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    /// Empties the set, for numbers below `n`.
    pub fn reset(&mut self, n: usize) {
        self.0.clear();
        self.0.resize(n.div_ceil(64), 0);
    }

    /// Adds `i`; whether it was not in the set yet (false past the numbers of the set).
    pub fn insert(&mut self, i: usize) -> bool {
        let Some(w) = self.0.get_mut(i / 64) else {
            return false;
        };
        let bit = 1u64 << (i % 64);
        let new = *w & bit == 0;
        *w |= bit;
        new
    }

    /// The numbers in the set, smallest first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros() as usize;
                    w &= w - 1;
                    64 * k + b
                })
            })
        })
    }
}

impl Evaluation {
    /// The environment for outcomes and red flags in one age scenario.
    pub(crate) fn env(&self, child: Tri) -> crate::condition::Env<'_> {
        crate::condition::Env {
            answers: &self.answers,
            indicators: &self.indicators,
            dimensions: &self.dimension_states,
            child,
            counts: None,
        }
    }

    /// Whether the result is settled (no unknown answer could change the level or whether the
    /// rule set applies).
    #[must_use]
    pub fn settled(&self) -> bool {
        self.now == self.upper && self.applicable != Tri::Unknown
    }

    /// Indices of the indicators that fired.
    pub fn fired(&self) -> impl Iterator<Item = usize> + '_ {
        self.indicators
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::True)
            .map(|(i, _)| i)
    }
}
