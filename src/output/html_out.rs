//! `--format html` and `screen --report FILE.html`: one printable page for the case file, with
//! the content of the Markdown report. Self-contained (an inline style sheet; no links to style
//! sheets, scripts, fonts or images), so it opens the same offline and years later, and prints
//! one record per page. Every text is escaped. The records are kept until the end, because the
//! counts per level come first on the page.

use std::borrow::Cow;
use std::io::{self, Write};

use fluent_bundle::FluentArgs;

use super::explain::{evidence, summary_text};
use super::summary::ContactLine;
use super::{Report, ReportContext, Scored, Texts, Totals, TOOL_VERSION};
use crate::condition::Tri;
use crate::level::Level;
use crate::session::InterviewRecord;

/// The style sheet: readable on screen, black on white in print, a page per record.
const STYLE: &str = r#"body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; line-height: 1.45; color: #111; background: #fff; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .6rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin: 2rem 0 .8rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #888; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th, tbody th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
.notice { border: 2px solid #333; background: #f5f5f5; padding: .4rem .8rem; margin: 1rem 0; }
.notice p { margin: .3rem 0; font-weight: bold; }
.badge { display: inline-block; border: 2px solid currentColor; border-radius: .3rem; padding: 0 .4rem; font-weight: bold; }
.level-urgent .badge, .level-high .badge, .red-flags li { color: #a00000; }
.level-medium .badge { color: #7a4b00; }
.state-present { font-weight: bold; }
.evidence, .note { color: #333; }
.error { color: #a00000; }
footer { margin-top: 2rem; border-top: 1px solid #888; padding-top: .4rem; font-size: .85rem; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .record + .record { break-before: page; page-break-before: always; }
  table, tr, li, .notice { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  .badge, .notice, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Escapes text for element content and double-quoted attribute values, the only places the
/// page puts data (never into a script, a style or an unquoted attribute). There, these five
/// characters are all that can change the markup, so a few lines do it without a dependency.
fn esc(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escaped text whose line breaks stay line breaks.
fn esc_lines(s: &str) -> String {
    esc(s).replace('\n', "<br>\n")
}

/// What an interview report shows around its one record: the interview record and whom to
/// contact.
#[derive(Debug, Clone, Copy)]
pub struct InterviewPart<'a> {
    /// Who interviewed, where and when.
    pub record: &'a InterviewRecord,
    /// The contacts the summary named, already localized.
    pub referrals: &'a [ContactLine],
}

/// The HTML report: a batch page (counts per level, then the records), or an interview page.
pub(crate) struct HtmlReport<'a> {
    ctx: &'a ReportContext<'a>,
    interview: Option<InterviewPart<'a>>,
    /// The record sections, written after the counts per level.
    sections: Vec<u8>,
}

impl<'a> HtmlReport<'a> {
    pub(crate) fn new(ctx: &'a ReportContext<'a>, interview: Option<InterviewPart<'a>>) -> Self {
        HtmlReport {
            ctx,
            interview,
            sections: Vec::new(),
        }
    }
}

/// The report of one interview: call `begin`, `record` once, then `end`.
#[must_use]
pub fn interview_report<'a>(
    ctx: &'a ReportContext<'a>,
    part: InterviewPart<'a>,
) -> Box<dyn Report + 'a> {
    Box::new(HtmlReport::new(ctx, Some(part)))
}

/// The notice every result carries: a screening, not an identification; no punishment.
fn notice(out: &mut dyn Write, t: &Texts) -> io::Result<()> {
    writeln!(
        out,
        "<div class=\"notice\">\n<p>{}</p>\n<p>{}</p>\n</div>",
        esc(&t.msg("disclaimer-screening")),
        esc(&t.msg("disclaimer-non-punishment"))
    )
}

/// A heading and a list of texts, nothing when the list is empty.
fn list<'s>(
    out: &mut dyn Write,
    title: &str,
    items: impl Iterator<Item = &'s str>,
) -> io::Result<()> {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return Ok(());
    }
    writeln!(out, "<h3>{}</h3>\n<ul>", esc(title))?;
    for i in items {
        writeln!(out, "<li>{}</li>", esc(i))?;
    }
    writeln!(out, "</ul>")
}

/// One record's section: its level, the reasons, the open questions, warnings, other fields.
fn write_record(out: &mut dyn Write, ctx: &ReportContext<'_>, s: &Scored<'_>) -> io::Result<()> {
    let t = ctx.texts;
    let rs = ctx.rs;
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
    let title = t.loc.msg_args(
        if r.line == 0 {
            "md-interview"
        } else {
            "md-record"
        },
        &args,
    );
    let class = s.eval.map_or("error", |e| e.now.as_str());
    writeln!(
        out,
        "<section class=\"record level-{class}\">\n<h2>{}</h2>",
        esc(&title)
    )?;
    let Some(e) = s.eval else {
        let mut args = FluentArgs::new();
        args.set("line", r.line);
        writeln!(
            out,
            "<p class=\"error\"><strong>{}</strong>: {}</p>",
            esc(&t.loc.msg_args("summary-error", &args)),
            esc(r.error.as_deref().unwrap_or_default())
        )?;
        notice(out, t)?;
        return writeln!(out, "</section>");
    };

    // The level now and the highest it can still reach.
    writeln!(
        out,
        "<p class=\"result\"><span class=\"badge\">{}</span> <strong>{}:</strong> {}</p>",
        esc(t.level(e.now)),
        esc(&t.msg("md-level")),
        esc(&summary_text(rs, t, e))
    )?;
    // Settled, the result line is the level alone; open, say what it is now and could become.
    if e.applicable != Tri::False && !e.settled() {
        let mut args = FluentArgs::new();
        args.set("level", t.level(e.now));
        writeln!(
            out,
            "<ul class=\"levels\">\n<li>{}</li>",
            esc(&t.loc.msg_args("summary-level-now", &args))
        )?;
        let mut args = FluentArgs::new();
        args.set("level", t.level(e.upper));
        writeln!(
            out,
            "<li>{}</li>\n</ul>",
            esc(&t.loc.msg_args("summary-level-upper", &args))
        )?;
    }
    // With a red flag, "no signs" would contradict it: the red flag says what to do.
    let outcome = e.now_outcome.filter(|&i| {
        !(e.red_flag_fired && rs.outcomes.get(i).is_some_and(|o| o.level == Level::None))
    });
    if let Some(i) = outcome {
        writeln!(
            out,
            "<p class=\"outcome\">{}</p>\n<p class=\"action\"><strong>{}:</strong> {}</p>",
            esc(t.outcomes.get(i).map_or("", String::as_str)),
            esc(&t.msg("md-action")),
            esc(t.actions.get(i).map_or("", String::as_str))
        )?;
    }
    if e.red_flag_fired {
        writeln!(out, "<ul class=\"red-flags\">")?;
        for (i, st) in e.red_flags.iter().enumerate() {
            if *st == Tri::True {
                writeln!(
                    out,
                    "<li><strong>{}</strong> {}</li>",
                    esc(t.level(Level::Urgent)),
                    esc(t.red_flags.get(i).map_or("", String::as_str))
                )?;
            }
        }
        writeln!(out, "</ul>")?;
    }

    // Every dimension with its counts, as `fired` or `fired–fired + unknown`.
    writeln!(
        out,
        "<table class=\"dimensions\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&t.msg("md-dimension")),
        esc(&t.msg("md-state")),
        esc(&t.msg("strength-strong")),
        esc(&t.msg("strength-medium")),
        esc(&t.msg("strength-weak"))
    )?;
    let range = |(lo, hi): (u32, u32)| {
        if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        }
    };
    for (d, dr) in e.dimensions.iter().enumerate() {
        let (class, state) = match dr.present {
            Tri::True => ("present", t.msg("state-present")),
            Tri::False => ("absent", t.msg("state-absent")),
            Tri::Unknown => ("undetermined", t.msg("state-undetermined")),
        };
        writeln!(
            out,
            "<tr class=\"state-{class}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(t.dimensions.get(d).map_or("", String::as_str)),
            esc(&state),
            range(dr.counts[0]),
            range(dr.counts[1]),
            range(dr.counts[2])
        )?;
    }
    writeln!(out, "</tbody>\n</table>")?;

    // The indicators that fired, each with the answers behind it.
    writeln!(
        out,
        "<h3>{}</h3>\n<ul class=\"indicators\">",
        esc(&t.msg("md-indicators"))
    )?;
    let mut any = false;
    for i in e.fired() {
        let (Some(ind), Some(desc)) = (rs.indicators.get(i), t.indicators.get(i)) else {
            continue;
        };
        any = true;
        let mut reasons =
            vec![esc(&t.msg(&format!("strength-{}", ind.strength.as_str()))).into_owned()];
        reasons.extend(
            evidence(rs, ctx.prepared, e, i, ctx.redact).map(|(question, answer)| {
                format!(
                    "<code>{}</code> = <code>{}</code>",
                    esc(&question.id),
                    esc(&answer)
                )
            }),
        );
        writeln!(
            out,
            "<li>{} <span class=\"evidence\">({})</span></li>",
            esc(desc),
            reasons.join("; ")
        )?;
    }
    if !any {
        writeln!(out, "<li>{}</li>", esc(&t.msg("md-no-indicators")))?;
    }
    writeln!(out, "</ul>")?;

    let question = |q: &usize| t.questions.get(*q).map_or("", String::as_str);
    for (title, qs) in [
        ("md-deciding-not-asked", &e.deciding_not_asked),
        ("md-deciding-unknown", &e.deciding_unknown),
        ("md-safety-unanswered", &e.safety_unanswered),
    ] {
        list(out, &t.msg(title), qs.iter().map(question))?;
    }
    list(
        out,
        &t.msg("md-warnings"),
        r.warnings.iter().map(|w| w.message.as_str()),
    )?;
    if !r.fields.is_empty() {
        writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"fields\">\n<tbody>",
            esc(&t.msg("md-fields"))
        )?;
        for (k, v) in &r.fields {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                esc(k),
                esc(v)
            )?;
        }
        writeln!(out, "</tbody>\n</table>")?;
    }
    notice(out, t)?;
    writeln!(out, "</section>")
}

