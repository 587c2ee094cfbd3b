//! Robustness of everything that reads outside input.
//!
//! 1. The corpus of malformed intake files in `tests/malformed/<case>/`: each folder holds one
//!    input file (or says in `expected.toml` how to generate a large one) and the exact outcome
//!    of `tipscreen score --format jsonl` on it: the number of records, which are errors (line,
//!    message), which have warnings, the notes on standard error, and the exit code (and the
//!    one with `--strict`).
//! 2. Property tests on generated and mutated input, asserting no panic and a well-formed
//!    result: the condition parser and compiler, the rule-set loader, the intake readers (one
//!    record out for every record a plain count finds) and the session store.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use tipscreen::answer::Answer;
use tipscreen::condition::compile::{compile, Allowed, QuestionType, Scope, Symbol};
use tipscreen::condition::parser::parse;
use tipscreen::condition::Env;
use tipscreen::diagnostic::{Severity, SourceMap};
use tipscreen::input::{self, EncodingChoice, Format, Record};
use tipscreen::ruleset::{load, Folder, LoadOptions, QuestionKind, RuleSet};
use tipscreen::session::{Session, Store};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary with a clean, predictable environment (as in `cli.rs`).
fn tipscreen() -> Command {
    let mut c = Command::cargo_bin("tipscreen").expect("binary built");
    c.env_remove("TIPSCREEN_LANG")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("COLUMNS", "100")
        .current_dir(root());
    c
}

fn kz() -> &'static RuleSet {
    static RS: OnceLock<RuleSet> = OnceLock::new();
    RS.get_or_init(|| {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
        let mut sources = SourceMap::default();
        load(&folder, &mut sources, LoadOptions::default())
            .ruleset
            .expect("kz-handbook is valid")
    })
}

/// The labels of kz-handbook in the officer languages, as `score` reads exports with labels.
fn kz_labels() -> &'static input::Labels {
    static LABELS: OnceLock<input::Labels> = OnceLock::new();
    LABELS.get_or_init(|| {
        let locs: Vec<tipscreen::i18n::Localizer> = ["en", "ru", "kk"]
            .iter()
            .map(|l| {
                tipscreen::i18n::Localizer::new(
                    l,
                    &Folder::embedded_locales(),
                    Some(("kz-handbook", None)),
                )
                .expect("shipped locales")
            })
            .collect();
        input::Labels::new(kz(), &locs)
    })
}

// ---------------------------------------------------------------------------------------------
// 1. The corpus of malformed intake files.

/// `expected.toml` of a malformed-intake case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The input is made at run time (too large to commit).
    generate: Option<String>,
    /// Extra arguments of `score`.
    #[serde(default)]
    args: Vec<String>,
    /// Exit code without `--strict`.
    #[serde(default)]
    exit: i32,
    /// Output records.
    records: usize,
    /// Every case id, in order.
    case_ids: Option<Vec<String>>,
    /// Substrings of standard error.
    #[serde(default)]
    notes: Vec<String>,
    /// Substrings in neither standard output nor standard error.
    #[serde(default)]
    absent: Vec<String>,
    /// Every record with status `error`.
    #[serde(default)]
    error: Vec<ExpectedError>,
    /// Every warning of every record.
    #[serde(default)]
    warning: Vec<ExpectedWarning>,
    /// Other values of single records.
    #[serde(default)]
    check: Vec<Check>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedError {
    record: u64,
    line: u64,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedWarning {
    record: u64,
    column: Option<String>,
    message: String,
}

/// A value of one record, by dotted key (`fields.notes`): equal to `value`, or of `len`
/// characters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    record: u64,
    key: String,
    value: Option<toml::Value>,
    len: Option<usize>,
}

fn malformed_dir() -> PathBuf {
    root().join("tests").join("malformed")
}

fn toml_to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        other => Value::String(other.to_string()),
    }
}

/// The header of the small cases: a few questions of every kind, one sensitive, and a
/// pass-through column.
const HEADER: [&str; 9] = [
    "case_id",
    "feels_safe_now",
    "needs_medical_help",
    "age",
    "documents_held_by",
    "owes_money",
    "hours_per_day",
    "violence_experienced",
    "notes",
];
const ROW_1: &str = "yes,no,34,employer,yes,14,no";
const ROW_2: &str = "yes,no,19,self,no,8,no";

