//! Validation of one `[[contact]]`: every field checked, every problem reported.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::date::Verified;
use super::model::{
    is_region, Age, Contact, Eligibility, Gender, Group, Service, Source, SourceKind, Tri,
    ALL_REGIONS, REGIONS,
};
use super::phone::phone_problem;
use super::raw::{LocalText, RawContact, RawEligible, RawSource};
use super::validate::{id_list, required, valid_id, Ctx};

fn valid_language(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn tri(ctx: &mut Ctx<'_>, value: Option<&Spanned<toml::Value>>, field: &str) -> Tri {
    match value.map(|v| (v.get_ref(), v.span())) {
        None => Tri::Unknown,
        Some((toml::Value::Boolean(true), _)) => Tri::Yes,
        Some((toml::Value::Boolean(false), _)) => Tri::No,
        Some((toml::Value::String(s), _)) if s == "unknown" => Tri::Unknown,
        Some((other, span)) => {
            ctx.error(
                "C016",
                span,
                format!("`eligible.{field}` is `{other}`: write true, false or \"unknown\""),
            );
            Tri::Unknown
        }
    }
}

fn eligibility(ctx: &mut Ctx<'_>, raw: Option<&Spanned<RawEligible>>) -> Eligibility {
    let Some(raw) = raw.map(Spanned::get_ref) else {
        return Eligibility::default();
    };
    let citizens = tri(ctx, raw.citizens.as_ref(), "citizens");
    let foreign_citizens = tri(ctx, raw.foreign_citizens.as_ref(), "foreign_citizens");
    let mut gender = Gender::Unknown;
    if let Some(g) = &raw.gender {
        match Gender::parse(g.get_ref()) {
            Some(v) => gender = v,
            None => ctx.error(
                "C016",
                g.span(),
                format!(
                    "unknown `eligible.gender` `{}`; use one of: {}",
                    g.get_ref(),
                    Gender::ids()
                ),
            ),
        }
    }
    let mut age = Age::Unknown;
    if let Some(a) = &raw.age {
        match Age::parse(a.get_ref()) {
            Some(v) => age = v,
            None => ctx.error(
                "C016",
                a.span(),
                format!(
                    "unknown `eligible.age` `{}`; use one of: {}",
                    a.get_ref(),
                    Age::ids()
                ),
            ),
        }
    }
    let groups = id_list(ctx, &raw.groups, Group::parse, |g| {
        (
            "C016",
            format!("unknown group `{g}`; groups: {}", Group::ids()),
        )
    });
    Eligibility {
        citizens,
        foreign_citizens,
        gender,
        age,
        groups,
    }
}

fn source(ctx: &mut Ctx<'_>, raw: Option<&Spanned<RawSource>>, at: &Range<usize>) -> Source {
    let mut out = Source {
        kind: SourceKind::Seed,
        document: String::new(),
        fact: String::new(),
    };
    let Some(raw) = raw else {
        ctx.error(
            "C010",
            at.clone(),
            "contact has no `source`: every entry says where its facts come from".to_owned(),
        );
        return out;
    };
    let span = raw.span();
    let raw = raw.get_ref();
    if let Some(kind) = required(ctx, raw.kind.as_ref(), "C010", &span, "`source.kind`") {
        match SourceKind::parse(kind.get_ref()) {
            Some(k) => out.kind = k,
            None => ctx.error(
                "C010",
                kind.span(),
                format!(
                    "unknown `source.kind` `{}`; use one of: {}",
                    kind.get_ref(),
                    SourceKind::ids()
                ),
            ),
        }
    }
    if let Some(d) = required(
        ctx,
        raw.document.as_ref(),
        "C010",
        &span,
        "`source.document`",
    ) {
        out.document = d.get_ref().trim().to_owned();
    }
    if let Some(f) = required(ctx, raw.fact.as_ref(), "C010", &span, "`source.fact`") {
        out.fact = f.get_ref().trim().to_owned();
    }
    out
}

fn verified(
    ctx: &mut Ctx<'_>,
    raw: Option<&Spanned<toml::Value>>,
    at: &Range<usize>,
) -> Option<(Verified, Range<usize>)> {
    let Some(raw) = raw else {
        ctx.error(
            "C012",
            at.clone(),
            "contact has no `verified` date (YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day)"
                .to_owned(),
        );
        return None;
    };
    let text = match raw.get_ref() {
        toml::Value::String(s) => s.clone(),
        // A TOML date without a time (`verified = 2026-11-24`).
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
        other => other.to_string(),
    };
    match Verified::parse(text.trim()) {
        Some(v) => Some((v, raw.span())),
        None => {
            ctx.error(
                "C012",
                raw.span(),
                format!("`verified` is `{text}`, not a date: write YYYY-MM-DD (or YYYY-MM, YYYY)"),
            );
            None
        }
    }
}

pub(super) fn contact(ctx: &mut Ctx<'_>, raw: Spanned<RawContact>) -> Option<Contact> {
    let table = raw.span();
    let raw = raw.into_inner();
    let id = required(ctx, raw.id.as_ref(), "C004", &table, "contact `id`").cloned();
    let id_text = id.as_ref().map(|i| i.get_ref().clone());
    // Point "missing" problems at the id when there is one: the table span is the whole entry.
    let at = id.as_ref().map_or(table.clone(), Spanned::span);
    let who = id_text
        .as_deref()
        .map_or_else(|| "contact".to_owned(), |i| format!("contact `{i}`"));
    if let Some(i) = &id {
        if !valid_id(i.get_ref()) {
            ctx.error(
                "C005",
                i.span(),
                format!(
                    "invalid contact id `{}`: use lowercase letters, digits and `_`, starting with a letter",
                    i.get_ref()
                ),
            );
        }
    }

    let mut name = BTreeMap::new();
    match &raw.name {
        None => ctx.error("C004", at.clone(), format!("{who} has no `name`")),
        Some(n) => {
            for (lang, text) in n.get_ref() {
                if !valid_language(lang.get_ref()) {
                    ctx.error(
                        "C009",
                        lang.span(),
                        format!(
                            "`name.{}`: a language is a two- or three-letter code (en, ru, kk)",
                            lang.get_ref()
                        ),
                    );
                } else if text.get_ref().trim().is_empty() {
                    ctx.error(
                        "C009",
                        text.span(),
                        format!("`name.{}` is empty", lang.get_ref()),
                    );
                } else {
                    name.insert(lang.get_ref().clone(), text.get_ref().trim().to_owned());
                }
            }
            if !n.get_ref().keys().any(|k| k.get_ref() == "en") {
                ctx.error(
                    "C009",
                    n.span(),
                    format!("{who} has no English name (`name.en`)"),
                );
            }
        }
    }

    let services = match &raw.services {
        None => {
            ctx.error(
                "C004",
                at.clone(),
                format!(
                    "{who} has no `services` (write `services = []` when the source names none)"
                ),
            );
            Vec::new()
        }
        Some(s) => id_list(ctx, s.get_ref(), Service::parse, |s| {
            (
                "C007",
                format!("unknown service `{s}`; services: {}", Service::ids()),
            )
        }),
    };

    let mut regions = Vec::new();
    match &raw.regions {
        None => ctx.error(
            "C004",
            at.clone(),
            format!("{who} has no `regions` (write `regions = [\"all\"]` for the whole country)"),
        ),
        Some(list) if list.get_ref().is_empty() => ctx.error(
            "C008",
            list.span(),
            "`regions` is empty: list region ids, or write [\"all\"]".to_owned(),
        ),
        Some(list) => {
            regions = id_list(
                ctx,
                list.get_ref(),
                |r| (r == ALL_REGIONS || is_region(r)).then(|| r.to_owned()),
                |r| {
                    (
                        "C008",
                        format!("unknown region `{r}`; regions: all, {}", REGIONS.join(", ")),
                    )
                },
            );
            if regions.len() > 1 && regions.iter().any(|r| r == ALL_REGIONS) {
                ctx.warning(
                    "C008",
                    list.span(),
                    "`all` already covers every region; list it alone".to_owned(),
                );
            }
        }
    }

    let eligible = eligibility(ctx, raw.eligible.as_ref());

    let mut languages = Vec::new();
    for l in &raw.languages {
        if valid_language(l.get_ref()) {
            languages.push(l.get_ref().clone());
        } else {
            ctx.error(
                "C009",
                l.span(),
                format!(
                    "`{}` is not a language code (two or three lowercase letters)",
                    l.get_ref()
                ),
            );
        }
    }

    let mut notes: BTreeMap<String, String> = match raw.note.as_ref().map(Spanned::get_ref) {
        None => BTreeMap::new(),
        Some(LocalText::One(t)) => [("en".to_owned(), t.trim().to_owned())].into(),
        Some(LocalText::ByLang(m)) => m
            .iter()
            .map(|(k, v)| (k.clone(), v.trim().to_owned()))
            .collect(),
    };
    notes.retain(|_, v| !v.is_empty());
    if let Some(n) = raw.note.as_ref() {
        if !notes.is_empty() && !notes.contains_key("en") {
            ctx.error(
                "C009",
                n.span(),
                "a note in several languages needs `en`".to_owned(),
            );
        }
    }
    let note = notes.get("en").cloned();

    let mut phones = Vec::new();
    match &raw.phones {
        None => ctx.error(
            "C004",
            at.clone(),
            format!("{who} has no `phones` (write `phones = []` when no number is verified, and say so in `note`)"),
        ),
        Some(list) => {
            for p in list.get_ref() {
                let number = p.get_ref().trim();
                if let Some(why) = phone_problem(number) {
                    ctx.error(
                        "C011",
                        p.span(),
                        format!("phone `{}` is not accepted: {why}", p.get_ref()),
                    );
                } else if phones.iter().any(|q| q == number) {
                    ctx.warning("C017", p.span(), format!("phone `{number}` is listed twice"));
                } else {
                    phones.push(number.to_owned());
                }
            }
            if list.get_ref().is_empty() && note.is_none() {
                ctx.error(
                    "C015",
                    list.span(),
                    format!("{who} has no phone number and no `note` saying how to reach it"),
                );
            }
        }
    }

    let hours = raw
        .hours
        .as_ref()
        .map(|h| h.get_ref().trim().to_owned())
        .filter(|h| !h.is_empty());
    let source = source(ctx, raw.source.as_ref(), &at);
    let verified = verified(ctx, raw.verified.as_ref(), &at);

    let (id, (verified, verified_span)) = (id_text?, verified?);
    Some(Contact {
        id,
        name,
        services,
        regions,
        eligible,
        languages,
        phones,
        hours,
        source,
        verified,
        note,
        notes,
        file: ctx.path.clone(),
        at: (ctx.file, at),
        verified_at: (ctx.file, verified_span),
    })
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::SourceMap;
    use crate::referral::model::{Age, Gender, Group, Tri};
    use crate::referral::validate::{load, Input};

    fn diagnostics(text: &str) -> Vec<(&'static str, String)> {
        let mut sources = SourceMap::default();
        load(&[Input::text("t.toml", text)], &mut sources)
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.message))
            .collect()
    }

    #[test]
    fn every_missing_field_is_reported_at_once() {
        let got = diagnostics("[[contact]]\nid = \"a\"\n");
        let codes: Vec<&str> = got.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            codes,
            vec!["C004", "C004", "C004", "C004", "C010", "C012"],
            "{got:#?}"
        );
        for field in ["`name`", "`services`", "`regions`", "`phones`"] {
            assert!(got.iter().any(|(_, m)| m.contains(field)), "{field}");
        }
    }

    #[test]
    fn eligibility_is_true_false_or_unknown_and_known_words() {
        let text = r#"
[[contact]]
id = "a"
services = []
regions = ["all"]
phones = ["112"]
verified = "2021"
name = { en = "A" }
source = { kind = "seed", document = "d", fact = "f" }
eligible = { citizens = "unknown", foreign_citizens = true, gender = "any", age = "adults", groups = ["refugees"] }
"#;
        let mut sources = SourceMap::default();
        let l = load(&[Input::text("t.toml", text)], &mut sources);
        let dir = l.directory.unwrap_or_else(|| panic!("{:?}", l.diagnostics));
        let e = dir
            .contact("a")
            .map(|c| c.eligible.clone())
            .unwrap_or_default();
        assert_eq!(
            (e.citizens, e.foreign_citizens, e.gender, e.age),
            (Tri::Unknown, Tri::Yes, Gender::Any, Age::Adults)
        );
        assert_eq!(e.groups, vec![Group::Refugees]);

        let bad = text
            .replace("\"unknown\"", "\"yes\"")
            .replace("\"any\"", "\"all\"")
            .replace("\"refugees\"", "\"migrants\"");
        let codes: Vec<&str> = diagnostics(&bad).iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, vec!["C016", "C016", "C016"]);
    }
}
