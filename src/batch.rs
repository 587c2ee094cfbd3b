//! Batch scoring: records from any number of inputs, through the engine, into one report. Used
//! by `tipscreen score` and by the throughput benchmark, so both measure the same code.
//!
//! CSV input scored to JSON Lines runs on every core: this thread cuts the input into blocks of
//! whole records without parsing them (`crate::input::split`), worker threads parse each block,
//! read the answers, evaluate and write the block's JSON, and this thread writes the blocks in
//! input order (with the summary lines, which need the localizer). When every worker is busy,
//! this thread scores the next block itself: one thread per core, none waiting. A fixed number
//! of blocks is in flight, so memory stays flat whatever the size of the input.

use std::collections::VecDeque;
use std::io::{BufRead, Write};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError, TrySendError};
use std::sync::Mutex;

use crate::engine::{Engine, Evaluation, Tables};
use crate::input::{self, Block, BlockScratch, CsvBlocks, CsvLayout, FileNotice, InputError};
use crate::input::{Labels, Record};
use crate::output::explain::summary_keys_fit;
use crate::output::fast_json::SummaryKey;
use crate::output::fast_json::{self, Fragments, Kept, KnownSummaries, Summaries};
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

/// Chunks in flight per worker thread.
const DEPTH: usize = 2;

/// Scores records into one report.
pub struct Batch<'a> {
    ctx: &'a ReportContext<'a>,
    format: output::Format,
    engine: Engine<'a>,
    report: Box<dyn Report + 'a>,
    totals: Totals,
    rec: Record,
    eval: Evaluation,
    labels: Option<&'a Labels>,
    /// Worker threads for CSV to JSON Lines (none: on this thread only).
    threads: usize,
    /// For the worker threads, built at the first file they score.
    fragments: Option<Fragments>,
    summaries: Summaries,
}

impl<'a> Batch<'a> {
    /// A batch writing `format`.
    #[must_use]
    pub fn new(ctx: &'a ReportContext<'a>, format: output::Format) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        Batch {
            ctx,
            format,
            engine: Engine::with_tables(
                ctx.rs,
                ctx.prepared.tables.get_or_init(|| Tables::new(ctx.rs)),
            ),
            report: output::report(format, ctx),
            totals: Totals::default(),
            rec: Record::default(),
            eval: Evaluation::default(),
            labels: None,
            threads: cores.min(8),
            fragments: None,
            summaries: Summaries::default(),
        }
    }

    /// Also reads files whose headers and values are labels in the languages of `labels`
    /// (KoboToolbox / ODK exports "with labels").
    #[must_use]
    pub fn with_labels(mut self, labels: &'a Labels) -> Self {
        self.labels = Some(labels);
        self
    }

    /// Sets how many threads score CSV input to JSON Lines, the calling thread included (1:
    /// that thread only; 0: record by record, the way of the other formats). The default is
    /// one per core.
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads;
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
        let rs = self.engine.ruleset();
        if self.threads > 0
            && self.format == output::Format::Jsonl
            && format == input::Format::Csv
            && summary_keys_fit(rs)
        {
            let (mut csv, mut notices) = CsvBlocks::new(name, reader, rs, self.labels)?;
            self.score_threads(name, &mut csv, out)?;
            notices.extend(csv.no_records(name));
            return Ok(notices);
        }
        let (mut records, notices) = input::open(format, name, reader, rs, self.labels)?;
        while records.next_into(&mut self.rec) {
            let scored = scored(self.engine, &self.rec, None, &mut self.eval, name);
            self.totals.add(&scored);
            self.report.record(out, &scored)?;
        }
        Ok(notices)
    }

    /// CSV to JSON Lines on worker threads; output in input order.
    fn score_threads(
        &mut self,
        name: &str,
        csv: &mut CsvBlocks<'_>,
        out: &mut dyn Write,
    ) -> Result<(), BatchError> {
        let ctx = self.ctx;
        let fragments: &Fragments = self.fragments.get_or_insert_with(|| Fragments::new(ctx));
        let workers = self.threads;
        let layout = csv.layout().clone();
        let file = fast_json::file_json(name);
        let engine = self.engine;
        let known = Mutex::new(self.summaries.known());
        let mut writer = ChunkWriter {
            ctx,
            file: name,
            published: self.summaries.len(),
            summaries: &mut self.summaries,
            known: &known,
            totals: &mut self.totals,
            line: Vec::new(),
        };
        let job = Job {
            known: &known,
            engine,
            layout: &layout,
            fragments,
            file: &file,
            name,
        };
        let mut first = Box::<Chunk>::default();
        if !fill(csv, &mut first) {
            // A file of one chunk is scored here: starting threads would take longer.
            Worker::default().run(&job, &mut first);
            return Ok(writer.write(&first, out)?);
        }
        std::thread::scope(|scope| {
            let mut lanes: Vec<Lane> = Vec::new();
            for _ in 1..workers.max(1) {
                let (work_tx, work_rx) = sync_channel::<Box<Chunk>>(DEPTH);
                let (done_tx, done_rx) = sync_channel::<Box<Chunk>>(DEPTH);
                scope.spawn(move || {
                    let mut worker = Worker::default();
                    while let Ok(mut chunk) = work_rx.recv() {
                        worker.run(&job, &mut chunk);
                        if done_tx.send(chunk).is_err() {
                            break;
                        }
                    }
                });
                lanes.push((work_tx, done_rx));
            }
            // Dropping `lanes` (also on an error) ends the workers.
            let mut here = Worker::default();
            let mut pipeline = Pipeline {
                lanes: &lanes,
                order: VecDeque::new(),
                free: Vec::new(),
                writer,
            };
            pipeline.run(csv, first, &job, &mut here, out)
        })
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

/// A record with its evaluation (none for a record with an error), reusing `eval`'s buffers;
/// `codes` as for `Engine::evaluate_coded`.
fn scored<'s>(
    engine: Engine<'_>,
    record: &'s Record,
    codes: Option<&[u16]>,
    eval: &'s mut Evaluation,
    file: &'s str,
) -> Scored<'s> {
    let eval = if record.error.is_some() {
        None
    } else {
        engine.evaluate_coded(&record.answers, codes, eval);
        Some(&*eval)
    };
    Scored { record, eval, file }
}

