//! `locales/languages.toml`: which languages exist and which must be complete.

use serde::Deserialize;

use crate::ruleset::Folder;

/// One language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// Code, e.g. `kk`; the folder name under `locales/`.
    pub code: String,
    /// Name in the language itself, e.g. `Қазақша`.
    pub name: String,
    /// Whether every message of English must exist (the officer's languages); other languages
    /// may be partial and are checked for what they contain.
    #[serde(default)]
    pub complete: bool,
}

/// The list of languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Languages {
    /// The languages, in display order.
    #[serde(rename = "language")]
    pub list: Vec<Language>,
}

impl Languages {
    /// Reads `languages.toml` from a locales folder; when it is missing, every sub-folder is a
    /// language and only English is required to be complete.
    ///
    /// # Errors
    /// A message naming the file when it exists but does not parse.
    pub fn load(locales: &Folder) -> Result<Languages, String> {
        match locales.read("languages.toml") {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                format!(
                    "{}: {}",
                    locales.display("languages.toml"),
                    e.message().trim()
                )
            }),
            Err(_) => Ok(Languages {
                list: locales
                    .sub_folders()
                    .into_iter()
                    .map(|code| Language {
                        complete: code == "en",
                        name: code.clone(),
                        code,
                    })
                    .collect(),
            }),
        }
    }

    /// The codes, in order.
    #[must_use]
    pub fn codes(&self) -> Vec<String> {
        self.list.iter().map(|l| l.code.clone()).collect()
    }
}
