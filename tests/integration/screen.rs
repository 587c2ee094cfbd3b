//! `tipscreen screen --answers FILE.toml`: the scripted interview, end to end through the real
//! binary. The summary in three languages, whom it tells to call, consent refused, bad answers
//! files, reports, and the summary's layout at 80 columns (snapshots in `tests/snapshots/`).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use fluent_bundle::FluentArgs;
use predicates::prelude::*;
use serde_json::Value;
use tipscreen::i18n::Localizer;
use tipscreen::ruleset::Folder;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn interview_toml() -> PathBuf {
    root().join("docs/examples/interview.toml")
}

/// The binary with a clean, predictable environment; saved interviews go to `data`.
fn tipscreen(data: &Path) -> Command {
    let mut c = Command::cargo_bin("tipscreen").expect("binary built");
    c.env_remove("TIPSCREEN_LANG")
        .env_remove("CLICOLOR_FORCE")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .env("TIPSCREEN_TODAY", "2026-11-24")
        .env("TIPSCREEN_DATA_DIR", data)
        .current_dir(root());
    c
}

/// The scripted interview of `answers` at 80 columns in `lang` (plus `extra` flags): its
/// standard output, after checking that it succeeded.
fn scripted(data: &Path, answers: &Path, lang: &str, extra: &[&str]) -> String {
    let out = tipscreen(data)
        .args(["--lang", lang, "screen", "--width", "80", "--answers"])
        .arg(answers)
        .args(extra)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The messages of the user interface, as the binary has them.
fn loc(lang: &str) -> Localizer {
    Localizer::new(
        lang,
        &Folder::embedded_locales(),
        Some(("kz-handbook", None)),
    )
    .expect("shipped locales load")
}

/// Where `needle` ends in `hay`, whitespace ignored in both (a text wrapped to the width, even
/// after a hyphen, still matches): the byte offset just after its last character.
pub(crate) fn find_flex(hay: &str, needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    let hay: Vec<(usize, char)> = hay
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len())
        .find(|w| w.iter().map(|(_, c)| *c).eq(needle.iter().copied()))
        .and_then(|w| w.last().map(|(i, c)| i + c.len_utf8()))
}

fn assert_says(out: &str, text: &str, what: &str) {
    assert!(
        find_flex(out, text).is_some(),
        "{what}: the output does not say\n  {text}\n--- output ---\n{out}"
    );
}

/// The level words of the brief, as `level-high` in each `ui.ftl`.
const HIGH: [(&str, &str); 3] = [("en", "High"), ("ru", "Высокий"), ("kk", "Жоғары")];

/// The cells of one column of the first box-drawn table after the line `heading`: the
/// fragments of a wrapped cell are joined with spaces (rows are not separated by lines, so
/// all names of the column end up in one string, in order).
fn table_column(out: &str, heading: &str, col: usize) -> String {
    let start = out
        .lines()
        .position(|l| l.trim() == heading)
        .unwrap_or_else(|| panic!("no `{heading}` in\n{out}"));
    let mut cells = Vec::new();
    for line in out.lines().skip(start + 1) {
        if line.starts_with('└') {
            break;
        }
        let Some(inner) = line.strip_prefix('│').and_then(|l| l.strip_suffix('│')) else {
            continue;
        };
        if let Some(cell) = inner.split('┆').nth(col) {
            let cell = cell.trim();
            if !cell.is_empty() {
                cells.push(cell.to_owned());
            }
        }
    }
    cells.join(" ")
}

/// One contact of the shipped directory.
struct Contact {
    id: String,
    names: toml::Table,
    foreign_citizens: Option<bool>,
}

impl Contact {
    fn name(&self, lang: &str) -> &str {
        self.names
            .get(lang)
            .or_else(|| self.names.get("en"))
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("contact `{}` has no name", self.id))
    }
}

