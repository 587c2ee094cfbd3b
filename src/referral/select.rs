//! Picks the contacts for one person: the rules in order, each picking contacts in directory
//! order, filtered by region and eligibility, with the reasons and caveats of each pick.

use serde::Serialize;

use super::model::{is_region, Age, Contact, Directory, Gender, Group, Rule, Service, Tri};
use crate::level::Level;

/// What selection needs to know about the person. `None` means unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// The screening level.
    pub level: Level,
    /// Not a citizen of Kazakhstan (a foreign citizen or a stateless person).
    pub foreign: Option<bool>,
    /// Region id where the person is (or works); an id outside [`super::REGIONS`] counts as
    /// unknown.
    pub region: Option<String>,
    /// Under 18.
    pub child: Option<bool>,
}

/// A fact about the person that a rule depends on but that is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The rule is for children.
    IfChild,
    /// The rule is for adults.
    IfAdult,
    /// The rule is for persons who are not citizens of Kazakhstan.
    IfForeign,
    /// The rule is for citizens of Kazakhstan.
    IfCitizen,
}

/// Why a contact was picked: one per rule that picked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Why {
    /// The rule's id.
    pub rule: String,
    /// The rule names the contact in `contacts`.
    pub named: bool,
    /// The rule's services the contact offers.
    pub services: Vec<Service>,
    /// Unknown facts the rule depends on (all must hold); empty when it applies for sure.
    pub only_if: Vec<Condition>,
}

/// Something the officer must know before using a picked contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "groups", rename_all = "snake_case")]
pub enum Caveat {
    /// The contact does not accept foreign citizens and the person's citizenship is unknown.
    OnlyCitizens,
    /// The contact does not help citizens and the person's citizenship is unknown.
    OnlyForeignCitizens,
    /// A shelter whose source does not say whether it accepts foreign citizens, for a foreign
    /// citizen: state-funded shelters do not (seed 001), so ask first.
    AskAboutForeignCitizens,
    /// Only for these groups.
    OnlyGroups(Vec<Group>),
    /// Adults only, and the person's age is unknown.
    OnlyAdults,
    /// Children only, and the person's age is unknown.
    OnlyChildren,
    /// Women only.
    OnlyWomen,
    /// Men only.
    OnlyMen,
    /// Picked only by rules that depend on an unknown fact.
    If(Condition),
}

/// One picked contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selected<'d> {
    /// The contact.
    pub contact: &'d Contact,
    /// The rules that picked it, in rule order.
    pub why: Vec<Why>,
    /// What to check before using it.
    pub caveats: Vec<Caveat>,
}

/// How a rule's profile condition meets a possibly unknown fact: `None` when it does not apply,
/// else the unknown facts it depends on.
fn profile(rule: &Rule, person: &Person) -> Option<Vec<Condition>> {
    let mut only_if = Vec::new();
    let mut check = |wanted: Option<bool>, actual: Option<bool>, yes, no| match (wanted, actual) {
        (None, _) => true,
        (Some(w), Some(a)) => w == a,
        (Some(w), None) => {
            only_if.push(if w { yes } else { no });
            true
        }
    };
    let applies = check(
        rule.child,
        person.child,
        Condition::IfChild,
        Condition::IfAdult,
    ) && check(
        rule.foreign,
        person.foreign,
        Condition::IfForeign,
        Condition::IfCitizen,
    );
    applies.then_some(only_if)
}

/// Whether the contact may be given to the person at all.
fn eligible(contact: &Contact, person: &Person, region: Option<&str>) -> bool {
    let e = &contact.eligible;
    region.is_none_or(|r| contact.serves(r))
        // The sourced rule (seed 001): a contact that does not accept foreign citizens is never
        // given to one.
        && !(person.foreign == Some(true) && e.foreign_citizens == Tri::No)
        && !(person.foreign == Some(false) && e.citizens == Tri::No)
        && !(person.child == Some(true) && e.age == Age::Adults)
        && !(person.child == Some(false) && e.age == Age::Children)
}

