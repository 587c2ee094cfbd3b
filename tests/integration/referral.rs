//! The referral directory: the shipped file against the domain brief, the sourced rule on
//! state-funded shelters, the rules that pick contacts, staleness, translations of the labels
//! and the `contacts` command as a user runs it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tipscreen::diagnostic::SourceMap;
use tipscreen::level::Level;
use tipscreen::referral::{
    check_dates, is_stale, load, select, Caveat, Condition, Date, Directory, Input, Person,
    Selected, Service, SourceKind, Tri, Verified, REGIONS,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary with a clean, predictable environment (today fixed to the emergency numbers'
/// verification day unless a test sets another).
fn tipscreen() -> Command {
    let mut c = Command::cargo_bin("tipscreen").expect("binary built");
    c.env_remove("TIPSCREEN_LANG")
        .env("TIPSCREEN_TODAY", EMERGENCY_VERIFIED)
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("COLUMNS", "100")
        .current_dir(root());
    c
}

/// The day the emergency numbers were checked in public sources (domain brief, section 4).
const EMERGENCY_VERIFIED: &str = "2026-11-24";

/// Every phone number of domain brief section 4, as written in the shipped file.
const SOURCED_PHONES: [&str; 10] = [
    "112",
    "101",
    "102",
    "103",
    "104",
    "111",
    "+7-7172-790-345",
    "+7-7172-790-346",
    "+7-7172-790-347",
    "+7-7172-790-348",
];

fn shipped() -> Directory {
    let mut sources = SourceMap::default();
    let loaded = load(&[Input::shipped()], &mut sources);
    assert!(
        loaded.diagnostics.is_empty(),
        "{:#?}",
        loaded
            .diagnostics
            .iter()
            .map(|d| format!("{} {} {}", d.code, d.location(&sources), d.message))
            .collect::<Vec<_>>()
    );
    loaded
        .directory
        .expect("the shipped directory has no errors")
}

fn day(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

fn person(
    level: Level,
    foreign: Option<bool>,
    region: Option<&str>,
    child: Option<bool>,
) -> Person {
    Person {
        level,
        foreign,
        region: region.map(str::to_owned),
        child,
    }
}

fn ids<'a>(selected: &'a [Selected<'_>]) -> Vec<&'a str> {
    selected.iter().map(|s| s.contact.id.as_str()).collect()
}

fn find<'a, 'd>(selected: &'a [Selected<'d>], id: &str) -> Option<&'a Selected<'d>> {
    selected.iter().find(|s| s.contact.id == id)
}

#[test]
fn the_state_funded_shelters_do_not_accept_foreign_citizens() {
    let dir = shipped();
    let shelters = dir.contact("state_funded_shelters").expect("listed");
    assert_eq!(shelters.eligible.foreign_citizens, Tri::No);
    assert!(shelters.offers(Service::Shelter));
    assert!(shelters.source.document.contains("seed 001"));
    assert!(shelters.source.fact.contains(
        "state-funded shelters do not accept foreign citizens temporarily staying in Kazakhstan"
    ));
}

#[test]
fn a_foreign_citizen_in_almaty_at_level_high_gets_iom_and_never_the_state_funded_shelter() {
    let dir = shipped();
    let picked = select(
        &dir,
        &person(Level::High, Some(true), Some("almaty_city"), Some(false)),
    );
    let got = ids(&picked);
    assert!(got.contains(&"iom_kazakhstan"), "{got:?}");
    assert!(!got.contains(&"state_funded_shelters"), "{got:?}");
    let iom = find(&picked, "iom_kazakhstan").expect("IOM");
    assert!(iom
        .contact
        .phones
        .iter()
        .all(|p| p.starts_with("+7-7172-790-34")));
    // The NGO shelters may be given, with the question to ask first.
    let ngo = find(&picked, "ngo_shelters").expect("NGO shelters");
    assert!(ngo.caveats.contains(&Caveat::AskAboutForeignCitizens));

    // Never, for any level, region or age.
    for level in Level::ALL {
        for region in REGIONS
            .iter()
            .map(|r| Some(*r))
            .chain([None, Some("outside_kazakhstan")])
        {
            for child in [Some(true), Some(false), None] {
                let p = person(level, Some(true), region, child);
                let picked = select(&dir, &p);
                assert!(
                    !ids(&picked).contains(&"state_funded_shelters"),
                    "{p:?}: {:?}",
                    ids(&picked)
                );
            }
        }
    }
}

#[test]
fn a_citizen_gets_the_state_funded_shelter() {
    let dir = shipped();
    let picked = select(
        &dir,
        &person(Level::High, Some(false), Some("almaty_city"), Some(false)),
    );
    let shelters = find(&picked, "state_funded_shelters").expect("state-funded shelters");
    assert!(shelters.caveats.is_empty());
    // Contacts for non-citizens only are not given to a citizen.
    assert!(!ids(&picked).contains(&"kibhr"));
    assert!(!ids(&picked).contains(&"unhcr"));

    // Citizenship unknown: the shelter stays, marked "only for citizens of Kazakhstan".
    let picked = select(&dir, &person(Level::High, None, Some("almaty_city"), None));
    let shelters = find(&picked, "state_funded_shelters").expect("state-funded shelters");
    assert_eq!(shelters.caveats, vec![Caveat::OnlyCitizens]);
}

#[test]
fn urgent_puts_the_emergency_numbers_first() {
    let dir = shipped();
    for foreign in [Some(true), Some(false), None] {
        let picked = select(
            &dir,
            &person(Level::Urgent, foreign, Some("shymkent"), None),
        );
        let first: Vec<&str> = ids(&picked).into_iter().take(3).collect();
        assert_eq!(first, vec!["emergency_112", "police_102", "ambulance_103"]);
        let phones: Vec<&str> = picked
            .iter()
            .take(3)
            .flat_map(|s| s.contact.phones.iter().map(String::as_str))
            .collect();
        assert_eq!(phones, vec!["112", "102", "103"]);
    }
    // Not urgent: no emergency dispatch.
    let picked = select(&dir, &person(Level::High, Some(false), None, Some(false)));
    assert!(!ids(&picked).contains(&"emergency_112"));
}

#[test]
fn a_child_is_referred_to_111() {
    let dir = shipped();
    for level in Level::ALL {
        let picked = select(&dir, &person(level, Some(false), None, Some(true)));
        let c = find(&picked, "contact_centre_111").expect("111 for a child");
        assert_eq!(c.contact.phones, vec!["111"]);
        assert!(c.caveats.is_empty());
    }
    let picked = select(&dir, &person(Level::Urgent, None, None, Some(true)));
    assert_eq!(
        ids(&picked).get(3).copied(),
        Some("contact_centre_111"),
        "right after the emergency numbers: {:?}",
        ids(&picked)
    );
    // Age unknown: given, "if the person is under 18".
    let picked = select(&dir, &person(Level::Low, Some(false), None, None));
    let c = find(&picked, "contact_centre_111").expect("111 when age is unknown");
    assert_eq!(c.caveats, vec![Caveat::If(Condition::IfChild)]);
    // An adult is not referred to the children's line by the child rule.
    let picked = select(&dir, &person(Level::Medium, Some(false), None, Some(false)));
    assert!(!ids(&picked).contains(&"contact_centre_111"));
}

#[test]
fn every_level_gets_iom_and_a_foreign_citizen_gets_the_refugee_contacts_with_their_limits() {
    let dir = shipped();
    for level in Level::ALL {
        let picked = select(&dir, &person(level, Some(false), None, Some(false)));
        assert!(ids(&picked).contains(&"iom_kazakhstan"), "{level}");
    }
    let picked = select(&dir, &person(Level::None, Some(true), None, Some(false)));
    assert_eq!(
        ids(&picked),
        vec!["iom_kazakhstan", "kibhr", "unhcr", "red_cross"]
    );
    let kibhr = find(&picked, "kibhr").expect("KIBHR");
    assert!(matches!(kibhr.caveats.as_slice(), [Caveat::OnlyGroups(g)] if g.len() == 3));
    // No consular contact is sourced.
    assert!(dir.contacts.iter().all(|c| !c.offers(Service::Consular)));
}

#[test]
fn every_contact_has_a_source_and_a_verified_date() {
    let dir = shipped();
    assert!(dir.contacts.len() >= 15);
    for c in &dir.contacts {
        assert!(!c.source.document.trim().is_empty(), "{}", c.id);
        assert!(!c.source.fact.trim().is_empty(), "{}", c.id);
        assert!(c.name.contains_key("en"), "{}", c.id);
        // A date the parser accepts, not after the day the directory was written.
        let again = Verified::parse(&c.verified.to_string()).expect("round trip");
        assert_eq!(again, c.verified, "{}", c.id);
        assert!(!c.verified.after(day(EMERGENCY_VERIFIED)), "{}", c.id);
        if c.phones.is_empty() {
            let note = c.note.as_deref().unwrap_or_default().to_lowercase();
            assert!(
                note.contains("no verified phone number"),
                "{}: {note}",
                c.id
            );
        }
        if c.source.kind == SourceKind::Public {
            assert_eq!(c.verified.to_string(), EMERGENCY_VERIFIED, "{}", c.id);
            let note = c.note.as_deref().unwrap_or_default();
            assert!(note.contains("Not in the seed sources"), "{}: {note}", c.id);
        } else {
            assert!(c.source.document.contains("seed 00"), "{}", c.id);
        }
    }
}

#[test]
fn the_phone_numbers_are_exactly_those_of_the_domain_brief() {
    let dir = shipped();
    let got: BTreeSet<&str> = dir
        .contacts
        .iter()
        .flat_map(|c| c.phones.iter().map(String::as_str))
        .collect();
    let want: BTreeSet<&str> = SOURCED_PHONES.into_iter().collect();
    assert_eq!(got, want);
    // No number hides in a note either: every +7 in the file is one of IOM's.
    let text = std::fs::read_to_string(root().join("rules/contacts/kz.toml")).expect("read");
    for (i, _) in text.match_indices("+7") {
        let number: String = text[i..].chars().take(15).collect();
        assert!(
            number.starts_with("+7-7172-790-34"),
            "unexpected number near `{number}`"
        );
    }
    // No hotline number: none could be confirmed (domain brief, section 4).
    for c in dir.contacts.iter().filter(|c| c.offers(Service::Hotline)) {
        assert!(c.phones.is_empty(), "{} lists a hotline number", c.id);
    }
}

#[test]
fn entries_older_than_twelve_months_are_flagged() {
    let dir = shipped();
    // Far ahead: every entry is stale.
    let warnings = check_dates(&dir, day("2030-01-01"));
    assert_eq!(warnings.len(), dir.contacts.len());
    assert!(warnings.iter().all(|d| d.code == "C014"));
    // Eleven months after the emergency numbers were checked: they are not stale.
    let today = day(EMERGENCY_VERIFIED).add_months(11);
    let emergency = dir.contact("emergency_112").expect("112");
    assert!(!is_stale(emergency, today));
    assert!(is_stale(emergency, day(EMERGENCY_VERIFIED).add_months(13)));
    let stale: Vec<&str> = dir
        .contacts
        .iter()
        .filter(|c| is_stale(c, today))
        .map(|c| c.id.as_str())
        .collect();
    assert!(stale.contains(&"iom_kazakhstan"));
    assert!(!stale
        .iter()
        .any(|id| id.ends_with("_112") || id.ends_with("_111")));

    // The command takes today from TIPSCREEN_TODAY.
    let out = tipscreen()
        .env("TIPSCREEN_TODAY", "2030-01-01")
        .args(["contacts", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["today"], "2030-01-01");
    let contacts = v["contacts"].as_array().expect("contacts");
    assert!(contacts.iter().all(|c| c["stale"] == true));

    let out = tipscreen()
        .env("TIPSCREEN_TODAY", today.to_string())
        .args(["contacts", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    let stale_by_id: BTreeMap<&str, bool> = v["contacts"]
        .as_array()
        .expect("contacts")
        .iter()
        .map(|c| (c["id"].as_str().unwrap_or(""), c["stale"] == true))
        .collect();
    assert_eq!(stale_by_id.get("emergency_112"), Some(&false));
    assert_eq!(stale_by_id.get("iom_kazakhstan"), Some(&true));

    // Cards carry a warning line for each stale entry.
    let out = tipscreen()
        .env("TIPSCREEN_TODAY", "2030-01-01")
        .args(["contacts", "--service", "emergency"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert_eq!(text.matches("more than 12 months ago").count(), 5, "{text}");
    tipscreen()
        .args(["contacts", "--service", "emergency"])
        .assert()
        .success()
        .stdout(predicate::str::contains("more than 12 months ago").not());
    tipscreen()
        .env("TIPSCREEN_TODAY", "24.11.2026")
        .args(["contacts"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TIPSCREEN_TODAY"));
}

#[test]
fn contacts_for_shelter_in_almaty_city() {
    let out = tipscreen()
        .env("COLUMNS", "200")
        .args([
            "contacts",
            "--region",
            "almaty_city",
            "--service",
            "shelter",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    for part in [
        "Referral contacts (2 contacts)",
        "No national anti-trafficking hotline number could be confirmed",
        "State-funded shelters for victims of trafficking",
        "NGO shelters for victims of trafficking",
        "only for citizens of Kazakhstan",
        "no verified phone number",
        "seed 001",
        "seed 004",
        "regardless of gender",
        "Verified",
        "2021-02",
        "more than 12 months ago",
    ] {
        assert!(text.contains(part), "missing `{part}` in:\n{text}");
    }
    assert!(!text.contains("+7-7172"), "{text}");
    assert!(!text.contains("Rodnik Social Fund"), "{text}");

    let out = tipscreen()
        .args([
            "contacts",
            "--region",
            "almaty_city",
            "--service",
            "shelter",
            "-f",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    let contacts = v["contacts"].as_array().expect("contacts");
    let got: Vec<&str> = contacts.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(got, vec!["state_funded_shelters", "ngo_shelters"]);
    // Every field is in the JSON.
    let first = &contacts[0];
    for field in [
        "id",
        "name",
        "services",
        "regions",
        "eligible",
        "languages",
        "phones",
        "hours",
        "source",
        "verified",
        "note",
        "file",
        "stale",
    ] {
        assert!(first.get(field).is_some(), "no `{field}` in {first}");
    }
    assert_eq!(first["eligible"]["foreign_citizens"], false);
    assert_eq!(first["verified"], "2020");
    assert_eq!(first["source"]["kind"], "seed");
    assert_eq!(v["filters"]["region"], "almaty_city");
    assert!(v["rules"].as_array().is_some_and(|r| r.len() >= 5));
}

#[test]
fn contacts_in_russian_and_kazakh() {
    tipscreen()
        .env("COLUMNS", "200")
        .args([
            "--lang",
            "ru",
            "contacts",
            "--region",
            "almaty_city",
            "--service",
            "shelter",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("только для граждан Казахстана"))
        .stdout(predicate::str::contains("Приюты для жертв торговли людьми"))
        .stdout(predicate::str::contains("проверенного номера телефона нет"))
        .stdout(predicate::str::contains("все регионы"));
    tipscreen()
        .env("COLUMNS", "200")
        .args(["--lang", "kk", "contacts", "--service", "child_protection"])
        .assert()
        .success()
        .stdout(predicate::str::contains("бала құқықтарын қорғау"))
        .stdout(predicate::str::contains("«111»"))
        .stdout(predicate::str::contains(
            "жобаның бастапқы құжаттарында жоқ",
        ));
    // Region names come from the rule set's `region` question.
    tipscreen()
        .env("COLUMNS", "200")
        .args([
            "--lang",
            "ru",
            "contacts",
            "--region",
            "shymkent",
            "--service",
            "return_reintegration",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("город Шымкент"));
}

#[test]
fn an_unknown_region_or_service_exits_2_with_the_valid_ids() {
    tipscreen()
        .args(["contacts", "--region", "almaty"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown region `almaty`"))
        .stderr(predicate::str::contains("almaty_city"))
        .stderr(predicate::str::contains("almaty_region"));
    tipscreen()
        .args(["contacts", "--service", "shelters"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown service `shelters`"))
        .stderr(predicate::str::contains("legal_aid"));
}

#[test]
fn an_organisation_adds_its_own_directory_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let own = dir.path().join("ours.toml");
    std::fs::write(
        &own,
        r#"
[[contact]]
id = "our_shelter"
services = ["shelter"]
regions = ["astana"]
phones = ["+7 7172 00 00 00"]
verified = "2026-10-01"
[contact.name]
en = "Our shelter"
[contact.eligible]
citizens = true
foreign_citizens = true
[contact.source]
kind = "organisation"
document = "our own record"
fact = "we accept foreign citizens"
"#,
    )
    .expect("write");
    let out = tipscreen()
        .args([
            "contacts",
            "--region",
            "astana",
            "--service",
            "shelter",
            "-f",
            "json",
        ])
        .arg("--contacts")
        .arg(&own)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    let got: Vec<&str> = v["contacts"]
        .as_array()
        .expect("contacts")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(
        got,
        vec!["state_funded_shelters", "ngo_shelters", "our_shelter"]
    );
    tipscreen()
        .args(["contacts", "--service", "shelter", "--contacts"])
        .arg(&own)
        .assert()
        .success()
        .stdout(predicate::str::contains("provided by the organisation"));

    // A broken file stops the command with every problem, file:line:col.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[contact]]\nid = \"iom_kazakhstan\"\nservices = [\"shelter\"]\nregions = [\"almaty\"]\nphones = [\"8 727 000 00 00\"]\nverified = \"recently\"\n[contact.name]\nen = \"X\"\n",
    )
    .expect("write");
    let out = tipscreen()
        .args(["contacts", "--contacts"])
        .arg(&bad)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8_lossy(&out);
    for code in ["C006", "C008", "C010", "C011", "C012"] {
        assert!(
            text.contains(&format!("error[{code}]")),
            "{code} in:\n{text}"
        );
    }
    assert!(text.contains("bad.toml:4:"), "{text}");
}

#[test]
fn check_reports_the_directory_on_its_own_line() {
    // The exit status also depends on the rule sets: only the directory's part is checked here.
    let out = tipscreen().args(["check"]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("checked `rules/contacts/kz.toml`"))
        .unwrap_or_else(|| panic!("no directory summary in:\n{text}"));
    assert!(line.contains("0 error(s)"), "{line}");
    assert!(line.contains(" contacts, 6 rules"), "{line}");
    // The seed entries are older than 12 months: honest warnings, not errors.
    assert!(text.contains("warning[C014]"), "{text}");
    assert!(text.contains("rules/contacts/kz.toml:"), "{text}");
    assert!(!text.contains("error[C0"), "{text}");
}

#[test]
fn the_labels_have_the_same_ids_and_variables_in_every_language() {
    fn messages(lang: &str) -> BTreeMap<String, String> {
        let path = root().join("locales").join(lang).join("contacts.ftl");
        let text = std::fs::read_to_string(&path).expect("read");
        let mut out = BTreeMap::new();
        for line in text.lines() {
            if line.starts_with(['#', ' ']) || line.is_empty() || line.starts_with('}') {
                continue;
            }
            let (id, value) = line.split_once(" = ").expect("id = value");
            out.insert(id.to_owned(), value.to_owned());
        }
        out
    }
    fn vars(value: &str) -> BTreeSet<String> {
        value
            .split("{ $")
            .skip(1)
            .filter_map(|s| s.split([' ', '}']).next())
            .map(str::to_owned)
            .collect()
    }
    let en = messages("en");
    for lang in ["ru", "kk"] {
        let other = messages(lang);
        assert_eq!(
            en.keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>(),
            "{lang}"
        );
        for (id, value) in &other {
            assert_eq!(vars(value), vars(&en[id]), "{lang} {id}");
            // Outside placeables, every letter is Cyrillic.
            let mut depth = 0_u32;
            let outside: String = value
                .chars()
                .filter(|c| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth = depth.saturating_sub(1),
                        _ => return depth == 0,
                    }
                    false
                })
                .collect();
            assert!(
                outside
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "{lang} {id} is not in Cyrillic: {value}"
            );
        }
    }
    let kk = std::fs::read_to_string(root().join("locales/kk/contacts.ftl")).expect("read");
    assert!(kk.chars().any(|c| "әғқңөұүі".contains(c)));
}
