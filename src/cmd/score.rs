//! `tipscreen score FILE...`: one output row for every input record, in order.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Cursor, Write};

use anyhow::Context as _;

use super::context::load_context;
use super::Status;
use crate::cli::{Global, InputFormat, ScoreArgs, ScoreFormat};
use tipscreen::batch::Batch;
use tipscreen::i18n::{Languages, Localizer};
use tipscreen::input;
use tipscreen::output::{self, Prepared, ReportContext, Texts};

pub fn run(global: &Global, args: &ScoreArgs) -> anyhow::Result<Status> {
    if args.excel && args.format != ScoreFormat::Csv {
        anyhow::bail!("--excel is for `--format csv`: it writes CSV the way Excel opens it");
    }
    let ctx = load_context(global)?;
    let labels = labels(global, &ctx.ruleset)?;
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
        ScoreFormat::Csv if args.excel => output::Format::CsvExcel,
        ScoreFormat::Csv => output::Format::Csv,
        ScoreFormat::Markdown => output::Format::Markdown,
        ScoreFormat::Html => output::Format::Html,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut stderr = std::io::stderr().lock();
    let mut batch = Batch::new(&report_ctx, format).with_labels(&labels);
    batch.begin(&mut out)?;
    for path in &args.files {
        let name = path.display().to_string();
        let mut reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::with_capacity(1 << 20, std::io::stdin().lock()))
        } else {
            let f = File::open(path).with_context(|| format!("cannot open `{name}`"))?;
            Box::new(BufReader::with_capacity(1 << 20, f))
        };
        // A workbook is read as the CSV of its first sheet.
        let workbook = args.input.is_none()
            && (input::xlsx::is_workbook_name(&name)
                || input::xlsx::looks_like_workbook(reader.fill_buf().unwrap_or_default()));
        let (reader, format) = if workbook {
            let csv = input::xlsx::to_csv(&name, reader)?;
            let csv: Box<dyn BufRead> = Box::new(Cursor::new(csv));
            (csv, input::Format::Csv)
        } else {
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
            (reader, format)
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

/// The question and option labels of the rule set in every officer language, to read
/// KoboToolbox / ODK exports written with labels.
fn labels(global: &Global, rs: &tipscreen::ruleset::RuleSet) -> anyhow::Result<input::Labels> {
    let locales = super::context::locales_folder(global)?;
    let languages = Languages::load(&locales).map_err(|e| anyhow::anyhow!(e))?;
    let spec = global.rules.clone().unwrap_or_else(|| rs.meta.id.clone());
    let own = super::context::rules_folder(&spec)?.sub("locales");
    let mut locs = Vec::new();
    for l in languages.list.iter().filter(|l| l.complete) {
        locs.push(Localizer::new(
            &l.code,
            &locales,
            Some((&rs.meta.id, own.as_ref())),
        )?);
    }
    Ok(input::Labels::new(rs, &locs))
}
