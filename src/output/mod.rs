//! Output formats of `score`: each is a pure function of the scored records to a writer, behind
//! the [`Report`] trait. Keys, level names and ids are fixed; only `*_text` fields follow the
//! language.

pub mod colour;
mod csv_out;
pub mod describe;
pub mod explain;
pub(crate) mod fast_json;
mod html_out;
mod json_out;
mod markdown_out;
pub mod summary;
pub mod table;
mod table_out;
mod texts;

use std::io::{self, Write};

pub use explain::Prepared;
pub use html_out::{interview_report as html_interview_report, InterviewPart};
pub use texts::Texts;

use crate::engine::Evaluation;
use crate::input::Record;
use crate::level::Level;
use crate::ruleset::RuleSet;

/// The version of tipscreen, written into every result.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One record and its evaluation (none when the record could not be read).
#[derive(Debug, Clone, Copy)]
pub struct Scored<'a> {
    /// The record as read.
    pub record: &'a Record,
    /// The evaluation, unless the record has an error.
    pub eval: Option<&'a Evaluation>,
    /// The input file the record came from.
    pub file: &'a str,
}

/// Counts over all records, for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records read.
    pub records: u64,
    /// Records per level (`now`), indexed by `Level as usize`.
    pub per_level: [u64; 5],
    /// Records whose level is not settled (`upper` above `now`).
    pub unsettled: u64,
    /// Records that could not be read.
    pub errors: u64,
    /// Records with at least one warning.
    pub with_warnings: u64,
    /// Records where immediate safety was not checked.
    pub safety_unchecked: u64,
}

impl Totals {
    /// Adds one record.
    pub fn add(&mut self, s: &Scored<'_>) {
        self.records += 1;
        if !s.record.warnings.is_empty() {
            self.with_warnings += 1;
        }
        match s.eval {
            Some(e) => {
                if let Some(n) = self.per_level.get_mut(e.now as usize) {
                    *n += 1;
                }
                if !e.settled() {
                    self.unsettled += 1;
                }
                if !e.safety_checked {
                    self.safety_unchecked += 1;
                }
            }
            None => self.errors += 1,
        }
    }

    /// Count for a level.
    #[must_use]
    pub fn level(&self, l: Level) -> u64 {
        self.per_level.get(l as usize).copied().unwrap_or(0)
    }
}

/// Everything a format needs besides the records.
#[derive(Debug)]
pub struct ReportContext<'a> {
    /// The rule set.
    pub rs: &'a RuleSet,
    /// Localized texts.
    pub texts: &'a Texts,
    /// Per-rule-set lookups prepared once.
    pub prepared: &'a Prepared,
    /// Width of the terminal for the table format (none: no wrapping).
    pub width: Option<u16>,
    /// Leave out answers to sensitive questions and free-text answers (`--redact`).
    pub redact: bool,
}

/// An output format.
pub trait Report {
    /// Writes whatever comes before the records.
    ///
    /// # Errors
    /// When the writer fails.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Writes (or collects) one record.
    ///
    /// # Errors
    /// When the writer fails.
    fn record(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()>;
    /// Writes whatever comes after the records.
    ///
    /// # Errors
    /// When the writer fails.
    fn end(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

/// One scored record as the JSON object of `score --format json` (also used in interview
/// reports).
#[must_use]
pub fn record_value(ctx: &ReportContext<'_>, s: &Scored<'_>) -> serde_json::Value {
    serde_json::to_value(json_out::record_json(ctx, s)).unwrap_or_default()
}

/// The formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Table for the screen.
    Table,
    /// One JSON document.
    Json,
    /// JSON Lines.
    Jsonl,
    /// CSV.
    Csv,
    /// CSV for Excel: UTF-8 with BOM, `;`.
    CsvExcel,
    /// Markdown report.
    Markdown,
    /// Printable, self-contained HTML page.
    Html,
}

/// The report for a format.
#[must_use]
pub fn report<'a>(format: Format, ctx: &'a ReportContext<'a>) -> Box<dyn Report + 'a> {
    match format {
        Format::Table => Box::new(table_out::TableReport::new(ctx)),
        Format::Json => Box::new(json_out::JsonReport::new(ctx, false)),
        Format::Jsonl => Box::new(json_out::JsonReport::new(ctx, true)),
        Format::Csv => Box::new(csv_out::CsvReport::new(ctx, false)),
        Format::CsvExcel => Box::new(csv_out::CsvReport::new(ctx, true)),
        Format::Markdown => Box::new(markdown_out::MarkdownReport::new(ctx)),
        Format::Html => Box::new(html_out::HtmlReport::new(ctx, None)),
    }
}
