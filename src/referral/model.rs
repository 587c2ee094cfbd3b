//! The validated referral directory: contacts with their sources, and the rules that pick them.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::date::Verified;
use crate::level::Level;
use crate::ruleset::model::Place;

/// Region ids: the 17 regions and 3 cities of republican significance, the same ids as the
/// options of the `region` question of `rules/kz-handbook/profile.toml`.
pub const REGIONS: [&str; 20] = [
    "abai",
    "akmola",
    "aktobe",
    "almaty_region",
    "atyrau",
    "east_kazakhstan",
    "jambyl",
    "jetisu",
    "karaganda",
    "kostanay",
    "kyzylorda",
    "mangystau",
    "north_kazakhstan",
    "pavlodar",
    "turkistan",
    "ulytau",
    "west_kazakhstan",
    "astana",
    "almaty_city",
    "shymkent",
];

/// `regions = ["all"]`.
pub const ALL_REGIONS: &str = "all";

/// True for one of [`REGIONS`].
#[must_use]
pub fn is_region(id: &str) -> bool {
    REGIONS.contains(&id)
}

macro_rules! id_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The id used in the directory file.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses an id.
            #[must_use]
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            /// Every id, comma-separated, for messages.
            #[must_use]
            pub fn ids() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

id_enum! {
    /// What a contact offers.
    Service {
        /// Emergency numbers: danger now, medical emergency.
        Emergency = "emergency",
        /// Police.
        Police = "police",
        /// Shelter for victims.
        Shelter = "shelter",
        /// Telephone hotline.
        Hotline = "hotline",
        /// Legal advice and assistance.
        LegalAid = "legal_aid",
        /// Medical help.
        Medical = "medical",
        /// Psychological help.
        Psychological = "psychological",
        /// Return to the home country and reintegration.
        ReturnReintegration = "return_reintegration",
        /// Protection of children's rights.
        ChildProtection = "child_protection",
        /// Consular help from the person's own country.
        Consular = "consular",
    }
}

id_enum! {
    /// Groups a contact is restricted to, when the source says so.
    Group {
        /// Persons who applied for asylum.
        AsylumSeekers = "asylum_seekers",
        /// Recognised refugees.
        Refugees = "refugees",
        /// Persons without any citizenship.
        StatelessPersons = "stateless_persons",
        /// Compatriots (ethnic Kazakhs) who have returned to Kazakhstan.
        ReturningCompatriots = "returning_compatriots",
    }
}

id_enum! {
    /// Genders a contact accepts.
    #[derive(Default)]
    Gender {
        /// Not stated in the source.
        #[default]
        Unknown = "unknown",
        /// Regardless of gender (stated in the source).
        Any = "any",
        /// Women only.
        Women = "women",
        /// Men only.
        Men = "men",
    }
}

id_enum! {
    /// Ages a contact accepts.
    #[derive(Default)]
    Age {
        /// Not stated in the source.
        #[default]
        Unknown = "unknown",
        /// Regardless of age (stated in the source).
        Any = "any",
        /// Adults (18 and over) only.
        Adults = "adults",
        /// Children (under 18) only.
        Children = "children",
    }
}

id_enum! {
    /// Where a contact's facts come from.
    SourceKind {
        /// The project's seed documents (`/work/shared/seeds`, listed in the domain brief).
        Seed = "seed",
        /// Not in the seed sources: checked in public sources on the `verified` date.
        Public = "public",
        /// Given by the organisation itself (an organisation's own directory file).
        Organisation = "organisation",
    }
}

/// Yes, no, or not stated in the source. Serialized as `true`, `false`, `"unknown"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tri {
    /// The source says yes.
    Yes,
    /// The source says no.
    No,
    /// The source does not say.
    #[default]
    Unknown,
}

impl Serialize for Tri {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tri::Yes => s.serialize_bool(true),
            Tri::No => s.serialize_bool(false),
            Tri::Unknown => s.serialize_str("unknown"),
        }
    }
}

/// Who a contact helps, as far as its source says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    /// Citizens of Kazakhstan.
    pub citizens: Tri,
    /// Persons who are not citizens of Kazakhstan (foreign citizens and stateless persons).
    pub foreign_citizens: Tri,
    /// Genders.
    pub gender: Gender,
    /// Ages.
    pub age: Age,
    /// Only these groups, when not empty.
    pub groups: Vec<Group>,
}

