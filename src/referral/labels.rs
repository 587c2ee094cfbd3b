//! Localized labels for contacts, from `locales/<lang>/contacts.ftl`. Load them with
//! `Localizer::new(lang, locales, Some((MESSAGES, None)))`: the file is read like a rule set's
//! texts, next to `ui.ftl`.

use fluent_bundle::FluentArgs;

use super::model::{Age, Contact, Gender, Group, Service, SourceKind, Tri, ALL_REGIONS};
use super::select::{Caveat, Condition};
use super::Verified;
use crate::i18n::Localizer;

/// The name of the messages file: `locales/<lang>/contacts.ftl`.
pub const MESSAGES: &str = "contacts";

/// Labels of the contact card and the listing.
pub const TITLE: &str = "contacts-title";
/// What the listing is, and to check numbers before use.
pub const INTRO: &str = "contacts-intro";
/// No national anti-trafficking hotline is listed.
pub const NO_HOTLINE: &str = "contacts-no-hotline";
/// Number of contacts (`$count`).
pub const COUNT: &str = "contacts-count";
/// Nothing matches the filters.
pub const NONE: &str = "contacts-none";
/// Card rows.
pub const ORGANISATION: &str = "contacts-organisation";
/// Card row: services.
pub const SERVICES: &str = "contacts-services";
/// Card row: phones.
pub const PHONES: &str = "contacts-phones";
/// Card row: hours.
pub const HOURS: &str = "contacts-hours";
/// Card row: regions.
pub const REGIONS: &str = "contacts-regions";
/// Card row: who can get help.
pub const ELIGIBLE: &str = "contacts-eligible";
/// Card row: languages.
pub const LANGUAGES: &str = "contacts-languages";
/// Card row: source.
pub const SOURCE: &str = "contacts-source";
/// Card row: verified.
pub const VERIFIED: &str = "contacts-verified";
/// Card row: note.
pub const NOTE: &str = "contacts-note";
/// No verified phone number.
pub const NO_PHONE: &str = "contacts-no-phone";
/// Stale entry (`$date`).
pub const STALE: &str = "contacts-stale";

/// Every message id the labels use, for completeness checks.
#[must_use]
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        TITLE,
        INTRO,
        NO_HOTLINE,
        COUNT,
        NONE,
        ORGANISATION,
        SERVICES,
        PHONES,
        HOURS,
        REGIONS,
        ELIGIBLE,
        LANGUAGES,
        SOURCE,
        VERIFIED,
        NOTE,
        NO_PHONE,
        STALE,
        "contacts-all-regions",
        "contacts-not-in-seeds",
        "contacts-from-organisation",
        "contacts-citizens",
        "contacts-foreign-citizens",
        "contacts-yes",
        "contacts-no",
        "contacts-not-stated",
        "contacts-any-gender",
        "contacts-any-age",
        "contacts-only-women",
        "contacts-only-men",
        "contacts-only-adults",
        "contacts-only-children",
        "contacts-only-groups",
        "contacts-only-citizens",
        "contacts-only-foreign",
        "contacts-ask-foreign",
        "contacts-if-child",
        "contacts-if-adult",
        "contacts-if-foreign",
        "contacts-if-citizen",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    ids.extend(Service::ALL.iter().map(|s| service_id(*s)));
    ids.extend(Group::ALL.iter().map(|g| group_id(*g)));
    ids
}

fn service_id(s: Service) -> String {
    format!("contacts-service-{}", s.as_str())
}

fn group_id(g: Group) -> String {
    format!("contacts-group-{}", g.as_str())
}

/// A service's name.
#[must_use]
pub fn service(loc: &Localizer, s: Service) -> String {
    loc.msg(&service_id(s))
}

/// A group's name.
#[must_use]
pub fn group(loc: &Localizer, g: Group) -> String {
    loc.msg(&group_id(g))
}

