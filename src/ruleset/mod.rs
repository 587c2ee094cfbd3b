//! Rule sets: raw TOML with spans -> validated model, with every problem as a diagnostic.

pub mod files;
pub mod model;
pub mod raw;
pub mod satisfiable;
pub mod validate;

pub use files::Folder;
pub use model::{
    AgeRule, Audience, Condition, Dimension, Indicator, Meta, Outcome, Question, QuestionKind,
    RedFlag, RuleSet, Strength,
};
pub use validate::{load, LoadOptions, Loaded};
