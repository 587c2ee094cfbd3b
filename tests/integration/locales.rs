//! Every shipped translation: parses, has every message and variable of English (and nothing
//! English lacks), and formats without error. Drafts are allowed (they are listed as notes).
//! The person's partial languages (uz, ky, tg): every text the person reads, in its own script,
//! marked as a draft, shown under the officer's language and never as the officer's.

use fluent_syntax::ast;
use tipscreen::diagnostic::{Severity, SourceMap};
use tipscreen::i18n::coverage::{self, check, CoverageInput};
use tipscreen::i18n::{keys, Languages, Localizer};
use tipscreen::questionnaire::prompt::question_view;
use tipscreen::questionnaire::Flow;
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

// ----- The person's partial languages: Uzbek (Latin), Kyrgyz and Tajik (Cyrillic) -----

/// The partial, person-facing languages.
const PERSON_LANGUAGES: [&str; 3] = ["uz", "ky", "tg"];

/// The first line of each of their files.
const DRAFT_NOTE: &str = "### draft: machine-assisted translation; it needs review by a native speaker before use in the field.";

/// The interface messages the person sees in the second language.
const PERSON_UI: [&str; 9] = [
    "answer-yes",
    "answer-no",
    "answer-dont-know",
    "answer-declined",
    "consent-title",
    "consent-intro",
    "consent-script",
    "consent-question",
    "summary-card-title",
];

fn kz_handbook() -> tipscreen::ruleset::RuleSet {
    let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
    load(&folder, &mut SourceMap::default(), LoadOptions::default())
        .ruleset
        .expect("kz-handbook is valid")
}

fn localizer(lang: &str, ruleset: &str) -> Localizer {
    Localizer::new(lang, &Folder::embedded_locales(), Some((ruleset, None))).expect("loads")
}

/// Every question, hint (where English has one) and option label of kz-handbook: what the
/// person reads.
fn person_facing_ids(rs: &tipscreen::ruleset::RuleSet) -> Vec<String> {
    let en = localizer("en", "kz-handbook");
    let mut ids = Vec::new();
    for q in &rs.questions {
        ids.push(keys::question(&q.id));
        let hint = keys::question_hint(&q.id);
        if en.has(&hint) {
            ids.push(hint);
        }
        ids.extend(q.options.iter().map(|o| keys::option(&q.id, o)));
    }
    ids
}

fn shipped_file(lang: &str, name: &str) -> String {
    Folder::embedded_locales()
        .sub(lang)
        .and_then(|d| d.read(name).ok())
        .unwrap_or_else(|| panic!("locales/{lang}/{name} is shipped"))
}

