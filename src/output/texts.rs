//! Localized texts looked up once per run, so that formatting a record needs no message lookup
//! for names (levels, sections, dimensions, indicators, outcomes).

use fluent_bundle::FluentArgs;

use crate::i18n::{keys, Localizer};
use crate::level::Level;
use crate::ruleset::RuleSet;

/// Localized names for one rule set in one language.
#[derive(Debug)]
pub struct Texts {
    /// The localizer, for messages with arguments.
    pub loc: Localizer,
    /// Level names, indexed by `Level as usize`.
    pub levels: Vec<String>,
    /// Section names.
    pub sections: Vec<String>,
    /// Dimension names.
    pub dimensions: Vec<String>,
    /// Indicator descriptions.
    pub indicators: Vec<String>,
    /// Outcome descriptions.
    pub outcomes: Vec<String>,
    /// Outcome actions.
    pub actions: Vec<String>,
    /// Red-flag descriptions.
    pub red_flags: Vec<String>,
    /// Question texts.
    pub questions: Vec<String>,
    /// Summary lines already formatted: many records share one (formatting with fluent is the
    /// costly part of a record's output).
    pub(crate) summaries: std::cell::RefCell<std::collections::HashMap<SummaryKey, String>>,
}

/// Everything a summary line depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SummaryKey {
    pub now: Level,
    pub upper: Level,
    pub count: usize,
    /// One bit per section of a deciding question.
    pub sections: u128,
    /// One bit per red flag that fired in every age scenario.
    pub red_flags: u128,
    pub age: crate::engine::AgeStatus,
    pub safety_checked: bool,
    pub applicable: crate::condition::Tri,
    /// The outcome that says why the rule set does not apply (only when `applicable` is false).
    pub not_applicable: Option<usize>,
}

/// Hashed as three words rather than field by field: the key is looked up for every record
/// scored, and hashing its nine fields one at a time was about 1% of the work. Equal keys give
/// equal words (the fields are only mixed, never left out), as `Hash` requires.
impl std::hash::Hash for SummaryKey {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let small = self.now as u64
            | (self.upper as u64) << 3
            | (self.age as u64) << 6
            | u64::from(self.safety_checked) << 9
            | (self.applicable as u64) << 10
            | self
                .not_applicable
                .map_or(0, |i| (i as u64).wrapping_add(1))
                << 12;
        h.write_u64(small ^ (self.count as u64).rotate_left(40));
        h.write_u128(self.sections ^ self.red_flags.rotate_left(64));
    }
}

impl Texts {
    /// Looks up every name once.
    #[must_use]
    pub fn new(loc: Localizer, rs: &RuleSet) -> Self {
        let levels = Level::ALL
            .iter()
            .map(|l| loc.msg(&format!("level-{}", l.as_str())))
            .collect();
        Texts {
            levels,
            sections: rs
                .sections
                .iter()
                .map(|s| loc.msg(&keys::section(s)))
                .collect(),
            dimensions: rs
                .dimensions
                .iter()
                .map(|d| loc.msg(&keys::dimension(&d.id)))
                .collect(),
            indicators: rs
                .indicators
                .iter()
                .map(|i| loc.msg(&keys::indicator(&i.id)))
                .collect(),
            outcomes: rs
                .outcomes
                .iter()
                .map(|o| loc.msg(&keys::outcome(&o.id)))
                .collect(),
            actions: rs
                .outcomes
                .iter()
                .map(|o| loc.msg(&keys::outcome_action(&o.id)))
                .collect(),
            red_flags: rs
                .red_flags
                .iter()
                .map(|f| loc.msg(&keys::red_flag(&f.id)))
                .collect(),
            questions: rs
                .questions
                .iter()
                .map(|q| loc.msg(&keys::question(&q.id)))
                .collect(),
            summaries: std::cell::RefCell::default(),
            loc,
        }
    }

    /// A level's name.
    #[must_use]
    pub fn level(&self, l: Level) -> &str {
        self.levels.get(l as usize).map_or("", String::as_str)
    }

    /// A UI message.
    #[must_use]
    pub fn msg(&self, id: &str) -> String {
        self.loc.msg(id)
    }

    /// A UI message with one numeric argument `count`.
    #[must_use]
    pub fn count(&self, id: &str, count: u64) -> String {
        let mut args = FluentArgs::new();
        args.set("count", count);
        self.loc.msg_args(id, &args)
    }
}