fn contacts() -> Vec<Contact> {
    let text = std::fs::read_to_string(root().join("rules/contacts/kz.toml")).expect("directory");
    let file: toml::Table = toml::from_str(&text).expect("directory is TOML");
    file["contact"]
        .as_array()
        .expect("[[contact]]")
        .iter()
        .map(|c| Contact {
            id: c["id"].as_str().expect("id").to_owned(),
            names: c["name"].as_table().expect("name").clone(),
            foreign_citizens: c
                .get("eligible")
                .and_then(|e| e.get("foreign_citizens"))
                .and_then(toml::Value::as_bool),
        })
        .collect()
}

fn iom() -> Contact {
    contacts()
        .into_iter()
        .find(|c| c.id == "iom_kazakhstan")
        .expect("IOM is in the directory")
}

/// The contacts a foreign citizen must never be sent to (state-funded shelters).
fn citizens_only() -> Vec<Contact> {
    let only: Vec<Contact> = contacts()
        .into_iter()
        .filter(|c| c.foreign_citizens == Some(false))
        .collect();
    assert!(
        only.iter().any(|c| c.id == "state_funded_shelters"),
        "the directory no longer marks the state-funded shelters as closed to foreign citizens"
    );
    only
}

/// The part of the output from the summary's first rule line on.
fn summary_part(out: &str) -> &str {
    let at = out.find('═').expect("the summary starts with a rule line");
    let line_start = out[..at].rfind('\n').map_or(0, |i| i + 1);
    &out[line_start..]
}

/// Lines wider than `width` characters (not bytes), with their line numbers.
fn too_wide(text: &str, width: usize) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.chars().count() > width)
        .map(|(i, l)| format!("{:4} ({} chars): {l}", i + 1, l.chars().count()))
        .collect()
}

/// A variant of the example answers file in a temp folder, with `from` replaced by `to`.
fn variant(dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(interview_toml()).expect("example answers");
    assert!(text.contains(from), "interview.toml no longer has `{from}`");
    let path = dir.join(name);
    std::fs::write(&path, text.replace(from, to)).expect("write variant");
    path
}

/// Every file under `dir` (recursively).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn example_interview_in_three_languages_gives_high_with_notices_and_foreigner_contacts() {
    let data = tempfile::tempdir().expect("temp");
    for (lang, high) in HIGH {
        let l = loc(lang);
        assert_eq!(l.msg("level-high"), high, "{lang}: level-high in ui.ftl");
        let out = scripted(data.path(), &interview_toml(), lang, &[]);
        let summary = summary_part(&out);
        assert_says(summary, &l.msg("summary-title"), lang);
        let mut args = FluentArgs::new();
        args.set("level", high);
        assert_says(summary, &l.msg_args("summary-level-now", &args), lang);
        assert_says(summary, &l.msg("disclaimer-screening"), lang);
        assert_says(summary, &l.msg("disclaimer-non-punishment"), lang);
        // The person is a citizen of Uzbekistan, interviewed in Almaty.
        let names = table_column(summary, &l.msg("summary-contacts"), 0);
        assert!(
            find_flex(&names, iom().name(lang)).is_some(),
            "{lang}: IOM is not among the contacts: {names}"
        );
        for c in citizens_only() {
            assert!(
                find_flex(&names, c.name(lang)).is_none(),
                "{lang}: `{}` (not for foreign citizens) is listed for a foreign citizen: {names}",
                c.id
            );
        }
    }
    assert!(
        files_under(data.path()).is_empty(),
        "a scripted interview saves nothing"
    );
}

