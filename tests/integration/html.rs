//! The HTML page (`score --format html`, `screen --report FILE.html`) and colour
//! (`--color`, NO_COLOR), through the real binary. Snapshots in `tests/snapshots/`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary with a clean, predictable environment (colour left to each test).
fn tipscreen(data: &Path) -> Command {
    let mut c = Command::cargo_bin("tipscreen").expect("binary built");
    c.env_remove("TIPSCREEN_LANG")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("NO_COLOR")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("COLUMNS", "100")
        .env("TIPSCREEN_TODAY", "2026-11-24")
        .env("TIPSCREEN_DATA_DIR", data)
        .current_dir(root());
    c
}

/// Standard output of a successful run.
fn stdout(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 output")
}

/// `score FILE --format html` in `lang`, with `extra` flags before the command.
fn score_html(file: &Path, lang: &str, extra: &[&str]) -> String {
    let data = tempfile::tempdir().expect("temp");
    stdout(
        tipscreen(data.path())
            .args(["--lang", lang])
            .args(extra)
            .args(["score", "--format", "html"])
            .arg(file),
    )
}

/// The page of `screen --answers docs/examples/interview.toml --report x.html` in `lang`, with
/// the interview's id (random) replaced by `[id]`.
fn screen_html(lang: &str, extra: &[&str]) -> String {
    let data = tempfile::tempdir().expect("temp");
    let report = data.path().join("x.html");
    stdout(
        tipscreen(data.path())
            .args(["--lang", lang])
            .args(extra)
            .args(["screen", "--width", "80", "--answers"])
            .arg(root().join("docs/examples/interview.toml"))
            .arg("--report")
            .arg(&report),
    );
    let page = std::fs::read_to_string(&report).expect("the report is written");
    without_interview_id(&page)
}

/// Replaces interview ids (`20261124051009-1155c732`) with `[id]`.
fn without_interview_id(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let digits = from.bytes().take_while(u8::is_ascii_digit).count();
        let is_id = digits == 14
            && from.as_bytes().get(14) == Some(&b'-')
            && from
                .get(15..23)
                .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        if is_id {
            out.push_str("[id]");
            rest = &from[23..];
        } else {
            out.push_str(&from[..digits]);
            rest = &from[digits..];
        }
    }
    out.push_str(rest);
    out
}

fn intake() -> PathBuf {
    root().join("docs/examples/intake.csv")
}

fn snapshot(name: &str, description: &str, page: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => description,
    }, {
        insta::assert_snapshot!(name, page);
    });
}

