//! KoboToolbox and ODK exports of the form `export xlsform` writes, as they come from the
//! server, score like the same answers given to `screen --answers`. The fixtures in
//! `tests/kobo/` are written by hand in the shape of the servers' CSV exports (not by
//! tipscreen): `;` and quotes, group paths, metadata, `uuid:` instance ids, select_multiple as
//! one column and as 0/1 columns, and exports with labels instead of names in en, ru and kk.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn kobo(name: &str) -> PathBuf {
    root().join("tests/kobo").join(name)
}

fn tipscreen(data: &Path) -> Command {
    let mut c = Command::cargo_bin("tipscreen").expect("binary built");
    c.env_remove("TIPSCREEN_LANG")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .env("TIPSCREEN_TODAY", "2026-11-24")
        .env("TIPSCREEN_DATA_DIR", data)
        .current_dir(root());
    c
}

/// The fields of a result that depend only on the answers.
const RESULT_KEYS: &[&str] = &[
    "status",
    "level",
    "upper",
    "settled",
    "applicable",
    "outcome",
    "upper_outcome",
    "red_flags",
    "safety_checked",
    "safety_unanswered",
    "age",
    "fired",
    "dimensions",
    "deciding_not_asked",
    "deciding_unknown",
    "summary_text",
];

/// The three people of the fixtures, in their order, with their `_uuid`.
const CASES: [(&str, &str); 3] = [
    ("case-a", "5f2c1d7e-0b1a-4c3e-9d2f-1a2b3c4d5e6f"),
    ("case-b", "0c9e8d7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f"),
    ("case-c", "e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0"),
];

/// The result of `screen --answers tests/kobo/<case>.toml`, from its JSON report.
fn screened(case: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    tipscreen(dir.path())
        .args(["screen", "--answers"])
        .arg(kobo(&format!("{case}.toml")))
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    v["result"].clone()
}

fn score(path: &Path, extra: &[&str]) -> (Vec<Value>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = tipscreen(dir.path())
        .arg("score")
        .arg(path)
        .args(["--format", "jsonl"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (records, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn assert_same_as_screen(file: &str, records: &[Value]) {
    assert_eq!(records.len(), CASES.len(), "{file}: one row per submission");
    for ((case, uuid), got) in CASES.iter().zip(records) {
        let want = screened(case);
        assert_eq!(
            got["case_id"], *uuid,
            "{file}: the case id is the submission's uuid"
        );
        assert_eq!(
            got["warnings"],
            Value::Array(vec![]),
            "{file} {case}: nothing to warn about"
        );
        for key in RESULT_KEYS {
            assert_eq!(
                got[key], want[key],
                "{file} {case}: `{key}` differs from `screen --answers`"
            );
        }
    }
}

#[test]
fn kobo_and_odk_exports_score_like_the_same_answers_given_to_screen() {
    // The three people differ: urgent, nothing, and not settled.
    let levels: Vec<Value> = CASES
        .iter()
        .map(|(c, _)| screened(c)["level"].clone())
        .collect();
    assert_eq!(levels, ["high", "none", "medium"]);
    for file in [
        "kobo-xml.csv",
        "kobo-xml-separate-columns.csv",
        "kobo-labels-en.csv",
        "kobo-labels-ru.csv",
        "kobo-labels-kk.csv",
        "odk-central.csv",
    ] {
        let (records, stderr) = score(&kobo(file), &[]);
        assert_same_as_screen(file, &records);
        assert!(
            stderr.contains("read as a KoboToolbox/ODK export"),
            "{file}: {stderr}"
        );
        // Metadata is neither an answer nor passed through.
        for r in &records {
            let fields = r["fields"].as_object().cloned().unwrap_or_default();
            assert!(
                fields
                    .keys()
                    .all(|k| !k.starts_with('_') && k != "start" && k != "KEY"),
                "{file}: metadata passed through: {fields:?}"
            );
        }
    }
}

#[test]
fn an_export_saved_as_an_excel_workbook_scores_like_its_csv() {
    let csv_path = kobo("kobo-xml.csv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_path(&csv_path)
        .unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in reader.records().enumerate() {
        for (c, cell) in row.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Numbers as numbers, as a spreadsheet holds them.
            match cell.parse::<f64>() {
                Ok(x) if r > 0 => sheet.write_number(r, c, x).map(|_| ()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("export.xlsx");
    book.save(&xlsx).unwrap();
    let (from_xlsx, _) = score(&xlsx, &[]);
    assert_same_as_screen("export.xlsx", &from_xlsx);
    // The same workbook without its extension is recognised by its content.
    let unnamed = dir.path().join("export.data");
    std::fs::copy(&xlsx, &unnamed).unwrap();
    let (again, _) = score(&unnamed, &[]);
    assert_same_as_screen("export.data", &again);
}

#[test]
fn a_refused_consent_is_a_warning_on_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refused.csv");
    std::fs::write(
        &path,
        "\"tipscreen_consent\";\"safety/feels_safe_now\";\"meta/instanceID\";\"_uuid\"\n\
         \"no\";\"\";\"uuid:1b2c\";\"1b2c\"\n",
    )
    .unwrap();
    let (records, _) = score(&path, &[]);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["case_id"], "1b2c");
    let warnings = records[0]["warnings"].to_string();
    assert!(
        warnings.contains("did not agree"),
        "the row says why it is empty: {warnings}"
    );
}

#[test]
fn csv_for_excel_has_a_bom_and_semicolons() {
    let dir = tempfile::tempdir().unwrap();
    let out = tipscreen(dir.path())
        .args([
            "score",
            "docs/examples/intake-ru.csv",
            "--format",
            "csv",
            "--excel",
        ])
        .args(["--lang", "ru"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte order mark first");
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.starts_with("file;record;line;case_id;"), "{header}");
    assert!(text.contains("\r\n"), "CRLF line ends");
    // Read back as Excel would: `;`, and the Cyrillic text intact.
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    let at = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "level_text")
        .unwrap();
    assert!(
        rows.iter().all(|row| row
            .get(at)
            .unwrap()
            .chars()
            .any(|c| ('а'..='я').contains(&c))),
        "Russian level texts"
    );
    // --excel with another format is refused.
    tipscreen(dir.path())
        .args([
            "score",
            "docs/examples/intake.csv",
            "--format",
            "jsonl",
            "--excel",
        ])
        .assert()
        .failure();
}
