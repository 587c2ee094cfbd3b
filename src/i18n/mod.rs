//! Localized messages: fluent bundles (isolation marks off for terminals), language choice,
//! and the coverage check of the translations.

pub mod coverage;
pub mod keys;
mod languages;

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

pub use languages::{Language, Languages};

use crate::ruleset::Folder;

/// Errors when setting up localization.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    /// The language asked for has no translation.
    #[error("language `{asked}` is not available; available: {available}")]
    UnknownLanguage {
        /// What was asked.
        asked: String,
        /// Codes available, comma-separated.
        available: String,
    },
    /// The language asked for is partial: only the person's second language.
    #[error(
        "`{code}` ({name}) is only for the person being interviewed, not for the officer's \
         summary: use it as the second language, `tipscreen screen --lang ru --with-lang {code}`; \
         the officer's languages are: {officer}"
    )]
    PersonOnly {
        /// The code asked for.
        code: String,
        /// Its name in the language itself.
        name: String,
        /// The officer's language codes, comma-separated.
        officer: String,
    },
    /// A locale file cannot be read or parsed.
    #[error("cannot load `{path}`: {why}; run `tipscreen check` for details")]
    BadFile {
        /// The file.
        path: String,
        /// Why.
        why: String,
    },
}

/// Normalizes a locale name such as `ru_RU.UTF-8` or `kk-KZ` to its language code (`ru`).
#[must_use]
pub fn language_code(locale: &str) -> Option<String> {
    let base = locale
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    let id: LanguageIdentifier = base.parse().ok()?;
    let lang = id.language.as_str().to_owned();
    (lang != "und").then_some(lang)
}

/// Picks the officer's language: `--lang`, then `TIPSCREEN_LANG`, then the system locale, then
/// English. Only an officer's language (see [`Language::is_officer`]) is chosen: a partial
/// language is for the person only. Only an unavailable `--lang` is an error; the other sources
/// fall through quietly.
///
/// # Errors
/// When `--lang` names a language without a translation, or one for the person only.
pub fn choose_language(
    flag: Option<&str>,
    env: Option<&str>,
    system: Option<&str>,
    languages: &Languages,
) -> Result<String, I18nError> {
    let officer = languages.officer_codes();
    if let Some(asked) = flag {
        let code = language_code(asked);
        if let Some(c) = code.as_ref().filter(|c| officer.contains(c)) {
            return Ok(c.clone());
        }
        if let Some(l) = code.as_deref().and_then(|c| languages.get(c)) {
            return Err(I18nError::PersonOnly {
                code: l.code.clone(),
                name: l.name.clone(),
                officer: officer.join(", "),
            });
        }
        return Err(I18nError::UnknownLanguage {
            asked: asked.to_owned(),
            available: officer.join(", "),
        });
    }
    for candidate in [env, system].into_iter().flatten() {
        if let Some(c) = language_code(candidate).filter(|c| officer.contains(c)) {
            return Ok(c);
        }
    }
    Ok("en".to_owned())
}

/// The messages of one language: the user interface and, optionally, one rule set's texts.
pub struct Localizer {
    lang: String,
    bundle: FluentBundle<FluentResource>,
    english: Option<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish()
    }
}

fn bundle(
    lang: &str,
    locales: &Folder,
    ruleset: Option<(&str, Option<&Folder>)>,
) -> Result<FluentBundle<FluentResource>, I18nError> {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut b = FluentBundle::new(vec![id]);
    // Terminals and CSV files show the isolation marks as garbage; our variables are plain
    // names and numbers, so bidirectional isolation is not needed.
    b.set_use_isolating(false);
    let mut files: Vec<(Folder, String)> = Vec::new();
    if let Some(dir) = locales.sub(lang) {
        files.push((dir, "ui.ftl".to_owned()));
    }
    if let Some((rs_id, own)) = ruleset {
        let name = format!("{rs_id}.ftl");
        let own_dir = own
            .and_then(|o| o.sub(lang))
            .filter(|d| d.read(&name).is_ok());
        if let Some(dir) = own_dir.or_else(|| locales.sub(lang)) {
            files.push((dir, name));
        }
    }
    for (dir, name) in files {
        let Ok(text) = dir.read(&name) else { continue };
        let res = FluentResource::try_new(text).map_err(|(_, errs)| I18nError::BadFile {
            path: dir.display(&name),
            why: format!("{} syntax error(s)", errs.len()),
        })?;
        // A duplicate id is reported by `check`; at run time the later file wins.
        b.add_resource_overriding(res);
    }
    Ok(b)
}

