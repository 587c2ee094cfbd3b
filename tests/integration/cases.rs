//! Data-driven engine cases: `tests/cases/<ruleset-id>.toml` lists answers and the expected
//! level, upper bound, fired indicators and deciding questions. Optional keys are only checked
//! when present.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use tipscreen::answer::Answer;
use tipscreen::condition::Tri;
use tipscreen::diagnostic::SourceMap;
use tipscreen::engine::{Engine, Evaluation};
use tipscreen::input::value::parse_json_answer;
use tipscreen::ruleset::{load, Folder, LoadOptions, RuleSet};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    /// A named set of answers that cases can start from.
    #[serde(default)]
    base: BTreeMap<String, toml::Table>,
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    answers: toml::Table,
    /// Answers of the base to drop (leave unanswered).
    #[serde(default)]
    unset: Vec<String>,
    level: String,
    upper: String,
    fired: Vec<String>,
    #[serde(default)]
    deciding_not_asked: Option<Vec<String>>,
    #[serde(default)]
    deciding_unknown: Option<Vec<String>>,
    #[serde(default)]
    safety_checked: Option<bool>,
    #[serde(default)]
    age: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    red_flags: Option<Vec<String>>,
    #[serde(default)]
    present: Option<Vec<String>>,
    #[serde(default)]
    undetermined: Option<Vec<String>>,
    /// `true`, `false`, or `"unknown"` when it is still open.
    #[serde(default)]
    applicable: Option<toml::Value>,
}

fn answers(rs: &RuleSet, table: &toml::Table, case: &str) -> Vec<Answer> {
    let mut out = vec![Answer::Missing; rs.questions.len()];
    for (id, v) in table {
        let q = rs
            .question(id)
            .unwrap_or_else(|| panic!("case `{case}`: `{id}` is not a question"));
        let json = serde_json::to_value(v).expect("a TOML value converts to JSON");
        out[q] = parse_json_answer(&rs.questions[q], &json)
            .unwrap_or_else(|e| panic!("case `{case}`: invalid answer to `{id}`: {e:?}"));
    }
    out
}

fn ids(rs: &RuleSet, qs: &[usize]) -> Vec<String> {
    qs.iter().map(|&q| rs.questions[q].id.clone()).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn check_case(rs: &RuleSet, c: &Case, e: &Evaluation) -> Vec<String> {
    let mut errs = Vec::new();
    let mut expect = |what: &str, want: String, got: String| {
        if want != got {
            errs.push(format!("{what}: expected {want}, got {got}"));
        }
    };
    expect("level", c.level.clone(), e.now.as_str().to_owned());
    expect("upper", c.upper.clone(), e.upper.as_str().to_owned());
    let fired: Vec<String> = e.fired().map(|i| rs.indicators[i].id.clone()).collect();
    expect(
        "fired",
        format!("{:?}", sorted(c.fired.clone())),
        format!("{:?}", sorted(fired)),
    );
    if let Some(want) = &c.deciding_not_asked {
        expect(
            "deciding_not_asked",
            format!("{want:?}"),
            format!("{:?}", ids(rs, &e.deciding_not_asked)),
        );
    }
    if let Some(want) = &c.deciding_unknown {
        expect(
            "deciding_unknown",
            format!("{want:?}"),
            format!("{:?}", ids(rs, &e.deciding_unknown)),
        );
    }
    if let Some(want) = c.safety_checked {
        expect(
            "safety_checked",
            want.to_string(),
            e.safety_checked.to_string(),
        );
    }
    if let Some(want) = &c.applicable {
        let want = match want {
            toml::Value::Boolean(b) => b.to_string(),
            other => other.as_str().unwrap_or_default().to_owned(),
        };
        let got = match e.applicable {
            Tri::True => "true",
            Tri::False => "false",
            Tri::Unknown => "unknown",
        };
        expect("applicable", want, got.to_owned());
    }
    if let Some(want) = &c.age {
        expect("age", want.clone(), e.age.as_str().to_owned());
    }
    if let Some(want) = &c.outcome {
        let got = e
            .now_outcome
            .map_or("-".to_owned(), |i| rs.outcomes[i].id.clone());
        expect("outcome", want.clone(), got);
    }
    if let Some(want) = &c.red_flags {
        let got: Vec<String> = rs
            .red_flags
            .iter()
            .zip(&e.red_flags)
            .filter(|(_, t)| **t == Tri::True)
            .map(|(f, _)| f.id.clone())
            .collect();
        expect(
            "red_flags",
            format!("{:?}", sorted(want.clone())),
            format!("{:?}", sorted(got)),
        );
    }
    for (what, want, state) in [
        ("present", &c.present, Tri::True),
        ("undetermined", &c.undetermined, Tri::Unknown),
    ] {
        if let Some(want) = want {
            let got: Vec<String> = rs
                .dimensions
                .iter()
                .zip(&e.dimensions)
                .filter(|(_, d)| d.present == state)
                .map(|(d, _)| d.id.clone())
                .collect();
            expect(
                what,
                format!("{:?}", sorted(want.clone())),
                format!("{:?}", sorted(got)),
            );
        }
    }
    errs
}

#[test]
fn engine_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", dir.display());
    let mut failures = Vec::new();
    let mut total = 0;
    for path in files {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name");
        let folder = Folder::embedded_ruleset(id)
            .unwrap_or_else(|| panic!("{}: no shipped rule set `{id}`", path.display()));
        let mut sources = SourceMap::default();
        let rs = load(&folder, &mut sources, LoadOptions::default())
            .ruleset
            .unwrap_or_else(|| panic!("rule set `{id}` has errors"));
        let text = std::fs::read_to_string(&path).expect("case file readable");
        let file: CaseFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message()));
        let engine = Engine::new(&rs);
        for c in &file.case {
            total += 1;
            let mut table = match &c.from {
                Some(b) => file
                    .base
                    .get(b)
                    .unwrap_or_else(|| panic!("case `{}`: no base `{b}`", c.name))
                    .clone(),
                None => toml::Table::new(),
            };
            for k in &c.unset {
                assert!(
                    table.remove(k).is_some(),
                    "case `{}`: `{k}` not in base",
                    c.name
                );
            }
            for (k, v) in &c.answers {
                table.insert(k.clone(), v.clone());
            }
            let e = engine.evaluate(&answers(&rs, &table, &c.name));
            // Invariants that hold for every result.
            assert!(e.now <= e.upper, "case `{}`: now above upper", c.name);
            assert_eq!(
                e.settled(),
                e.deciding_not_asked.is_empty() && e.deciding_unknown.is_empty(),
                "case `{}`: a settled result has no deciding questions, an open one has some",
                c.name
            );
            let errs = check_case(&rs, c, &e);
            if !errs.is_empty() {
                failures.push(format!("{id} / {}:\n  {}", c.name, errs.join("\n  ")));
            }
        }
    }
    assert!(total >= 10, "too few cases: {total}");
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