fn caveats(contact: &Contact, person: &Person, why: &[Why]) -> Vec<Caveat> {
    let e = &contact.eligible;
    let mut out = Vec::new();
    if person.foreign.is_none() && e.foreign_citizens == Tri::No {
        out.push(Caveat::OnlyCitizens);
    }
    if person.foreign.is_none() && e.citizens == Tri::No {
        out.push(Caveat::OnlyForeignCitizens);
    }
    if person.foreign == Some(true)
        && e.foreign_citizens == Tri::Unknown
        && contact.offers(Service::Shelter)
    {
        out.push(Caveat::AskAboutForeignCitizens);
    }
    if !e.groups.is_empty() {
        out.push(Caveat::OnlyGroups(e.groups.clone()));
    }
    match (e.age, person.child) {
        (Age::Adults, None) => out.push(Caveat::OnlyAdults),
        (Age::Children, None) => out.push(Caveat::OnlyChildren),
        _ => {}
    }
    match e.gender {
        Gender::Women => out.push(Caveat::OnlyWomen),
        Gender::Men => out.push(Caveat::OnlyMen),
        _ => {}
    }
    if why.iter().all(|w| !w.only_if.is_empty()) {
        for c in why.iter().flat_map(|w| &w.only_if) {
            if !out.contains(&Caveat::If(*c)) {
                out.push(Caveat::If(*c));
            }
        }
    }
    out
}

