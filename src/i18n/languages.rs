//! `locales/languages.toml`: which languages exist, which must be complete, and which the
//! officer's summary can be in.

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
    /// Whether the officer's summary can be in this language (`--lang`, `TIPSCREEN_LANG`, the
    /// system locale). Default: the same as `complete`; a partial language cannot be one (it
    /// is only the person's second language, `screen --with-lang`).
    #[serde(default)]
    pub officer: Option<bool>,
}

impl Language {
    /// Whether the officer's summary can be in this language.
    #[must_use]
    pub fn is_officer(&self) -> bool {
        self.officer.unwrap_or(self.complete)
    }
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
    /// language the officer may choose (as before partial languages were declared) and only
    /// English is required to be complete.
    ///
    /// # Errors
    /// A message naming the file when it exists but does not parse, or declares a partial
    /// language as an officer's language.
    pub fn load(locales: &Folder) -> Result<Languages, String> {
        match locales.read("languages.toml") {
            Ok(text) => {
                let path = locales.display("languages.toml");
                let languages: Languages =
                    toml::from_str(&text).map_err(|e| format!("{path}: {}", e.message().trim()))?;
                if let Some(l) = languages
                    .list
                    .iter()
                    .find(|l| l.officer == Some(true) && !l.complete)
                {
                    return Err(format!(
                        "{path}: language `{}` has `officer = true` but `complete = false`; the \
                         officer's summary needs every message, so an officer's language must \
                         be complete",
                        l.code
                    ));
                }
                Ok(languages)
            }
            Err(_) => Ok(Languages {
                list: locales
                    .sub_folders()
                    .into_iter()
                    .map(|code| Language {
                        complete: code == "en",
                        officer: Some(true),
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

    /// The codes of the languages the officer's summary can be in, in order.
    #[must_use]
    pub fn officer_codes(&self) -> Vec<String> {
        self.list
            .iter()
            .filter(|l| l.is_officer())
            .map(|l| l.code.clone())
            .collect()
    }

    /// The language with this code.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&Language> {
        self.list.iter().find(|l| l.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Languages {
        toml::from_str(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn officer_defaults_to_complete_and_may_be_turned_off() {
        let l = parse(
            "[[language]]\ncode = \"en\"\nname = \"English\"\ncomplete = true\n\
             [[language]]\ncode = \"uz\"\nname = \"Oʻzbekcha\"\n\
             [[language]]\ncode = \"xx\"\nname = \"X\"\ncomplete = true\nofficer = false\n",
        );
        assert_eq!(l.officer_codes(), ["en"]);
        assert_eq!(l.codes(), ["en", "uz", "xx"]);
        assert!(l.get("uz").is_some_and(|u| !u.is_officer()));
    }

    #[test]
    fn the_shipped_partial_languages_are_not_officer_languages() {
        let l = Languages::load(&Folder::embedded_locales()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.officer_codes(), ["en", "ru", "kk"]);
        for code in ["uz", "ky", "tg"] {
            let lang = l.get(code).unwrap_or_else(|| panic!("{code} is listed"));
            assert!(!lang.complete && !lang.is_officer(), "{code}");
        }
    }
}
