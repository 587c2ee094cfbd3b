//! Directory files -> validated [`Directory`], collecting every problem as a [`Diagnostic`]
//! with a `C0xx` code (listed in docs/contacts.md). Files are merged in order; ids are unique
//! across them and rules may name contacts of other files. Contacts: `contact.rs`.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::contact::contact;
use super::model::{Directory, Rule, Service};
use super::raw::{RawDirectory, RawRule};
use crate::diagnostic::{has_errors, Diagnostic, FileId, SourceMap};
use crate::level::Level;
use crate::ruleset::files::{read_text, EMBEDDED_RULES};
use crate::ruleset::validate::sort_diagnostics;

/// How the shipped directory is shown in messages.
pub const SHIPPED_PATH: &str = "rules/contacts/kz.toml";

/// One directory file to load: its display path and its text (or why it cannot be read).
#[derive(Debug, Clone)]
pub struct Input {
    /// How the file is named in messages.
    pub path: String,
    /// The text, or a lowercase reason.
    pub text: Result<String, String>,
}

impl Input {
    /// The directory shipped in the binary (`rules/contacts/kz.toml`).
    #[must_use]
    pub fn shipped() -> Input {
        let text = EMBEDDED_RULES
            .get_file("contacts/kz.toml")
            .ok_or_else(|| "no such file in the binary".to_owned())
            .and_then(|f| {
                f.contents_utf8()
                    .map(str::to_owned)
                    .ok_or_else(|| "the file is not valid UTF-8".to_owned())
            });
        Input {
            path: SHIPPED_PATH.to_owned(),
            text,
        }
    }

    /// A directory file on disk (`--contacts FILE`).
    #[must_use]
    pub fn from_disk(path: &Path) -> Input {
        Input {
            path: path.display().to_string(),
            text: read_text(path),
        }
    }

    /// A directory given as text (tests, other tools).
    #[must_use]
    pub fn text(path: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            path: path.into(),
            text: Ok(text.into()),
        }
    }
}

/// The result of loading: the merged directory when there were no errors, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The directory, when it has no errors.
    pub directory: Option<Directory>,
    /// Everything found, by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Contacts read (also when there are errors), for summaries.
    pub contacts_read: usize,
    /// Rules read (also when there are errors), for summaries.
    pub rules_read: usize,
}

/// The file being validated and what was found in it.
pub(super) struct Ctx<'a> {
    pub(super) sources: &'a mut SourceMap,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) file: FileId,
    pub(super) path: String,
}

impl Ctx<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub(super) fn error(&mut self, code: &'static str, span: Range<usize>, message: String) {
        let file = self.file;
        self.push(Diagnostic::error(code, message).at(file, span));
    }

    pub(super) fn warning(&mut self, code: &'static str, span: Range<usize>, message: String) {
        let file = self.file;
        self.push(Diagnostic::warning(code, message).at(file, span));
    }
}

/// `[a-z][a-z0-9_]*`.
pub(super) fn valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn parse_toml(ctx: &mut Ctx<'_>) -> Option<RawDirectory> {
    let text = ctx.sources.text(ctx.file).to_owned();
    match toml::from_str::<RawDirectory>(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            // Syntax errors (C001) differ from a valid TOML document of the wrong shape (C002).
            let syntax = text.parse::<toml::Table>().is_err();
            let message = e.message().trim().to_owned();
            let message = message
                .strip_prefix("TOML parse error: ")
                .unwrap_or(&message)
                .to_owned();
            let (code, message) = if syntax {
                ("C001", format!("invalid TOML: {message}"))
            } else {
                ("C002", message)
            };
            let mut d = Diagnostic::error(code, message);
            if let Some(span) = e.span() {
                d = d.at(ctx.file, span);
            }
            ctx.push(d);
            None
        }
    }
}