/// Writes the input of a generated case.
fn generate(kind: &str, dir: &Path) -> PathBuf {
    let path = dir.join("intake.csv");
    let header = HEADER.join(",");
    let mb = 1 << 20;
    let text = match kind {
        "field-1mb" => format!(
            "{header}\nF-1,{ROW_1},{}\nF-2,yes,no,{},self,no,8,no,x\nF-3,{ROW_2},y\n",
            "x".repeat(mb),
            "a".repeat(mb)
        ),
        "columns-10000" => {
            let extra = 10_000 - HEADER.len();
            let names: Vec<String> = (1..=extra).map(|i| format!("extra_{i}")).collect();
            let values: Vec<String> = (1..=extra).map(|i| format!("v{i}")).collect();
            let (names, values) = (names.join(","), values.join(","));
            format!("{header},{names}\nW-1,{ROW_1},n,{values}\nW-2,{ROW_2},n,{values}\n")
        }
        other => panic!("unknown generated case `{other}`"),
    };
    std::fs::write(&path, text).expect("write generated input");
    path
}

/// The one input file of a committed case.
fn input_of(case: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(case)
        .expect("list case")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.toml"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "`{}` must hold one input file besides expected.toml",
        case.display()
    );
    files.remove(0)
}

fn run_score(args: &[String], file: &Path, strict: bool) -> (i32, String, String) {
    let mut cmd = tipscreen();
    cmd.args(["score", "--format", "jsonl"]).args(args);
    if strict {
        cmd.arg("--strict");
    }
    let out = cmd.arg(file).output().expect("run tipscreen");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn lookup<'v>(v: &'v Value, dotted: &str) -> Option<&'v Value> {
    dotted.split('.').try_fold(v, |v, k| v.get(k))
}

