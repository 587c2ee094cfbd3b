//! A rule set's questionnaire in other tools' formats, one file per format. Pure: rule set and
//! messages in, bytes out.

mod relevance;
#[cfg(test)]
mod testing;
pub mod xlsform;
mod xpath;
#[cfg(test)]
mod xpath_eval;

pub use relevance::{Relevance, TruthXPath};
pub use xlsform::{build, english_name, FormLanguage, XlsForm, XlsFormError};
pub use xpath::{Expr, NumExpr};
