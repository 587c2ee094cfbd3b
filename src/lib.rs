//! tipscreen: screening for indicators of human trafficking with explainable rule sets.
//!
//! The library parses and validates rule sets, evaluates answers with three-valued logic and
//! explains every result. It never prints and never exits; the binary does that.

pub mod answer;
pub mod batch;
pub mod condition;
pub mod config;
pub mod crypto;
pub mod diagnostic;
pub mod engine;
pub mod export;
pub mod i18n;
pub mod input;
pub mod level;
pub mod output;
pub mod questionnaire;
pub mod referral;
pub mod ruleset;
pub mod session;