/// Every difference between the outcome of one case and its `expected.toml`.
fn check_case(case: &Path, scratch: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(case.join("expected.toml")).expect("read expected.toml");
    let exp: Expected = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: bad expected.toml: {e}", case.display()));
    let file = match &exp.generate {
        Some(kind) => generate(kind, scratch),
        None => input_of(case),
    };
    let mut problems = Vec::new();
    let mut fail = |m: String| problems.push(m);
    let (code, stdout, stderr) = run_score(&exp.args, &file, false);
    if code != exp.exit {
        fail(format!(
            "exit code {code}, expected {}; stderr: {stderr}",
            exp.exit
        ));
    }
    let records: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect();
    if records.len() != exp.records {
        fail(format!(
            "{} records, expected {}",
            records.len(),
            exp.records
        ));
    }
    for (i, r) in records.iter().enumerate() {
        if r["record"] != i + 1 {
            fail(format!("record {} is numbered {}", i + 1, r["record"]));
        }
    }
    if let Some(ids) = &exp.case_ids {
        let got: Vec<&str> = records
            .iter()
            .map(|r| r["case_id"].as_str().unwrap_or("?"))
            .collect();
        if got != *ids {
            fail(format!("case ids {got:?}, expected {ids:?}"));
        }
    }
    let record = |n: u64| records.get(usize::try_from(n).unwrap_or(usize::MAX).wrapping_sub(1));
    // Errors: exactly the listed records.
    let errors: Vec<u64> = records
        .iter()
        .filter(|r| r["status"] == "error")
        .filter_map(|r| r["record"].as_u64())
        .collect();
    let listed: Vec<u64> = exp.error.iter().map(|e| e.record).collect();
    if errors != listed {
        fail(format!("error records {errors:?}, expected {listed:?}"));
    }
    for e in &exp.error {
        let Some(r) = record(e.record) else { continue };
        if r["line"] != e.line {
            fail(format!(
                "record {}: line {}, expected {}",
                e.record, r["line"], e.line
            ));
        }
        let msg = r["error"].as_str().unwrap_or("");
        if !msg.contains(&e.message) {
            fail(format!(
                "record {}: error `{msg}` does not contain `{}`",
                e.record, e.message
            ));
        }
    }
    // Warnings: exactly the listed ones, record by record.
    let mut want: BTreeMap<u64, Vec<&ExpectedWarning>> = BTreeMap::new();
    for w in &exp.warning {
        want.entry(w.record).or_default().push(w);
    }
    for r in &records {
        let n = r["record"].as_u64().unwrap_or(0);
        let got = r["warnings"].as_array().cloned().unwrap_or_default();
        let expected = want.remove(&n).unwrap_or_default();
        if got.len() != expected.len() {
            fail(format!(
                "record {n}: {} warning(s), expected {}: {got:?}",
                got.len(),
                expected.len()
            ));
            continue;
        }
        for (g, e) in got.iter().zip(&expected) {
            let msg = g["message"].as_str().unwrap_or("");
            let col = g["column"].as_str().unwrap_or("");
            if !msg.contains(&e.message) || e.column.as_deref().is_some_and(|c| c != col) {
                fail(format!(
                    "record {n}: warning `{col}`: `{msg}`, expected `{:?}`: `{}`",
                    e.column, e.message
                ));
            }
        }
    }
    for (n, _) in want {
        fail(format!(
            "warnings expected for record {n}, which does not exist"
        ));
    }
    for c in &exp.check {
        let got = record(c.record).and_then(|r| lookup(r, &c.key));
        if let Some(v) = &c.value {
            if got != Some(&toml_to_json(v)) {
                fail(format!(
                    "record {}: `{}` is {got:?}, expected {v}",
                    c.record, c.key
                ));
            }
        }
        if let Some(len) = c.len {
            let n = got.and_then(Value::as_str).map(|s| s.chars().count());
            if n != Some(len) {
                fail(format!(
                    "record {}: `{}` has {n:?} characters, expected {len}",
                    c.record, c.key
                ));
            }
        }
    }
    for n in &exp.notes {
        if !stderr.contains(n.as_str()) {
            fail(format!("standard error lacks `{n}`: {stderr}"));
        }
    }
    for a in &exp.absent {
        if stdout.contains(a.as_str()) || stderr.contains(a.as_str()) {
            fail(format!("`{a}` appears in the output"));
        }
    }
    // `--strict` turns errors and warnings into exit code 1.
    let strict = if exp.exit == 0 && !(exp.error.is_empty() && exp.warning.is_empty()) {
        1
    } else {
        exp.exit
    };
    let (code, _, _) = run_score(&exp.args, &file, true);
    if code != strict {
        fail(format!("exit code {code} with --strict, expected {strict}"));
    }
    // The other formats read the same records: no panic, the same exit code.
    for format in ["table", "csv", "markdown"] {
        let mut cmd = tipscreen();
        let out = cmd
            .args(["score", "--format", format])
            .args(&exp.args)
            .arg(&file)
            .output()
            .expect("run tipscreen");
        if out.status.code() != Some(exp.exit) {
            fail(format!(
                "--format {format}: exit code {:?}: {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    problems
}

#[test]
fn every_malformed_intake_file_gives_its_expected_records_errors_and_notes() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(malformed_dir())
        .expect("list tests/malformed")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the corpus is there");
    let scratch = tempfile::tempdir().expect("temp dir");
    let mut report = String::new();
    for case in &cases {
        let problems = check_case(case, scratch.path());
        if !problems.is_empty() {
            let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            report.push_str(&format!("\n{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(report.is_empty(), "malformed corpus:{report}");
}

// ---------------------------------------------------------------------------------------------
// Mutations shared by the property tests.

/// `cases` cases (times `$ROBUSTNESS_SCALE`, to search longer); a failure is not saved to a
/// file (the minimal inputs found are kept as plain tests instead).
fn config(cases: u32) -> ProptestConfig {
    let scale: u32 = std::env::var("ROBUSTNESS_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    ProptestConfig {
        cases: cases.saturating_mul(scale),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One edit of a file's bytes; positions are taken modulo the length.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, u8),
    DuplicateLine(usize),
    DropLine(usize),
    SwapLines(usize, usize),
    /// Line `.0` becomes a copy of line `.1` (keeps the shape of TOML, changes its meaning).
    CopyLine(usize, usize),
    Truncate(usize),
}

/// Bytes that mean something to one of the formats.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"\"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"\\",
    b"\\u",
    b"\xef\xbb\xbf",
    b"\0",
    b"\xff",
    b"\xd0",
    "да".as_bytes(),
    b"=",
    b"==",
    b"'",
    b"'''",
    b"[[",
    b"]]",
    b"#",
    b"(",
    b")",
    b"and",
    b"or",
    b"not",
    b"has",
    b"in",
    b"true",
    b"null",
    b"-",
    b"1e999",
    b"99999999999999999999",
    b"0.5",
    b"-0",
    b"NaN",
    b"sep=;\n",
    b"id",
    b"age",
    b"child",
    b"strong",
    b"yes_no",
    b"multi_choice",
    b"number",
    b"feels_safe_now",
    b"employer",
    b"coercion",
    b"0",
    b"64",
    b"-1",
    b"{ $n }",
    b"\"\"\"",
];

fn payload() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => prop::sample::select(TOKENS).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 1..6),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), payload()).prop_map(|(p, b)| Edit::Insert(p, b)),
        2 => (any::<usize>(), 1usize..12).prop_map(|(p, n)| Edit::Delete(p, n)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::Replace(p, b)),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
        1 => any::<usize>().prop_map(Edit::DropLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::CopyLine(a, b)),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn edits(max: usize) -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 1..=max)
}

fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for e in edits {
        let at = |p: usize, len: usize| p % (len + 1);
        match e {
            Edit::Insert(p, s) => {
                let p = at(*p, b.len());
                b.splice(p..p, s.iter().copied());
            }
            Edit::Delete(p, n) => {
                let p = at(*p, b.len());
                let end = (p + n).min(b.len());
                b.drain(p..end);
            }
            Edit::Replace(p, x) => {
                if !b.is_empty() {
                    let p = p % b.len();
                    b[p] = *x;
                }
            }
            Edit::DuplicateLine(i)
            | Edit::DropLine(i)
            | Edit::SwapLines(i, _)
            | Edit::CopyLine(i, _) => {
                let mut lines: Vec<Vec<u8>> =
                    b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
                let n = lines.len();
                let i = i % n;
                match e {
                    Edit::DuplicateLine(_) => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    Edit::DropLine(_) => {
                        lines.remove(i);
                    }
                    Edit::SwapLines(_, j) => lines.swap(i, j % n),
                    Edit::CopyLine(_, j) => lines[i] = lines[j % n].clone(),
                    _ => {}
                }
                b = lines.join(&b'\n');
            }
            Edit::Truncate(p) => {
                let p = at(*p, b.len());
                b.truncate(p);
            }
        }
    }
    b
}

// ---------------------------------------------------------------------------------------------
// 2a. The condition parser and compiler.

/// Names of the kz-handbook rule set, for the type checker.
struct RuleSetScope(&'static RuleSet);

impl Scope for RuleSetScope {
    fn lookup(&self, name: &str) -> Option<Symbol<'_>> {
        let rs = self.0;
        if let Some(q) = rs.question(name) {
            let question = &rs.questions[q];
            let t = match question.kind {
                QuestionKind::YesNo => QuestionType::YesNo,
                QuestionKind::SingleChoice => QuestionType::SingleChoice,
                QuestionKind::MultiChoice => QuestionType::MultiChoice,
                QuestionKind::Number => QuestionType::Number,
                QuestionKind::Text => QuestionType::Text,
            };
            return Some(Symbol::Question(q as u32, t, &question.options));
        }
        if let Some(i) = rs.indicators.iter().position(|i| i.id == name) {
            return Some(Symbol::Indicator(i as u32));
        }
        if let Some(d) = rs.dimensions.iter().position(|d| d.id == name) {
            return Some(Symbol::Dimension(d as u32));
        }
        rs.thresholds
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| Symbol::Threshold(*v))
    }

    fn has_child(&self) -> bool {
        self.0.age.is_some()
    }
}

