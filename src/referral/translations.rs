//! Checks the labels of the directory, `locales/<lang>/contacts.ftl`: every label exists in
//! every complete language, with the variables of English; drafts are listed as a note.
//! (`i18n::coverage` checks `ui.ftl` and rule-set texts the same way; its helpers are private
//! to it, so the few lines that read variables are repeated here.)

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::labels::{message_ids, MESSAGES};
use crate::diagnostic::{Diagnostic, SourceMap};
use crate::i18n::coverage::{collect_vars_pattern, drafts_in};
use crate::ruleset::Folder;

/// Message id -> (variables, byte offset of its definition).
type Messages = BTreeMap<String, (BTreeSet<String>, usize)>;

fn messages(text: &str) -> (Messages, Vec<(String, std::ops::Range<usize>)>) {
    let (res, errors) = match fluent_syntax::parser::parse(text) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    let mut out = BTreeMap::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                collect_vars_pattern(v, &mut vars);
            }
            let offset = text
                .match_indices(m.id.name)
                .map(|(i, _)| i)
                .find(|&i| i == 0 || text.as_bytes().get(i - 1) == Some(&b'\n'))
                .unwrap_or(0);
            out.insert(m.id.name.to_owned(), (vars, offset));
        }
    }
    let errors = errors
        .into_iter()
        .map(|e| (e.kind.to_string(), e.pos))
        .collect();
    (out, errors)
}

/// Checks `contacts.ftl` in each of `languages` (the complete ones; English first is not
/// required). Codes: C030 missing file or label, C031 variables differ from English, C032
/// syntax error, C033 drafts (a note).
pub fn check(locales: &Folder, languages: &[String], sources: &mut SourceMap) -> Vec<Diagnostic> {
    let name = format!("{MESSAGES}.ftl");
    let mut out = Vec::new();
    let mut files = BTreeMap::new();
    for lang in languages {
        let dir = locales.sub(lang);
        let Some(text) = dir.as_ref().and_then(|d| d.read(&name).ok()) else {
            out.push(Diagnostic::error(
                "C030",
                format!(
                    "`{}` is missing",
                    locales.display(&format!("{lang}/{name}"))
                ),
            ));
            continue;
        };
        let path = locales.display(&format!("{lang}/{name}"));
        let file = sources.add(path.clone(), text.clone());
        let (msgs, errors) = messages(&text);
        for (why, span) in errors {
            out.push(
                Diagnostic::error("C032", format!("fluent syntax error: {why}")).at(file, span),
            );
        }
        let drafts = drafts_in(&text);
        if !drafts.is_empty() {
            out.push(Diagnostic::note(
                "C033",
                format!(
                    "{} label(s) in `{path}` are drafts that need review by a native speaker: {}",
                    drafts.len(),
                    drafts
                        .iter()
                        .map(|d| format!("`{d}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        files.insert(lang.clone(), (file, msgs));
    }
    let english = files.get("en").map(|(_, m)| m.clone()).unwrap_or_default();
    for (lang, (file, msgs)) in &files {
        for id in message_ids() {
            let Some((vars, offset)) = msgs.get(&id) else {
                out.push(
                    Diagnostic::error(
                        "C030",
                        format!("label `{id}` is not in `{}`", sources.path(*file)),
                    )
                    .at(*file, 0..0),
                );
                continue;
            };
            if lang == "en" {
                continue;
            }
            if let Some((en_vars, _)) = english.get(&id) {
                if en_vars != vars {
                    let show = |s: &BTreeSet<String>| {
                        s.iter()
                            .map(|v| format!("`${v}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    out.push(
                        Diagnostic::error(
                            "C031",
                            format!(
                                "label `{id}` uses variables [{}] but English uses [{}]",
                                show(vars),
                                show(en_vars)
                            ),
                        )
                        .at(*file, *offset..offset + id.len()),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_labels_are_complete_in_english_russian_and_kazakh() {
        let mut sources = SourceMap::default();
        let langs: Vec<String> = ["en", "ru", "kk"].map(str::to_owned).to_vec();
        let diags = check(&Folder::embedded_locales(), &langs, &mut sources);
        let problems: Vec<String> = diags
            .iter()
            .filter(|d| d.code != "C033")
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn missing_labels_and_wrong_variables_are_reported() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let write = |lang: &str, text: &str| {
            let d = dir.path().join(lang);
            std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(d.join("contacts.ftl"), text).unwrap_or_else(|e| panic!("{e}"));
        };
        write("en", "contacts-stale = verified { $date }\n");
        write("ru", "# draft\ncontacts-stale = проверено { $day }\n");
        let mut sources = SourceMap::default();
        let langs: Vec<String> = ["en", "ru", "kk"].map(str::to_owned).to_vec();
        let diags = check(
            &Folder::Disk(dir.path().to_path_buf()),
            &langs,
            &mut sources,
        );
        let has = |code: &str, part: &str| {
            diags
                .iter()
                .any(|d| d.code == code && d.message.contains(part))
        };
        assert!(has("C030", "kk/contacts.ftl` is missing"));
        assert!(has("C030", "`contacts-title`"));
        assert!(has("C031", "`contacts-stale`"));
        assert!(has("C033", "`contacts-stale`"));
    }
}