#[test]
fn with_lang_kk_adds_the_kazakh_consent_script_and_ends_with_a_kazakh_contact_card() {
    let data = tempfile::tempdir().expect("temp");
    let out = scripted(data.path(), &interview_toml(), "en", &["--with-lang", "kk"]);
    let (en, kk) = (loc("en"), loc("kk"));
    // The consent script in both languages, before the summary.
    let before = &out[..out.find('═').expect("summary")];
    assert_says(before, &en.msg("consent-script"), "English consent script");
    assert_says(before, &kk.msg("consent-script"), "Kazakh consent script");
    // The summary stays in English.
    assert_says(&out, &en.msg("summary-title"), "summary");
    assert_says(&out, "Level now: High", "summary");
    // The last thing printed is the Kazakh card, after the notices.
    let card_title = kk.msg("summary-card-title");
    let card_at = out.rfind(&card_title).expect("a Kazakh contact card");
    let notice_at =
        find_flex(&out, &en.msg("disclaimer-non-punishment")).expect("non-punishment notice");
    assert!(
        notice_at < card_at,
        "the Kazakh card comes after the summary"
    );
    let card = &out[card_at..];
    let rest: Vec<&str> = card
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(
        rest.iter()
            .all(|l| l.starts_with(['┌', '│', '╞', '├', '└'])),
        "nothing but the card after its title:\n{card}"
    );
    let names = table_column(card, &card_title, 0);
    assert!(
        find_flex(&names, iom().name("kk")).is_some(),
        "IOM in Kazakh on the card: {names}"
    );
    for c in citizens_only() {
        assert!(
            find_flex(&names, c.name("kk")).is_none(),
            "`{}` on the card of a foreign citizen",
            c.id
        );
    }
}

#[test]
fn a_citizen_of_kazakhstan_may_be_sent_to_a_state_funded_shelter() {
    let data = tempfile::tempdir().expect("temp");
    let dir = tempfile::tempdir().expect("temp");
    let answers = variant(
        dir.path(),
        "citizen.toml",
        "citizenship = \"uzbekistan\"",
        "citizenship = \"kazakhstan\"",
    );
    let out = scripted(data.path(), &answers, "en", &[]);
    let summary = summary_part(&out);
    assert_says(summary, "Level now: High", "citizen");
    let names = table_column(summary, "Whom to contact", 0);
    let shelter = citizens_only()
        .into_iter()
        .find(|c| c.id == "state_funded_shelters")
        .expect("shelters");
    assert!(
        find_flex(&names, shelter.name("en")).is_some(),
        "the state-funded shelters are open to citizens: {names}"
    );
    assert!(find_flex(&names, iom().name("en")).is_some(), "{names}");
}

#[test]
fn consent_refused_asks_nothing_saves_nothing_and_still_gives_the_contacts() {
    let data = tempfile::tempdir().expect("temp");
    let dir = tempfile::tempdir().expect("temp");
    let answers = variant(
        dir.path(),
        "refused.toml",
        "consent = true",
        "consent = false",
    );
    let report = dir.path().join("refused.json");
    let out = scripted(
        data.path(),
        &answers,
        "en",
        &["--report", report.to_str().expect("UTF-8 path")],
    );
    let en = loc("en");
    assert_says(&out, &en.msg("consent-script"), "consent script read first");
    assert_says(&out, &en.msg("consent-refused"), "refusal");
    assert!(
        !out.contains(&en.msg("summary-title")),
        "no summary without answers:\n{out}"
    );
    let names = table_column(&out, &en.msg("summary-card-title"), 0);
    assert!(
        find_flex(&names, iom().name("en")).is_some(),
        "contacts for the person who refused: {names}"
    );
    assert!(
        files_under(data.path()).is_empty(),
        "nothing saved: {:?}",
        files_under(data.path())
    );
    assert!(!report.exists(), "no report of a refused interview");
}

#[test]
fn an_unknown_question_or_an_invalid_value_is_an_error_naming_file_and_question() {
    let data = tempfile::tempdir().expect("temp");
    let dir = tempfile::tempdir().expect("temp");
    let unknown = variant(
        dir.path(),
        "unknown.toml",
        "feels_safe_now = \"yes\"",
        "feels_safe_now = \"yes\"\nfeels_save_now = \"yes\"",
    );
    let invalid = variant(dir.path(), "invalid.toml", "age = 24", "age = \"twenty\"");
    let bad_choice = variant(
        dir.path(),
        "bad-choice.toml",
        "gender = \"female\"",
        "gender = \"woman\"",
    );
    for (file, question) in [
        (&unknown, "feels_save_now"),
        (&invalid, "age"),
        (&bad_choice, "gender"),
    ] {
        let name = file.file_name().expect("name").to_str().expect("UTF-8");
        tipscreen(data.path())
            .args(["screen", "--answers"])
            .arg(file)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(
                predicate::str::contains(name)
                    .and(predicate::str::contains(format!("`{question}`"))),
            );
    }
}