/// Reads the next records into `chunk`; false when the input is done (the chunk may still
/// hold records).
fn fill(csv: &mut CsvBlocks<'_>, chunk: &mut Chunk) -> bool {
    csv.next_block(&mut chunk.block) && !csv.no_more()
}

/// Chunks to a worker thread, and back.
type Lane = (SyncSender<Box<Chunk>>, Receiver<Box<Chunk>>);

/// Where the next chunk to write is.
enum Slot {
    /// Scored on this thread.
    Here(Box<Chunk>),
    /// On its way through lane `.0` (each lane gives its chunks back in the order it got them).
    Lane(usize),
}

/// Reads chunks, has them scored, and writes them in input order. A chunk goes to the next
/// lane with room; when every lane is full, this thread scores it itself: so this thread,
/// which also reads the input and writes the output, works as one more worker when it has time,
/// and no core waits while another has too many threads to run.
struct Pipeline<'p, 'w, 'a> {
    lanes: &'p [Lane],
    /// The chunks read and not written yet, in input order.
    order: VecDeque<Slot>,
    // Chunks move between threads and queues boxed: a move is a pointer, not the whole chunk.
    #[allow(clippy::vec_box)]
    free: Vec<Box<Chunk>>,
    writer: ChunkWriter<'w, 'a>,
}

