//! `tipscreen score FILE...`: one output row for every input record, in order.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};

use anyhow::Context as _;

use super::context::load_context;
use super::Status;
use crate::cli::{Global, InputFormat, ScoreArgs, ScoreFormat};
use tipscreen::engine::{Engine, Evaluation};
use tipscreen::input::{self, Record};
use tipscreen::output::{self, Prepared, ReportContext, Scored, Texts, Totals};

pub fn run(global: &Global, args: &ScoreArgs) -> anyhow::Result<Status> {
    let ctx = load_context(global)?;
    let rs = &ctx.ruleset;
    let prepared = Prepared::new(rs);
    let texts = Texts::new(ctx.loc, rs);
    let report_ctx = ReportContext {
        rs,
        texts: &texts,
        prepared: &prepared,
        width: Some(super::context::table_width()),
    };
    let format = match args.format {
        ScoreFormat::Table => output::Format::Table,
        ScoreFormat::Json => output::Format::Json,
        ScoreFormat::Jsonl => output::Format::Jsonl,
        ScoreFormat::Csv => output::Format::Csv,
        ScoreFormat::Markdown => output::Format::Markdown,
    };
    let mut report = output::report(format, &report_ctx);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut stderr = std::io::stderr().lock();
    report.begin(&mut out)?;

    let engine = Engine::new(rs);
    let mut totals = Totals::default();
    let mut rec = Record::default();
    let mut eval = Evaluation::default();
    for path in &args.files {
        let name = path.display().to_string();
        let mut reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::with_capacity(1 << 20, std::io::stdin().lock()))
        } else {
            let f = File::open(path).with_context(|| format!("cannot open `{name}`"))?;
            Box::new(BufReader::with_capacity(1 << 20, f))
        };
        let format = match args.input {
            Some(InputFormat::Csv) => input::Format::Csv,
            Some(InputFormat::Jsonl) => input::Format::Jsonl,
            None => input::Format::detect(&name, &mut reader),
        };
        let (mut records, notices) = input::open(format, &name, reader, rs)?;
        for n in notices {
            writeln!(stderr, "note: {}", n.message)?;
        }
        while records.next_into(&mut rec) {
            let scored = if rec.error.is_some() {
                Scored {
                    record: &rec,
                    eval: None,
                    file: &name,
                }
            } else {
                engine.evaluate_into(&rec.answers, &mut eval);
                Scored {
                    record: &rec,
                    eval: Some(&eval),
                    file: &name,
                }
            };
            totals.add(&scored);
            report.record(&mut out, &scored)?;
        }
    }
    report.end(&mut out, &totals)?;
    out.flush()?;
    if totals.errors > 0 || totals.with_warnings > 0 {
        writeln!(
            stderr,
            "note: {} record(s) could not be read, {} had invalid values (see the `error` and `warnings` of each record)",
            totals.errors, totals.with_warnings
        )?;
    }
    Ok(if args.strict && (totals.errors > 0 || totals.with_warnings > 0) {
        Status::Findings
    } else {
        Status::Ok
    })
}
