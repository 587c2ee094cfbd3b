//! Dates that need a look: `verified` more than 12 months before today, or after today. Today
//! is passed in: the library never reads the clock.

use super::date::Date;
use super::model::{Contact, Directory};
use crate::diagnostic::Diagnostic;

/// A contact whose `verified` date is older than this many months gets a warning.
pub const STALE_AFTER_MONTHS: u32 = 12;

/// True when the contact was last verified more than [`STALE_AFTER_MONTHS`] months before
/// `today`.
#[must_use]
pub fn is_stale(contact: &Contact, today: Date) -> bool {
    contact.verified.older_than(STALE_AFTER_MONTHS, today)
}

/// Warnings about `verified` dates as of `today` (passed in: the library never reads the
/// clock): C014 older than 12 months, C013 after today.
#[must_use]
pub fn check_dates(directory: &Directory, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &directory.contacts {
        let (file, span) = c.verified_at.clone();
        if c.verified.after(today) {
            out.push(
                Diagnostic::warning(
                    "C013",
                    format!(
                        "contact `{}`: `verified` {} is after today ({today})",
                        c.id, c.verified
                    ),
                )
                .at(file, span)
                .label("a typo, or a wrong clock?"),
            );
        } else if is_stale(c, today) {
            out.push(
                Diagnostic::warning(
                    "C014",
                    format!(
                        "contact `{}` was last verified {}, more than {STALE_AFTER_MONTHS} months before today ({today})",
                        c.id, c.verified
                    ),
                )
                .at(file, span)
                .label("check the entry and update this date")
                .with_note("an outdated entry can send a person to the wrong place"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceMap;
    use crate::referral::validate::{load, Input, Loaded};

    const GOOD: &str = r#"
[[contact]]
id = "hotline_a"
name = { en = "A" }
services = ["hotline"]
regions = ["all"]
phones = ["1414"]
source = { kind = "organisation", document = "our leaflet", fact = "we answer" }
verified = "2026-01-15"

[[contact]]
id = "shelter_b"
name = { en = "B" }
services = ["shelter"]
regions = ["all"]
phones = ["102"]
source = { kind = "seed", document = "seed 001", fact = "a fact" }
verified = 2020-07-30
"#;

    fn load_one(text: &str) -> Loaded {
        let mut sources = SourceMap::default();
        load(&[Input::text("t.toml", text)], &mut sources)
    }

    #[test]
    fn dates_are_checked_against_the_given_day() {
        let l = load_one(GOOD);
        let dir = l.directory.unwrap_or_else(|| panic!("loads"));
        let day = |s| Date::parse(s).unwrap_or_else(|| panic!("{s}"));
        let codes_at = |today| -> Vec<(&'static str, String)> {
            check_dates(&dir, day(today))
                .into_iter()
                .map(|d| (d.code, d.message))
                .collect()
        };
        let at = codes_at("2026-06-01");
        assert_eq!(at.len(), 1);
        assert!(at[0].1.contains("`shelter_b`"), "{at:?}");
        assert_eq!(at[0].0, "C014");
        let early = codes_at("2025-12-31");
        assert!(early
            .iter()
            .any(|(c, m)| *c == "C013" && m.contains("hotline_a")));
        assert_eq!(codes_at("2030-01-01").len(), 2);
    }
}