#[test]
fn reports_in_markdown_and_json_carry_the_result_the_interview_and_the_referrals() {
    let data = tempfile::tempdir().expect("temp");
    let dir = tempfile::tempdir().expect("temp");
    let md = dir.path().join("out.md");
    let json = dir.path().join("out.json");
    for report in [&md, &json] {
        let out = scripted(
            data.path(),
            &interview_toml(),
            "en",
            &["--report", report.to_str().expect("UTF-8 path")],
        );
        assert!(
            out.contains(&format!("Result written to {}.", report.display())),
            "{out}"
        );
    }

    let md = std::fs::read_to_string(&md).expect("markdown report");
    for text in [
        "# Screening results",
        "## Interview record",
        "- Interviewer (name): A. Example",
        "**Result:** High",
        "## Whom to contact",
        "International Organization for Migration (IOM)",
    ] {
        assert!(
            md.contains(text),
            "`{text}` not in the Markdown report:\n{md}"
        );
    }
    assert_says(
        &md,
        &loc("en").msg("disclaimer-screening"),
        "Markdown report",
    );

    let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("JSON report"))
        .expect("valid JSON");
    // `result` is a `score` record: the same keys as a line of `score -f jsonl`.
    let scored = tipscreen(data.path())
        .args(["score", "-f", "jsonl"])
        .arg(root().join("docs/examples/intake.csv"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let first = String::from_utf8_lossy(&scored)
        .lines()
        .next()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .expect("a scored record");
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&v["result"]),
        keys(&first),
        "result keys = score record keys"
    );
    assert_eq!(v["result"]["level"], "high");
    assert_eq!(v["result"]["outcome"], "presumed_victim_adult");
    assert_eq!(v["interview"]["interviewer"], "A. Example");
    assert_eq!(v["interview"]["region"], "almaty_city");
    assert_eq!(v["interview"]["private_setting"], true);
    assert_eq!(v["answers"]["age"], 24.0);
    assert_eq!(v["answers"]["citizenship"], "uzbekistan");
    assert!(
        v["answers"]["sectors"]
            .to_string()
            .contains("domestic_work"),
        "{}",
        v["answers"]
    );
    let referrals: Vec<&str> = v["referrals"]
        .as_array()
        .expect("referrals is a list")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert!(referrals.contains(&iom().name("en")), "{referrals:?}");
    for c in citizens_only() {
        assert!(!referrals.contains(&c.name("en")), "{referrals:?}");
    }
    for r in v["referrals"].as_array().expect("list") {
        for k in ["name", "phones", "why", "note"] {
            assert!(r.get(k).is_some(), "referral without `{k}`: {r}");
        }
    }
    assert!(
        files_under(data.path()).is_empty(),
        "a scripted interview saves nothing"
    );
}

#[test]
fn without_a_terminal_and_without_answers_it_says_to_use_answers() {
    let data = tempfile::tempdir().expect("temp");
    tipscreen(data.path())
        .args(["screen", "--region", "almaty_city"])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("--answers"));
    assert!(files_under(data.path()).is_empty(), "nothing saved");
}

/// The stdout of the example interview at 80 columns, the same on every run.
fn summary_snapshot(lang: &str) {
    let data = tempfile::tempdir().expect("temp");
    let out = scripted(data.path(), &interview_toml(), lang, &[]);
    let again = scripted(data.path(), &interview_toml(), lang, &[]);
    assert_eq!(out, again, "{lang}: the same answers give the same output");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => format!("tipscreen --lang {lang} screen --width 80 --answers docs/examples/interview.toml"),
    }, {
        insta::assert_snapshot!(format!("screen_summary_{lang}"), out);
    });
}

#[test]
fn summary_snapshot_en() {
    summary_snapshot("en");
}

#[test]
fn summary_snapshot_ru() {
    summary_snapshot("ru");
}

#[test]
fn summary_snapshot_kk() {
    summary_snapshot("kk");
}