/// Every condition of the shipped rule sets (`show_if`, `when`, `present_if`).
fn shipped_conditions() -> &'static [String] {
    static CONDS: OnceLock<Vec<String>> = OnceLock::new();
    CONDS.get_or_init(|| {
        fn collect(v: &toml::Value, out: &mut Vec<String>) {
            match v {
                toml::Value::Table(t) => {
                    for (k, v) in t {
                        match v {
                            toml::Value::String(s)
                                if matches!(k.as_str(), "when" | "show_if" | "present_if") =>
                            {
                                out.push(s.clone());
                            }
                            other => collect(other, out),
                        }
                    }
                }
                toml::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for set in std::fs::read_dir(root().join("rules")).expect("rules/") {
            let set = set.expect("entry").path();
            if !set.is_dir() {
                continue;
            }
            for f in std::fs::read_dir(&set).expect("rule set") {
                let f = f.expect("entry").path();
                if f.extension().is_some_and(|e| e == "toml") {
                    let text = std::fs::read_to_string(&f).expect("read");
                    let v: toml::Value = toml::from_str(&text).expect("shipped TOML parses");
                    collect(&v, &mut out);
                }
            }
        }
        out.sort();
        out.dedup();
        assert!(out.len() > 50, "found the shipped conditions");
        out
    })
}

/// Parses and compiles `src` in every kind of place; checks that errors are well formed and
/// that a condition on answers alone evaluates.
fn parse_and_compile(src: &str) -> Result<(), TestCaseError> {
    let node = match parse(src) {
        Ok(n) => n,
        Err(e) => {
            prop_assert!(!e.message.is_empty(), "empty syntax error for {src:?}");
            prop_assert!(
                e.span.start <= e.span.end && e.span.end <= src.len(),
                "syntax error span {:?} outside {src:?} ({} bytes)",
                e.span,
                src.len()
            );
            return Ok(());
        }
    };
    let scope = RuleSetScope(kz());
    let places = [
        Allowed {
            questions: true,
            place: "`show_if`",
            ..Allowed::default()
        },
        Allowed {
            counts: true,
            place: "`present_if`",
            ..Allowed::default()
        },
        Allowed {
            questions: true,
            indicators: true,
            dimensions: true,
            child: true,
            counts: false,
            place: "an outcome",
        },
    ];
    for (k, allowed) in places.into_iter().enumerate() {
        match compile(&node, &scope, allowed) {
            Ok(cond) if k == 0 => {
                let missing = vec![Answer::Missing; kz().questions.len()];
                let _ = cond.eval(&Env::answers_only(&missing));
                let unknown = vec![Answer::DontKnow; kz().questions.len()];
                let _ = cond.eval(&Env::answers_only(&unknown));
            }
            Ok(_) => {}
            Err(errors) => {
                prop_assert!(!errors.is_empty(), "no type error listed for {src:?}");
                for e in errors {
                    prop_assert!(!e.message.is_empty());
                    prop_assert!(
                        e.span.start <= e.span.end && e.span.end <= src.len(),
                        "type error span {:?} outside {src:?}",
                        e.span
                    );
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn the_condition_parser_never_panics_on_any_text(src in "\\PC{0,80}") {
        parse_and_compile(&src)?;
    }

    #[test]
    fn the_condition_parser_never_panics_on_condition_like_text(
        parts in prop::collection::vec(prop::sample::select(TOKENS), 0..24),
    ) {
        let src: Vec<u8> = parts.join(&b' ');
        parse_and_compile(&String::from_utf8_lossy(&src))?;
    }

    #[test]
    fn mutated_shipped_conditions_parse_or_fail_cleanly(
        pick in any::<prop::sample::Index>(),
        edits in edits(4),
    ) {
        let conds = shipped_conditions();
        let src = apply(pick.get(conds).as_bytes(), &edits);
        parse_and_compile(&String::from_utf8_lossy(&src))?;
    }
}

#[test]
fn every_shipped_condition_parses_and_compiles() {
    for c in shipped_conditions() {
        assert!(parse(c).is_ok(), "{c}");
        parse_and_compile(c).expect("well formed");
    }
}

// ---------------------------------------------------------------------------------------------
// 2b. The rule-set loader on mutated copies of kz-handbook.

fn kz_files() -> &'static [(String, Vec<u8>)] {
    static FILES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = root().join("rules").join("kz-handbook");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .expect("kz-handbook")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .map(|p| {
                let name = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .expect("name")
                    .to_owned();
                (name, std::fs::read(&p).expect("read"))
            })
            .collect();
        files.sort();
        files
    })
}

fn load_mutated(file: usize, edits: &[Edit]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = kz_files();
    let file = file % files.len();
    for (i, (name, bytes)) in files.iter().enumerate() {
        let data = if i == file {
            apply(bytes, edits)
        } else {
            bytes.clone()
        };
        std::fs::write(dir.path().join(name), data).expect("write");
    }
    let mut sources = SourceMap::default();
    let loaded = load(
        &Folder::Disk(dir.path().to_path_buf()),
        &mut sources,
        LoadOptions {
            satisfiability: true,
        },
    );
    if loaded.ruleset.is_none() {
        prop_assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error),
            "no rule set and no error"
        );
    }
    for d in &loaded.diagnostics {
        let code = d.code.as_bytes();
        prop_assert!(
            code.len() == 4
                && matches!(code[0], b'E' | b'W' | b'N')
                && code[1..].iter().all(u8::is_ascii_digit),
            "bad code {:?}",
            d.code
        );
        prop_assert!(!d.message.is_empty(), "empty message ({})", d.code);
        if let Some((f, span)) = &d.at {
            let text = sources.text(*f);
            prop_assert!(
                span.start <= span.end
                    && span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end),
                "{} at {:?} outside `{}` ({} bytes)",
                d.code,
                span,
                sources.path(*f),
                text.len()
            );
        }
        let mut rendered = Vec::new();
        prop_assert!(
            d.render(&sources, &mut rendered).is_ok(),
            "{} does not render",
            d.code
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn the_loader_never_panics_on_mutated_rule_files(
        file in any::<usize>(),
        edits in edits(3),
    ) {
        load_mutated(file, &edits)?;
    }
}

// ---------------------------------------------------------------------------------------------
// 2c. The intake readers.

fn read_all(format: Format, bytes: &[u8]) -> Vec<Record> {
    let (mut reader, _notices) = input::open(
        format,
        "input",
        Box::new(Cursor::new(bytes.to_vec())),
        kz(),
        Some(kz_labels()),
    )
    .expect("an in-memory input always opens");
    let mut rec = Record::default();
    let mut out = Vec::new();
    while reader.next_into(&mut rec) {
        out.push(rec.clone());
        assert!(out.len() <= bytes.len() + 1, "more records than bytes");
    }
    out
}

/// The csv crate's own count of records (after the header), as the reader is documented to
/// read: without a leading BOM, after an Excel `sep=X` line (which names the delimiter), else
/// with the delimiter sniffed from the header.
fn csv_reference_count(bytes: &[u8]) -> usize {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let sep_line = match bytes {
        [s, e, p, b'=', d, b'\r', b'\n', ..] | [s, e, p, b'=', d, b'\n' | b'\r', ..]
            if [*s, *e, *p].eq_ignore_ascii_case(b"sep")
                && *d != b'"'
                && d.is_ascii()
                && !d.is_ascii_alphanumeric() =>
        {
            Some((
                *d,
                if bytes.get(5..7) == Some(b"\r\n") {
                    7
                } else {
                    6
                },
            ))
        }
        _ => None,
    };
    let (delimiter, bytes) = match sep_line {
        Some((d, len)) => (d, bytes.get(len..).unwrap_or_default()),
        None => (input::sniff_delimiter(bytes), bytes),
    };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    let mut n = 0;
    loop {
        match r.read_byte_record(&mut rec) {
            Ok(true) | Err(_) => n += 1,
            Ok(false) => return n,
        }
    }
}

/// Lines that are not blank (ASCII white space, or a BOM).
fn jsonl_reference_count(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| {
            let l = l.strip_prefix(b"\xef\xbb\xbf").unwrap_or(l);
            !l.trim_ascii().is_empty()
        })
        .count()
}

