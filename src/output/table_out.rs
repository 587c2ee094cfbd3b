//! `--format table`: a localized table for the screen, a count per level, and the notice that
//! this is a screening. Collects the rows, since a table is laid out as a whole.

use std::io::{self, Write};

use fluent_bundle::FluentArgs;

use super::explain::summary_text;
use comfy_table::Cell;

use super::table::{header, level_cell, new_table};
use super::{Report, ReportContext, Scored, Totals};
use crate::level::Level;

pub(crate) struct TableReport<'a> {
    ctx: &'a ReportContext<'a>,
    rows: Vec<Vec<Cell>>,
}

impl<'a> TableReport<'a> {
    pub(crate) fn new(ctx: &'a ReportContext<'a>) -> Self {
        TableReport {
            ctx,
            rows: Vec::new(),
        }
    }
}

impl Report for TableReport<'_> {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn record(&mut self, _out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let t = self.ctx.texts;
        let r = s.record;
        let case = if r.case_id.is_empty() {
            format!("#{}", r.number)
        } else {
            r.case_id.clone()
        };
        let mut notes: Vec<String> = r.warnings.iter().map(|w| w.message.clone()).collect();
        let row = match s.eval {
            Some(e) => {
                // An overview: the elements present and how many indicators; the reasons in
                // full are in the markdown and JSON formats.
                let present: Vec<&str> = e
                    .dimensions
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.present == crate::condition::Tri::True)
                    .filter_map(|(i, _)| t.dimensions.get(i).map(String::as_str))
                    .collect();
                vec![
                    r.number.to_string(),
                    case,
                    summary_text(self.ctx.rs, t, e),
                    if present.is_empty() {
                        "—".to_owned()
                    } else {
                        present.join("\n")
                    },
                    e.fired().count().to_string(),
                    std::mem::take(&mut notes).join("\n"),
                ]
            }
            None => {
                let mut args = FluentArgs::new();
                args.set("line", r.line);
                let mut msg = t.loc.msg_args("summary-error", &args);
                if let Some(reason) = &r.error {
                    msg.push_str(": ");
                    msg.push_str(reason);
                }
                vec![
                    r.number.to_string(),
                    case,
                    msg,
                    String::new(),
                    String::new(),
                    notes.join("\n"),
                ]
            }
        };
        // The result column takes the colour of the level (when tables are coloured).
        let level = s.eval.map(|e| e.now);
        self.rows.push(
            row.into_iter()
                .enumerate()
                .map(|(i, text)| match level {
                    Some(l) if i == 2 => level_cell(text, l),
                    _ => Cell::new(text),
                })
                .collect(),
        );
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let t = self.ctx.texts;
        let mut table = new_table(self.ctx.width);
        table.set_header(header(vec![
            t.msg("table-record"),
            t.msg("table-case"),
            t.msg("table-summary"),
            t.msg("table-present"),
            t.msg("table-indicators"),
            t.msg("table-notes"),
        ]));
        for row in self.rows.drain(..) {
            table.add_row(row);
        }
        writeln!(out, "{table}")?;
        writeln!(out)?;
        let mut counts = new_table(self.ctx.width);
        counts.set_header(header(vec![t.msg("totals-level"), t.msg("totals-records")]));
        for l in Level::ALL.iter().rev() {
            counts.add_row(vec![
                level_cell(t.level(*l).to_owned(), *l),
                Cell::new(totals.level(*l)),
            ]);
        }
        if totals.errors > 0 {
            counts.add_row(vec![t.msg("totals-errors"), totals.errors.to_string()]);
        }
        writeln!(out, "{counts}")?;
        writeln!(out, "{}", t.count("totals-line", totals.records))?;
        if totals.unsettled > 0 {
            writeln!(out, "{}", t.count("totals-unsettled", totals.unsettled))?;
        }
        if totals.safety_unchecked > 0 {
            writeln!(
                out,
                "{}",
                t.count("totals-safety-unchecked", totals.safety_unchecked)
            )?;
        }
        if totals.with_warnings > 0 {
            writeln!(out, "{}", t.count("totals-warnings", totals.with_warnings))?;
        }
        writeln!(out)?;
        writeln!(out, "{}", t.msg("disclaimer-screening"))?;
        writeln!(out, "{}", t.msg("disclaimer-non-punishment"))
    }
}