impl Pipeline<'_, '_, '_> {
    /// `first` is the first chunk, read already.
    fn run(
        &mut self,
        csv: &mut CsvBlocks<'_>,
        first: Box<Chunk>,
        job: &Job<'_, '_>,
        here: &mut Worker,
        out: &mut dyn Write,
    ) -> Result<(), BatchError> {
        let n = self.lanes.len();
        // Chunks in flight at most: memory stays flat whatever the input.
        let mut chunks = (n + 1) * DEPTH + 1;
        let mut more = true;
        let mut next = Some(first);
        let mut lane = 0;
        while more || !self.order.is_empty() {
            self.write_ready(out, false)?;
            let (mut chunk, read) = match next.take() {
                Some(chunk) => (chunk, true),
                None if !more => {
                    self.write_ready(out, true)?;
                    continue;
                }
                None => match self.free.pop() {
                    Some(chunk) => (chunk, false),
                    None if chunks > 0 => {
                        chunks -= 1;
                        (Box::default(), false)
                    }
                    None => {
                        // Every chunk is in flight: wait for the oldest.
                        self.write_ready(out, true)?;
                        continue;
                    }
                },
            };
            if !read {
                more = fill(csv, &mut chunk);
            }
            if chunk.block.records == 0 && chunk.block.error.is_none() {
                self.free.push(chunk);
                continue;
            }
            let mut pending = Some(chunk);
            for k in 0..n {
                let l = (lane + k) % n;
                let (Some((work, _)), Some(chunk)) = (self.lanes.get(l), pending.take()) else {
                    break;
                };
                match work.try_send(chunk) {
                    Ok(()) => {
                        self.order.push_back(Slot::Lane(l));
                        lane = l + 1;
                    }
                    Err(TrySendError::Full(chunk)) => pending = Some(chunk),
                    Err(TrySendError::Disconnected(_)) => return Err(stopped().into()),
                }
            }
            if let Some(mut chunk) = pending {
                here.run(job, &mut chunk);
                self.order.push_back(Slot::Here(chunk));
            }
        }
        Ok(())
    }

    /// Writes the chunks at the front of the order that are done; with `wait`, waits for the
    /// first of them.
    fn write_ready(&mut self, out: &mut dyn Write, mut wait: bool) -> Result<(), BatchError> {
        while let Some(front) = self.order.front() {
            let chunk = match *front {
                Slot::Here(_) => match self.order.pop_front() {
                    Some(Slot::Here(chunk)) => chunk,
                    _ => break,
                },
                Slot::Lane(l) => {
                    let (_, done) = self.lanes.get(l).ok_or_else(stopped)?;
                    let got = if wait {
                        done.recv().map_err(|_| stopped())?
                    } else {
                        match done.try_recv() {
                            Ok(chunk) => chunk,
                            Err(TryRecvError::Empty) => break,
                            Err(TryRecvError::Disconnected) => return Err(stopped().into()),
                        }
                    };
                    self.order.pop_front();
                    got
                }
            };
            wait = false;
            self.writer.write(&chunk, out)?;
            self.free.push(chunk);
        }
        Ok(())
    }
}

fn stopped() -> std::io::Error {
    std::io::Error::other("a scoring thread stopped")
}

/// What the worker threads share (each gets a copy).
#[derive(Clone, Copy)]
struct Job<'j, 'r> {
    /// The summary lines the writer has made so far (renewed when it makes more).
    known: &'j Mutex<KnownSummaries>,
    engine: Engine<'r>,
    layout: &'j CsvLayout<'r>,
    fragments: &'j Fragments,
    /// The file name as a JSON string.
    file: &'j [u8],
    name: &'j str,
}

/// What goes between two parts of a chunk's JSON.
#[derive(Debug, Clone, Copy)]
enum Hole {
    /// The summary line of a record.
    Summary(SummaryKey),
    /// A whole record with an error (index into [`Chunk::errors`]).
    Error(usize),
}

/// Records on their way through a worker and back, reused.
#[derive(Default)]
struct Chunk {
    block: Block,
    /// The JSON Lines, less the holes.
    out: Vec<u8>,
    holes: Vec<(usize, Hole)>,
    errors: Vec<Record>,
    totals: Totals,
}

/// A worker thread's buffers.
#[derive(Default)]
struct Worker {
    scratch: BlockScratch,
    rec: Record,
    eval: Evaluation,
    kept: Kept,
}

impl Worker {
    fn run(&mut self, job: &Job<'_, '_>, chunk: &mut Chunk) {
        let rs = job.engine.ruleset();
        chunk.out.clear();
        chunk.holes.clear();
        chunk.errors.clear();
        chunk.totals = Totals::default();
        // Renewed once per chunk; a poisoned lock only means another worker stopped.
        let known = match job.known.lock() {
            Ok(k) => k.clone(),
            Err(p) => p.into_inner().clone(),
        };
        let Worker {
            scratch,
            rec,
            eval,
            kept,
        } = self;
        let Chunk {
            block,
            out,
            holes,
            errors,
            totals,
        } = chunk;
        job.layout
            .read_block(block, scratch, rec, |record, codes, json| {
                let s = scored(job.engine, record, Some(codes), eval, job.name);
                totals.add(&s);
                match fast_json::write_head(job.fragments, kept, job.file, &s, json, out) {
                    Some(e) => {
                        // Threads are used only when every evaluation has a summary key.
                        if let Some((at, key)) =
                            fast_json::write_end(job.fragments, rs, e, &known, out)
                        {
                            holes.push((at, Hole::Summary(key)));
                        }
                    }
                    None => {
                        holes.push((out.len(), Hole::Error(errors.len())));
                        errors.push(record.clone());
                    }
                }
                out.push(b'\n');
            });
    }
}

