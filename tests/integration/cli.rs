//! The real binary, as a user runs it: every command, exit codes, languages, bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> PathBuf {
    root().join("docs/examples").join(name)
}

/// The binary with a clean, predictable environment.
fn tipscreen() -> Command {
    let mut c = Command::cargo_bin("tipscreen").expect("binary built");
    c.env_remove("TIPSCREEN_LANG")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("COLUMNS", "100")
        .current_dir(root());
    c
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

fn field<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

const EXPECTED_LEVELS: [(&str, &str, &str); 7] = [
    ("KZ-001", "high", "high"),
    ("KZ-002", "medium", "medium"),
    ("KZ-003", "medium", "medium"),
    ("KZ-004", "urgent", "urgent"),
    ("KZ-005", "low", "medium"),
    ("KZ-006", "none", "none"),
    ("KZ-007", "none", "low"),
];

fn assert_levels(records: &[Value]) {
    assert_eq!(
        records.len(),
        EXPECTED_LEVELS.len(),
        "one output row per input record"
    );
    for (r, (case, level, upper)) in records.iter().zip(EXPECTED_LEVELS) {
        assert_eq!(field(r, "case_id"), case);
        assert_eq!(field(r, "level"), level, "{case}");
        assert_eq!(field(r, "upper"), upper, "{case}");
    }
}

#[test]
fn score_example_csv_as_jsonl_gives_the_expected_level_for_each_person() {
    let out = tipscreen()
        .args(["score", "-f", "jsonl"])
        .arg(example("intake.csv"))
        .assert()
        .success()
        .stderr(predicate::str::contains("`interview_date`"))
        .get_output()
        .stdout
        .clone();
    let records = jsonl(&out);
    assert_levels(&records);
    let first = &records[0];
    assert_eq!(field(first, "outcome"), "presumed_victim_adult");
    assert_eq!(first["record"], 1);
    assert_eq!(first["line"], 2);
    assert_eq!(field(&first["fields"], "interview_date"), "2026-11-02");
    assert_eq!(field(&first["ruleset"], "id"), "kz-handbook");
    assert_eq!(field(&first["ruleset"], "sha256").len(), 64);
    let fired: Vec<&str> = first["fired"]
        .as_array()
        .expect("fired is a list")
        .iter()
        .map(|f| field(f, "id"))
        .collect();
    assert!(
        fired.contains(&"coercion.documents_confiscated"),
        "{fired:?}"
    );
    // The urgent record names its red flag; the invalid age is a warning, counted as unknown.
    assert_eq!(records[3]["red_flags"], serde_json::json!(["danger_now"]));
    let w = &records[6]["warnings"][0];
    assert_eq!(field(w, "column"), "age");
    assert!(field(w, "message").contains("counted as unknown"));
    assert_eq!(field(&records[6], "age"), "unknown");
    // An open result names the questions that decide it, not every unanswered question.
    assert_eq!(
        records[4]["deciding_not_asked"],
        serde_json::json!([
            "travel_paid_by",
            "how_decided",
            "job_as_told",
            "pay_as_told",
            "conditions_as_told"
        ])
    );
}

#[test]
fn russian_and_kazakh_files_score_the_same_as_english() {
    for (file, lang) in [("intake-ru.csv", "ru"), ("intake-kk.csv", "kk")] {
        let out = tipscreen()
            .args(["score", "-f", "jsonl", "--lang", lang])
            .arg(example(file))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let records = jsonl(&out);
        assert_levels(&records);
        // Fixed keys and ids; only *_text follows the language.
        let text = field(&records[0], "level_text");
        assert!(!text.is_empty() && text != "High", "{lang}: {text}");
        assert!(
            text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{lang}: level_text is not in Cyrillic: {text}"
        );
        // Decimal comma in hours, localized yes/no words: no warnings except the invalid age.
        let warned: Vec<&str> = records
            .iter()
            .filter(|r| !r["warnings"].as_array().is_some_and(Vec::is_empty))
            .map(|r| field(r, "case_id"))
            .collect();
        assert_eq!(warned, vec!["KZ-007"], "{lang}");
    }
}

#[test]
fn jsonl_input_scores_the_same_as_csv() {
    let out = tipscreen()
        .args(["score", "-f", "jsonl"])
        .arg(example("intake.jsonl"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_levels(&jsonl(&out));
}

#[test]
fn standard_input_is_read_with_a_dash_and_the_format_is_detected() {
    let csv = std::fs::read(example("intake.csv")).expect("example");
    let out = tipscreen()
        .args(["score", "-f", "jsonl", "-"])
        .write_stdin(csv)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_levels(&jsonl(&out));
    let json = std::fs::read(example("intake.jsonl")).expect("example");
    let out = tipscreen()
        .args(["score", "-f", "jsonl", "-"])
        .write_stdin(json)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_levels(&jsonl(&out));
}

#[test]
fn bad_records_become_error_rows_in_order_and_strict_fails() {
    let input = "case_id,feels_safe_now,age\nA,yes,30\nB,yes\nC,maybe,40\nD,no,20\n";
    let out = tipscreen()
        .args(["score", "-f", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = jsonl(&out);
    let cases: Vec<&str> = records.iter().map(|r| field(r, "case_id")).collect();
    assert_eq!(cases, ["A", "B", "C", "D"], "one row per record, in order");
    assert_eq!(field(&records[1], "status"), "error");
    assert_eq!(records[1]["line"], 3);
    assert!(field(&records[1], "error").contains("2 field(s)"));
    assert_eq!(field(&records[2], "status"), "ok");
    assert!(field(&records[2]["warnings"][0], "message").contains("`maybe`"));
    assert_eq!(field(&records[3], "level"), "urgent");

    tipscreen()
        .args(["score", "--strict", "-f", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(1);
    let bad_json =
        "{\"case_id\": \"x\", \"answers\": {\"age\": 30}}\nnot json\n\n{\"answers\": 5}\n";
    let out = tipscreen()
        .args(["score", "-f", "jsonl", "--input", "jsonl", "-"])
        .write_stdin(bad_json)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = jsonl(&out);
    let status: Vec<&str> = records.iter().map(|r| field(r, "status")).collect();
    assert_eq!(status, ["ok", "error", "error"]);
    assert_eq!(records[1]["line"], 2);
    assert_eq!(records[2]["line"], 4);
}

#[test]
fn sensitive_answers_are_not_repeated_in_warnings() {
    let input = "case_id,violence_experienced\nA,secret-value\n";
    tipscreen()
        .args(["score", "-f", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("secret-value").not())
        .stdout(predicate::str::contains("sensitive, value not shown"));
}

#[test]
fn table_format_has_counts_per_level_and_the_screening_notice() {
    tipscreen()
        .args(["score"])
        .arg(example("intake.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Urgent"))
        .stdout(predicate::str::contains("7 records scored."))
        .stdout(predicate::str::contains(
            "This is a screening, not an identification.",
        ))
        .stdout(predicate::str::contains(
            "must not be treated as an offender",
        ));
}

#[test]
fn every_output_format_writes_every_record() {
    for format in ["json", "csv", "markdown", "table"] {
        let out = tipscreen()
            .args(["score", "-f", format])
            .arg(example("intake.csv"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8_lossy(&out);
        for (case, ..) in EXPECTED_LEVELS {
            assert!(text.contains(case), "{format}: {case} missing");
        }
    }
    let out = tipscreen()
        .args(["score", "-f", "json"])
        .arg(example("intake.csv"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("one JSON document");
    assert_eq!(doc["records"].as_array().map(Vec::len), Some(7));
    assert_eq!(doc["summary"]["per_level"]["medium"], 2);
    assert_eq!(doc["summary"]["unsettled"], 2);
    let out = tipscreen()
        .args(["score", "-f", "csv"])
        .arg(example("intake.csv"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut r = csv::Reader::from_reader(out.as_slice());
    let headers = r.headers().expect("header").clone();
    assert!(headers.iter().any(|h| h == "interview_date"));
    assert_eq!(r.records().count(), 7);
}

#[test]
fn output_is_deterministic() {
    let run = || {
        tipscreen()
            .args(["score", "-f", "jsonl"])
            .arg(example("intake.csv"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run(), run());
}

#[test]
fn template_has_a_column_for_every_question() {
    let out = tipscreen()
        .args(["template"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let header = String::from_utf8_lossy(&out);
    let cols: Vec<&str> = header.trim().split(',').collect();
    assert_eq!(cols[0], "case_id");
    assert_eq!(cols.len(), 41);
    assert!(cols.contains(&"documents_held_by"));
    // The template scores as one unanswered record.
    let out = tipscreen()
        .args(["score", "-f", "jsonl", "-"])
        .write_stdin(format!("{}\n,{}\n", header.trim(), ",".repeat(39)))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["safety_checked"], false);
    let out = tipscreen()
        .args(["template", "-f", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v["answers"].as_object().map(serde_json::Map::len), Some(40));
}

#[test]
fn check_passes_on_the_shipped_rule_sets() {
    tipscreen()
        .args(["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "checked `kz-handbook`: 40 questions",
        ))
        .stdout(predicate::str::contains("0 error(s)"));
}

#[test]
fn check_points_at_file_line_and_column_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rs = dir.path().join("demo");
    copy_dir(&root().join("tests/broken/unknown-identifier"), &rs);
    let out = tipscreen()
        .args(["check"])
        .arg(&rs)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("error[E011]"), "{text}");
    assert!(text.contains("unknown identifier"), "{text}");
    let out = tipscreen()
        .args(["check", "-f", "jsonl"])
        .arg(&rs)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let diags = jsonl(&out);
    let e011 = diags
        .iter()
        .find(|d| field(d, "code") == "E011")
        .expect("an E011 diagnostic");
    assert!(e011["line"].as_u64().is_some_and(|l| l > 0));
    assert!(e011["column"].as_u64().is_some_and(|c| c > 0));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
        }
    }
}

#[test]
fn rules_list_and_show_describe_the_rule_set() {
    tipscreen()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("kz-handbook"));
    let out = tipscreen()
        .args(["rules", "show", "kz-handbook", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v["questions"].as_array().map(Vec::len), Some(40));
    for i in v["indicators"].as_array().expect("indicators") {
        assert!(!field(i, "dimension").is_empty());
        assert!(["strong", "medium", "weak"].contains(&field(i, "strength")));
        assert!(
            !field(i, "source").is_empty(),
            "every indicator cites its source"
        );
        assert!(!field(i, "when").is_empty());
    }
    tipscreen()
        .args(["rules", "show", "kz-handbook"])
        .assert()
        .success()
        .stdout(predicate::str::contains("documents_held_by"));
}

#[test]
fn usage_and_runtime_errors_exit_2_with_a_clear_message() {
    tipscreen()
        .args(["score", "--lang", "fr", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("language `fr` is not available"));
    tipscreen()
        .args(["score", "--rules", "nope", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule set `nope`"));
    tipscreen()
        .args(["score", "does-not-exist.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot open `does-not-exist.csv`"));
    tipscreen().args(["score"]).assert().code(2);
}

#[test]
fn language_comes_from_flag_then_environment_then_english() {
    let run = |args: &[&str], env: Option<&str>| {
        let mut c = tipscreen();
        c.args(["score", "-f", "jsonl"])
            .args(args)
            .arg(example("intake.csv"));
        if let Some(l) = env {
            c.env("TIPSCREEN_LANG", l);
        }
        let out = c.assert().success().get_output().stdout.clone();
        field(&jsonl(&out)[0], "level_text").to_owned()
    };
    let en = run(&[], None);
    let ru = run(&[], Some("ru_RU.UTF-8"));
    let kk = run(&["--lang", "kk"], Some("ru"));
    assert_eq!(en, "High");
    assert_ne!(ru, en);
    assert_ne!(kk, ru);
}

#[test]
fn the_full_example_of_the_format_doc_is_a_valid_rule_set() {
    tipscreen()
        .args(["check", "docs/examples/minimal"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 error(s), 0 warning(s)"));
    let out = tipscreen()
        .args(["--rules", "docs/examples/minimal", "score", "-f", "jsonl", "-"])
        .write_stdin("case_id,documents_held_by,can_get_documents,hours_per_day,sectors,age\nX,employer,no,14,construction,16\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let r = &jsonl(&out)[0];
    assert_eq!(field(r, "level"), "high");
    assert_eq!(field(r, "outcome"), "coerced_child");
    assert_eq!(field(&r["ruleset"], "id"), "minimal");
}

#[test]
fn output_has_no_unicode_isolation_marks() {
    for lang in ["en", "ru", "kk"] {
        let out = tipscreen()
            .args(["score", "-f", "markdown", "--lang", lang])
            .arg(example("intake.csv"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8_lossy(&out);
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{lang}: isolation marks in the output"
        );
    }
}

#[test]
fn the_ilo_set_scores_from_its_own_template() {
    let out = tipscreen()
        .args(["--rules", "ilo-2009-adult-labour", "template"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let header = String::from_utf8_lossy(&out).trim().to_owned();
    let cols: Vec<&str> = header.split(',').collect();
    assert_eq!(cols.len(), 70, "case_id and 69 questions");
    let row = |values: &[(&str, &str)]| {
        cols.iter()
            .map(|c| values.iter().find(|(k, _)| k == c).map_or("", |(_, v)| *v))
            .collect::<Vec<_>>()
            .join(",")
    };
    let full = [
        ("case_id", "adult"),
        ("age", "30"),
        ("dr_nature_of_job", "yes"),
        ("dr_wages_earnings", "yes"),
        ("ex_excessive_hours", "yes"),
        ("ex_low_or_no_salary", "yes"),
        ("cd_confiscation_of_documents", "yes"),
        ("cd_debt_bondage", "yes"),
    ];
    let child = [
        ("case_id", "child"),
        ("age", "15"),
        ("cd_debt_bondage", "yes"),
    ];
    let input = format!("{header}\n{}\n{}\n", row(&full), row(&child));
    let out = tipscreen()
        .args([
            "--rules",
            "ilo-2009-adult-labour",
            "score",
            "-f",
            "jsonl",
            "-",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = jsonl(&out);
    assert_eq!(field(&records[0], "level"), "high");
    assert_eq!(field(&records[0], "outcome"), "trafficking_indicated");
    assert_eq!(records[0]["applicable"], true);
    assert_eq!(
        records[1]["applicable"], false,
        "an adult list does not apply to a child"
    );
    assert_eq!(field(&records[1], "outcome"), "not_applicable_child");
    assert!(field(&records[1], "summary_text").starts_with("Not applicable"));
}

#[test]
fn redact_leaves_sensitive_answers_out_of_scores_and_reports() {
    // `violence_experienced` is sensitive; its "yes" fires an indicator.
    let input = "case_id,violence_experienced,leaving_freely\nA,yes,locked_in\n";
    let run = |redact: bool| {
        let mut c = tipscreen();
        if redact {
            c.arg("--redact");
        }
        let out = c
            .args(["score", "-f", "jsonl", "-"])
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        jsonl(&out).remove(0)
    };
    let evidence = |r: &Value, q: &str| -> String {
        r["fired"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|f| f["evidence"].as_array().cloned().unwrap_or_default())
            .find(|e| field(e, "question") == q)
            .map(|e| field(&e, "answer").to_owned())
            .unwrap_or_default()
    };
    let plain = run(false);
    let redacted = run(true);
    assert_eq!(evidence(&plain, "violence_experienced"), "yes");
    assert_eq!(evidence(&redacted, "violence_experienced"), "redacted");
    // Not sensitive: still shown; the result itself does not change.
    assert_eq!(evidence(&redacted, "leaving_freely"), "locked_in");
    assert_eq!(plain["level"], redacted["level"]);

    let dir = tempfile::tempdir().expect("temp");
    let report = dir.path().join("r.json");
    tipscreen()
        .env("TIPSCREEN_DATA_DIR", dir.path())
        .args([
            "--redact",
            "screen",
            "--answers",
            "docs/examples/interview.toml",
            "--report",
        ])
        .arg(&report)
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("JSON");
    let answers = v["answers"].as_object().expect("answers");
    assert!(answers.contains_key("documents_held_by"));
    for sensitive in ["violence_experienced", "forced_sexual_acts", "legal_status"] {
        assert!(
            !answers.contains_key(sensitive),
            "{sensitive} is in a redacted report"
        );
    }
}

#[test]
fn completions_and_man_page_are_generated_for_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = tipscreen()
            .args(["completions", shell])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8_lossy(&out);
        for cmd in ["screen", "score", "check", "contacts", "sessions"] {
            assert!(text.contains(cmd), "{shell}: `{cmd}` missing");
        }
    }
    tipscreen()
        .args(["man"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH tipscreen 1"))
        .stdout(predicate::str::contains("screening, not an identification"));
}
