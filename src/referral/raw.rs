//! The serde mirror of a directory file, with source spans. Almost every field is optional
//! here, so that `validate` can report every missing field at once instead of serde stopping
//! at the first.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A directory file: `[[contact]]` and `[[rule]]` tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDirectory {
    /// Contacts, in file order.
    #[serde(default)]
    pub contact: Vec<Spanned<RawContact>>,
    /// Rules, in file order.
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// `[[contact]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    #[serde(default)]
    pub name: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    #[serde(default)]
    pub services: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub regions: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub eligible: Option<Spanned<RawEligible>>,
    #[serde(default)]
    pub languages: Vec<Spanned<String>>,
    #[serde(default)]
    pub phones: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub hours: Option<Spanned<String>>,
    #[serde(default)]
    pub source: Option<Spanned<RawSource>>,
    /// A string (`"2021-02"`) or a TOML date (`2026-11-24`).
    #[serde(default)]
    pub verified: Option<Spanned<toml::Value>>,
    /// A plain-text note: English text, or a table of languages (`en` required).
    #[serde(default)]
    pub note: Option<Spanned<LocalText>>,
}

/// A text in English only, or in several languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum LocalText {
    /// English only.
    One(String),
    /// By language code.
    ByLang(BTreeMap<String, String>),
}

/// `[contact.eligible]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEligible {
    /// `true`, `false` or `"unknown"`.
    #[serde(default)]
    pub citizens: Option<Spanned<toml::Value>>,
    /// `true`, `false` or `"unknown"`.
    #[serde(default)]
    pub foreign_citizens: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub gender: Option<Spanned<String>>,
    #[serde(default)]
    pub age: Option<Spanned<String>>,
    #[serde(default)]
    pub groups: Vec<Spanned<String>>,
}

/// `[contact.source]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    #[serde(default)]
    pub document: Option<Spanned<String>>,
    #[serde(default)]
    pub fact: Option<Spanned<String>>,
}

/// `[[rule]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    #[serde(default)]
    pub min_level: Option<Spanned<String>>,
    #[serde(default)]
    pub child: Option<Spanned<bool>>,
    #[serde(default)]
    pub foreign: Option<Spanned<bool>>,
    #[serde(default)]
    pub services: Vec<Spanned<String>>,
    #[serde(default)]
    pub contacts: Vec<Spanned<String>>,
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_tables_belong_to_the_last_contact() {
        let text = "[[contact]]\nid = \"a\"\n[contact.name]\nen = \"A\"\n\n[[contact]]\nid = \"b\"\n[contact.source]\nkind = \"seed\"\n";
        let raw: RawDirectory = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<bool> = raw
            .contact
            .iter()
            .map(|c| c.get_ref().name.is_some())
            .collect();
        assert_eq!(names, vec![true, false]);
        assert!(raw
            .contact
            .get(1)
            .is_some_and(|c| c.get_ref().source.is_some()));
    }
}
