//! The end-of-interview summary for the officer or volunteer: the level in plain words, what to
//! do, the elements behind it, the questions that could change it, and whom to call. A pure
//! function of the evaluation to text, laid out for a given width (80 columns by default).

use std::fmt::Write as _;

use fluent_bundle::FluentArgs;

use super::explain::{fired_red_flag_texts, summary_text};
use super::table::new_table;
use super::Texts;
use crate::condition::Tri;
use crate::engine::{AgeStatus, Evaluation};
use crate::level::Level;
use crate::ruleset::RuleSet;

/// One contact line of the summary, already localized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLine {
    /// Organisation.
    pub name: String,
    /// Phone numbers, or the localized "no verified phone number".
    pub phones: String,
    /// Why it is listed / what it offers.
    pub what: String,
    /// A note (eligibility, source caveat).
    pub note: String,
}

/// Appends `text` wrapped at word boundaries to `width`, ending with a newline.
fn para(out: &mut String, text: &str, width: u16) {
    // An empty line wraps to one empty piece, so blank lines stay single.
    for line in text.lines() {
        for piece in textwrap::wrap(line, usize::from(width.max(20))) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
}

/// Renders the summary.
#[must_use]
pub fn render_summary(
    rs: &RuleSet,
    texts: &Texts,
    e: &Evaluation,
    contacts: &[ContactLine],
    width: u16,
) -> String {
    let mut out = String::from("\n");
    let rule = "═".repeat(usize::from(width.clamp(20, 200)));
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(out, "{}", texts.msg("summary-title"));
    let _ = writeln!(out, "{rule}");

    // The level in words, now and at most.
    if e.applicable == Tri::False {
        para(&mut out, &summary_text(rs, texts, e), width);
    } else {
        let mut args = FluentArgs::new();
        args.set("level", texts.level(e.now));
        para(
            &mut out,
            &texts.loc.msg_args("summary-level-now", &args),
            width,
        );
        if !e.settled() {
            let mut args = FluentArgs::new();
            args.set("level", texts.level(e.upper));
            para(
                &mut out,
                &texts.loc.msg_args("summary-level-upper", &args),
                width,
            );
        }
        para(
            &mut out,
            &texts.msg(&format!("level-meaning-{}", e.now.as_str())),
            width,
        );
    }
    out.push('\n');

    let flags = fired_red_flag_texts(texts, e);
    if !flags.is_empty() {
        para(&mut out, &texts.msg("summary-red-flags"), width);
        for f in flags {
            para(&mut out, &format!("! {f}"), width);
        }
        out.push('\n');
    }
    if let Some(i) = e.now_outcome {
        let outcome = rs.outcomes.get(i);
        // With a red flag, "no signs" would contradict it; the flag says what to do.
        if !(e.red_flag_fired && outcome.is_some_and(|o| o.level == Level::None)) {
            if let (Some(what), Some(action)) = (texts.outcomes.get(i), texts.actions.get(i)) {
                // "Not applicable" already gave the reason in its first line.
                if e.applicable != Tri::False {
                    para(&mut out, what, width);
                }
                para(
                    &mut out,
                    &format!("{}: {action}", texts.msg("summary-action")),
                    width,
                );
                out.push('\n');
            }
        }
    }
    match e.age {
        AgeStatus::Unknown => {
            para(&mut out, &texts.msg("age-unknown-short"), width);
            out.push('\n');
        }
        AgeStatus::AppearsMinor => {
            para(&mut out, &texts.msg("age-appears-minor-short"), width);
            out.push('\n');
        }
        _ => {}
    }
    if !e.safety_checked {
        para(&mut out, &texts.msg("summary-safety-not-checked"), width);
        out.push('\n');
    }

    // Elements (dimensions) with the indicators behind each.
    let mut table = new_table(Some(width));
    table.set_header(vec![
        texts.msg("md-dimension"),
        texts.msg("md-state"),
        texts.msg("md-indicators"),
    ]);
    for (d, dr) in e.dimensions.iter().enumerate() {
        let state = match dr.present {
            Tri::True => texts.msg("state-present"),
            Tri::False => texts.msg("state-absent"),
            Tri::Unknown => texts.msg("state-undetermined"),
        };
        let fired: Vec<&str> = rs
            .dimensions
            .get(d)
            .map(|dim| {
                dim.indicators
                    .iter()
                    .filter(|&&i| e.indicators.get(i) == Some(&Tri::True))
                    .filter_map(|&i| texts.indicators.get(i).map(String::as_str))
                    .collect()
            })
            .unwrap_or_default();
        table.add_row(vec![
            texts.dimensions.get(d).cloned().unwrap_or_default(),
            state,
            if fired.is_empty() {
                "—".to_owned()
            } else {
                fired.join("\n")
            },
        ]);
    }
    let _ = writeln!(out, "{table}\n");

    // The questions that could change the result.
    let open: Vec<usize> = e
        .deciding_not_asked
        .iter()
        .chain(&e.deciding_unknown)
        .copied()
        .collect();
    if !open.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            texts.count("summary-open-questions", open.len() as u64)
        );
        for q in open {
            let _ = writeln!(
                out,
                "  - {}",
                texts.questions.get(q).map_or("", String::as_str)
            );
        }
        out.push('\n');
    }

    if !contacts.is_empty() {
        let _ = writeln!(out, "{}", texts.msg("summary-contacts"));
        let mut table = new_table(Some(width));
        table.set_header(vec![
            texts.msg("summary-col-organisation"),
            texts.msg("summary-col-phones"),
            texts.msg("summary-col-why"),
        ]);
        for c in contacts {
            let mut why = c.what.clone();
            if !c.note.is_empty() {
                why.push('\n');
                why.push_str(&c.note);
            }
            table.add_row(vec![c.name.clone(), c.phones.clone(), why]);
        }
        let _ = writeln!(out, "{table}\n");
    }

    para(&mut out, &texts.msg("disclaimer-screening"), width);
    para(&mut out, &texts.msg("disclaimer-non-punishment"), width);
    out
}