/// The services of a contact, comma-separated; `—` when the source names none.
#[must_use]
pub fn services(loc: &Localizer, c: &Contact) -> String {
    if c.services.is_empty() {
        return "—".to_owned();
    }
    c.services
        .iter()
        .map(|s| service(loc, *s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The phones, one a line, or "no verified phone number".
#[must_use]
pub fn phones(loc: &Localizer, c: &Contact) -> String {
    if c.phones.is_empty() {
        loc.msg(NO_PHONE)
    } else {
        c.phones.join("\n")
    }
}

/// The regions: "all regions", or their names from `regions` (a localizer holding the
/// `opt-region-<id>` messages of the `region` question), falling back to the id.
#[must_use]
pub fn regions(loc: &Localizer, regions: Option<&Localizer>, c: &Contact) -> String {
    c.regions
        .iter()
        .map(|r| {
            if r == ALL_REGIONS {
                loc.msg("contacts-all-regions")
            } else {
                regions
                    .and_then(|l| l.try_msg(&format!("opt-region-{r}")))
                    .unwrap_or_else(|| r.clone())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn answer(loc: &Localizer, t: Tri) -> String {
    loc.msg(match t {
        Tri::Yes => "contacts-yes",
        Tri::No => "contacts-no",
        Tri::Unknown => "contacts-not-stated",
    })
}

/// Who can get help, one line each; empty when the source says nothing.
#[must_use]
pub fn eligibility(loc: &Localizer, c: &Contact) -> Vec<String> {
    let e = &c.eligible;
    let mut out = Vec::new();
    if e.foreign_citizens == Tri::No && e.citizens != Tri::No {
        out.push(loc.msg("contacts-only-citizens"));
    } else if e.citizens == Tri::No && e.foreign_citizens != Tri::No {
        out.push(loc.msg("contacts-only-foreign"));
    } else if e.citizens != Tri::Unknown || e.foreign_citizens != Tri::Unknown {
        for (id, t) in [
            ("contacts-citizens", e.citizens),
            ("contacts-foreign-citizens", e.foreign_citizens),
        ] {
            let mut args = FluentArgs::new();
            args.set("answer", answer(loc, t));
            out.push(loc.msg_args(id, &args));
        }
    }
    match e.gender {
        Gender::Any => out.push(loc.msg("contacts-any-gender")),
        Gender::Women => out.push(loc.msg("contacts-only-women")),
        Gender::Men => out.push(loc.msg("contacts-only-men")),
        Gender::Unknown => {}
    }
    match e.age {
        Age::Any => out.push(loc.msg("contacts-any-age")),
        Age::Adults => out.push(loc.msg("contacts-only-adults")),
        Age::Children => out.push(loc.msg("contacts-only-children")),
        Age::Unknown => {}
    }
    if !e.groups.is_empty() {
        out.push(only_groups(loc, &e.groups));
    }
    out
}

fn only_groups(loc: &Localizer, groups: &[Group]) -> String {
    let mut args = FluentArgs::new();
    args.set(
        "groups",
        groups
            .iter()
            .map(|g| group(loc, *g))
            .collect::<Vec<_>>()
            .join(", "),
    );
    loc.msg_args("contacts-only-groups", &args)
}

/// "not in the seed sources" or "provided by the organisation"; nothing for seed facts.
#[must_use]
pub fn source_kind(loc: &Localizer, kind: SourceKind) -> Option<String> {
    match kind {
        SourceKind::Seed => None,
        SourceKind::Public => Some(loc.msg("contacts-not-in-seeds")),
        SourceKind::Organisation => Some(loc.msg("contacts-from-organisation")),
    }
}

/// The source: document, fact, and its kind when not a seed.
#[must_use]
pub fn source(loc: &Localizer, c: &Contact) -> String {
    let mut out = format!("{}:\n{}", c.source.document, c.source.fact);
    if let Some(kind) = source_kind(loc, c.source.kind) {
        out.push_str(&format!("\n({kind})"));
    }
    out
}

/// The warning for an entry older than 12 months.
#[must_use]
pub fn stale(loc: &Localizer, verified: Verified) -> String {
    let mut args = FluentArgs::new();
    args.set("date", verified.to_string());
    loc.msg_args(STALE, &args)
}

/// A caveat of a picked contact.
#[must_use]
pub fn caveat(loc: &Localizer, c: &Caveat) -> String {
    match c {
        Caveat::OnlyCitizens => loc.msg("contacts-only-citizens"),
        Caveat::OnlyForeignCitizens => loc.msg("contacts-only-foreign"),
        Caveat::AskAboutForeignCitizens => loc.msg("contacts-ask-foreign"),
        Caveat::OnlyGroups(groups) => only_groups(loc, groups),
        Caveat::OnlyAdults => loc.msg("contacts-only-adults"),
        Caveat::OnlyChildren => loc.msg("contacts-only-children"),
        Caveat::OnlyWomen => loc.msg("contacts-only-women"),
        Caveat::OnlyMen => loc.msg("contacts-only-men"),
        Caveat::If(Condition::IfChild) => loc.msg("contacts-if-child"),
        Caveat::If(Condition::IfAdult) => loc.msg("contacts-if-adult"),
        Caveat::If(Condition::IfForeign) => loc.msg("contacts-if-foreign"),
        Caveat::If(Condition::IfCitizen) => loc.msg("contacts-if-citizen"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::Folder;

    fn loc(lang: &str) -> Localizer {
        Localizer::new(lang, &Folder::embedded_locales(), Some((MESSAGES, None)))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_label_exists_in_every_shipped_language() {
        for lang in ["en", "ru", "kk"] {
            let l = loc(lang);
            for id in message_ids() {
                assert!(l.has(&id), "{lang}: {id}");
            }
        }
    }

    #[test]
    fn labels_are_localized() {
        assert_eq!(service(&loc("en"), Service::LegalAid), "legal aid");
        assert_ne!(service(&loc("ru"), Service::LegalAid), "legal aid");
        let v = Verified::parse("2020").unwrap_or_else(|| panic!("date"));
        assert!(stale(&loc("kk"), v).contains("2020"));
        assert_eq!(
            caveat(&loc("en"), &Caveat::OnlyCitizens),
            "only for citizens of Kazakhstan"
        );
    }
}
