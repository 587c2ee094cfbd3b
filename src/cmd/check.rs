//! `tipscreen check [PATH]`: every problem of a rule set and its translations.

use std::io::Write;

use anyhow::anyhow;

use super::contacts::today;
use super::context::{locales_folder, rules_folder};
use super::Status;
use crate::cli::{CheckArgs, CheckFormat, Global};
use tipscreen::diagnostic::{count, has_errors, Diagnostic, SourceMap};
use tipscreen::i18n::coverage::{self, CoverageInput};
use tipscreen::i18n::Languages;
use tipscreen::referral::{self, Input};
use tipscreen::ruleset::validate::sort_diagnostics;
use tipscreen::ruleset::{load, Folder, LoadOptions};

pub fn run(global: &Global, args: &CheckArgs) -> anyhow::Result<Status> {
    let folders: Vec<(String, Folder)> = match (&args.path, &global.rules) {
        (Some(p), _) => vec![(p.display().to_string(), Folder::Disk(p.clone()))],
        (None, Some(spec)) => vec![(spec.clone(), rules_folder(spec)?)],
        (None, None) => Folder::embedded_ruleset_ids()
            .into_iter()
            .filter_map(|id| Folder::embedded_ruleset(&id).map(|f| (id, f)))
            .collect(),
    };
    if let (Some(p), _) = (&args.path, ()) {
        if !p.is_dir() {
            return Err(anyhow!("`{}` is not a folder", p.display()));
        }
    }
    let locales = locales_folder(global)?;
    let languages = Languages::load(&locales).map_err(|e| anyhow!(e))?;

    let mut sources = SourceMap::default();
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut summaries = Vec::new();
    for (n, (name, folder)) in folders.iter().enumerate() {
        let loaded = load(
            folder,
            &mut sources,
            LoadOptions {
                satisfiability: true,
            },
        );
        let mut diags = loaded.diagnostics;
        let own = folder.sub("locales");
        coverage::check(
            &CoverageInput {
                locales: &locales,
                languages: &languages,
                ruleset: loaded.ruleset.as_ref().map(|rs| (rs, own.as_ref())),
                // The user-interface messages are checked once, with the first rule set, when
                // they are the ones in use (shipped rule sets, or `--locales`).
                ui: n == 0 && (args.path.is_none() || global.locales.is_some()),
            },
            &mut sources,
            &mut diags,
        );
        sort_diagnostics(&mut diags, &sources);
        let (e, w, notes) = count(&diags);
        let what = match &loaded.ruleset {
            Some(rs) => format!(
                "`{name}`: {} questions, {} indicators, {} dimensions, {} outcomes, {} red flags",
                rs.questions.len(),
                rs.indicators.len(),
                rs.dimensions.len(),
                rs.outcomes.len(),
                rs.red_flags.len()
            ),
            None => format!("`{name}`"),
        };
        summaries.push(format!(
            "{what}: {e} error(s), {w} warning(s), {notes} note(s)"
        ));
        all.extend(diags);
    }

    // The shipped referral directory, when checking the shipped material (not a folder of
    // one's own): its problems and stale dates are reported with the others, on its own line.
    if args.path.is_none() && global.rules.is_none() {
        let (diags, summary) = check_directory(&locales, &languages, &mut sources)?;
        summaries.push(summary);
        all.extend(diags);
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        CheckFormat::Text => {
            for d in &all {
                d.render(&sources, &mut out)?;
            }
            for s in &summaries {
                writeln!(out, "checked {s}")?;
            }
        }
        CheckFormat::Jsonl => {
            for d in &all {
                let (file, line, column) = match &d.at {
                    Some((f, span)) => {
                        let (l, c) = sources.line_col(*f, span.start);
                        (Some(sources.path(*f).to_owned()), Some(l), Some(c))
                    }
                    None => (None, None, None),
                };
                let v = serde_json::json!({
                    "code": d.code,
                    "severity": d.severity,
                    "message": d.message,
                    "file": file,
                    "line": line,
                    "column": column,
                });
                writeln!(out, "{v}")?;
            }
        }
    }
    out.flush()?;
    Ok(if has_errors(&all) {
        Status::Findings
    } else {
        Status::Ok
    })
}

/// Validates the shipped contact directory, checks its dates against today and its labels
/// (`contacts.ftl`) in every complete language.
fn check_directory(
    locales: &Folder,
    languages: &Languages,
    sources: &mut SourceMap,
) -> anyhow::Result<(Vec<Diagnostic>, String)> {
    let loaded = referral::load(&[Input::shipped()], sources);
    let mut diags = loaded.diagnostics;
    if let Some(dir) = &loaded.directory {
        diags.extend(referral::check_dates(dir, today()?));
    }
    let complete: Vec<String> = languages
        .list
        .iter()
        .filter(|l| l.complete)
        .map(|l| l.code.clone())
        .collect();
    diags.extend(referral::translations::check(locales, &complete, sources));
    sort_diagnostics(&mut diags, sources);
    let (e, w, notes) = count(&diags);
    let summary = format!(
        "`{}`: {} contacts, {} rules: {e} error(s), {w} warning(s), {notes} note(s)",
        referral::SHIPPED_PATH,
        loaded.contacts_read,
        loaded.rules_read
    );
    Ok((diags, summary))
}