/// No external resource: no element that loads a style sheet, a script or an image from the
/// network, and no script at all.
fn assert_self_contained(page: &str) {
    for tag in ["<link", "<img", "<script", "<iframe", "<object", "<embed"] {
        for (at, _) in page.match_indices(tag) {
            let element = &page[at..page[at..].find('>').map_or(page.len(), |e| at + e)];
            assert!(
                !element.contains("http://") && !element.contains("https://"),
                "an external resource: {element}"
            );
        }
    }
    assert!(!page.contains("<script"), "the page needs no script");
    assert!(!page.contains("url("), "the style sheet loads nothing");
    assert!(page.contains("<style>") && page.contains("@media print"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
}

#[test]
fn score_page_snapshot() {
    let page = score_html(&intake(), "en", &[]);
    assert_eq!(page, score_html(&intake(), "en", &[]), "the same every run");
    assert_self_contained(&page);
    // The counts come first, then each record in input order.
    let totals = page.find("<section class=\"totals\">").expect("totals");
    let mut last = totals;
    for case in [
        "KZ-001", "KZ-002", "KZ-003", "KZ-004", "KZ-005", "KZ-006", "KZ-007",
    ] {
        let at = page
            .find(&format!("(case {case}, line"))
            .unwrap_or_else(|| panic!("no section for {case}"));
        assert!(at > last, "{case} out of order");
        last = at;
    }
    // The notice in every record, and the rule set with its full hash in the footer.
    let notices = page
        .matches("This is a screening, not an identification.")
        .count();
    assert_eq!(notices, 7 + 1, "one per record and one at the top");
    let footer = &page[page.find("<footer>").expect("footer")..];
    assert!(footer.contains("kz-handbook") && footer.contains("tipscreen 0.1.0"));
    assert!(
        footer
            .split_whitespace()
            .any(|w| w.trim_end_matches(['.', ',']).len() == 64),
        "the full sha256 in the footer: {footer}"
    );
    snapshot(
        "score_html_en",
        "tipscreen --lang en score --format html docs/examples/intake.csv",
        &page,
    );
}

#[test]
fn screen_report_snapshot() {
    let page = screen_html("en", &[]);
    assert_eq!(page, screen_html("en", &[]), "the same every run");
    assert_self_contained(&page);
    for text in [
        "<html lang=\"en\">",
        "<h2>Interview record</h2>",
        "<td>A. Example</td>",
        "<h2>Interview [id]</h2>",
        "<strong>Result:</strong> High",
        "<h2>Whom to contact</h2>",
        "International Organization for Migration (IOM)",
        "A person who may be a victim must not be treated as an offender",
        // A sensitive answer is shown without --redact.
        "<code>threatened_with_authorities</code> = <code>yes</code>",
    ] {
        assert!(page.contains(text), "`{text}` not in the page:\n{page}");
    }
    snapshot(
        "screen_report_html_en",
        "tipscreen --lang en screen --width 80 --answers docs/examples/interview.toml --report x.html",
        &page,
    );
}

#[test]
fn an_encrypted_html_report_is_named_html_age() {
    let data = tempfile::tempdir().expect("temp");
    let pass = data.path().join("pass");
    std::fs::write(&pass, "correct horse battery staple\n").expect("write");
    let report = data.path().join("x.html.age");
    stdout(
        tipscreen(data.path())
            .args(["screen", "--answers"])
            .arg(root().join("docs/examples/interview.toml"))
            .arg("--report")
            .arg(&report)
            .arg("--passphrase-file")
            .arg(&pass),
    );
    let bytes = std::fs::read(&report).expect("the encrypted report is written");
    assert!(
        bytes.starts_with(b"age-encryption.org/v1"),
        "an age file, not plain HTML"
    );
    assert!(!data.path().join("x.html").exists(), "no plain copy");
}

#[test]
fn the_page_is_in_the_output_language() {
    let page = score_html(&intake(), "ru", &[]);
    assert!(page.contains("<html lang=\"ru\">"), "{page}");
    assert!(page.contains("Результаты скрининга"), "{page}");
    let page = screen_html("kk", &[]);
    assert!(page.contains("<html lang=\"kk\">"), "{page}");
}

#[test]
fn every_text_from_the_input_is_escaped() {
    let dir = tempfile::tempdir().expect("temp");
    let csv = dir.path().join("markup.csv");
    std::fs::write(
        &csv,
        "case_id,feels_safe_now,owes_money,officer_note\n\
         <script>alert(1)</script>,<script>x</script>,yes,\"<img src=https://evil.example/x.png> & \"\"quoted\"\"\"\n",
    )
    .expect("write");
    let page = score_html(&csv, "en", &[]);
    assert_self_contained(&page);
    assert!(!page.contains("<img"), "{page}");
    for escaped in [
        "(case &lt;script&gt;alert(1)&lt;/script&gt;, line 2)",
        "&lt;img src=https://evil.example/x.png&gt; &amp; &quot;quoted&quot;",
        // The invalid value is named in the record's warning.
        "&lt;script&gt;x&lt;/script&gt;",
    ] {
        assert!(
            page.contains(escaped),
            "`{escaped}` not in the page:\n{page}"
        );
    }
}

#[test]
fn redact_leaves_out_sensitive_answers() {
    let plain = screen_html("en", &[]);
    let redacted = screen_html("en", &["--redact"]);
    // A sensitive question (threats) answered "yes" in the example interview.
    let shown = "<code>threatened_with_authorities</code> = <code>yes</code>";
    assert!(plain.contains(shown), "{plain}");
    assert!(!redacted.contains(shown), "{redacted}");
    assert!(
        redacted.contains("<code>threatened_with_authorities</code> = <code>redacted</code>"),
        "{redacted}"
    );
    let plain = score_html(&intake(), "en", &[]);
    let redacted = score_html(&intake(), "en", &["--redact"]);
    for question in ["legal_status", "afraid_of_authorities"] {
        let any_answer = format!("<code>{question}</code> = <code>");
        let hidden = format!("<code>{question}</code> = <code>redacted</code>");
        assert!(plain.contains(&any_answer) && !plain.contains(&hidden));
        assert_eq!(
            redacted.matches(&any_answer).count(),
            redacted.matches(&hidden).count(),
            "every answer to `{question}` is left out"
        );
        assert!(redacted.contains(&hidden));
    }
    assert!(
        !redacted.contains("<code>no_papers</code>"),
        "a sensitive answer in the redacted page"
    );
}

/// `score --format table` of the example intake file with `flags` and `env`.
fn table(flags: &[&str], env: &[(&str, &str)]) -> String {
    let data = tempfile::tempdir().expect("temp");
    let mut c = tipscreen(data.path());
    c.args(flags).arg("score").arg(intake());
    for (k, v) in env {
        c.env(k, v);
    }
    stdout(&mut c)
}

#[test]
fn colour_follows_the_flag_then_no_color_then_the_terminal() {
    const ESC: char = '\u{1b}';
    let coloured = table(&["--color", "always"], &[]);
    assert!(
        coloured.contains(ESC),
        "--color always colours:\n{coloured}"
    );
    assert!(
        coloured.contains(&format!("{ESC}[1m")),
        "bold headers:\n{coloured}"
    );
    let with_no_color = table(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(
        with_no_color.contains(ESC),
        "--color always wins over NO_COLOR"
    );
    for (flags, env) in [
        (&["--color", "never"][..], &[][..]),
        (&[][..], &[("NO_COLOR", "1")][..]),
        (&["--color", "auto"][..], &[("NO_COLOR", "1")][..]),
        // Not a terminal: auto is plain.
        (&[][..], &[][..]),
    ] {
        let out = table(flags, env);
        assert!(
            !out.contains(ESC),
            "{flags:?} {env:?} must not colour:\n{out}"
        );
    }
    // Colour changes nothing but the escapes.
    let stripped = strip_ansi(&coloured);
    assert_eq!(stripped, table(&["--color", "never"], &[]));
}

/// Text without ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for n in chars.by_ref() {
                if n.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_bad_color_value_is_a_usage_error() {
    let data = tempfile::tempdir().expect("temp");
    tipscreen(data.path())
        .args(["--color", "sometimes", "score"])
        .arg(intake())
        .assert()
        .code(2);
}
