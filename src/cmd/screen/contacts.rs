//! Whom to call: the referral directory's picks for this person, as summary lines and as a
//! short card in the person's language.

use std::fmt::Write as _;

use anyhow::anyhow;

use tipscreen::answer::Answer;
use tipscreen::diagnostic::SourceMap;
use tipscreen::engine::{AgeStatus, Evaluation};
use tipscreen::i18n::Localizer;
use tipscreen::level::Level;
use tipscreen::output::summary::ContactLine;
use tipscreen::output::table::new_table;
use tipscreen::referral::labels;
use tipscreen::referral::validate::{load, Input};
use tipscreen::referral::{select, Directory, Person};
use tipscreen::ruleset::{Folder, RuleSet};

/// The shipped directory and where its labels are.
pub struct Contacts {
    dir: Directory,
    locales: Folder,
}

impl Contacts {
    /// Loads the shipped directory.
    pub fn load(locales: &Folder) -> anyhow::Result<Self> {
        let mut sources = SourceMap::default();
        let loaded = load(&[Input::shipped()], &mut sources);
        let dir = loaded.directory.ok_or_else(|| {
            anyhow!("the shipped contact directory has errors; run `tipscreen check`")
        })?;
        Ok(Contacts {
            dir,
            locales: locales.clone(),
        })
    }

    /// The contacts for this person, localized in `lang`.
    pub fn lines(
        &self,
        rs: &RuleSet,
        e: &Evaluation,
        answers: &[Answer],
        region: Option<&str>,
        lang: &Localizer,
    ) -> Vec<ContactLine> {
        let person = person(rs, e, answers, region);
        let Ok(loc) = Localizer::new(lang.lang(), &self.locales, Some((labels::MESSAGES, None)))
        else {
            return Vec::new();
        };
        select(&self.dir, &person)
            .into_iter()
            .map(|s| {
                let c = s.contact;
                let mut note: Vec<String> = s
                    .caveats
                    .iter()
                    .map(|cv| labels::caveat(&loc, cv))
                    .collect();
                if let Some(n) = c.note_in(loc.lang()) {
                    note.push(n.to_owned());
                }
                ContactLine {
                    name: c.name_in(loc.lang()).to_owned(),
                    phones: labels::phones(&loc, c),
                    what: labels::services(&loc, c),
                    note: note.join("\n"),
                }
            })
            .collect()
    }
}

/// What selection needs: the level (urgent when a red flag fired), citizenship, age, region
/// (the interview's, else the one answered).
fn person(rs: &RuleSet, e: &Evaluation, answers: &[Answer], region: Option<&str>) -> Person {
    let choice = |id: &str| -> Option<&str> {
        let q = rs.question(id)?;
        match answers.get(q)? {
            Answer::Choice(i) => rs
                .questions
                .get(q)?
                .options
                .get(usize::from(*i))
                .map(String::as_str),
            _ => None,
        }
    };
    let foreign = choice("citizenship").map(|c| c != "kazakhstan");
    let child = match e.age {
        AgeStatus::Child | AgeStatus::AppearsMinor => Some(true),
        AgeStatus::Adult => Some(false),
        AgeStatus::Unknown | AgeStatus::NotTracked => None,
    };
    let answered_region = choice("region").filter(|r| *r != "outside_kazakhstan");
    Person {
        level: if e.red_flag_fired {
            Level::Urgent
        } else {
            e.now
        },
        foreign,
        region: region.or(answered_region).map(str::to_owned),
        child,
    }
}

/// A short card of contacts, e.g. in the person's language at the end of the interview.
pub fn card(lines: &[ContactLine], loc: &Localizer, width: u16) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", loc.msg("summary-card-title"));
    let mut t = new_table(Some(width));
    for l in lines {
        let mut what = l.what.clone();
        if !l.note.is_empty() {
            what.push('\n');
            what.push_str(&l.note);
        }
        t.add_row(vec![l.name.clone(), l.phones.clone(), what]);
    }
    let _ = writeln!(out, "{t}");
    out
}
