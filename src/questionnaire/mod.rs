//! The interview: question flow (pure), what a prompt shows, and the trait behind which a
//! terminal, a script or a test answers.

pub mod flow;
pub mod prompt;

pub use flow::{Flow, Progress};
pub use prompt::{Prompter, QuestionView, Reply};
