//! `--format markdown`: a report with one section per record and every reason spelled out.

use std::io::{self, Write};

use fluent_bundle::FluentArgs;

use super::explain::{evidence, summary_text};
use super::{Report, ReportContext, Scored, Totals, TOOL_VERSION};
use crate::condition::Tri;
use crate::level::Level;

pub(crate) struct MarkdownReport<'a> {
    ctx: &'a ReportContext<'a>,
}

impl<'a> MarkdownReport<'a> {
    pub(crate) fn new(ctx: &'a ReportContext<'a>) -> Self {
        MarkdownReport { ctx }
    }
}

/// Escapes the characters that would break a Markdown table cell or start markup.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('\n', " ")
}

impl Report for MarkdownReport<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let t = self.ctx.texts;
        let rs = self.ctx.rs;
        writeln!(out, "# {}\n", t.msg("md-title"))?;
        let mut args = FluentArgs::new();
        args.set("id", rs.meta.id.as_str());
        args.set("version", rs.meta.version.as_str());
        args.set("hash", rs.meta.hash.get(..16).unwrap_or(&rs.meta.hash));
        args.set("tool", TOOL_VERSION);
        writeln!(out, "{}\n", t.loc.msg_args("md-ruleset", &args))?;
        writeln!(
            out,
            "> {}\n> {}\n",
            t.msg("disclaimer-screening"),
            t.msg("disclaimer-non-punishment")
        )
    }

    fn record(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let t = self.ctx.texts;
        let rs = self.ctx.rs;
        let r = s.record;
        let mut args = FluentArgs::new();
        args.set("number", r.number);
        args.set("line", r.line);
        args.set(
            "case",
            if r.case_id.is_empty() {
                "—"
            } else {
                r.case_id.as_str()
            },
        );
        // An interview report has no input line: it is titled by the interview's id.
        let title = if r.line == 0 {
            "md-interview"
        } else {
            "md-record"
        };
        writeln!(out, "## {}\n", md(&t.loc.msg_args(title, &args)))?;
        let Some(e) = s.eval else {
            let mut args = FluentArgs::new();
            args.set("line", r.line);
            writeln!(
                out,
                "**{}**: {}\n",
                t.loc.msg_args("summary-error", &args),
                md(r.error.as_deref().unwrap_or_default())
            )?;
            return Ok(());
        };
        writeln!(
            out,
            "**{}:** {}\n",
            t.msg("md-level"),
            md(&summary_text(rs, t, e))
        )?;
        // With a red flag, "no signs" would contradict it: the red flag says what to do.
        let outcome = e.now_outcome.filter(|&i| {
            !(e.red_flag_fired && rs.outcomes.get(i).is_some_and(|o| o.level == Level::None))
        });
        if let Some(i) = outcome {
            writeln!(
                out,
                "{}\n\n**{}:** {}\n",
                md(t.outcomes.get(i).map_or("", String::as_str)),
                t.msg("md-action"),
                md(t.actions.get(i).map_or("", String::as_str))
            )?;
        }
        if e.red_flag_fired {
            for (i, st) in e.red_flags.iter().enumerate() {
                if *st == Tri::True {
                    writeln!(
                        out,
                        "- **{}** {}",
                        t.level(Level::Urgent),
                        md(t.red_flags.get(i).map_or("", String::as_str))
                    )?;
                }
            }
            writeln!(out)?;
        }
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            t.msg("md-dimension"),
            t.msg("md-state"),
            t.msg("strength-strong"),
            t.msg("strength-medium"),
            t.msg("strength-weak")
        )?;
        for (d, dr) in e.dimensions.iter().enumerate() {
            let range = |(lo, hi): (u32, u32)| {
                if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo}–{hi}")
                }
            };
            let state = match dr.present {
                Tri::True => t.msg("state-present"),
                Tri::False => t.msg("state-absent"),
                Tri::Unknown => t.msg("state-undetermined"),
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md(t.dimensions.get(d).map_or("", String::as_str)),
                state,
                range(dr.counts[0]),
                range(dr.counts[1]),
                range(dr.counts[2])
            )?;
        }
        writeln!(out, "\n**{}**\n", t.msg("md-indicators"))?;
        let mut any = false;
        for i in e.fired() {
            any = true;
            let (Some(ind), Some(desc)) = (rs.indicators.get(i), t.indicators.get(i)) else {
                continue;
            };
            let evidence: Vec<String> = evidence(rs, self.ctx.prepared, e, i, self.ctx.redact)
                .map(|(question, answer)| format!("`{}` = `{answer}`", question.id))
                .collect();
            let strength = t.msg(&format!("strength-{}", ind.strength.as_str()));
            writeln!(out, "- {} ({strength}; {})", md(desc), evidence.join(", "))?;
        }
        if !any {
            writeln!(out, "- {}", t.msg("md-no-indicators"))?;
        }
        for (title, list) in [
            ("md-deciding-not-asked", &e.deciding_not_asked),
            ("md-deciding-unknown", &e.deciding_unknown),
            ("md-safety-unanswered", &e.safety_unanswered),
        ] {
            if list.is_empty() {
                continue;
            }
            writeln!(out, "\n**{}**\n", t.msg(title))?;
            for &q in list {
                writeln!(
                    out,
                    "- {}",
                    md(t.questions.get(q).map_or("", String::as_str))
                )?;
            }
        }
        if !r.warnings.is_empty() {
            writeln!(out, "\n**{}**\n", t.msg("md-warnings"))?;
            for w in &r.warnings {
                writeln!(out, "- {}", md(&w.message))?;
            }
        }
        if !r.fields.is_empty() {
            writeln!(out, "\n**{}**\n", t.msg("md-fields"))?;
            for (k, v) in &r.fields {
                writeln!(out, "- {}: {}", md(k), md(v))?;
            }
        }
        writeln!(out)
    }

    fn end(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let t = self.ctx.texts;
        writeln!(out, "## {}\n", t.msg("totals-level"))?;
        writeln!(
            out,
            "| {} | {} |\n|---|---|",
            t.msg("totals-level"),
            t.msg("totals-records")
        )?;
        for l in Level::ALL.iter().rev() {
            writeln!(out, "| {} | {} |", t.level(*l), totals.level(*l))?;
        }
        if totals.errors > 0 {
            writeln!(out, "| {} | {} |", t.msg("totals-errors"), totals.errors)?;
        }
        writeln!(out, "\n{}", t.count("totals-line", totals.records))
    }
}
