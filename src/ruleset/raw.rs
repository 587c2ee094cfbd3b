//! The serde mirror of the rule-set files, with source spans. Nothing here is checked beyond
//! TOML's own types; `validate` does the rest.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::model::{Audience, QuestionKind, Strength};
use crate::level::Level;

/// `ruleset.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawManifest {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    #[serde(default)]
    pub audience: Option<Spanned<Audience>>,
    #[serde(default)]
    pub jurisdiction: Option<String>,
    pub locales: Spanned<Vec<Spanned<String>>>,
    pub files: Vec<Spanned<String>>,
    pub sections: Vec<Spanned<String>>,
    pub source: RawSource,
    #[serde(default)]
    pub age: Option<RawAge>,
    #[serde(default)]
    pub thresholds: BTreeMap<Spanned<String>, Spanned<f64>>,
}

/// `[source]` of `ruleset.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub citation: String,
    #[serde(default)]
    pub notes: String,
}

/// `[age]` of `ruleset.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAge {
    pub question: Spanned<String>,
    pub adult_from: Spanned<f64>,
    #[serde(default)]
    pub appears_minor: Option<Spanned<String>>,
}

/// One theme file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
    #[serde(default)]
    pub indicator: Vec<Spanned<RawIndicator>>,
    #[serde(default)]
    pub dimension: Vec<Spanned<RawDimension>>,
    #[serde(default)]
    pub outcome: Vec<Spanned<RawOutcome>>,
    #[serde(default)]
    pub red_flag: Vec<Spanned<RawRedFlag>>,
}

/// `[[question]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub section: Spanned<String>,
    pub kind: Spanned<QuestionKind>,
    #[serde(default)]
    pub options: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub show_if: Option<Spanned<String>>,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub min: Option<Spanned<f64>>,
    #[serde(default)]
    pub max: Option<Spanned<f64>>,
    #[serde(default)]
    pub integer: Option<Spanned<bool>>,
}

/// `[[indicator]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: Spanned<String>,
    pub dimension: Spanned<String>,
    pub strength: Strength,
    pub when: Spanned<String>,
    pub source: String,
}

/// `[[dimension]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: Spanned<String>,
    pub present_if: Spanned<String>,
    #[serde(default)]
    pub source: String,
}

/// `[[outcome]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    pub id: Spanned<String>,
    pub level: Spanned<Level>,
    pub when: Spanned<String>,
    #[serde(default)]
    pub not_applicable: Option<Spanned<bool>>,
}

/// `[[red_flag]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRedFlag {
    pub id: Spanned<String>,
    pub when: Spanned<String>,
}