fn check_records(records: &[Record], expected: usize, bytes: &[u8]) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        records.len(),
        expected,
        "records of {:?}",
        String::from_utf8_lossy(bytes)
    );
    let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    let mut last_line = 0;
    for (i, r) in records.iter().enumerate() {
        prop_assert_eq!(r.number, i as u64 + 1);
        prop_assert!(
            r.line >= 1 && r.line <= lines,
            "line {} of {} lines",
            r.line,
            lines
        );
        // Not strictly: a lone CR ends a record without starting a line in an LF file.
        prop_assert!(
            r.line >= last_line,
            "line {} after line {}",
            r.line,
            last_line
        );
        last_line = r.line;
        prop_assert_eq!(r.answers.len(), kz().questions.len());
        if let Some(e) = &r.error {
            prop_assert!(!e.is_empty());
        }
        for w in &r.warnings {
            prop_assert!(!w.message.is_empty());
        }
    }
    Ok(())
}

fn example(name: &str) -> &'static [u8] {
    static EXAMPLES: OnceLock<BTreeMap<&'static str, Vec<u8>>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        ["intake.csv", "intake.jsonl", "intake-ru.csv"]
            .into_iter()
            .map(|n| {
                (
                    n,
                    std::fs::read(root().join("docs/examples").join(n)).expect("read"),
                )
            })
            .collect()
    })[name]
        .as_slice()
}

