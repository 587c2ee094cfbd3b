//! Every shipped translation: parses, has every message and variable of English (and nothing
//! English lacks), and formats without error. Drafts are allowed (they are listed as notes).

use tipscreen::diagnostic::{Severity, SourceMap};
use tipscreen::i18n::coverage::{check, CoverageInput};
use tipscreen::i18n::Languages;
use tipscreen::ruleset::{load, Folder, LoadOptions};

#[test]
fn shipped_translations_are_complete_and_consistent() {
    let locales = Folder::embedded_locales();
    let languages = Languages::load(&locales).expect("languages.toml parses");
    let codes = languages.codes();
    for required in ["en", "ru", "kk"] {
        assert!(
            codes.contains(&required.to_owned()),
            "{required} is not listed"
        );
        assert!(
            languages
                .list
                .iter()
                .any(|l| l.code == required && l.complete),
            "{required} must be complete"
        );
    }
    let ids = Folder::embedded_ruleset_ids();
    assert!(!ids.is_empty());
    for (n, id) in ids.iter().enumerate() {
        let folder = Folder::embedded_ruleset(id).expect("shipped");
        let mut sources = SourceMap::default();
        let loaded = load(&folder, &mut sources, LoadOptions::default());
        let rs = loaded.ruleset.expect("shipped rule set has no errors");
        let mut diags = Vec::new();
        check(
            &CoverageInput {
                locales: &locales,
                languages: &languages,
                ruleset: Some((&rs, None)),
                ui: n == 0,
            },
            &mut sources,
            &mut diags,
        );
        let problems: Vec<String> = diags
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| format!("{} {} {}", d.code, d.location(&sources), d.message))
            .collect();
        assert!(problems.is_empty(), "{id}:\n{}", problems.join("\n"));
    }
}