/// Loads and validates directory files, merged in the order given.
pub fn load(inputs: &[Input], sources: &mut SourceMap) -> Loaded {
    let mut diags = Vec::new();
    let mut directory = Directory::default();
    let mut contact_ids: HashMap<String, (FileId, Range<usize>)> = HashMap::new();
    let mut rule_ids: HashMap<String, (FileId, Range<usize>)> = HashMap::new();
    // Rule references are resolved once every file is read: a rule may name a contact of
    // another file.
    let mut references: Vec<(FileId, Spanned<String>)> = Vec::new();
    let mut used_services: Vec<(FileId, Spanned<String>, Service)> = Vec::new();
    for input in inputs {
        let text = match &input.text {
            Ok(t) => t.clone(),
            Err(why) => {
                diags.push(Diagnostic::error(
                    "C003",
                    format!("cannot read `{}`: {why}", input.path),
                ));
                continue;
            }
        };
        let file = sources.add(input.path.clone(), text);
        let mut ctx = Ctx {
            sources,
            diags: Vec::new(),
            file,
            path: input.path.clone(),
        };
        if let Some(raw) = parse_toml(&mut ctx) {
            if raw.contact.is_empty() && raw.rule.is_empty() {
                ctx.warning(
                    "C024",
                    0..0,
                    format!("`{}` has no `[[contact]]` and no `[[rule]]`", input.path),
                );
            }
            for rc in raw.contact {
                if let Some(id) = rc.get_ref().id.as_ref() {
                    check_unique(&mut ctx, &mut contact_ids, "contact", id);
                }
                if let Some(c) = contact(&mut ctx, rc) {
                    directory.contacts.push(c);
                }
            }
            for rr in raw.rule {
                if let Some(id) = rr.get_ref().id.as_ref() {
                    check_unique(&mut ctx, &mut rule_ids, "rule", id);
                }
                if let Some((r, refs, services)) = rule(&mut ctx, rr) {
                    references.extend(refs.into_iter().map(|s| (file, s)));
                    used_services.extend(services.into_iter().map(|(s, v)| (file, s, v)));
                    directory.rules.push(r);
                }
            }
        }
        diags.append(&mut ctx.diags);
        directory.files.push(input.path.clone());
    }

    for (file, id) in references {
        if !contact_ids.contains_key(id.get_ref()) {
            diags.push(
                Diagnostic::error(
                    "C021",
                    format!("rule names an unknown contact `{}`", id.get_ref()),
                )
                .at(file, id.span())
                .label("no `[[contact]]` has this id"),
            );
        }
    }
    for (file, name, service) in used_services {
        if !directory.contacts.iter().any(|c| c.offers(service)) {
            diags.push(
                Diagnostic::warning(
                    "C022",
                    format!("no contact offers the service `{}`", service.as_str()),
                )
                .at(file, name.span())
                .label("this rule picks nobody by this service"),
            );
        }
    }

    sort_diagnostics(&mut diags, sources);
    let contacts_read = directory.contacts.len();
    let rules_read = directory.rules.len();
    Loaded {
        directory: (!has_errors(&diags)).then_some(directory),
        diagnostics: diags,
        contacts_read,
        rules_read,
    }
}

/// Reports an id already used by an earlier contact (or rule), in this file or an earlier one.
fn check_unique(
    ctx: &mut Ctx<'_>,
    seen: &mut HashMap<String, (FileId, Range<usize>)>,
    what: &str,
    id: &Spanned<String>,
) {
    if let Some((file, span)) = seen.get(id.get_ref()) {
        let (line, _) = ctx.sources.line_col(*file, span.start);
        let first = format!("{}:{line}", ctx.sources.path(*file));
        ctx.error(
            "C006",
            id.span(),
            format!("{what} id `{}` is already used (at {first})", id.get_ref()),
        );
    } else {
        seen.insert(id.get_ref().clone(), (ctx.file, id.span()));
    }
}

/// A required string field: missing or blank is an error.
pub(super) fn required<'a>(
    ctx: &mut Ctx<'_>,
    value: Option<&'a Spanned<String>>,
    code: &'static str,
    at: &Range<usize>,
    what: &str,
) -> Option<&'a Spanned<String>> {
    match value {
        Some(v) if !v.get_ref().trim().is_empty() => Some(v),
        Some(v) => {
            ctx.error(code, v.span(), format!("{what} is empty"));
            None
        }
        None => {
            ctx.error(code, at.clone(), format!("{what} is missing"));
            None
        }
    }
}