impl Localizer {
    /// Loads the user interface (and a rule set's texts) for `lang`, with English as fallback.
    ///
    /// # Errors
    /// When a locale file does not parse.
    pub fn new(
        lang: &str,
        locales: &Folder,
        ruleset: Option<(&str, Option<&Folder>)>,
    ) -> Result<Self, I18nError> {
        let main = bundle(lang, locales, ruleset)?;
        let english = if lang == "en" {
            None
        } else {
            Some(bundle("en", locales, ruleset)?)
        };
        Ok(Localizer {
            lang: lang.to_owned(),
            bundle: main,
            english,
        })
    }

    /// The language code.
    #[must_use]
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Whether a message exists (in this language or the English fallback).
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id) || self.english.as_ref().is_some_and(|e| e.has_message(id))
    }

    /// A message without arguments.
    #[must_use]
    pub fn msg(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with arguments.
    #[must_use]
    pub fn msg_args(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.format(id, Some(args))
    }

    /// A message if it exists.
    #[must_use]
    pub fn try_msg(&self, id: &str) -> Option<String> {
        self.has(id).then(|| self.format(id, None))
    }

    /// A message only if this language has it (no English fallback): for the person's second
    /// language, where a missing message means no second line rather than English.
    #[must_use]
    pub fn own_msg(&self, id: &str) -> Option<String> {
        self.own_format(id, None)
    }

    /// A message with arguments only if this language has it (no English fallback).
    #[must_use]
    pub fn own_msg_args(&self, id: &str, args: &FluentArgs<'_>) -> Option<String> {
        self.own_format(id, Some(args))
    }

    fn own_format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let pattern = self.bundle.get_message(id).and_then(|m| m.value())?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for b in std::iter::once(&self.bundle).chain(self.english.as_ref()) {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text: Cow<'_, str> = b.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        // Never fails at run time: `check` makes sure every message exists.
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_normalize_to_language_codes() {
        assert_eq!(language_code("ru_RU.UTF-8").as_deref(), Some("ru"));
        assert_eq!(language_code("kk-KZ").as_deref(), Some("kk"));
        assert_eq!(language_code("en").as_deref(), Some("en"));
        assert_eq!(language_code("C.UTF-8"), None);
        assert_eq!(language_code(""), None);
    }

    fn languages() -> Languages {
        let lang = |code: &str, complete: bool| Language {
            code: code.to_owned(),
            name: code.to_uppercase(),
            complete,
            officer: None,
        };
        Languages {
            list: vec![
                lang("en", true),
                lang("kk", true),
                lang("ru", true),
                lang("uz", false),
            ],
        }
    }

    #[test]
    fn language_choice_order_flag_env_system_english() {
        let avail = languages();
        let ch = |f, e, s| choose_language(f, e, s, &avail).ok();
        assert_eq!(
            ch(Some("kk"), Some("ru"), Some("en_US")).as_deref(),
            Some("kk")
        );
        assert_eq!(
            ch(None, Some("ru_RU.UTF-8"), Some("kk_KZ")).as_deref(),
            Some("ru")
        );
        assert_eq!(
            ch(None, Some("fr"), Some("kk_KZ.UTF-8")).as_deref(),
            Some("kk")
        );
        assert_eq!(ch(None, None, Some("de_DE")).as_deref(), Some("en"));
        assert!(choose_language(Some("fr"), None, None, &avail).is_err());
    }

    #[test]
    fn a_partial_language_is_never_the_officers() {
        let avail = languages();
        let ch = |f, e, s| choose_language(f, e, s, &avail).ok();
        // From the environment or the system: skipped as if unavailable.
        assert_eq!(ch(None, Some("uz"), None).as_deref(), Some("en"));
        assert_eq!(
            ch(None, Some("uz_UZ.UTF-8"), Some("ru_RU")).as_deref(),
            Some("ru")
        );
        assert_eq!(ch(None, None, Some("uz_UZ@latin")).as_deref(), Some("en"));
        // Asked for with `--lang`: refused, with the officer's languages.
        match choose_language(Some("uz"), None, None, &avail) {
            Err(e @ I18nError::PersonOnly { .. }) => {
                let m = e.to_string();
                assert!(m.contains("--with-lang uz"), "{m}");
                assert!(m.contains("en, kk, ru"), "{m}");
            }
            other => panic!("{other:?}"),
        }
        match choose_language(Some("fr"), None, None, &avail) {
            Err(e @ I18nError::UnknownLanguage { .. }) => {
                assert!(e.to_string().ends_with("available: en, kk, ru"), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn own_messages_do_not_fall_back_to_english() {
        let locales = Folder::embedded_locales();
        let uz = Localizer::new("uz", &locales, Some(("kz-handbook", None))).expect("uz");
        assert_eq!(uz.own_msg("answer-yes").as_deref(), Some("Ha"));
        // Not translated (for the officer): no own message, but the English fallback.
        assert_eq!(uz.own_msg("q-feels_safe_now-note"), None);
        assert!(uz
            .msg("q-feels_safe_now-note")
            .starts_with("If the answer is no"));
        assert_eq!(uz.own_msg("no-such-message"), None);
    }
}