/// The example intake files as CSV: English, Russian (UTF-8 with BOM), Russian in
/// Windows-1251, Russian in UTF-16LE with BOM, and two KoboToolbox exports (names with 0/1
/// columns per option; Kazakh labels).
fn csv_example(variant: usize) -> Vec<u8> {
    let ru = || {
        let bytes = example("intake-ru.csv");
        String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).into_owned()
    };
    match variant {
        0 => example("intake.csv").to_vec(),
        1 => example("intake-ru.csv").to_vec(),
        2 => encoding_rs::WINDOWS_1251.encode(&ru()).0.into_owned(),
        4 => std::fs::read(root().join("tests/kobo/kobo-xml.csv")).expect("read"),
        5 => std::fs::read(root().join("tests/kobo/kobo-labels-kk.csv")).expect("read"),
        _ => {
            let mut out = vec![0xff, 0xfe];
            out.extend(ru().encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
    }
}

/// A workbook of a header and two records, as an analyst's Excel file.
fn small_workbook() -> &'static [u8] {
    static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let rows: [[&str; 4]; 3] = [
            ["case_id", "feels_safe_now", "age", "documents_held_by"],
            ["W-1", "yes", "24", "employer"],
            ["W-2", "нет", "", "self"],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *cell).expect("cell");
            }
        }
        book.save_to_buffer().expect("workbook")
    })
}