/// Parses a list of ids, reporting unknown and repeated ones.
pub(super) fn id_list<T: PartialEq>(
    ctx: &mut Ctx<'_>,
    items: &[Spanned<String>],
    parse: impl Fn(&str) -> Option<T>,
    unknown: impl Fn(&str) -> (&'static str, String),
) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        match parse(item.get_ref()) {
            Some(v) if out.contains(&v) => ctx.warning(
                "C017",
                item.span(),
                format!("`{}` is listed twice", item.get_ref()),
            ),
            Some(v) => out.push(v),
            None => {
                let (code, message) = unknown(item.get_ref());
                ctx.error(code, item.span(), message);
            }
        }
    }
    out
}

type RuleParts = (Rule, Vec<Spanned<String>>, Vec<(Spanned<String>, Service)>);

fn rule(ctx: &mut Ctx<'_>, raw: Spanned<RawRule>) -> Option<RuleParts> {
    let table = raw.span();
    let raw = raw.into_inner();
    let id = required(ctx, raw.id.as_ref(), "C004", &table, "rule `id`").cloned();
    let at = id.as_ref().map_or(table.clone(), Spanned::span);
    if let Some(i) = &id {
        if !valid_id(i.get_ref()) {
            ctx.error(
                "C005",
                i.span(),
                format!(
                    "invalid rule id `{}`: use lowercase letters, digits and `_`, starting with a letter",
                    i.get_ref()
                ),
            );
        }
    }
    let min_level = match &raw.min_level {
        None => Level::None,
        Some(l) => Level::parse(l.get_ref()).unwrap_or_else(|| {
            ctx.error(
                "C023",
                l.span(),
                format!(
                    "unknown level `{}`; levels: none, low, medium, high, urgent",
                    l.get_ref()
                ),
            );
            Level::None
        }),
    };
    let mut services = Vec::new();
    let mut used = Vec::new();
    for s in &raw.services {
        match Service::parse(s.get_ref()) {
            Some(v) if services.contains(&v) => ctx.warning(
                "C017",
                s.span(),
                format!("`{}` is listed twice", s.get_ref()),
            ),
            Some(v) => {
                services.push(v);
                used.push((s.clone(), v));
            }
            None => ctx.error(
                "C007",
                s.span(),
                format!(
                    "unknown service `{}`; services: {}",
                    s.get_ref(),
                    Service::ids()
                ),
            ),
        }
    }
    let mut contacts: Vec<String> = Vec::new();
    for c in &raw.contacts {
        if contacts.contains(c.get_ref()) {
            ctx.warning(
                "C017",
                c.span(),
                format!("`{}` is listed twice", c.get_ref()),
            );
        } else {
            contacts.push(c.get_ref().clone());
        }
    }
    if raw.services.is_empty() && raw.contacts.is_empty() {
        ctx.error(
            "C020",
            at.clone(),
            "rule picks nothing: give `services`, `contacts` or both".to_owned(),
        );
    }
    let rule = Rule {
        id: id?.into_inner(),
        min_level,
        child: raw.child.map(Spanned::into_inner),
        foreign: raw.foreign.map(Spanned::into_inner),
        services,
        contacts,
        note: raw
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        file: ctx.path.clone(),
        at: (ctx.file, at),
    };
    Some((rule, raw.contacts, used))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::model::Tri;

    const GOOD: &str = r#"
[[contact]]
id = "hotline_a"
name = { en = "A", ru = "А" }
services = ["hotline"]
regions = ["almaty_city"]
phones = ["+7 727 000 00 00", "1414"]
source = { kind = "organisation", document = "our leaflet", fact = "we answer" }
verified = "2026-01-15"

[[contact]]
id = "shelter_b"
name = { en = "B" }
services = ["shelter"]
regions = ["all"]
eligible = { citizens = true, foreign_citizens = false }
phones = []
note = "no verified phone number: ask the police (102)"
source = { kind = "seed", document = "seed 001", fact = "a fact" }
verified = 2020-07-30

[[rule]]
id = "any"
services = ["shelter"]
contacts = ["hotline_a"]
"#;

    fn load_one(text: &str) -> (Loaded, SourceMap) {
        let mut sources = SourceMap::default();
        let loaded = load(&[Input::text("t.toml", text)], &mut sources);
        (loaded, sources)
    }

    fn codes(l: &Loaded) -> Vec<&'static str> {
        l.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_good_file_loads_without_diagnostics() {
        let (l, _) = load_one(GOOD);
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        let dir = l.directory.unwrap_or_else(|| panic!("loads"));
        assert_eq!(dir.contacts.len(), 2);
        assert_eq!(
            dir.contact("shelter_b")
                .map(|c| c.eligible.foreign_citizens),
            Some(Tri::No)
        );
        assert_eq!(
            dir.contact("shelter_b").map(|c| c.verified.to_string()),
            Some("2020-07-30".to_owned())
        );
        assert_eq!(dir.rules.first().map(|r| r.min_level), Some(Level::None));
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let text = r#"
[[contact]]
id = "x"
name = { ru = "Икс" }
services = ["shelters", "police"]
regions = ["almaty"]
eligible = { foreign_citizens = "maybe" }
phones = ["8 701 000 0000", "+7 901 000 00 00"]
verified = "last year"

[[contact]]
id = "x"
name = { en = "Y" }
services = []
regions = ["all"]
phones = []
source = { kind = "seed", document = "", fact = "f" }
verified = "2021-02"

[[rule]]
id = "r"
min_level = "severe"
services = ["consular"]
contacts = ["nobody"]

[[rule]]
id = "empty"
"#;
        let (l, sources) = load_one(text);
        assert!(l.directory.is_none());
        let mut got = codes(&l);
        got.sort_unstable();
        assert_eq!(
            got,
            vec![
                "C006", "C007", "C008", "C009", "C010", "C010", "C011", "C011", "C012", "C015",
                "C016", "C020", "C021", "C022", "C023"
            ],
            "{:#?}",
            l.diagnostics
        );
        let unknown_service = l
            .diagnostics
            .iter()
            .find(|d| d.code == "C007")
            .unwrap_or_else(|| panic!("C007"));
        assert_eq!(unknown_service.location(&sources), "t.toml:5:13");
        assert!(unknown_service.message.contains("`shelters`"));
        assert!(unknown_service.message.contains("legal_aid"));
    }

    #[test]
    fn syntax_and_shape_errors_have_their_own_codes() {
        let (l, _) = load_one("[[contact]\nid = 1");
        assert_eq!(codes(&l), vec!["C001"]);
        let (l, _) = load_one("[[contact]]\nid = \"a\"\nphone = []\n");
        assert_eq!(codes(&l), vec!["C002"]);
        let (l, _) = load_one("");
        assert_eq!(codes(&l), vec!["C024"]);
        let mut sources = SourceMap::default();
        let l = load(
            &[Input {
                path: "gone.toml".into(),
                text: Err("no such file".into()),
            }],
            &mut sources,
        );
        assert_eq!(codes(&l), vec!["C003"]);
    }

    #[test]
    fn ids_must_be_unique_across_merged_files() {
        let mut sources = SourceMap::default();
        let l = load(
            &[Input::text("a.toml", GOOD), Input::text("b.toml", GOOD)],
            &mut sources,
        );
        let dup: Vec<String> = l
            .diagnostics
            .iter()
            .filter(|d| d.code == "C006")
            .map(|d| d.location(&sources))
            .collect();
        assert_eq!(dup.len(), 3, "two contacts and one rule: {dup:?}");
        assert!(dup.iter().all(|p| p.starts_with("b.toml")));
    }

    #[test]
    fn a_rule_may_name_a_contact_of_another_file() {
        let extra = "[[rule]]\nid = \"mine\"\ncontacts = [\"shelter_b\"]\n";
        let mut sources = SourceMap::default();
        let l = load(
            &[Input::text("a.toml", GOOD), Input::text("b.toml", extra)],
            &mut sources,
        );
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        assert_eq!(l.directory.map(|d| d.rules.len()), Some(2));
    }
}
