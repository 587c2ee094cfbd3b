//! The validated rule set the engine evaluates. Built only by `validate`; every reference is an
//! index.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::condition::Cond;
use crate::diagnostic::FileId;

/// Where an item's id is written: a file and a byte range, for diagnostics.
pub type Place = (FileId, std::ops::Range<usize>);
use crate::level::Level;

/// Who answers the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The questions are put to the person (consent script, second language).
    #[default]
    Person,
    /// A checklist the assessor fills in.
    Assessor,
}

/// The kind of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// One of the options.
    SingleChoice,
    /// Any set of the options.
    MultiChoice,
    /// A number.
    Number,
    /// Free text.
    Text,
}

impl QuestionKind {
    /// The stable name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultiChoice => "multi_choice",
            QuestionKind::Number => "number",
            QuestionKind::Text => "text",
        }
    }

    /// Whether the kind has options.
    #[must_use]
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultiChoice)
    }
}

/// How strongly an indicator points to trafficking (ILO 2009).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Strong.
    Strong,
    /// Medium.
    Medium,
    /// Weak.
    Weak,
}

impl Strength {
    /// The stable name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Medium => "medium",
            Strength::Weak => "weak",
        }
    }
}

/// A condition and the text it was written as.
#[derive(Debug, Clone)]
pub struct Condition {
    /// The compiled tree.
    pub cond: Cond,
    /// The source text, for listings and explanations.
    pub text: String,
}

/// A question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Where its id is written.
    pub at: Place,
    /// Id, unique in the rule set.
    pub id: String,
    /// Index into [`RuleSet::sections`].
    pub section: usize,
    /// Kind.
    pub kind: QuestionKind,
    /// Option ids (choice kinds), at most 64.
    pub options: Vec<String>,
    /// Skip logic.
    pub show_if: Option<Condition>,
    /// Whether the answer is sensitive (hidden in errors, logs and `--redact` output).
    pub sensitive: bool,
    /// Lowest accepted number.
    pub min: Option<f64>,
    /// Highest accepted number.
    pub max: Option<f64>,
    /// Whether only whole numbers are accepted.
    pub integer: bool,
}

/// An indicator.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Where its id is written.
    pub at: Place,
    /// Full id, `dimension.indicator`.
    pub id: String,
    /// Index into [`RuleSet::dimensions`].
    pub dimension: usize,
    /// Strength.
    pub strength: Strength,
    /// When it fires.
    pub when: Condition,
    /// Where it comes from.
    pub source: String,
}

/// A dimension (an element of the definition, e.g. coercion at destination).
#[derive(Debug, Clone)]
pub struct Dimension {
    /// Where its id is written.
    pub at: Place,
    /// Id.
    pub id: String,
    /// When it is present, over the counts of its indicators.
    pub present_if: Condition,
    /// Indices of its indicators.
    pub indicators: Vec<usize>,
    /// Where the rule comes from.
    pub source: String,
}

/// An outcome rule.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Where its id is written.
    pub at: Place,
    /// Id.
    pub id: String,
    /// Level it gives.
    pub level: Level,
    /// When it matches.
    pub when: Condition,
    /// When true, a match means the rule set does not apply to this person (e.g. an adult
    /// assessment for a child): the result is "not applicable" instead of a level.
    pub not_applicable: bool,
}

/// A red flag: when true, the result is urgent at once.
#[derive(Debug, Clone)]
pub struct RedFlag {
    /// Where its id is written.
    pub at: Place,
    /// Id.
    pub id: String,
    /// When it fires.
    pub when: Condition,
}

/// How age is established.
#[derive(Debug, Clone)]
pub struct AgeRule {
    /// The number question with the age.
    pub question: usize,
    /// `child` is true below this age.
    pub adult_from: f64,
    /// A yes_no question "appears to be under 18", asked when age is unknown.
    pub appears_minor: Option<usize>,
}

/// Facts about the rule set as a whole.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Id (the folder name).
    pub id: String,
    /// Version.
    pub version: String,
    /// Who answers the questions.
    pub audience: Audience,
    /// Jurisdiction, e.g. `KZ`.
    pub jurisdiction: String,
    /// Locales every text must exist in.
    pub locales: Vec<String>,
    /// Source citation.
    pub citation: String,
    /// Source notes: what is verified and what is not.
    pub notes: String,
    /// SHA-256 of the rule files, hex.
    pub hash: String,
    /// Where the manifest is (for diagnostics about the rule set as a whole).
    pub manifest: FileId,
    /// Where each section id is written.
    pub section_places: Vec<Place>,
}

/// A validated rule set.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Facts about the rule set.
    pub meta: Meta,
    /// Section ids in interview order.
    pub sections: Vec<String>,
    /// Questions in interview order.
    pub questions: Vec<Question>,
    /// Indicators.
    pub indicators: Vec<Indicator>,
    /// Dimensions.
    pub dimensions: Vec<Dimension>,
    /// Outcomes, highest level first.
    pub outcomes: Vec<Outcome>,
    /// Red flags.
    pub red_flags: Vec<RedFlag>,
    /// Age rule, when declared.
    pub age: Option<AgeRule>,
    /// Named thresholds.
    pub thresholds: Vec<(String, f64)>,
    /// Question indices so that every question comes after those its `show_if` reads.
    pub show_order: Vec<usize>,
    question_index: HashMap<String, usize>,
}

impl RuleSet {
    /// Assembles a rule set; called by the validator once everything is checked.
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        meta: Meta,
        sections: Vec<String>,
        questions: Vec<Question>,
        indicators: Vec<Indicator>,
        dimensions: Vec<Dimension>,
        outcomes: Vec<Outcome>,
        red_flags: Vec<RedFlag>,
        age: Option<AgeRule>,
        thresholds: Vec<(String, f64)>,
        show_order: Vec<usize>,
    ) -> Self {
        let question_index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        RuleSet {
            meta,
            sections,
            questions,
            indicators,
            dimensions,
            outcomes,
            red_flags,
            age,
            thresholds,
            show_order,
            question_index,
        }
    }

    /// The index of a question by id.
    #[must_use]
    pub fn question(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }
}
