//! The corpus of broken rule sets in `tests/broken/<case>/`: each folder is a small rule set with
//! exactly one defect and an `expected.toml` that lists every error and warning `check` must
//! report for it (code, file relative to the case folder, line, column). Notes are not listed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tipscreen::diagnostic::{Diagnostic, Severity, SourceMap};
use tipscreen::i18n::coverage::{check, CoverageInput};
use tipscreen::i18n::{Language, Languages};
use tipscreen::ruleset::{load, Folder, LoadOptions};

/// `expected.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default)]
    diagnostic: Vec<ExpectedDiagnostic>,
}

/// One `[[diagnostic]]` of `expected.toml`. `file`, `line` and `column` are left out for a
/// diagnostic without a place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedDiagnostic {
    code: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

/// What is compared: code, then the place (path relative to the case folder, line, column).
type Key = (String, Option<(String, usize, usize)>);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("broken")
}

fn case_dirs() -> Vec<PathBuf> {
    let dir = corpus_dir();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list `{}`: {e}", dir.display()))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot list `{}`: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn read_expected(case: &Path) -> Vec<Key> {
    let path = case.join("expected.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read `{}`: {e}", path.display()));
    let expected: Expected = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("`{}` is not a valid expectation: {e}", path.display()));
    let mut keys: Vec<Key> = expected
        .diagnostic
        .into_iter()
        .map(|d| {
            let place = match (d.file, d.line, d.column) {
                (Some(f), Some(l), Some(c)) => Some((f, l, c)),
                (None, None, None) => None,
                _ => panic!(
                    "`{}`: a diagnostic gives `file`, `line` and `column` together, or none of them",
                    path.display()
                ),
            };
            (d.code, place)
        })
        .collect();
    keys.sort();
    keys
}

/// The path of a source file relative to the case folder, with `/` between components.
fn relative(case: &Path, shown: &str) -> String {
    let p = Path::new(shown);
    p.strip_prefix(case)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Loads a case with the library the way `check` does, with only English as a language and the
/// case's own `locales/` folder as the source of every text.
fn run_case(case: &Path) -> (SourceMap, Vec<Diagnostic>) {
    let mut sources = SourceMap::default();
    let folder = Folder::Disk(case.to_path_buf());
    let loaded = load(
        &folder,
        &mut sources,
        LoadOptions {
            satisfiability: true,
        },
    );
    let mut diagnostics = loaded.diagnostics;
    let own_locales = Folder::Disk(case.join("locales"));
    let languages = Languages {
        list: vec![Language {
            code: "en".into(),
            name: "English".into(),
            complete: true,
            officer: None,
        }],
    };
    check(
        &CoverageInput {
            locales: &own_locales,
            languages: &languages,
            ruleset: loaded.ruleset.as_ref().map(|rs| (rs, Some(&own_locales))),
            ui: false,
        },
        &mut sources,
        &mut diagnostics,
    );
    diagnostics.retain(|d| matches!(d.severity, Severity::Error | Severity::Warning));
    (sources, diagnostics)
}

fn key(case: &Path, sources: &SourceMap, d: &Diagnostic) -> Key {
    let place = d.at.as_ref().map(|(file, span)| {
        let (line, column) = sources.line_col(*file, span.start);
        (relative(case, sources.path(*file)), line, column)
    });
    (d.code.to_owned(), place)
}

fn show(keys: &[Key]) -> String {
    if keys.is_empty() {
        return "    (nothing)\n".to_owned();
    }
    keys.iter()
        .map(|(code, place)| match place {
            Some((file, line, column)) => format!("    {code} {file}:{line}:{column}\n"),
            None => format!("    {code} (no place)\n"),
        })
        .collect()
}

#[test]
fn every_broken_rule_set_reports_exactly_its_defect() {
    let cases = case_dirs();
    assert!(
        !cases.is_empty(),
        "no cases in `{}`",
        corpus_dir().display()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        assert!(
            case.join("expected.toml").is_file(),
            "case `{name}` has no `expected.toml`"
        );
        let expected = read_expected(case);
        let (sources, diagnostics) = run_case(case);
        let mut actual: Vec<Key> = diagnostics.iter().map(|d| key(case, &sources, d)).collect();
        actual.sort();
        if actual != expected {
            let mut report = format!(
                "case `{name}`\n  expected:\n{}  actual:\n{}",
                show(&expected),
                show(&actual)
            );
            for d in &diagnostics {
                let mut rendered = Vec::new();
                d.render(&sources, &mut rendered)
                    .expect("rendering a diagnostic into memory cannot fail");
                for line in String::from_utf8_lossy(&rendered).lines() {
                    let _ = writeln!(report, "    | {line}");
                }
            }
            failures.push(report);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} broken rule sets do not report what `expected.toml` says:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