/// Where the facts of a contact come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Seed, public source or the organisation itself.
    pub kind: SourceKind,
    /// Which document.
    pub document: String,
    /// The fact it gives, quoted or closely paraphrased.
    pub fact: String,
}

/// One organisation or number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Unique id, e.g. `iom_kazakhstan`.
    pub id: String,
    /// Names by language code; `en` is always present.
    pub name: BTreeMap<String, String>,
    /// What it offers; empty when the source names no service (listed, never picked by service).
    pub services: Vec<Service>,
    /// Region ids, or `["all"]`.
    pub regions: Vec<String>,
    /// Who it helps.
    pub eligible: Eligibility,
    /// Languages spoken, when sourced.
    pub languages: Vec<String>,
    /// Verified phone numbers; empty when there is none (then `note` says how to reach it).
    pub phones: Vec<String>,
    /// Opening hours, when sourced.
    pub hours: Option<String>,
    /// Where the facts come from.
    pub source: Source,
    /// When the facts were last verified.
    pub verified: Verified,
    /// Plain-text note in English.
    pub note: Option<String>,
    /// The note by language (`en` included), when translated.
    pub notes: BTreeMap<String, String>,
    /// The file it was read from.
    pub file: String,
    /// Where it is defined (for diagnostics).
    #[serde(skip)]
    pub at: Place,
    /// Where `verified` is written (for diagnostics).
    #[serde(skip)]
    pub verified_at: Place,
}

impl Contact {
    /// The name in `lang`, falling back to English.
    #[must_use]
    pub fn name_in(&self, lang: &str) -> &str {
        self.name
            .get(lang)
            .or_else(|| self.name.get("en"))
            .map_or(self.id.as_str(), String::as_str)
    }

    /// The note in `lang`, falling back to English.
    #[must_use]
    pub fn note_in(&self, lang: &str) -> Option<&str> {
        self.notes
            .get(lang)
            .map(String::as_str)
            .or(self.note.as_deref())
    }

    /// True when it serves every region.
    #[must_use]
    pub fn all_regions(&self) -> bool {
        self.regions.iter().any(|r| r == ALL_REGIONS)
    }

    /// True when it serves `region` (a region id).
    #[must_use]
    pub fn serves(&self, region: &str) -> bool {
        self.all_regions() || self.regions.iter().any(|r| r == region)
    }

    /// True when it offers `service`.
    #[must_use]
    pub fn offers(&self, service: Service) -> bool {
        self.services.contains(&service)
    }
}

/// A referral rule: which contacts to give a person, by level and profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Unique id, e.g. `urgent`.
    pub id: String,
    /// Applies when the person's level is at least this.
    pub min_level: Level,
    /// Applies only to a child (`true`) or only to an adult (`false`); `None`: to everyone.
    pub child: Option<bool>,
    /// Applies only to a person who is not a citizen of Kazakhstan (`true`) or only to a
    /// citizen (`false`); `None`: to everyone.
    pub foreign: Option<bool>,
    /// Picks the contacts offering any of these services.
    pub services: Vec<Service>,
    /// Picks these contacts by id.
    pub contacts: Vec<String>,
    /// Why the rule exists.
    pub note: Option<String>,
    /// The file it was read from.
    pub file: String,
    /// Where it is defined (for diagnostics).
    #[serde(skip)]
    pub at: Place,
}

/// One or more directory files, merged: contacts and rules in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Directory {
    /// The files, in the order they were merged.
    pub files: Vec<String>,
    /// Every contact.
    pub contacts: Vec<Contact>,
    /// Every rule.
    pub rules: Vec<Rule>,
}

impl Directory {
    /// The contact with this id.
    #[must_use]
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for s in Service::ALL {
            assert_eq!(Service::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Service::parse("shelters"), None);
        assert!(Service::ids().starts_with("emergency, police"));
        assert_eq!(Group::parse("refugees"), Some(Group::Refugees));
    }

    #[test]
    fn tri_serializes_as_bool_or_unknown() {
        let v = serde_json::json!([Tri::Yes, Tri::No, Tri::Unknown]);
        assert_eq!(v.to_string(), r#"[true,false,"unknown"]"#);
    }

    #[test]
    fn twenty_regions_with_the_three_cities() {
        assert_eq!(REGIONS.len(), 20);
        for city in ["astana", "almaty_city", "shymkent"] {
            assert!(is_region(city));
        }
        assert!(!is_region("outside_kazakhstan"));
        assert!(!is_region(ALL_REGIONS));
    }
}