/// The contacts for `person`: every rule that applies, in rule order, each picking the
/// contacts it names or that offer one of its services, in directory order; each contact once,
/// with every reason. A contact that does not accept foreign citizens is never picked for a
/// foreign citizen.
#[must_use]
pub fn select<'d>(dir: &'d Directory, person: &Person) -> Vec<Selected<'d>> {
    let region = person.region.as_deref().filter(|r| is_region(r));
    let mut out: Vec<Selected<'d>> = Vec::new();
    for rule in &dir.rules {
        if person.level < rule.min_level {
            continue;
        }
        let Some(only_if) = profile(rule, person) else {
            continue;
        };
        for contact in &dir.contacts {
            let named = rule.contacts.contains(&contact.id);
            let services: Vec<Service> = rule
                .services
                .iter()
                .copied()
                .filter(|s| contact.offers(*s))
                .collect();
            if (!named && services.is_empty()) || !eligible(contact, person, region) {
                continue;
            }
            let why = Why {
                rule: rule.id.clone(),
                named,
                services,
                only_if: only_if.clone(),
            };
            match out.iter_mut().find(|s| s.contact.id == contact.id) {
                Some(s) => s.why.push(why),
                None => out.push(Selected {
                    contact,
                    why: vec![why],
                    caveats: Vec::new(),
                }),
            }
        }
    }
    for s in &mut out {
        s.caveats = caveats(s.contact, person, &s.why);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceMap;
    use crate::referral::validate::{load, Input};

    const DIR: &str = r#"
[[contact]]
id = "emergency"
name = { en = "Emergency" }
services = ["emergency"]
regions = ["all"]
phones = ["112"]
source = { kind = "public", document = "d", fact = "f" }
verified = "2026-11-24"

[[contact]]
id = "state_shelter"
name = { en = "State shelter" }
services = ["shelter"]
regions = ["all"]
eligible = { citizens = true, foreign_citizens = false }
phones = []
note = "no phone"
source = { kind = "seed", document = "d", fact = "f" }
verified = "2020"

[[contact]]
id = "ngo_shelter"
name = { en = "NGO shelter" }
services = ["shelter", "legal_aid"]
regions = ["almaty_city"]
phones = []
note = "no phone"
source = { kind = "seed", document = "d", fact = "f" }
verified = "2021-02"

[[contact]]
id = "refugee_help"
name = { en = "Refugee help" }
services = ["legal_aid"]
regions = ["all"]
eligible = { citizens = false, foreign_citizens = true, groups = ["refugees"] }
phones = []
note = "no phone"
source = { kind = "seed", document = "d", fact = "f" }
verified = "2021-02"

[[contact]]
id = "children"
name = { en = "Children" }
services = ["child_protection"]
regions = ["all"]
phones = ["111"]
source = { kind = "public", document = "d", fact = "f" }
verified = "2026-11-24"

[[rule]]
id = "urgent"
min_level = "urgent"
contacts = ["emergency"]

[[rule]]
id = "child"
child = true
services = ["child_protection"]

[[rule]]
id = "high"
min_level = "high"
services = ["shelter", "legal_aid"]

[[rule]]
id = "foreign"
foreign = true
contacts = ["refugee_help"]
"#;

    fn dir() -> Directory {
        let mut sources = SourceMap::default();
        let l = load(&[Input::text("t.toml", DIR)], &mut sources);
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        l.directory.unwrap_or_else(|| panic!("loads"))
    }

    fn ids(s: &[Selected<'_>]) -> Vec<String> {
        s.iter().map(|s| s.contact.id.clone()).collect()
    }

    fn person(level: Level, foreign: Option<bool>, region: Option<&str>) -> Person {
        Person {
            level,
            foreign,
            region: region.map(str::to_owned),
            child: Some(false),
        }
    }

    #[test]
    fn a_foreign_citizen_never_gets_a_contact_that_refuses_foreigners() {
        let d = dir();
        let s = select(&d, &person(Level::Urgent, Some(true), Some("almaty_city")));
        assert_eq!(
            ids(&s),
            vec!["emergency", "ngo_shelter", "refugee_help"],
            "{s:#?}"
        );
        let ngo = s.iter().find(|s| s.contact.id == "ngo_shelter");
        assert_eq!(
            ngo.map(|s| s.caveats.clone()),
            Some(vec![Caveat::AskAboutForeignCitizens])
        );
        // The refugee contact is picked by two rules: the reasons are merged.
        let refugee = s.iter().find(|s| s.contact.id == "refugee_help");
        assert_eq!(
            refugee.map(|s| s.why.iter().map(|w| w.rule.as_str()).collect::<Vec<_>>()),
            Some(vec!["high", "foreign"])
        );
    }

    #[test]
    fn a_citizen_gets_the_state_shelter_and_no_contact_for_foreigners_only() {
        let d = dir();
        let s = select(&d, &person(Level::High, Some(false), Some("astana")));
        assert_eq!(ids(&s), vec!["state_shelter"]);
        assert!(s.iter().all(|s| s.caveats.is_empty()));
    }

    #[test]
    fn unknown_citizenship_keeps_the_state_shelter_with_a_caveat() {
        let d = dir();
        let s = select(&d, &person(Level::High, None, None));
        assert_eq!(
            ids(&s),
            vec!["state_shelter", "ngo_shelter", "refugee_help"]
        );
        assert_eq!(
            s.first().map(|s| s.caveats.clone()),
            Some(vec![Caveat::OnlyCitizens])
        );
        let refugee = s.get(2).map(|s| s.caveats.clone()).unwrap_or_default();
        assert_eq!(
            refugee,
            vec![
                Caveat::OnlyForeignCitizens,
                Caveat::OnlyGroups(vec![Group::Refugees])
            ]
        );
    }

    #[test]
    fn region_filters_unless_unknown() {
        let d = dir();
        let s = select(
            &d,
            &person(Level::High, Some(false), Some("outside_kazakhstan")),
        );
        assert_eq!(ids(&s), vec!["state_shelter", "ngo_shelter"]);
        let s = select(&d, &person(Level::High, Some(false), Some("shymkent")));
        assert_eq!(ids(&s), vec!["state_shelter"]);
    }

    #[test]
    fn a_child_gets_child_protection_and_a_possible_child_with_a_caveat() {
        let d = dir();
        let mut p = person(Level::None, Some(false), None);
        assert!(select(&d, &p).is_empty());
        p.child = Some(true);
        assert_eq!(ids(&select(&d, &p)), vec!["children"]);
        p.child = None;
        let s = select(&d, &p);
        assert_eq!(ids(&s), vec!["children"]);
        assert_eq!(
            s.first().map(|s| s.caveats.clone()),
            Some(vec![Caveat::If(Condition::IfChild)])
        );
    }

    #[test]
    fn selection_is_deterministic_and_without_duplicates() {
        let d = dir();
        let p = Person {
            level: Level::Urgent,
            foreign: None,
            region: None,
            child: None,
        };
        let a = select(&d, &p);
        let b = select(&d, &p);
        assert_eq!(a, b);
        let mut names = ids(&a);
        names.dedup();
        assert_eq!(names.len(), a.len());
        assert_eq!(names.first().map(String::as_str), Some("emergency"));
    }
}