/// The counts per level, for the top of a batch page.
fn write_totals(out: &mut dyn Write, t: &Texts, totals: &Totals) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"totals\">\n<h2>{}</h2>\n<table class=\"totals\">\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&t.msg("html-totals-title")),
        esc(&t.msg("totals-level")),
        esc(&t.msg("totals-records"))
    )?;
    for l in Level::ALL.iter().rev() {
        writeln!(
            out,
            "<tr class=\"level-{}\"><td>{}</td><td class=\"num\">{}</td></tr>",
            l.as_str(),
            esc(t.level(*l)),
            totals.level(*l)
        )?;
    }
    if totals.errors > 0 {
        writeln!(
            out,
            "<tr class=\"level-error\"><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&t.msg("totals-errors")),
            totals.errors
        )?;
    }
    writeln!(out, "</tbody>\n</table>")?;
    writeln!(
        out,
        "<p>{}</p>",
        esc(&t.count("totals-line", totals.records))
    )?;
    for (id, n) in [
        ("totals-unsettled", totals.unsettled),
        ("totals-safety-unchecked", totals.safety_unchecked),
        ("totals-warnings", totals.with_warnings),
    ] {
        if n > 0 {
            writeln!(out, "<p>{}</p>", esc(&t.count(id, n)))?;
        }
    }
    writeln!(out, "</section>")
}