#[test]
fn every_line_of_the_summary_fits_in_80_columns() {
    let data = tempfile::tempdir().expect("temp");
    let mut wide = Vec::new();
    for (lang, _) in HIGH {
        let out = scripted(data.path(), &interview_toml(), lang, &["--with-lang", "kk"]);
        for l in too_wide(summary_part(&out), 80) {
            wide.push(format!("{lang}: {l}"));
        }
    }
    assert!(
        wide.is_empty(),
        "lines of the summary wider than 80 characters:\n{}",
        wide.join("\n")
    );
}

#[test]
fn the_consent_script_fits_in_80_columns() {
    let data = tempfile::tempdir().expect("temp");
    let mut wide = Vec::new();
    for (lang, _) in HIGH {
        let out = scripted(data.path(), &interview_toml(), lang, &[]);
        let before = &out[..out.len() - summary_part(&out).len()];
        for l in too_wide(before, 80) {
            wide.push(format!("{lang}: {l}"));
        }
    }
    assert!(
        wide.is_empty(),
        "lines wider than 80 characters:\n{}",
        wide.join("\n")
    );
}

#[test]
fn with_lang_uz_shows_the_uzbek_consent_script_and_card_and_keeps_the_summary_in_russian() {
    let data = tempfile::tempdir().expect("temp");
    let out = scripted(data.path(), &interview_toml(), "ru", &["--with-lang", "uz"]);
    let (ru, uz, en) = (loc("ru"), loc("uz"), loc("en"));
    let before = &out[..out.find('═').expect("summary")];
    assert_says(before, &ru.msg("consent-script"), "Russian consent script");
    assert_says(before, &uz.msg("consent-script"), "Uzbek consent script");
    assert_says(
        before,
        "Mening ismim A. Example, men «Example NGO» tashkilotidanman.",
        "who asks, in Uzbek",
    );
    assert!(
        find_flex(before, &en.msg("consent-script")).is_none(),
        "no English in place of the person's language:\n{before}"
    );
    // The officer's summary stays in Russian; the person's card at the end is in Uzbek.
    assert_says(&out, &ru.msg("summary-title"), "Russian summary");
    assert_says(&out, "Высокий", "Russian level");
    let card_at = out
        .rfind(&uz.msg("summary-card-title"))
        .expect("an Uzbek contact card");
    let notice_at =
        find_flex(&out, &ru.msg("disclaimer-non-punishment")).expect("non-punishment notice");
    assert!(
        notice_at < card_at,
        "the Uzbek card comes after the summary"
    );
}

#[test]
fn a_partial_language_is_refused_for_the_officer_with_the_officers_languages() {
    let data = tempfile::tempdir().expect("temp");
    for (code, name) in [("uz", "Oʻzbekcha"), ("ky", "Кыргызча"), ("tg", "Тоҷикӣ")] {
        let out = tipscreen(data.path())
            .args(["--lang", code, "screen", "--answers"])
            .arg(interview_toml())
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        for part in [
            format!("`{code}` ({name}) is only for the person being interviewed"),
            format!("--with-lang {code}"),
            "the officer's languages are: en, ru, kk".to_owned(),
        ] {
            assert!(err.contains(&part), "{code}: no `{part}` in\n{err}");
        }
    }
    // `score` too: every summary is the officer's.
    tipscreen(data.path())
        .args(["--lang", "tg", "score", "docs/examples/intake.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is only for the person"));
}

#[test]
fn a_partial_language_from_the_environment_or_the_system_falls_back_to_english() {
    let data = tempfile::tempdir().expect("temp");
    for (var, value) in [("TIPSCREEN_LANG", "uz"), ("LC_ALL", "uz_UZ.UTF-8")] {
        let out = tipscreen(data.path())
            .env(var, value)
            .env("LANG", "ky_KG.UTF-8")
            .args(["screen", "--width", "80", "--answers"])
            .arg(interview_toml())
            .assert()
            .success()
            .get_output()
            .clone();
        let out = String::from_utf8(out.stdout).expect("UTF-8");
        assert_says(&out, "Level now: High", &format!("{var}={value}: English"));
    }
}