/// Decodes like `score` does; an error must be a reason, not a panic.
fn decoded(bytes: &[u8]) -> Option<Vec<u8>> {
    match input::decode(
        "input",
        Box::new(Cursor::new(bytes.to_vec())),
        EncodingChoice::Auto,
    ) {
        Ok(d) => {
            let mut out = Vec::new();
            let mut r = d.reader;
            r.read_to_end(&mut out).expect("in-memory input reads");
            Some(out)
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            None
        }
    }
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn random_bytes_give_one_record_per_csv_record(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        check_records(&read_all(Format::Csv, &bytes), csv_reference_count(&bytes), &bytes)?;
        if let Some(text) = decoded(&bytes) {
            let records = read_all(Format::Csv, &text);
            check_records(&records, csv_reference_count(&text), &text)?;
        }
    }

    #[test]
    fn random_bytes_give_one_record_per_jsonl_line(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        check_records(&read_all(Format::Jsonl, &bytes), jsonl_reference_count(&bytes), &bytes)?;
    }

    #[test]
    fn mutated_csv_gives_one_record_per_csv_record(
        variant in 0usize..6,
        edits in edits(6),
    ) {
        let bytes = apply(&csv_example(variant), &edits);
        check_records(&read_all(Format::Csv, &bytes), csv_reference_count(&bytes), &bytes)?;
        if let Some(text) = decoded(&bytes) {
            check_records(&read_all(Format::Csv, &text), csv_reference_count(&text), &text)?;
        }
    }

    #[test]
    fn a_damaged_workbook_is_an_error_not_a_crash(edits in edits(4)) {
        let bytes = apply(small_workbook(), &edits);
        match input::xlsx::to_csv("intake.xlsx", bytes.as_slice()) {
            Ok(csv) => {
                let n = csv_reference_count(&csv);
                check_records(&read_all(Format::Csv, &csv), n, &csv)?;
            }
            Err(e) => prop_assert!(e.to_string().contains("intake.xlsx"), "{}", e),
        }
    }

    #[test]
    fn mutated_jsonl_gives_one_record_per_line(edits in edits(6)) {
        let bytes = apply(example("intake.jsonl"), &edits);
        check_records(&read_all(Format::Jsonl, &bytes), jsonl_reference_count(&bytes), &bytes)?;
    }

    #[test]
    fn a_sensitive_answer_is_never_repeated(
        pick in any::<prop::sample::Index>(),
        junk in "[a-z ,;\"{}\\[\\]:]{0,12}",
        jsonl in any::<bool>(),
    ) {
        let rs = kz();
        let sensitive: Vec<&str> = rs.questions.iter().filter(|q| q.sensitive).map(|q| q.id.as_str()).collect();
        let q = *pick.get(&sensitive);
        let value = format!("QZXSECRET{junk}");
        let bytes = if jsonl {
            format!("{{\"case_id\": \"S-1\", \"answers\": {{\"{q}\": \"{value}\"}}}}\n")
        } else {
            format!("case_id,{q}\nS-1,{value}\n")
        };
        for r in read_all(if jsonl { Format::Jsonl } else { Format::Csv }, bytes.as_bytes()) {
            let texts = r.warnings.iter().map(|w| w.message.as_str()).chain(r.error.as_deref());
            for t in texts {
                prop_assert!(!t.contains("QZXSECRET"), "the answer to `{}` is repeated: {}", q, t);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2d. The session store on mutated copies of a valid session file.

fn valid_session() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let rs = kz();
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path().to_path_buf()).expect("open");
        let mut s = Session::new(rs, "ru", Some("kk"), "2026-11-24T10:00:00Z");
        let mut answers = vec![Answer::Missing; rs.questions.len()];
        let mut history = Vec::new();
        for (id, a) in [
            ("feels_safe_now", Answer::Bool(true)),
            ("age", Answer::Number(17.0)),
            ("documents_held_by", Answer::Choice(1)),
            ("violence_experienced", Answer::Declined),
        ] {
            let q = rs.question(id).expect("question");
            answers[q] = a;
            history.push(q);
        }
        s.set_answers(rs, &answers, &history, &BTreeMap::new());
        s.record.interviewer = "Айгуль".into();
        s.finished = false;
        store.create(&s).expect("create");
        std::fs::read(dir.path().join(format!("{}.json", s.id))).expect("read back")
    })
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn the_session_store_lists_good_files_and_reports_bad_ones(
        mutations in prop::collection::vec(edits(3), 1..4),
    ) {
        let rs = kz();
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path().to_path_buf()).expect("open");
        let good = "20260101000000-0000000a";
        let text = String::from_utf8_lossy(valid_session()).into_owned();
        let original: Value = serde_json::from_str(&text).expect("valid JSON");
        let original_id = original["id"].as_str().expect("id").to_owned();
        std::fs::write(
            dir.path().join(format!("{good}.json")),
            text.replace(&original_id, good),
        )
        .expect("write");
        let mut ids = vec![good.to_owned()];
        for (i, m) in mutations.iter().enumerate() {
            let id = format!("20260101000000-1000000{i}");
            let data = apply(text.replace(&original_id, &id).as_bytes(), m);
            std::fs::write(dir.path().join(format!("{id}.json")), data).expect("write");
            ids.push(id);
        }
        for id in &ids {
            if let Ok(s) = store.load(id) {
                let _ = s.answers_for(rs);
            }
        }
        let (ok, bad) = store.list();
        prop_assert!(ok.iter().any(|s| s.id == good), "the good file is listed");
        prop_assert_eq!(ok.len() + bad.len(), ids.len(), "each file listed or reported once");
        for e in &bad {
            let m = e.to_string();
            prop_assert!(m.contains("20260101000000-1000000"), "names the file: {}", m);
            prop_assert!(!m.contains("Айгуль"), "repeats the content: {}", m);
        }
        // The bad files were set aside; a second listing is clean.
        let (again, bad_again) = store.list();
        prop_assert_eq!(again.len(), ok.len());
        prop_assert!(bad_again.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Inputs found to crash code outside the input readers. Each runs the real binary, so that
//    a stack overflow (an abort, not a panic) fails this test and not the whole test binary.

/// A rule set whose one indicator condition is a chain of `terms` terms joined by `op`.
fn rule_set_with_a_long_condition(dir: &Path, op: &str, terms: usize) -> PathBuf {
    let src = root().join("docs/examples/minimal");
    let dst = dir.join("minimal");
    for rel in ["", "locales", "locales/en"] {
        std::fs::create_dir_all(dst.join(rel)).expect("mkdir");
    }
    for rel in [
        "ruleset.toml",
        "questions.toml",
        "rules.toml",
        "locales/en/minimal.ftl",
    ] {
        std::fs::copy(src.join(rel), dst.join(rel)).expect("copy");
    }
    let rules = std::fs::read_to_string(dst.join("rules.toml")).expect("read");
    let original = r#"when = 'hours_per_day > long_day_hours and sectors has "construction"'"#;
    assert!(rules.contains(original), "the minimal example changed");
    let chain = match op {
        "+" => format!(
            "{} > long_day_hours",
            vec!["hours_per_day"; terms].join(" + ")
        ),
        _ => vec!["hours_per_day > 1"; terms].join(&format!(" {op} ")),
    };
    std::fs::write(
        dst.join("rules.toml"),
        rules.replace(original, &format!("when = '{chain}'")),
    )
    .expect("write");
    dst
}

/// Found by this suite: the parser bounded the nesting of parentheses and `not`, but a chain
/// of binary operators (`a + a + …`, `x and x and …`) built a tree as deep as the chain is
/// long, and type checking, evaluation and dropping it recursed over it: with 30,000 terms
/// `tipscreen check` died of a stack overflow (SIGABRT). Fixed in src/condition (conditions of
/// more than 1000 tokens are a syntax error); this keeps it fixed.
#[test]
fn a_very_long_condition_is_a_diagnostic_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (op, terms) in [("+", 30_000), ("and", 100_000)] {
        let folder = rule_set_with_a_long_condition(dir.path(), op, terms);
        let out = tipscreen()
            .args(["check", "--format", "jsonl"])
            .arg(&folder)
            .output()
            .expect("run tipscreen");
        assert_eq!(
            out.status.code(),
            Some(1),
            "`check` on a condition of {terms} terms joined by `{op}` ended with {:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(r#""code":"E015""#),
            "no syntax error for the long condition: {stdout}"
        );
    }
}