/// Who interviewed, where and when (the fields the Markdown report shows).
fn write_interview_record(
    out: &mut dyn Write,
    t: &Texts,
    record: &InterviewRecord,
) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"interview\">\n<h2>{}</h2>\n<table class=\"interview-record\">\n<tbody>",
        esc(&t.msg("record-title"))
    )?;
    for (label, value) in [
        ("record-interviewer", &record.interviewer),
        ("record-agency", &record.agency),
        ("record-date", &record.date),
        ("record-place", &record.place),
    ] {
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            esc(&t.msg(label)),
            esc(value)
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// Whom to contact, as the summary named them.
fn write_referrals(out: &mut dyn Write, t: &Texts, lines: &[ContactLine]) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"referrals\">\n<h2>{}</h2>",
        esc(&t.msg("summary-contacts"))
    )?;
    if !lines.is_empty() {
        writeln!(
            out,
            "<table class=\"referrals\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(&t.msg("summary-col-organisation")),
            esc(&t.msg("summary-col-phones")),
            esc(&t.msg("summary-col-why"))
        )?;
        for l in lines {
            write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}",
                esc_lines(&l.name),
                esc_lines(&l.phones),
                esc_lines(&l.what)
            )?;
            if !l.note.is_empty() {
                write!(
                    out,
                    "<br>\n<span class=\"note\">{}</span>",
                    esc_lines(&l.note)
                )?;
            }
            writeln!(out, "</td></tr>")?;
        }
        writeln!(out, "</tbody>\n</table>")?;
    }
    writeln!(out, "</section>")
}

impl Report for HtmlReport<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let t = self.ctx.texts;
        let title = t.msg("md-title");
        writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"tipscreen {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>",
            esc(t.loc.lang()),
            esc(TOOL_VERSION),
            esc(&title),
            esc(&title)
        )?;
        // An interview page has one record, which carries the notice itself.
        if self.interview.is_none() {
            notice(out, t)?;
        }
        writeln!(out, "</header>")
    }

    fn record(&mut self, _out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        write_record(&mut self.sections, self.ctx, s)
    }

    fn end(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let t = self.ctx.texts;
        let rs = self.ctx.rs;
        match &self.interview {
            Some(part) => write_interview_record(out, t, part.record)?,
            None => write_totals(out, t, totals)?,
        }
        out.write_all(&self.sections)?;
        self.sections.clear();
        if let Some(part) = &self.interview {
            write_referrals(out, t, part.referrals)?;
        }
        let mut args = FluentArgs::new();
        args.set("id", rs.meta.id.as_str());
        args.set("version", rs.meta.version.as_str());
        args.set("hash", rs.meta.hash.as_str());
        args.set("tool", TOOL_VERSION);
        writeln!(
            out,
            "<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>",
            esc(&t.loc.msg_args("html-footer", &args))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_characters_that_change_markup() {
        assert_eq!(
            esc(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert!(matches!(esc("Ақтөбе — plain"), Cow::Borrowed(_)));
        assert_eq!(esc_lines("a<b\nc"), "a&lt;b<br>\nc");
    }
}