/// Every message of a file with the text it shows: its text elements only (placeables such
/// as `{ $interviewer }` left out).
fn message_texts(text: &str) -> Vec<(String, String)> {
    fn pattern(p: &ast::Pattern<&str>, out: &mut String) {
        for e in &p.elements {
            match e {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => {
                    for v in variants {
                        pattern(&v.value, out);
                    }
                }
                ast::PatternElement::Placeable { .. } => out.push(' '),
            }
        }
    }
    let res = fluent_syntax::parser::parse(text).expect("parses");
    res.body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => {
                let mut s = String::new();
                if let Some(v) = &m.value {
                    pattern(v, &mut s);
                }
                for a in &m.attributes {
                    pattern(&a.value, &mut s);
                }
                Some((m.id.name.to_owned(), s))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_persons_languages_are_listed_as_partial_and_not_for_the_officer() {
    let languages = Languages::load(&Folder::embedded_locales()).expect("parses");
    for (code, name) in [("uz", "Oʻzbekcha"), ("ky", "Кыргызча"), ("tg", "Тоҷикӣ")] {
        let l = languages
            .get(code)
            .unwrap_or_else(|| panic!("{code} listed"));
        assert_eq!(l.name, name);
        assert!(!l.complete, "{code} is partial");
        assert!(!l.is_officer(), "{code} is not an officer's language");
    }
    assert_eq!(languages.officer_codes(), ["en", "ru", "kk"]);
}

#[test]
fn every_question_hint_and_option_of_kz_handbook_is_in_the_persons_languages() {
    let rs = kz_handbook();
    let ids = person_facing_ids(&rs);
    assert!(ids.len() > 150, "{} ids", ids.len());
    let mut missing = Vec::new();
    for lang in PERSON_LANGUAGES {
        let loc = localizer(lang, "kz-handbook");
        for id in ids.iter().map(String::as_str).chain(PERSON_UI) {
            // Its own message: the English fallback does not count.
            if loc.own_msg(id).is_none_or(|m| m.trim().is_empty()) {
                missing.push(format!("{lang}: {id}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not translated for the person:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_persons_languages_hold_no_officer_texts() {
    // Interviewer notes, indicators, dimensions, outcomes and red flags are for the officer,
    // whose summary is never in these languages.
    for lang in PERSON_LANGUAGES {
        for (id, _) in message_texts(&shipped_file(lang, "kz-handbook.ftl")) {
            assert!(
                !(id.ends_with("-note")
                    || ["ind-", "dim-", "out-", "flag-"]
                        .iter()
                        .any(|p| id.starts_with(p))),
                "{lang}/kz-handbook.ftl: `{id}` is a text for the officer"
            );
        }
    }
}

#[test]
fn each_file_of_the_persons_languages_starts_with_the_draft_note() {
    for lang in PERSON_LANGUAGES {
        for name in ["ui.ftl", "kz-handbook.ftl"] {
            let text = shipped_file(lang, name);
            assert_eq!(
                text.lines().next(),
                Some(DRAFT_NOTE),
                "locales/{lang}/{name} must start with the draft note"
            );
            assert_eq!(
                coverage::drafts_in(&text).len(),
                message_texts(&text).len(),
                "locales/{lang}/{name}: every message is a draft"
            );
        }
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

#[test]
fn each_language_is_in_its_own_script() {
    let mut bad = Vec::new();
    for lang in PERSON_LANGUAGES {
        // Letters of the neighbouring languages that this one does not have.
        let foreign: &[char] = match lang {
            "ky" => &['қ', 'ғ', 'ҳ', 'ҷ', 'ӣ', 'ӯ', 'ә', 'і', 'ұ', 'һ'],
            "tg" => &['ң', 'ө', 'ү', 'ә', 'і', 'ұ', 'һ'],
            _ => &[],
        };
        for name in ["ui.ftl", "kz-handbook.ftl"] {
            for (id, text) in message_texts(&shipped_file(lang, name)) {
                let wrong: String = text
                    .chars()
                    .filter(|&c| match lang {
                        "uz" => is_cyrillic(c),
                        _ => is_latin(c) || foreign.contains(&c),
                    })
                    .collect();
                if !wrong.is_empty() {
                    bad.push(format!("{lang}/{name}: `{id}` has `{wrong}`: {text}"));
                }
                if lang == "uz" {
                    // oʻ and gʻ with U+02BB, the tutuq belgisi with U+02BC; never a quote
                    // mark or an ASCII apostrophe in their place.
                    let chars: Vec<char> = text.chars().collect();
                    for w in chars.windows(2) {
                        if matches!(w[0], 'o' | 'O' | 'g' | 'G')
                            && matches!(w[1], '\'' | '‘' | '’' | '`' | 'ʼ')
                        {
                            bad.push(format!(
                                "{lang}/{name}: `{id}` writes `{}{}`, not `{}ʻ`",
                                w[0], w[1], w[0]
                            ));
                        }
                    }
                    if text.contains(['\'', '‘', '’', '`']) {
                        bad.push(format!(
                            "{lang}/{name}: `{id}` has a quote mark as a letter"
                        ));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn a_hint_quotes_the_options_of_its_question_as_they_are() {
    // "choose «Different»": the quoted words are an option of the question, or an answer word.
    let rs = kz_handbook();
    let mut bad = Vec::new();
    for lang in PERSON_LANGUAGES {
        let loc = localizer(lang, "kz-handbook");
        for q in &rs.questions {
            let Some(hint) = loc.own_msg(&keys::question_hint(&q.id)) else {
                continue;
            };
            let mut labels: Vec<String> = q
                .options
                .iter()
                .filter_map(|o| loc.own_msg(&keys::option(&q.id, o)))
                .collect();
            labels.extend(
                [
                    "answer-yes",
                    "answer-no",
                    "answer-dont-know",
                    "answer-declined",
                ]
                .iter()
                .filter_map(|a| loc.own_msg(a)),
            );
            for quoted in hint.split('«').skip(1).filter_map(|s| s.split('»').next()) {
                if !labels.iter().any(|l| l == quoted) {
                    bad.push(format!("{lang}: q-{}-hint quotes «{quoted}»", q.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_second_language_shows_its_own_texts_and_nothing_when_it_has_none() {
    let rs = kz_handbook();
    let ru = localizer("ru", "kz-handbook");
    let flow = Flow::new(&rs);
    let q = flow.next().expect("a first question");
    assert_eq!(rs.questions[q].id, "feels_safe_now");

    let uz = localizer("uz", "kz-handbook");
    let v = question_view(&flow, q, &ru, Some(&uz), None, None).expect("view");
    assert_eq!(
        v.second_text.as_deref(),
        Some("Hozir oʻzingizni xavfsiz his qilyapsizmi?")
    );
    assert!(v
        .second_hint
        .as_deref()
        .is_some_and(|h| h.starts_with("Shu joy")));
    let seconds: Vec<Option<&str>> = v.choices.iter().map(|c| c.second.as_deref()).collect();
    assert_eq!(seconds, [Some("Ha"), Some("Yoʻq")]);
    assert_eq!(
        v.special
            .iter()
            .map(|c| c.second.as_deref())
            .collect::<Vec<_>>(),
        [Some("Bilmayman"), Some("Aytishni xohlamayman")]
    );
    // The interviewer's note stays in the officer's language.
    assert!(v
        .note
        .as_deref()
        .is_some_and(|n| n.starts_with("Если ответ")));

    // A rule set with no Uzbek texts (such as a user's own): no second line at all, neither
    // English nor the message id; the answer words still come from the Uzbek interface.
    let bare = localizer("uz", "no-such-ruleset");
    let v = question_view(&flow, q, &ru, Some(&bare), None, None).expect("view");
    assert_eq!(v.second_text, None);
    assert_eq!(v.second_hint, None);
    assert_eq!(v.choices[0].second.as_deref(), Some("Ha"));

    // A language with no files at all: nothing.
    let none = localizer("xx", "kz-handbook");
    let v = question_view(&flow, q, &ru, Some(&none), None, None).expect("view");
    assert_eq!(v.second_text, None);
    assert!(v.choices.iter().all(|c| c.second.is_none()));
}

/// `tipscreen check` with the shipped material, in a clean environment.
fn check_command(extra: &[&str]) -> (String, i32) {
    let out = assert_cmd::Command::cargo_bin("tipscreen")
        .expect("binary built")
        .env_remove("TIPSCREEN_LANG")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .env("TIPSCREEN_TODAY", "2026-11-24")
        .arg("check")
        .args(extra)
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8"),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn check_passes_and_reports_each_draft_file_once_with_its_count() {
    let (out, code) = check_command(&[]);
    assert_eq!(code, 0, "{out}");
    for lang in PERSON_LANGUAGES {
        for name in ["ui.ftl", "kz-handbook.ftl"] {
            let path = format!("locales/{lang}/{name}");
            let n = message_texts(&shipped_file(lang, name)).len();
            let lines: Vec<&str> = out
                .lines()
                .filter(|l| l.starts_with("note[N041]") && l.contains(&format!("`{path}`")))
                .collect();
            assert_eq!(lines.len(), 1, "one note for {path}:\n{out}");
            assert!(
                lines[0].contains(&format!("is a draft as a whole: all {n} message(s)")),
                "{}",
                lines[0]
            );
        }
    }
    // The rule set without texts in these languages passes too.
    let (out, code) = check_command(&["--rules", "ilo-2009-adult-labour"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn the_question_the_interviewer_answers_by_sight_has_no_line_for_the_person() {
    let rs = kz_handbook();
    let ru = localizer("ru", "kz-handbook");
    let flow = Flow::new(&rs);
    let observed = rs
        .age
        .as_ref()
        .and_then(|a| a.appears_minor)
        .expect("kz-handbook has an appears-under-18 question");
    for lang in ["kk", "uz"] {
        let second = localizer(lang, "kz-handbook");
        let v = question_view(&flow, observed, &ru, Some(&second), None, None).expect("view");
        assert_eq!(v.second_text, None, "{lang}: shown to the person");
        assert!(v.choices.iter().all(|c| c.second.is_none()), "{lang}");
        // Other questions keep their second line.
        let age = rs.question("age").expect("age");
        let v = question_view(&flow, age, &ru, Some(&second), None, None).expect("view");
        assert!(v.second_text.is_some(), "{lang}: age has its line");
    }
}