/// Writes finished chunks: fills the holes, adds the totals.
struct ChunkWriter<'w, 'a> {
    ctx: &'a ReportContext<'a>,
    file: &'w str,
    summaries: &'w mut Summaries,
    /// What the workers see of `summaries`, and how many lines it had then.
    known: &'w Mutex<KnownSummaries>,
    published: usize,
    totals: &'w mut Totals,
    line: Vec<u8>,
}

impl ChunkWriter<'_, '_> {
    fn write(&mut self, chunk: &Chunk, out: &mut dyn Write) -> std::io::Result<()> {
        let mut at = 0;
        for &(to, hole) in &chunk.holes {
            out.write_all(chunk.out.get(at..to).unwrap_or_default())?;
            at = to;
            match hole {
                Hole::Summary(key) => {
                    self.line.clear();
                    self.summaries.write(self.ctx.texts, &key, &mut self.line);
                    out.write_all(&self.line)?;
                }
                Hole::Error(i) => {
                    if let Some(record) = chunk.errors.get(i) {
                        let s = Scored {
                            record,
                            eval: None,
                            file: self.file,
                        };
                        fast_json::write_error_record(self.ctx, &s, out)?;
                    }
                }
            }
        }
        out.write_all(chunk.out.get(at..).unwrap_or_default())?;
        if self.summaries.len() >= self.published + (self.published / 8).max(16) {
            // Enough new lines: the workers get a new copy. (Rarely: most records have one of
            // the common lines; the rare ones are filled in here.)
            self.published = self.summaries.len();
            let known = self.summaries.known();
            match self.known.lock() {
                Ok(mut k) => *k = known,
                Err(p) => *p.into_inner() = known,
            }
        }
        let (t, c) = (&mut *self.totals, &chunk.totals);
        t.records += c.records;
        t.errors += c.errors;
        t.with_warnings += c.with_warnings;
        t.unsettled += c.unsettled;
        t.safety_unchecked += c.safety_unchecked;
        for (a, b) in t.per_level.iter_mut().zip(c.per_level) {
            *a += b;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::diagnostic::SourceMap;
    use crate::i18n::Localizer;
    use crate::output::{Prepared, Texts};
    use crate::ruleset::{load, Folder, LoadOptions, QuestionKind, RuleSet};

    fn kz() -> RuleSet {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
        load(&folder, &mut SourceMap::default(), LoadOptions::default())
            .ruleset
            .expect("valid")
    }

    /// An intake file with everything a file can hold: blanks, "don't know", words in other
    /// languages, invalid values, quoted fields over lines (unless `plain`: then no quote at
    /// all, and lone CRs), a record with too few fields, the header again, an empty record, CRLF
    /// line ends, blank lines.
    fn intake(rs: &RuleSet, n: usize, seed: u64, plain: bool) -> String {
        let mut x = seed | 1;
        let mut next = |k: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % k.max(1) as u64) as usize
        };
        let mut header = String::from("case_id");
        for q in &rs.questions {
            header.push(',');
            header.push_str(&q.id);
        }
        header.push_str(",officer");
        let mut s = format!("{header}\n");
        for i in 0..n {
            match next(200) {
                0 => s.push_str("X1,yes\n"),
                1 => s.push_str(&format!("{header}\n")),
                2 => s.push_str(&",".repeat(rs.questions.len() + 1)),
                _ => {
                    let _ = write!(s, "C{i}");
                    for q in &rs.questions {
                        s.push(',');
                        let v = match next(12) {
                            0 | 1 => String::new(),
                            2 => "dont_know".into(),
                            3 => ["maybe", "да", "Нет", "declined", "500", "12,5", "\"a,b\""]
                                [next(if plain { 6 } else { 7 })]
                            .into(),
                            _ => match q.kind {
                                QuestionKind::YesNo => ["yes", "no"][next(2)].into(),
                                QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
                                    let o = &q.options;
                                    let a = o.get(next(o.len())).cloned().unwrap_or_default();
                                    if q.kind == QuestionKind::MultiChoice && next(2) == 0 {
                                        format!(
                                            "{a} {}",
                                            o.get(next(o.len())).cloned().unwrap_or_default()
                                        )
                                    } else {
                                        a
                                    }
                                }
                                QuestionKind::Number => next(50).to_string(),
                                QuestionKind::Text if plain => "a note".into(),
                                QuestionKind::Text => {
                                    "\"a note, \"\"quoted\"\"\nover two lines\"".into()
                                }
                            },
                        };
                        s.push_str(&v);
                    }
                    s.push_str([",Ivanov", ",", ",\"Ә, x\""][next(if plain { 2 } else { 3 })]);
                }
            }
            s.push_str(match next(40) {
                0..=3 => "\r\n",
                4 => "\n\n",
                5 if plain => "\r",
                _ => "\n",
            });
        }
        s
    }

    fn score(ctx: &ReportContext<'_>, files: &[(&str, &str)], threads: usize) -> (Vec<u8>, Totals) {
        let mut out = Vec::new();
        let mut batch = Batch::new(ctx, output::Format::Jsonl).with_threads(threads);
        batch.begin(&mut out).expect("begin");
        for (name, text) in files {
            let reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
            batch
                .score(name, input::Format::Csv, reader, &mut out)
                .expect("score");
        }
        let totals = batch.finish(&mut out).expect("finish");
        (out, totals)
    }

    /// The texts of kz-handbook in `lang`.
    fn texts(rs: &RuleSet, lang: &str) -> (Texts, Prepared) {
        let loc = Localizer::new(
            lang,
            &Folder::embedded_locales(),
            Some(("kz-handbook", None)),
        )
        .expect("loc");
        (Texts::new(loc, rs), Prepared::new(rs))
    }

    fn context<'a>(
        rs: &'a RuleSet,
        texts: &'a Texts,
        prepared: &'a Prepared,
        redact: bool,
    ) -> ReportContext<'a> {
        ReportContext {
            rs,
            texts,
            prepared,
            width: None,
            redact,
        }
    }

    /// Worker threads write exactly what one thread writes, in the same order, with the same
    /// totals.
    #[test]
    fn threads_write_what_one_thread_writes() {
        let rs = kz();
        for (lang, redact) in [("en", false), ("ru", true)] {
            let (texts, prepared) = texts(&rs, lang);
            let ctx = context(&rs, &texts, &prepared, redact);
            let a = intake(&rs, 1500, 7, false);
            let b = intake(&rs, 300, 11, false);
            // Small enough to be one block (scored without threads).
            let c = intake(&rs, 100, 13, false);
            // Without quotes: records split in place, not parsed.
            let d = intake(&rs, 3000, 17, true);
            let e = intake(&rs, 100, 19, true);
            let files = [
                ("a.csv", a.as_str()),
                ("b \"2\".csv", b.as_str()),
                ("empty.csv", ""),
                ("c.csv", c.as_str()),
                ("d.csv", d.as_str()),
                ("e.csv", e.as_str()),
            ];
            let (one, t1) = score(&ctx, &files, 0);
            assert_eq!(t1.records, 5000, "one row per record");
            assert!(t1.errors > 0 && t1.with_warnings > 0, "{t1:?}");
            for threads in [1, 2, 3] {
                let (many, tn) = score(&ctx, &files, threads);
                assert_eq!(tn, t1, "{threads} threads");
                assert!(many == one, "{threads} threads write other bytes");
            }
        }
    }

    /// Fails like a closed pipe after some bytes.
    struct Closing(usize);

    impl Write for Closing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// A closed output ends scoring with an output error (the command then stops quietly), and
    /// the worker threads end with it.
    #[test]
    fn a_closed_output_stops_the_threads() {
        let rs = kz();
        let (texts, prepared) = texts(&rs, "en");
        let ctx = context(&rs, &texts, &prepared, false);
        let text = intake(&rs, 3000, 5, false);
        for threads in [0, 2] {
            let mut out = Closing(200_000);
            let mut batch = Batch::new(&ctx, output::Format::Jsonl).with_threads(threads);
            let reader: Box<dyn BufRead> =
                Box::new(std::io::Cursor::new(text.clone().into_bytes()));
            let r = batch.score("a.csv", input::Format::Csv, reader, &mut out);
            assert!(
                matches!(&r, Err(BatchError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe),
                "{threads} threads: {r:?}"
            );
        }
    }
}
