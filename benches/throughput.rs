//! Throughput of batch scoring, measured side by side with a bare CSV parse of the same file.
//!
//! `cargo bench --bench throughput` (1,000,000 records) or
//! `cargo bench --bench throughput -- 200000` for another count (`--keep` keeps the generated
//! file, `--one-thread` also times the scoring on the calling thread only). It writes a CSV
//! intake file of generated answers to the temp directory, then times, five runs each, taking
//! turns (a parse, a scoring, a parse, …), the best of five:
//!
//! 1. a bare parse with the csv crate (`read_byte_record`, counting records): the floor;
//! 2. `score --format jsonl` through the same code the command uses (`tipscreen::batch`: this
//!    thread cuts the file into blocks of records, one thread per core, this one included,
//!    parses and scores them), writing to a sink;
//!
//! and prints records per second for both and their ratio.

// A benchmark is a program whose job is to print its figures.
#![allow(clippy::print_stdout)]

use std::io::{BufReader, Write};
use std::time::Instant;

use tipscreen::batch::Batch;
use tipscreen::diagnostic::SourceMap;
use tipscreen::i18n::Localizer;
use tipscreen::input;
use tipscreen::output::{self, Prepared, ReportContext, Texts};
use tipscreen::ruleset::{load, Folder, LoadOptions, QuestionKind, RuleSet};

/// xorshift64*: a fixed sequence, so every run scores the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn generate(rs: &RuleSet, n: usize, path: &std::path::Path) -> std::io::Result<u64> {
    let f = std::fs::File::create(path)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    write!(w, "case_id")?;
    for q in &rs.questions {
        write!(w, ",{}", q.id)?;
    }
    writeln!(w, ",interview_date")?;
    for i in 0..n {
        write!(w, "C{i:07}")?;
        for q in &rs.questions {
            w.write_all(b",")?;
            // About one answer in six is blank, one in twenty "don't know".
            match rng.below(20) {
                0..=2 => continue,
                3 => {
                    w.write_all(b"dont_know")?;
                    continue;
                }
                _ => {}
            }
            match q.kind {
                QuestionKind::YesNo => {
                    w.write_all(if rng.below(4) == 0 { b"yes" } else { b"no" })?;
                }
                QuestionKind::SingleChoice => {
                    let o = &q.options[rng.below(q.options.len())];
                    w.write_all(o.as_bytes())?;
                }
                QuestionKind::MultiChoice => {
                    let a = &q.options[rng.below(q.options.len())];
                    let b = &q.options[rng.below(q.options.len())];
                    write!(w, "{a} {b}")?;
                }
                QuestionKind::Number => write!(w, "{}", 6 + rng.below(40))?,
                QuestionKind::Text => w.write_all(b"note")?,
            }
        }
        writeln!(w, ",2026-11-{:02}", 1 + i % 28)?;
    }
    w.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

/// Runs of each measurement; the best is reported.
const RUNS: usize = 5;

/// One run of `f`, timed: keeps the best time in `best` and returns what `f` counted.
fn timed(best: &mut f64, f: &mut dyn FnMut() -> u64) -> u64 {
    let t = Instant::now();
    let count = f();
    *best = best.min(t.elapsed().as_secs_f64());
    count
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let folder = Folder::embedded_ruleset("kz-handbook").ok_or("no kz-handbook")?;
    let mut sources = SourceMap::default();
    let rs = load(&folder, &mut sources, LoadOptions::default())
        .ruleset
        .ok_or("kz-handbook has errors")?;
    let path = std::env::temp_dir().join(format!("tipscreen-bench-{n}.csv"));
    let bytes = generate(&rs, n, &path)?;
    println!(
        "input: {n} records, {} questions, {:.1} MB at {}",
        rs.questions.len(),
        bytes as f64 / 1e6,
        path.display()
    );

    let mut parse = || {
        let f = std::fs::File::open(&path).map(|f| BufReader::with_capacity(1 << 20, f));
        let Ok(f) = f else { return 0 };
        let mut r = csv::ReaderBuilder::new().from_reader(f);
        let mut rec = csv::ByteRecord::new();
        let mut count = 0;
        while r.read_byte_record(&mut rec).unwrap_or(false) {
            count += 1;
        }
        count
    };

    let loc = Localizer::new(
        "en",
        &Folder::embedded_locales(),
        Some(("kz-handbook", None)),
    )?;
    let texts = Texts::new(loc, &rs);
    let prepared = Prepared::new(&rs);
    let ctx = ReportContext {
        rs: &rs,
        texts: &texts,
        prepared: &prepared,
        width: None,
        redact: false,
    };
    let mut out_bytes = 0u64;
    let mut score = |threads: Option<usize>| {
        let Ok(f) = std::fs::File::open(&path) else {
            return 0;
        };
        let mut sink = CountingSink(0);
        let mut batch = Batch::new(&ctx, output::Format::Jsonl);
        if let Some(t) = threads {
            batch = batch.with_threads(t);
        }
        let reader = Box::new(BufReader::with_capacity(1 << 20, f));
        let ok = batch.begin(&mut sink).is_ok()
            && batch
                .score("bench.csv", input::Format::Csv, reader, &mut sink)
                .is_ok();
        let totals = if ok {
            batch.finish(&mut sink).ok()
        } else {
            None
        };
        out_bytes = sink.0;
        totals.map_or(0, |t| t.records)
    };
    // The measurements take turns, so that a machine that slows down or speeds up during the
    // run weighs on each alike.
    let with_one_thread = std::env::args().any(|a| a == "--one-thread");
    let (mut parse_s, mut score_s, mut one_s) = (f64::MAX, f64::MAX, f64::MAX);
    let (mut parsed, mut scored) = (0, 0);
    for _ in 0..RUNS {
        parsed = timed(&mut parse_s, &mut parse);
        scored = timed(&mut score_s, &mut || score(None));
        if with_one_thread {
            timed(&mut one_s, &mut || score(Some(1)));
        }
    }
    let one_thread = with_one_thread.then_some((one_s, 0));

    assert_eq!(parsed, n as u64, "bare parse read every record");
    assert_eq!(scored, n as u64, "score wrote every record");
    println!(
        "bare csv parse (read_byte_record):  {:>8.3} s  {:>10.0} records/s",
        parse_s,
        n as f64 / parse_s
    );
    println!(
        "score --format jsonl (to a sink):   {:>8.3} s  {:>10.0} records/s  ({:.0} MB written)",
        score_s,
        n as f64 / score_s,
        out_bytes as f64 / 1e6
    );
    if let Some((s, _)) = one_thread {
        println!(
            "the same on one thread:             {:>8.3} s  {:>10.0} records/s",
            s,
            n as f64 / s
        );
    }
    println!("ratio score / parse: {:.2}", score_s / parse_s);
    if !std::env::args().any(|a| a == "--keep") {
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}

/// Counts bytes and throws them away, so the benchmark measures scoring, not the disk.
struct CountingSink(u64);

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
