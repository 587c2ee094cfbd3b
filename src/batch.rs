//! Batch scoring: records from any number of inputs, through the engine, into one report. Used
//! by `tipscreen score` and by the throughput benchmark, so both measure the same code.

use std::io::{BufRead, Write};

use crate::engine::{Engine, Evaluation};
use crate::input::{self, FileNotice, InputError, Labels, Record};
use crate::output::{self, Report, ReportContext, Scored, Totals};

/// Errors while scoring.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// An input could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The output could not be written (a closed pipe included).
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
}

/// Scores records into one report.
pub struct Batch<'a> {
    engine: Engine<'a>,
    report: Box<dyn Report + 'a>,
    totals: Totals,
    rec: Record,
    eval: Evaluation,
    labels: Option<&'a Labels>,
}

impl<'a> Batch<'a> {
    /// A batch writing `format`.
    #[must_use]
    pub fn new(ctx: &'a ReportContext<'a>, format: output::Format) -> Self {
        Batch {
            engine: Engine::new(ctx.rs),
            report: output::report(format, ctx),
            totals: Totals::default(),
            rec: Record::default(),
            eval: Evaluation::default(),
            labels: None,
        }
    }

    /// Also reads files whose headers and values are labels in the languages of `labels`
    /// (KoboToolbox / ODK exports "with labels").
    #[must_use]
    pub fn with_labels(mut self, labels: &'a Labels) -> Self {
        self.labels = Some(labels);
        self
    }

    /// Writes the start of the report.
    ///
    /// # Errors
    /// When the output fails.
    pub fn begin(&mut self, out: &mut dyn Write) -> Result<(), BatchError> {
        Ok(self.report.begin(out)?)
    }

    /// Scores every record of one input, in order; returns notices about the file.
    ///
    /// # Errors
    /// When the input cannot be read at all, or the output fails.
    pub fn score(
        &mut self,
        name: &str,
        format: input::Format,
        reader: Box<dyn BufRead + 'a>,
        out: &mut dyn Write,
    ) -> Result<Vec<FileNotice>, BatchError> {
        let (mut records, notices) =
            input::open(format, name, reader, self.engine.ruleset(), self.labels)?;
        while records.next_into(&mut self.rec) {
            let eval = if self.rec.error.is_some() {
                None
            } else {
                self.engine.evaluate_into(&self.rec.answers, &mut self.eval);
                Some(&self.eval)
            };
            let scored = Scored {
                record: &self.rec,
                eval,
                file: name,
            };
            self.totals.add(&scored);
            self.report.record(out, &scored)?;
        }
        Ok(notices)
    }

    /// Writes the end of the report and returns the totals.
    ///
    /// # Errors
    /// When the output fails.
    pub fn finish(mut self, out: &mut dyn Write) -> Result<Totals, BatchError> {
        self.report.end(out, &self.totals)?;
        Ok(self.totals)
    }
}
