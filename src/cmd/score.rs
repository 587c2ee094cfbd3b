//! `tipscreen score FILE...`: one output row for every input record, in order.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};

use anyhow::Context as _;

use super::context::load_context;
use super::Status;
use crate::cli::{Global, InputFormat, ScoreArgs, ScoreFormat};
use tipscreen::batch::Batch;
use tipscreen::input;
use tipscreen::output::{self, Prepared, ReportContext, Texts};

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
        redact: global.redact,
    };
    let format = match args.format {
        ScoreFormat::Table => output::Format::Table,
        ScoreFormat::Json => output::Format::Json,
        ScoreFormat::Jsonl => output::Format::Jsonl,
        ScoreFormat::Csv => output::Format::Csv,
        ScoreFormat::Markdown => output::Format::Markdown,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut stderr = std::io::stderr().lock();
    let mut batch = Batch::new(&report_ctx, format);
    batch.begin(&mut out)?;
    for path in &args.files {
        let name = path.display().to_string();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::with_capacity(1 << 20, std::io::stdin().lock()))
        } else {
            let f = File::open(path).with_context(|| format!("cannot open `{name}`"))?;
            Box::new(BufReader::with_capacity(1 << 20, f))
        };
        let decoded = input::decode(&name, reader, args.encoding)?;
        for n in &decoded.notices {
            writeln!(stderr, "note: {}", n.message)?;
        }
        let mut reader = decoded.reader;
        let format = match args.input {
            Some(InputFormat::Csv) => input::Format::Csv,
            Some(InputFormat::Jsonl) => input::Format::Jsonl,
            None => input::Format::detect(&name, &mut reader),
        };
        for n in batch.score(&name, format, reader, &mut out)? {
            writeln!(stderr, "note: {}", n.message)?;
        }
    }
    let totals = batch.finish(&mut out)?;
    out.flush()?;
    if totals.errors > 0 || totals.with_warnings > 0 {
        writeln!(
            stderr,
            "note: {} record(s) could not be read, {} had invalid values (see the `error` and `warnings` of each record)",
            totals.errors, totals.with_warnings
        )?;
    }
    Ok(
        if args.strict && (totals.errors > 0 || totals.with_warnings > 0) {
            Status::Findings
        } else {
            Status::Ok
        },
    )
}
