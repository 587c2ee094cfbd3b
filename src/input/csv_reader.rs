//! CSV intake files: header of question ids, `,` `;` or tab (sniffed from the header, or named
//! by an Excel `sep=` line), UTF-8 with or without BOM (other encodings are decoded before, see
//! [`super::encoding`]). Columns are mapped to question indices once; each record is parsed
//! from bytes straight into the dense answer array.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, BufRead, Read};

use super::labels::{Labels, OptionLabel};
use super::value::{parse_answer, Invalid};
use super::{invalid_message, FileNotice, InputError, Record, RecordReader, RecordWarning};
use crate::answer::Answer;
use crate::ruleset::{Question, QuestionKind, RuleSet};

/// Column names read as the case id.
const CASE_ID_COLUMNS: &[&str] = &["case_id", "caseid", "case", "id"];

/// Most column names listed in one note.
const LISTED_COLUMNS: usize = 20;

#[derive(Debug, Clone, Copy)]
enum Column {
    Question(usize),
    CaseId,
    Field(usize),
    /// One option of a multi_choice question as a 0/1 column (KoboToolbox's "separate
    /// columns"); `slot` indexes [`CsvReader::flag_questions`].
    OptionFlag {
        slot: usize,
        which: OptionLabel,
    },
    /// The consent question of a form written by `tipscreen export xlsform`.
    Consent,
    /// A second column of the same name, or an export's metadata: ignored (a notice names it).
    Ignored,
}

/// See [`CsvLayout::column_question`].
const NOT_A_QUESTION: u32 = u32::MAX;

/// What a column title names.
#[derive(Debug, Clone, Copy)]
enum Mapped {
    Question(usize),
    Flag(usize, OptionLabel),
    Consent,
}

/// The name of the consent question in forms written by `tipscreen export xlsform`.
pub const CONSENT_COLUMN: &str = "tipscreen_consent";

/// Columns only KoboToolbox or ODK exports have: their presence makes the file an export.
const EXPORT_MARKERS: &[&str] = &[
    "_uuid",
    "_submission_time",
    "_id",
    "meta/instanceID",
    "meta-instanceID",
    "formhub/uuid",
    "KEY",
    "SubmissionDate",
];

/// Metadata columns of KoboToolbox and ODK exports (besides `_…` and `meta/…`): what the form
/// records about the device and the submission, never answers.
const METADATA: &[&str] = &[
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "instanceID",
    "SubmissionDate",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
];

fn is_export_marker(title: &str) -> bool {
    EXPORT_MARKERS.contains(&title)
}

/// How good a case id a column is (lower is better): an explicit case id column, then
/// KoboToolbox's `_uuid`, then the form's instance id (`uuid:…`).
fn case_id_rank(title: &str, export: bool) -> Option<u8> {
    if CASE_ID_COLUMNS.contains(&title.to_lowercase().as_str()) {
        return Some(0);
    }
    if !export {
        return None;
    }
    match title {
        "_uuid" => Some(1),
        "meta/instanceID" | "meta-instanceID" | "instanceID" | "KEY" => Some(2),
        _ => None,
    }
}

/// Whether a column of an export is metadata.
fn is_metadata(title: &str) -> bool {
    title.starts_with('_')
        || METADATA.contains(&title)
        || ["meta", "formhub"].iter().any(|g| {
            title
                .strip_prefix(g)
                .is_some_and(|rest| rest.starts_with(['/', '-', '.']))
        })
}

/// A title naming a question by id, possibly under group paths (`documents/documents_held_by`,
/// ODK Central's `documents-documents_held_by`), or one option of a multi_choice question
/// (`work/problems/unpaid`).
fn map_title(rs: &RuleSet, title: &str) -> Option<Mapped> {
    if title == CONSENT_COLUMN || title.rsplit(['/', '-', '.']).next() == Some(CONSENT_COLUMN) {
        return Some(Mapped::Consent);
    }
    if let Some(q) = rs
        .question(title)
        .or_else(|| rs.question(&title.to_lowercase()))
    {
        return Some(Mapped::Question(q));
    }
    for sep in ['/', '-', '.'] {
        if !title.contains(sep) {
            continue;
        }
        let mut parts = title.rsplit(sep);
        let last = parts.next()?;
        if let Some(q) = rs.question(last) {
            return Some(Mapped::Question(q));
        }
        let q = parts.next().and_then(|p| rs.question(p))?;
        return flag_of(rs, q, last).map(|which| Mapped::Flag(q, which));
    }
    None
}

/// An option id (or the form's `dont_know` / `declined`) of a multi_choice question.
fn flag_of(rs: &RuleSet, q: usize, option: &str) -> Option<OptionLabel> {
    let question = rs.questions.get(q)?;
    if question.kind != QuestionKind::MultiChoice {
        return None;
    }
    match option {
        "dont_know" => Some(OptionLabel::DontKnow),
        "declined" => Some(OptionLabel::Declined),
        _ => question
            .options
            .iter()
            .position(|o| o == option)
            .filter(|&i| i < 64)
            .map(|i| OptionLabel::Option(i as u8)),
    }
}

/// A title written as labels: a question's label, after any group labels (`Your
/// documents/Who keeps…`), or `question label/option label` for one option of a multi_choice
/// question. Labels may hold a `/` themselves, so every split is tried.
fn map_label(rs: &RuleSet, labels: &Labels, title: &str) -> Option<Mapped> {
    let suffixes = |s: &'_ str| -> Vec<usize> {
        std::iter::once(0)
            .chain(s.match_indices('/').map(|(i, _)| i + 1))
            .collect()
    };
    for start in suffixes(title) {
        let Some(t) = title.get(start..) else {
            continue;
        };
        if let Some(q) = labels.question(t) {
            return Some(Mapped::Question(q));
        }
        if labels.is_consent(t) {
            return Some(Mapped::Consent);
        }
    }
    for (split, _) in title.match_indices('/') {
        let (Some(left), Some(option)) = (title.get(..split), title.get(split + 1..)) else {
            continue;
        };
        for start in suffixes(left) {
            let Some(q) = left.get(start..).and_then(|t| labels.question(t)) else {
                continue;
            };
            let is_multi = rs
                .questions
                .get(q)
                .is_some_and(|x| x.kind == QuestionKind::MultiChoice);
            if let Some(which) = labels.option(q, option).filter(|_| is_multi) {
                return Some(Mapped::Flag(q, which));
            }
        }
    }
    None
}

#[derive(Debug, Clone, Copy, Default)]
struct FlagState {
    set: u64,
    answered: bool,
    dont_know: bool,
    declined: bool,
    invalid: bool,
}

/// What the columns of a CSV file mean, to turn the cells of a record into a [`Record`]. Shared
/// by the threads of batch scoring (see [`CsvLayout::read_block`]).
#[derive(Debug, Clone)]
pub(crate) struct CsvLayout<'r> {
    rs: &'r RuleSet,
    /// Question and option labels, for exports written with labels.
    labels: Option<&'r Labels>,
    /// The multi_choice questions read from 0/1 columns per option.
    flag_questions: Vec<usize>,
    /// Whether case ids carry the `uuid:` prefix of an instance id, left out.
    strip_uuid: bool,
    columns: Vec<Column>,
    /// Per column, the question it answers, else [`NOT_A_QUESTION`]: most columns are, and
    /// testing one number costs less than matching a [`Column`] in every cell.
    column_question: Vec<u32>,
    field_names: Vec<String>,
    header: csv::ByteRecord,
    delimiter: u8,
    /// Per question, cells read before: see [`Quick`].
    quick: Vec<Quick>,
    /// The short cells of every [`Quick`], laid out for reading records: see [`Cells16`].
    cells16: Cells16,
    /// The warnings of the invalid values in the [`Quick`]s, each as the JSON object the JSON
    /// Lines output writes for it (see [`WarningsJson`]).
    warnings_json: Vec<Box<[u8]>>,
}

/// No [`QuickEntry::json`].
const NO_JSON: u32 = u32::MAX;

/// The warnings of a record read by [`CsvLayout::read_block`] that were written before, as
/// JSON: `(k, j)` for its `k`-th warning, whose JSON object is `json[j]`, in order of `k`.
/// (An invalid value seen in every record would otherwise be checked for characters to escape
/// in every record.)
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WarningsJson<'a> {
    pub(crate) at: &'a [(u32, u32)],
    pub(crate) json: &'a [Box<[u8]>],
}

impl WarningsJson<'_> {
    /// The JSON object of warning `k`, when it has one; `next` is where to look in `at` (the
    /// warnings are asked for in order).
    pub(crate) fn get(&self, k: usize, next: &mut usize) -> Option<&[u8]> {
        let &(at, j) = self.at.get(*next)?;
        if at as usize != k {
            return None;
        }
        *next += 1;
        self.json.get(j as usize).map(|j| &**j)
    }
}

/// The short keys of every question's [`Quick`] in one table, each slot holding its answer and
/// code too, and per question where its slots start: a cell is looked up with one read of the
/// question's place (a small array that stays in the cache) and one of the slot, instead of
/// three dependent reads (the question's table, its slot, then its entry) that mostly miss the
/// first-level cache while a block's output is written. Same slots, same order, same answers as
/// the [`Quick`]s it is made from.
#[derive(Debug, Clone, Default)]
struct Cells16 {
    /// Per question: its first slot, its number of slots less one, and its hash multiplier.
    questions: Vec<(u32, u32, u64)>,
    slots: Vec<Slot16>,
}

/// One slot of [`Cells16`].
#[derive(Debug, Clone, Copy)]
struct Slot16 {
    lo: u64,
    hi: u64,
    /// The key's length; `u16::MAX` for a free slot.
    len: u16,
    code: u16,
    /// The entry in the question's [`Quick::entries`], with [`HAS_MESSAGE`] when its value is
    /// invalid (the entry holds the warning).
    entry: u32,
    answer: Answer,
}

/// See [`Slot16::entry`].
const HAS_MESSAGE: u32 = 1 << 31;

impl Cells16 {
    fn new(quick: &[Quick]) -> Self {
        let mut table = Cells16::default();
        for q in quick {
            let base = table.slots.len() as u32;
            let mask = (q.short.slots.len() as u32).saturating_sub(1);
            table.questions.push((base, mask, q.short.multiplier));
            table.slots.extend(q.short.slots.iter().map(|k| {
                let e = q.entries.get(k.value as usize);
                Slot16 {
                    lo: k.lo,
                    hi: k.hi,
                    len: if *k == FREE {
                        u16::MAX
                    } else {
                        u16::try_from(k.len).unwrap_or(u16::MAX)
                    },
                    code: e.map_or(crate::engine::NO_CODE, |e| e.code),
                    entry: k.value
                        | if e.is_some_and(|e| e.message.is_some()) {
                            HAS_MESSAGE
                        } else {
                            0
                        },
                    answer: e.map_or(Answer::Missing, |e| e.answer),
                }
            }));
        }
        table
    }

    /// The slot of the key `k` of a cell of question `q`, as [`KeyTable::get`] finds it.
    #[inline]
    fn get(&self, q: usize, k: ShortKey) -> Option<&Slot16> {
        let &(base, mask, multiplier) = self.questions.get(q)?;
        let mut i = hash(k, multiplier) as u32 & mask;
        loop {
            let slot = self.slots.get((base + i) as usize)?;
            if slot.lo == k.lo && slot.hi == k.hi && u32::from(slot.len) == k.len {
                return Some(slot);
            }
            if slot.len == u16::MAX {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// What [`parse_answer`] makes of the cells a file usually holds (blank, the answer words, the
/// question's options, small whole numbers), worked out once per file: looking a cell up is
/// faster than parsing it, and the answer is the same by construction. An invalid value also
/// has its warning written already, so that a file full of one out-of-range number costs no
/// formatting per record.
#[derive(Debug, Clone, Default)]
struct Quick {
    /// Cells of at most 16 bytes, numbers included.
    short: KeyTable,
    long: Vec<(Box<[u8]>, u32)>,
    entries: Vec<QuickEntry>,
    /// For a multi_choice question: its option ids (the first 64), to read a set of them
    /// without [`parse_answer`]. Empty when a word for "don't know" or "declined" is made of
    /// option ids: such a cell is that word, not a set.
    options: KeyTable,
    /// Option ids longer than 16 bytes.
    long_options: Vec<(Box<[u8]>, u32)>,
}

/// Open addressing over [`ShortKey`]s, a power of two long, at most half full. The hash's
/// multiplier is chosen, among a few, so that the keys collide as little as possible: most
/// lookups read one slot. (A table written for this, not a `HashMap`: a lookup is one
/// multiplication and one comparison of three words, and the keys are read from the cells
/// without copying them.)
#[derive(Debug, Clone, Default)]
struct KeyTable {
    slots: Vec<ShortKey>,
    multiplier: u64,
}

/// The hash of a key, for a table with the given multiplier (its low bits are the first slot).
fn hash(k: ShortKey, multiplier: u64) -> u64 {
    let folded = k.lo ^ k.hi.rotate_left(29) ^ u64::from(k.len);
    folded.wrapping_mul(multiplier) >> 40
}

/// Odd multipliers tried for a [`KeyTable`], the first being the golden ratio's.
const MULTIPLIERS: [u64; 8] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0xD6E8_FEB8_6659_FD93,
    0xFF51_AFD7_ED55_8CCD,
    0xC4CE_B9FE_1A85_EC53,
    0x8CB9_2BA7_2F3D_8DD7,
    0xA076_1D64_78BD_642F,
];

impl KeyTable {
    fn new(items: &[ShortKey]) -> Self {
        let size = (items.len() * 2).next_power_of_two().max(8);
        let mut best: Option<(usize, KeyTable)> = None;
        for multiplier in MULTIPLIERS {
            let mut table = KeyTable {
                slots: vec![FREE; size],
                multiplier,
            };
            let mut moved = 0;
            for &k in items {
                let mut i = table.home(k);
                while let Some(slot) = table.slots.get_mut(i) {
                    if *slot == FREE || slot.same(k) {
                        *slot = k;
                        break;
                    }
                    moved += 1;
                    i = (i + 1) & (size - 1);
                }
            }
            if best.as_ref().is_none_or(|(m, _)| moved < *m) {
                best = Some((moved, table));
            }
            if moved == 0 {
                break;
            }
        }
        best.map(|(_, t)| t).unwrap_or_default()
    }

    /// The first slot to try for a key.
    fn home(&self, k: ShortKey) -> usize {
        hash(k, self.multiplier) as usize & self.slots.len().wrapping_sub(1)
    }

    fn get(&self, k: ShortKey) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = self.home(k);
        loop {
            let slot = self.slots.get(i)?;
            if slot.same(k) {
                return Some(slot.value);
            }
            if *slot == FREE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

/// One cell worked out.
#[derive(Debug, Clone)]
struct QuickEntry {
    /// What [`parse_answer`] returns.
    #[cfg(test)]
    parsed: Parsed,
    /// The answer recorded: unknown for an invalid value (with `message`).
    answer: Answer,
    /// Its code (`crate::engine::answer_code`).
    code: u16,
    /// For an invalid value, the warning [`invalid_message`] writes for it.
    message: Option<Box<str>>,
    /// With a message: the warning as JSON in [`CsvLayout::warnings_json`].
    json: u32,
}

/// Most warnings kept for their strings between records.
const WARNINGS_KEPT: usize = 64;

/// What [`parse_answer`] returns.
#[cfg(test)]
type Parsed = Result<Answer, Invalid>;

/// Most small numbers looked up.
const QUICK_NUMBERS: usize = 256;

/// The bytes of a word of `n` bytes (at most 8) that belong to it, as a mask.
const fn low_bytes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// Per cell length up to 16, the masks of the two words of [`ShortKey`].
const KEY_MASKS: [(u64, u64); 17] = {
    let mut m = [(0, 0); 17];
    let mut n = 0;
    while n <= 16 {
        m[n] = (low_bytes(n), low_bytes(n.saturating_sub(8)));
        n += 1;
    }
    m
};

/// A cell of at most 16 bytes as a key: its bytes as two words, zero past its end, and its
/// length. `window` starts with the cell and is at least 16 bytes long (the bytes after the
/// cell are masked off): read straight from the record, the key costs two loads and no branch
/// on the cell's length, which random answers would mispredict.
fn key_in(window: &[u8; 16], len: usize) -> Option<ShortKey> {
    let &(mlo, mhi) = KEY_MASKS.get(len)?;
    let words = u128::from_le_bytes(*window);
    Some(ShortKey {
        lo: words as u64 & mlo,
        hi: (words >> 64) as u64 & mhi,
        len: len as u32,
        value: 0,
    })
}

/// [`key_in`] for a cell on its own (copied to a window first).
fn short_key(cell: &[u8]) -> Option<ShortKey> {
    let mut window = [0u8; 16];
    window.get_mut(..cell.len())?.copy_from_slice(cell);
    key_in(&window, cell.len())
}

/// See [`key_in`]; in a [`KeyTable`], with the value stored for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ShortKey {
    lo: u64,
    hi: u64,
    len: u32,
    value: u32,
}

impl ShortKey {
    /// The same cell (whatever the values).
    fn same(self, k: ShortKey) -> bool {
        self.lo == k.lo && self.hi == k.hi && self.len == k.len
    }

    fn with(self, value: u32) -> ShortKey {
        ShortKey { value, ..self }
    }
}

/// Marks a free slot: no cell is this long.
const FREE: ShortKey = ShortKey {
    lo: 0,
    hi: 0,
    len: u32::MAX,
    value: 0,
};

impl Quick {
    /// The lookups of question `qi`; a value that is not valid for the question but is one of
    /// its labels in `labels` reads as the label says (as in [`CsvLayout::not_accepted`]).
    fn new(rs: &RuleSet, qi: usize, labels: Option<&Labels>) -> Self {
        let Some(q) = rs.questions.get(qi) else {
            return Quick::default();
        };
        let label = |cell: &[u8]| {
            let text = std::str::from_utf8(cell).ok()?;
            labels?.answer(rs, qi, text)
        };
        let mut words: Vec<Vec<u8>> = ["", "yes", "no", "dont_know", "declined"]
            .iter()
            .map(|w| w.as_bytes().to_vec())
            .collect();
        if q.kind != QuestionKind::MultiChoice {
            words.extend(q.options.iter().map(|o| o.as_bytes().to_vec()));
        }
        if q.kind == QuestionKind::Number {
            words.extend((0..QUICK_NUMBERS).map(|n| n.to_string().into_bytes()));
        }
        let mut quick = Quick::default();
        let mut short = Vec::new();
        for w in words {
            let e = quick.entry(q, &w, &label);
            match short_key(&w) {
                Some(k) => short.push(k.with(e)),
                None => quick.long.push((w.into(), e)),
            }
        }
        quick.short = KeyTable::new(&short);
        if q.kind == QuestionKind::MultiChoice {
            let is_option = |t: &str| q.options.iter().take(64).any(|o| o == t);
            let word_of_options = super::value::DONT_KNOW
                .iter()
                .chain(super::value::DECLINED)
                .any(|w| w.split_ascii_whitespace().all(is_option));
            if !word_of_options {
                let mut short = Vec::new();
                for (i, o) in q.options.iter().take(64).enumerate() {
                    match short_key(o.as_bytes()) {
                        Some(k) => short.push(k.with(i as u32)),
                        None => quick.long_options.push((o.as_bytes().into(), i as u32)),
                    }
                }
                quick.options = KeyTable::new(&short);
            }
        }
        quick
    }

    fn entry(&mut self, q: &Question, cell: &[u8], label: &dyn Fn(&[u8]) -> Option<Answer>) -> u32 {
        let parsed = parse_answer(q, cell);
        let (answer, message) = match parsed {
            Ok(a) => (a, None),
            Err(why) => match label(cell) {
                Some(a) => (a, None),
                None => (
                    Answer::DontKnow,
                    Some(super::invalid_message(q, why, cell).into_boxed_str()),
                ),
            },
        };
        self.entries.push(QuickEntry {
            #[cfg(test)]
            parsed: if message.is_none() {
                Ok(answer)
            } else {
                parsed
            },
            answer,
            code: crate::engine::answer_code(q, answer),
            message,
            json: NO_JSON,
        });
        (self.entries.len() - 1) as u32
    }

    /// What [`parse_answer`] makes of a cell, when the cell is one of those worked out.
    #[cfg(test)]
    fn get(&self, cell: &[u8]) -> Option<&QuickEntry> {
        self.get_keyed(short_key(cell), cell)
    }

    /// [`Quick::get`] with the cell's key (`None` when it is longer than 16 bytes).
    fn get_keyed(&self, key: Option<ShortKey>, cell: &[u8]) -> Option<&QuickEntry> {
        let e = match key {
            Some(k) => self.short.get(k)?,
            None => self.long.iter().find(|(w, _)| **w == *cell)?.1,
        };
        self.entries.get(e as usize)
    }

    /// A multi_choice cell of option ids separated by ASCII white space, as [`parse_answer`]
    /// reads it; `None` for any other cell. The cell is `all[at..at + len]` (see [`key_at`]).
    fn option_set(&self, all: &[u8], at: usize, len: usize) -> Option<Answer> {
        if self.options.is_empty() {
            return None;
        }
        let cell = all.get(at..at + len)?;
        let mut set = 0u64;
        let mut any = false;
        let mut start = 0;
        for token in cell.split(u8::is_ascii_whitespace) {
            let at_token = at + start;
            start += token.len() + 1;
            if token.is_empty() {
                continue;
            }
            let i = match key_at(all, at_token, token.len()) {
                Some(k) => self.options.get(k)?,
                None => self.long_options.iter().find(|(o, _)| **o == *token)?.1,
            };
            set |= 1u64.checked_shl(i).unwrap_or(0);
            any = true;
        }
        any.then_some(Answer::Multi(set))
    }
}

/// The key of the cell `all[at..at + len]`, read in place when 16 bytes follow its start.
fn key_at(all: &[u8], at: usize, len: usize) -> Option<ShortKey> {
    match all
        .get(at..at + 16)
        .and_then(|w| <&[u8; 16]>::try_from(w).ok())
    {
        Some(window) => key_in(window, len),
        None => short_key(all.get(at..at + len)?),
    }
}

/// Adds to `rec` the warning an invalid value's entry holds (what `CsvLayout::not_accepted`
/// writes, without formatting it again), in the strings of one of `kept`.
fn reuse_warning(kept: &mut KeptWarnings, rec: &mut Record, column: &str, e: &QuickEntry) {
    let Some(message) = e.message.as_deref() else {
        return;
    };
    if e.json != NO_JSON {
        let k = u32::try_from(rec.warnings.len()).unwrap_or(u32::MAX);
        kept.at.push((k, e.json));
    }
    let mut w = kept.strings.pop().unwrap_or_default();
    w.column.clear();
    w.column.push_str(column);
    w.message.clear();
    w.message.push_str(message);
    rec.warnings.push(w);
}

/// Where [`CsvLayout::other_cell`] reads a cell into: the record and the buffers it uses.
struct CellInto<'a> {
    sets: &'a mut SetCache,
    flags: &'a mut Vec<FlagState>,
    fields: &'a mut Vec<(String, String)>,
    warnings: &'a mut KeptWarnings,
    codes: &'a mut Vec<u16>,
    rec: &'a mut Record,
}

/// Buffers [`CsvLayout::interpret`] keeps from record to record.
#[derive(Debug, Clone, Default)]
pub(crate) struct CsvScratch {
    flags: Vec<FlagState>,
    /// Strings of pass-through fields, reused.
    fields: Vec<(String, String)>,
    warnings: KeptWarnings,
    /// The code of each answer of the last record read (see [`CsvScratch::codes`]).
    codes: Vec<u16>,
    sets: SetCache,
}

/// Warnings of the last record, their strings reused, and which were written before as JSON
/// ([`WarningsJson::at`]).
#[derive(Debug, Clone, Default)]
struct KeptWarnings {
    strings: Vec<RecordWarning>,
    at: Vec<(u32, u32)>,
}

/// Option sets this thread has read (multi_choice cells of several options, longer than the
/// cells of [`Quick`]), with their answers and codes, by question and cell: a set read again
/// is looked up instead of cut into options and each looked up. Such a cell means the same
/// wherever it is (a scratch reads the files of one rule set, whose questions the key numbers),
/// so keeping it is sound; at most [`SetCache::MAX`] are kept.
#[derive(Debug, Clone, Default)]
struct SetCache {
    /// Keyed by the question (four bytes) and the cell.
    sets: FxHashMap<Box<[u8]>, (Answer, u16)>,
    key: Vec<u8>,
}

impl SetCache {
    const MAX: usize = 4096;

    fn key(key: &mut Vec<u8>, q: usize, cell: &[u8]) {
        key.clear();
        key.extend_from_slice(&u32::try_from(q).unwrap_or(u32::MAX).to_le_bytes());
        key.extend_from_slice(cell);
    }

    fn get(&mut self, q: usize, cell: &[u8]) -> Option<(Answer, u16)> {
        Self::key(&mut self.key, q, cell);
        self.sets.get(self.key.as_slice()).copied()
    }

    fn keep(&mut self, q: usize, cell: &[u8], value: (Answer, u16)) {
        if self.sets.len() < Self::MAX {
            Self::key(&mut self.key, q, cell);
            self.sets.insert(self.key.as_slice().into(), value);
        }
    }
}

impl CsvScratch {
    /// The warnings of the record [`CsvLayout::interpret`] read last that are in `json`.
    fn warnings_json<'a>(&'a self, json: &'a [Box<[u8]>]) -> WarningsJson<'a> {
        WarningsJson {
            at: &self.warnings.at,
            json,
        }
    }

    /// The codes of the answers of the record [`CsvLayout::interpret`] read last, for
    /// `Engine::evaluate_coded`; empty after a record with an error.
    pub(crate) fn codes(&self) -> &[u16] {
        &self.codes
    }
}

/// One record as the CSV parser read it, before its cells are read as answers.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawRecord {
    cells: csv::ByteRecord,
    number: u64,
    line: u64,
    /// Line ends inside its fields.
    inner_lines: u64,
    /// Why the parser could not read it.
    error: Option<String>,
}

/// The cells of one record: `bytes[start..end]` for each `(start, end)` of `bounds`. The
/// parser's record (cells one after the other) and a line of input split in place (cells
/// between delimiters) both look like this.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cells<'c> {
    pub(crate) bytes: &'c [u8],
    pub(crate) bounds: &'c [(usize, usize)],
}

impl<'c> Cells<'c> {
    fn len(&self) -> usize {
        self.bounds.len()
    }

    fn get(&self, i: usize) -> Option<&'c [u8]> {
        let &(start, end) = self.bounds.get(i)?;
        self.bytes.get(start..end)
    }

    /// Each cell with where it starts in `bytes`.
    fn iter(&self) -> impl Iterator<Item = (usize, &'c [u8])> + 'c {
        let bytes = self.bytes;
        self.bounds
            .iter()
            .map(move |&(start, end)| (start, bytes.get(start..end).unwrap_or_default()))
    }

    /// The bounds of the cells of a parsed record, into `bounds`.
    fn of_record(record: &csv::ByteRecord, bounds: &mut Vec<(usize, usize)>) {
        bounds.clear();
        let mut at = 0;
        for cell in record {
            bounds.push((at, at + cell.len()));
            at += cell.len();
        }
    }
}

/// Reads records from CSV.
pub struct CsvReader<'r> {
    layout: CsvLayout<'r>,
    /// Per entry of `flag_questions`, for the record being read: the options marked, whether
    /// any of its columns had a value, and "don't know" / "declined" marks.
    scratch: CsvScratch,
    reader: csv::Reader<Tail<Box<dyn BufRead + 'r>>>,
    /// The record being read.
    raw: RawRecord,
    /// The bounds of its cells.
    bounds: Vec<(usize, usize)>,
    record: csv::ByteRecord,
    /// The first record, read ahead to tell a file without records.
    pending: Option<csv::Result<bool>>,
    /// Lines before the header that the CSV parser does not see (an Excel `sep=` line).
    line_offset: u64,
    count: u64,
    done: bool,
}

/// The input of the CSV parser, remembering the last bytes it handed over: the parser's own
/// line count is off for a record after a CRLF or after blank lines, and the byte that ended
/// a record tells how to correct it. Also turns the lone CR line ends of old Mac files into LF
/// so that their lines count.
struct Tail<R> {
    inner: R,
    /// Bytes handed over so far.
    offset: u64,
    /// The last chunk handed over.
    last: Vec<u8>,
    /// The byte before it.
    before_last: Option<u8>,
    cr_to_lf: bool,
}

impl<R> Tail<R> {
    fn new(inner: R, cr_to_lf: bool) -> Self {
        Tail {
            inner,
            offset: 0,
            last: Vec::new(),
            before_last: None,
            cr_to_lf,
        }
    }

    /// The byte at `at` (counted from the start of the parser's input), while it is recent.
    fn byte_at(&self, at: u64) -> Option<u8> {
        let start = self.offset - self.last.len() as u64;
        if at >= start {
            usize::try_from(at - start)
                .ok()
                .and_then(|i| self.last.get(i).copied())
        } else if at + 1 == start {
            self.before_last
        } else {
            None
        }
    }
}

impl<R: Read> Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(chunk) = buf.get_mut(..n).filter(|c| !c.is_empty()) {
            if self.cr_to_lf {
                chunk
                    .iter_mut()
                    .filter(|b| **b == b'\r')
                    .for_each(|b| *b = b'\n');
            }
            self.before_last = self.last.last().copied().or(self.before_last);
            self.last.clear();
            self.last.extend_from_slice(chunk);
            self.offset += n as u64;
        }
        Ok(n)
    }
}

/// Whether the file's line ends are lone CRs (old Mac "CSV"): its first line end is a CR not
/// followed by LF.
fn cr_line_ends(head: &[u8]) -> bool {
    match head.iter().position(|&b| b == b'\r' || b == b'\n') {
        Some(i) => head.get(i) == Some(&b'\r') && matches!(head.get(i + 1), Some(&b) if b != b'\n'),
        None => false,
    }
}

/// How a CSV input starts, read before its header: the delimiter, lone-CR line ends, and
/// whether an Excel `sep=` line came first (a UTF-8 BOM and that line are consumed).
struct Head {
    delimiter: u8,
    cr: bool,
    sep_line: bool,
}

impl Head {
    fn read(input: &mut dyn BufRead) -> io::Result<Head> {
        let head = input.fill_buf()?;
        let bom = head.starts_with(b"\xef\xbb\xbf");
        let head = head.get(if bom { 3 } else { 0 }..).unwrap_or_default();
        let sep = excel_sep_line(head);
        let delimiter = sep.map_or_else(|| sniff_delimiter(head), |(d, _)| d);
        let skip = usize::from(bom) * 3 + sep.map_or(0, |(_, len)| len);
        let cr = cr_line_ends(
            head.get(sep.map_or(0, |(_, len)| len)..)
                .unwrap_or_default(),
        );
        input.consume(skip);
        Ok(Head {
            delimiter,
            cr,
            sep_line: sep.is_some(),
        })
    }
}

/// The line where a record starts, from the parser's position at its end, the byte that ended
/// it, and the line ends inside its cells.
fn start_line(
    end: &csv::Position,
    last: Option<u8>,
    inner_lines: u64,
    record: &csv::ByteRecord,
) -> u64 {
    let ended_by_lf = last == Some(b'\n');
    let from_end = end
        .line()
        .saturating_sub(inner_lines + u64::from(ended_by_lf));
    // Where the parser began, before blank lines: never later than the record's start.
    let began = record.position().map_or(1, csv::Position::line);
    from_end.max(began)
}

/// Line ends in a record's cells. Always counted: how many lines the parser read since the
/// last record does not tell, as a record ended by a CR (alone, or the first byte of a CRLF)
/// after one whose LF was read with it reads one line for one line end inside it, and so does
/// the first record of a block.
fn inner_lines(record: &csv::ByteRecord) -> u64 {
    newlines(record.as_slice())
}

/// Makes an I/O error of the input `name`.
fn io_error(name: &str) -> impl Fn(io::Error) -> InputError + Copy + '_ {
    move |source| InputError::Io {
        file: name.to_owned(),
        source,
    }
}

/// The notice for a file without records.
fn no_records(name: &str, header: &csv::ByteRecord) -> FileNotice {
    FileNotice {
        message: if header.is_empty() {
            format!("{name}: the file is empty; there are no records")
        } else {
            format!("{name}: the file has a header but no records")
        },
    }
}

impl<'r> CsvLayout<'r> {
    /// What the columns of `header` mean; notices about them go to `notices`.
    fn new(
        name: &str,
        header: csv::ByteRecord,
        rs: &'r RuleSet,
        labels: Option<&'r Labels>,
        delimiter: u8,
        notices: &mut Vec<FileNotice>,
    ) -> Self {
        let titles: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, raw)| {
                let title = String::from_utf8_lossy(raw)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_owned();
                if title.is_empty() {
                    format!("column_{}", i + 1)
                } else {
                    title
                }
            })
            .collect();
        let export = titles.iter().any(|t| is_export_marker(t));
        // The case id: an explicit column first, then the export's own ids.
        let case_column = titles
            .iter()
            .enumerate()
            .filter_map(|(i, t)| case_id_rank(t, export).map(|r| (r, i)))
            .min()
            .map(|(_, i)| i);
        let strip_uuid = case_column
            .and_then(|i| titles.get(i))
            .is_some_and(|t| case_id_rank(t, export).is_some_and(|r| r > 0));
        let mut columns = Vec::with_capacity(header.len());
        let mut field_names = Vec::new();
        let mut metadata = Vec::new();
        let mut seen_question = vec![false; rs.questions.len()];
        let mut seen_title = HashSet::with_capacity(header.len());
        let mut duplicates = Vec::new();
        let mut by_label = 0usize;
        let mut flag_questions: Vec<usize> = Vec::new();
        for (i, title) in titles.into_iter().enumerate() {
            if !seen_title.insert(title.clone()) {
                duplicates.push(title);
                columns.push(Column::Ignored);
                continue;
            }
            if Some(i) == case_column {
                columns.push(Column::CaseId);
                continue;
            }
            let mapped = map_title(rs, &title).or_else(|| {
                let l = labels?;
                let m = map_label(rs, l, &title);
                by_label += usize::from(m.is_some());
                m
            });
            let col = match mapped {
                Some(Mapped::Question(q)) if seen_question.get(q).copied().unwrap_or(false) => {
                    duplicates.push(title);
                    Column::Ignored
                }
                Some(Mapped::Question(q)) => {
                    if let Some(s) = seen_question.get_mut(q) {
                        *s = true;
                    }
                    Column::Question(q)
                }
                Some(Mapped::Consent) => Column::Consent,
                Some(Mapped::Flag(q, which)) => {
                    let slot = flag_questions
                        .iter()
                        .position(|&x| x == q)
                        .unwrap_or_else(|| {
                            flag_questions.push(q);
                            flag_questions.len() - 1
                        });
                    Column::OptionFlag { slot, which }
                }
                _ if (export && is_metadata(&title))
                    || case_id_rank(&title, export).is_some_and(|r| r > 0) =>
                {
                    metadata.push(title);
                    Column::Ignored
                }
                _ => {
                    field_names.push(title);
                    Column::Field(field_names.len() - 1)
                }
            };
            columns.push(col);
        }
        // A question with a column of its own reads it; its 0/1 columns (KoboToolbox writes
        // both by default) are then left aside.
        for col in &mut columns {
            if let Column::OptionFlag { slot, .. } = *col {
                if flag_questions
                    .get(slot)
                    .is_some_and(|&q| seen_question.get(q).copied().unwrap_or(false))
                {
                    *col = Column::Ignored;
                }
            }
        }
        if export {
            notices.push(FileNotice {
                message: format!(
                    "{name}: read as a KoboToolbox/ODK export{}{}",
                    if metadata.is_empty() {
                        String::new()
                    } else {
                        format!("; metadata columns ignored: {}", list_columns(&metadata))
                    },
                    if by_label > 0 {
                        format!("; {by_label} column(s) recognised by their labels")
                    } else {
                        String::new()
                    }
                ),
            });
        }
        if !duplicates.is_empty() {
            notices.push(FileNotice {
                message: format!(
                    "{name}: columns that appear more than once: {}; only the first of each is used",
                    list_columns(&duplicates)
                ),
            });
        }
        if !columns
            .iter()
            .any(|c| matches!(c, Column::Question(_) | Column::OptionFlag { .. }))
            && !header.is_empty()
        {
            notices.push(FileNotice {
                message: format!(
                    "{name}: no column is a question of rule set `{}`; every record will be unanswered (see `tipscreen template`)",
                    rs.meta.id
                ),
            });
        } else if !field_names.is_empty() {
            notices.push(FileNotice {
                message: format!(
                    "{name}: columns that are not questions are passed through: {}",
                    list_columns(&field_names)
                ),
            });
        }
        let mut quick: Vec<Quick> = (0..rs.questions.len())
            .map(|q| Quick::new(rs, q, labels))
            .collect();
        let mut warnings_json = Vec::new();
        for (q, table) in rs.questions.iter().zip(&mut quick) {
            for e in &mut table.entries {
                let Some(message) = &e.message else {
                    continue;
                };
                let mut json = Vec::new();
                crate::output::fast_json::warning(&mut json, &q.id, message);
                e.json = u32::try_from(warnings_json.len()).unwrap_or(NO_JSON);
                warnings_json.push(json.into_boxed_slice());
            }
        }
        let column_question = columns
            .iter()
            .map(|c| match *c {
                Column::Question(q) => u32::try_from(q).unwrap_or(NOT_A_QUESTION),
                _ => NOT_A_QUESTION,
            })
            .collect();
        CsvLayout {
            cells16: Cells16::new(&quick),
            warnings_json,
            column_question,
            quick,
            rs,
            labels,
            flag_questions,
            strip_uuid,
            columns,
            field_names,
            header,
            delimiter,
        }
    }
}

/// The delimiter of a CSV file from its first line: the most frequent of `,` `;` and tab
/// outside quotes (ties go to the comma).
#[must_use]
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for c in &mut counts {
                if c.0 == b {
                    c.1 += 1;
                }
            }
        }
    }
    // Ties go to the comma, the first entry.
    counts
        .iter()
        .fold((b',', 0), |best, c| if c.1 > best.1 { *c } else { best })
        .0
}

/// The delimiter named by Excel's `sep=;` first line, and the length of that line.
fn excel_sep_line(head: &[u8]) -> Option<(u8, usize)> {
    let prefix = head.get(..4)?;
    if !prefix.eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let delimiter = *head.get(4)?;
    let rest = head.get(5..)?;
    let len = match rest {
        [b'\r', b'\n', ..] => 7,
        [b'\n', ..] | [b'\r', ..] => 6,
        _ => return None,
    };
    (delimiter != b'"' && delimiter.is_ascii() && !delimiter.is_ascii_alphanumeric())
        .then_some((delimiter, len))
}

/// A list of column names for a note: the first few, then how many more.
fn list_columns(names: &[String]) -> String {
    let mut s = names
        .iter()
        .take(LISTED_COLUMNS)
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > LISTED_COLUMNS {
        s.push_str(&format!(" and {} more", names.len() - LISTED_COLUMNS));
    }
    s
}

/// A cell as text; invalid UTF-8 is replaced and noted in a warning (the value is not quoted:
/// the column may hold anything).
fn text_of<'c>(cell: &'c [u8], column: &str, warnings: &mut Vec<RecordWarning>) -> Cow<'c, str> {
    match std::str::from_utf8(cell) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            warnings.push(RecordWarning {
                column: column.to_owned(),
                message: format!(
                    "`{column}` is not valid UTF-8 text; the invalid bytes were replaced (is the file in another encoding? see --encoding)"
                ),
            });
            String::from_utf8_lossy(cell)
        }
    }
}

impl<'r> CsvReader<'r> {
    /// Reads the header and maps its columns.
    ///
    /// # Errors
    /// When the input cannot be read.
    pub fn new(
        name: &str,
        mut input: Box<dyn BufRead + 'r>,
        rs: &'r RuleSet,
        labels: Option<&'r Labels>,
    ) -> Result<(Self, Vec<FileNotice>), InputError> {
        let io = io_error(name);
        let Head {
            delimiter,
            cr,
            sep_line,
        } = Head::read(&mut input).map_err(io)?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .buffer_capacity(1 << 16)
            .from_reader(Tail::new(input, cr));
        let header = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => match e.into_kind() {
                csv::ErrorKind::Io(source) => return Err(io(source)),
                _ => csv::ByteRecord::new(),
            },
        };
        let mut notices = Vec::new();
        let layout = CsvLayout::new(name, header, rs, labels, delimiter, &mut notices);
        let mut record = csv::ByteRecord::new();
        let first = reader.read_byte_record(&mut record);
        if matches!(first, Ok(false)) {
            notices.push(no_records(name, &layout.header));
        }
        Ok((
            CsvReader {
                scratch: CsvScratch::default(),
                layout,
                reader,
                raw: RawRecord::default(),
                bounds: Vec::new(),
                record,
                pending: Some(first),
                line_offset: u64::from(sep_line),
                count: 0,
                done: false,
            },
            notices,
        ))
    }

    /// The line where the record just read starts: the parser's line count at its end, less
    /// the line ends inside its fields and the LF that ended it.
    fn start_line(&self, inner_lines: u64, record: &csv::ByteRecord) -> u64 {
        let end = self.reader.position();
        let last = end
            .byte()
            .checked_sub(1)
            .and_then(|at| self.reader.get_ref().byte_at(at));
        start_line(end, last, inner_lines, record)
    }

    /// Reads the next record as the parser sees it (its number, line and cells); false at the
    /// end of the input. [`CsvLayout::interpret`] then reads its cells: the two halves of
    /// [`RecordReader::next_into`].
    fn read_raw(&mut self, raw: &mut RawRecord) -> bool {
        if self.done {
            return false;
        }
        raw.error = None;
        raw.inner_lines = 0;
        let read = match self.pending.take() {
            Some(first) => {
                std::mem::swap(&mut raw.cells, &mut self.record);
                first
            }
            None => self.reader.read_byte_record(&mut raw.cells),
        };
        match read {
            Ok(false) => {
                self.done = true;
                return false;
            }
            Ok(true) => {}
            Err(e) => {
                self.count += 1;
                raw.number = self.count;
                raw.line = e.position().map_or(0, csv::Position::line) + self.line_offset;
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                raw.error = Some(format!("cannot read the record: {e}"));
                // An I/O error will repeat forever; stop after reporting it once.
                self.done = fatal;
                return true;
            }
        }
        self.count += 1;
        raw.number = self.count;
        raw.inner_lines = inner_lines(&raw.cells);
        raw.line = self.start_line(raw.inner_lines, &raw.cells) + self.line_offset;
        true
    }
}

impl CsvLayout<'_> {
    /// Warns about a value over several lines that holds many delimiters: a quote that is
    /// never closed joins the records after it into one value, and the count of fields can
    /// still match. The value itself is not shown.
    fn check_swallowed_lines(&self, record: Cells<'_>, rec: &mut Record) {
        let enough = (self.columns.len() / 2).max(1);
        for (i, (_, cell)) in record.iter().enumerate() {
            let lines = cell.iter().filter(|&&b| b == b'\n').count();
            let delimiters = cell.iter().filter(|&&b| b == self.delimiter).count();
            if lines == 0 || delimiters < enough {
                continue;
            }
            let column = match self.columns.get(i) {
                Some(Column::Question(q)) => self.rs.questions.get(*q).map(|q| q.id.clone()),
                Some(Column::Field(f)) => self.field_names.get(*f).cloned(),
                Some(Column::CaseId) => Some("case_id".to_owned()),
                _ => None,
            }
            .unwrap_or_default();
            rec.warnings.push(RecordWarning {
                message: format!(
                    "the value of `{column}` runs over {} lines and holds {delimiters} `{}`: a `\"` that is not closed may have joined the records after it into this value",
                    lines + 1,
                    char::from(self.delimiter).escape_default()
                ),
                column,
            });
        }
    }

    /// Whether the record is the header again (files joined one after the other); a UTF-8 BOM
    /// of the joined file may stand before it.
    fn repeats_header(&self, record: Cells<'_>) -> bool {
        fn strip(f: &[u8]) -> &[u8] {
            f.strip_prefix(b"\xef\xbb\xbf").unwrap_or(f).trim_ascii()
        }
        record.len() == self.header.len()
            && record
                .iter()
                .zip(&self.header)
                .all(|((_, a), b)| strip(a) == strip(b))
    }

    fn case_id_of_bad_record(&self, record: Cells<'_>, rec: &mut Record) {
        let at = self
            .columns
            .iter()
            .position(|c| matches!(c, Column::CaseId));
        if let Some(v) = at.and_then(|i| record.get(i)) {
            let id = String::from_utf8_lossy(v);
            rec.case_id = self.case_id_text(&id).to_owned();
        }
    }

    /// A case id as shown: trimmed, without a BOM, and without the `uuid:` of an instance id.
    fn case_id_text<'t>(&self, id: &'t str) -> &'t str {
        let id = id.trim_start_matches('\u{feff}').trim();
        if self.strip_uuid {
            id.strip_prefix("uuid:").unwrap_or(id)
        } else {
            id
        }
    }

    /// Reads one 0/1 cell of a multi_choice option column.
    fn read_flag(flags: &mut [FlagState], slot: usize, which: OptionLabel, cell: &[u8]) {
        let cell = cell.trim_ascii();
        let Some(state) = flags.get_mut(slot) else {
            return;
        };
        if cell.is_empty() {
            return;
        }
        state.answered = true;
        let on = match cell {
            b"1" | b"1.0" | b"true" | b"True" | b"TRUE" => true,
            b"0" | b"0.0" | b"false" | b"False" | b"FALSE" => false,
            _ => {
                // A label export may write the yes/no words of its language.
                let text = String::from_utf8_lossy(cell);
                match super::value::yes_no_word(&text) {
                    Some(b) => b,
                    None => {
                        state.invalid = true;
                        return;
                    }
                }
            }
        };
        if on {
            match which {
                OptionLabel::Option(i) => state.set |= 1u64 << i,
                OptionLabel::DontKnow => state.dont_know = true,
                OptionLabel::Declined => state.declined = true,
            }
        }
    }

    /// Turns the option columns read for a record into answers.
    fn finish_flags(&self, flags: &mut [FlagState], rec: &mut Record, codes: &mut [u16]) {
        for (state, &q) in flags.iter_mut().zip(&self.flag_questions) {
            let st = std::mem::take(state);
            if !st.answered {
                continue;
            }
            let Some(question) = self.rs.questions.get(q) else {
                continue;
            };
            let answer = if st.invalid {
                rec.warnings.push(RecordWarning {
                    column: question.id.clone(),
                    message: format!(
                        "a column of an option of `{}` holds something other than 1 or 0; counted as unknown",
                        question.id
                    ),
                });
                Answer::DontKnow
            } else if st.declined {
                Answer::Declined
            } else if st.dont_know {
                Answer::DontKnow
            } else {
                Answer::Multi(st.set)
            };
            if (st.declined || st.dont_know) && st.set != 0 {
                rec.warnings.push(RecordWarning {
                    column: question.id.clone(),
                    message: format!(
                        "`{}` has options marked together with \"don't know\" or \"prefers not to say\"; counted as unknown",
                        question.id
                    ),
                });
            }
            if let (Some(slot), Some(code)) = (rec.answers.get_mut(q), codes.get_mut(q)) {
                *slot = answer;
                *code = crate::engine::answer_code(question, answer);
            }
        }
    }
}

impl CsvLayout<'_> {
    /// The answer for a cell `parse_answer` does not accept: read as a label, else unknown with
    /// a warning.
    fn not_accepted(
        &self,
        q: usize,
        question: &Question,
        why: Invalid,
        cell: &[u8],
        rec: &mut Record,
    ) -> Answer {
        let label = self.labels.and_then(|l| {
            let text = std::str::from_utf8(cell).ok()?;
            l.answer(self.rs, q, text)
        });
        match label {
            Some(a) => a,
            None => {
                rec.warnings.push(RecordWarning {
                    column: question.id.clone(),
                    message: invalid_message(question, why, cell),
                });
                Answer::DontKnow
            }
        }
    }

    /// Adds to `rec` the warning that entry `e` of question `q`'s [`Quick`] holds (an invalid
    /// value's), with [`reuse_warning`].
    fn reuse_message(&self, q: usize, e: u32, kept: &mut KeptWarnings, rec: &mut Record) {
        let (Some(question), Some(quick)) = (self.rs.questions.get(q), self.quick.get(q)) else {
            return;
        };
        if let Some(e) = quick.entries.get(e as usize) {
            reuse_warning(kept, rec, &question.id, e);
        }
    }

    /// Reads the cells of a record read by [`CsvReader::read_raw`] into `rec`; `bounds` is
    /// a buffer for the cells' bounds.
    pub(crate) fn interpret(
        &self,
        raw: &RawRecord,
        bounds: &mut Vec<(usize, usize)>,
        scratch: &mut CsvScratch,
        rec: &mut Record,
    ) {
        if let Some(e) = &raw.error {
            self.start(raw.number, raw.line, scratch, rec);
            rec.error = Some(e.clone());
            return;
        }
        Cells::of_record(&raw.cells, bounds);
        let cells = Cells {
            bytes: raw.cells.as_slice(),
            bounds,
        };
        self.interpret_cells(cells, (raw.number, raw.line, raw.inner_lines), scratch, rec);
    }

    /// Makes `rec` the empty record `number` at `line`, its buffers kept in `scratch`.
    fn start(&self, number: u64, line: u64, scratch: &mut CsvScratch, rec: &mut Record) {
        // The strings of the last record's fields are filled again below.
        scratch.fields.append(&mut rec.fields);
        scratch.warnings.strings.append(&mut rec.warnings);
        // Warnings made elsewhere come back here too: keep a few.
        scratch.warnings.strings.truncate(WARNINGS_KEPT);
        scratch.warnings.at.clear();
        scratch.codes.clear();
        rec.reset(self.rs.questions.len());
        rec.number = number;
        rec.line = line;
    }

    /// Reads the cells of record `number`, which starts at `line` and has `inner_lines` line
    /// ends inside its cells, into `rec`.
    pub(crate) fn interpret_cells(
        &self,
        record: Cells<'_>,
        (number, line, inner_lines): (u64, u64, u64),
        scratch: &mut CsvScratch,
        rec: &mut Record,
    ) {
        self.start(number, line, scratch, rec);
        let CsvScratch {
            flags,
            fields,
            warnings,
            codes,
            sets,
        } = scratch;
        if flags.len() != self.flag_questions.len() {
            flags.clear();
            flags.resize(self.flag_questions.len(), FlagState::default());
        }
        if record.len() != self.columns.len() {
            let mut why = format!(
                "the record has {} field(s) but the header has {} column(s)",
                record.len(),
                self.columns.len()
            );
            if inner_lines > 0 {
                // A quote opened and never closed swallows the lines after it.
                why.push_str(&format!(
                    "; it runs over lines {}-{}: is a `\"` not closed?",
                    rec.line,
                    rec.line + inner_lines
                ));
            }
            rec.error = Some(why);
            self.case_id_of_bad_record(record, rec);
            return;
        }
        // Stops at the first byte of the case id in every record but an empty one. Still a
        // record (the template with one blank row is an unanswered person), but worth a look.
        if record
            .iter()
            .all(|(_, cell)| cell.iter().all(u8::is_ascii_whitespace))
        {
            rec.warnings.push(RecordWarning {
                column: String::new(),
                message: "the record is empty: every field is blank".into(),
            });
        }
        if self.repeats_header(record) {
            rec.error = Some("the record repeats the header (were two files joined?)".into());
            return;
        }
        if inner_lines > 0 {
            self.check_swallowed_lines(record, rec);
        }
        codes.resize(self.rs.questions.len(), crate::engine::MISSING_CODE);
        let all = record.bytes;
        let cells = record.bounds.iter().zip(&self.column_question);
        for (c, (&(start, end), &q)) in cells.enumerate() {
            // The usual cell: a short cell of a question, one of those worked out for it. This
            // path runs for most cells of every record; the others are read by `other_cell`.
            let slot = (q != NOT_A_QUESTION)
                .then(|| key_at(all, start, end.saturating_sub(start)))
                .flatten()
                .and_then(|k| self.cells16.get(q as usize, k));
            let Some(slot) = slot else {
                let mut to = CellInto {
                    sets,
                    flags,
                    fields,
                    warnings,
                    codes,
                    rec,
                };
                self.other_cell(c, all, (start, end), &mut to);
                continue;
            };
            let q = q as usize;
            if let (Some(a), Some(c)) = (rec.answers.get_mut(q), codes.get_mut(q)) {
                *a = slot.answer;
                *c = slot.code;
            }
            if slot.entry & HAS_MESSAGE != 0 {
                self.reuse_message(q, slot.entry & !HAS_MESSAGE, warnings, rec);
            }
        }
        if !self.flag_questions.is_empty() {
            self.finish_flags(flags, rec, codes);
        }
    }

    /// Reads cell `c` (`all[start..end]`) of a record when it is not a short cell of a question
    /// found in [`CsvLayout::cells16`]: a long or unusual answer, the case id, a field passed
    /// through, a flag or consent column. Out of line, so that the usual path keeps its values
    /// in registers.
    #[inline(never)]
    fn other_cell(
        &self,
        c: usize,
        all: &[u8],
        (start, end): (usize, usize),
        to: &mut CellInto<'_>,
    ) {
        let len = end.saturating_sub(start);
        let cell = all.get(start..end).unwrap_or_default();
        match self.columns.get(c) {
            Some(&Column::Question(q)) => {
                let (Some(question), Some(quick)) = (self.rs.questions.get(q), self.quick.get(q))
                else {
                    return;
                };
                // A set read before.
                if let Some((answer, code)) = to.sets.get(q, cell) {
                    if let (Some(slot), Some(c)) = (to.rec.answers.get_mut(q), to.codes.get_mut(q))
                    {
                        *slot = answer;
                        *c = code;
                    }
                    return;
                }
                // Each arm stores its answer itself: an answer merged from several arms
                // goes through the stack in overlapping pieces, and reading it back
                // stalls the processor (seen in `perf annotate`).
                // (A short cell was looked up already: only a long one is looked up here.)
                let long = if key_at(all, start, len).is_some() {
                    None
                } else {
                    quick.get_keyed(None, cell)
                };
                match long {
                    Some(e) => {
                        if let (Some(slot), Some(code)) =
                            (to.rec.answers.get_mut(q), to.codes.get_mut(q))
                        {
                            *slot = e.answer;
                            *code = e.code;
                        }
                        reuse_warning(to.warnings, to.rec, &question.id, e);
                    }
                    None => {
                        let set = quick.option_set(all, start, len);
                        let answer = match set.map_or_else(|| parse_answer(question, cell), Ok) {
                            Ok(a) => a,
                            Err(why) => self.not_accepted(q, question, why, cell, to.rec),
                        };
                        let code = crate::engine::answer_code(question, answer);
                        if set.is_some() {
                            to.sets.keep(q, cell, (answer, code));
                        }
                        if let (Some(slot), Some(c)) =
                            (to.rec.answers.get_mut(q), to.codes.get_mut(q))
                        {
                            *slot = answer;
                            *c = code;
                        }
                    }
                }
            }
            Some(Column::CaseId) => {
                let id = text_of(cell, "case_id", &mut to.rec.warnings);
                to.rec.case_id.push_str(self.case_id_text(&id));
            }
            Some(&Column::OptionFlag { slot, which }) => {
                Self::read_flag(to.flags, slot, which, cell);
            }
            Some(Column::Consent) => {
                let text = String::from_utf8_lossy(cell);
                let refused = super::value::yes_no_word(&text) == Some(false)
                    || self.labels.is_some_and(|l| l.is_no(&text));
                if refused {
                    to.rec.warnings.push(RecordWarning {
                        column: CONSENT_COLUMN.to_owned(),
                        message: "the person did not agree to answer the questions; the form holds no answers".into(),
                    });
                }
            }
            Some(&Column::Field(f)) => {
                let name = self.field_names.get(f).map_or("", String::as_str);
                let value = text_of(cell, name, &mut to.rec.warnings);
                let (mut n, mut v) = to.fields.pop().unwrap_or_default();
                n.clear();
                n.push_str(name);
                v.clear();
                v.push_str(&value);
                to.rec.fields.push((n, v));
            }
            Some(Column::Ignored) | None => {}
        }
    }
}

impl RecordReader for CsvReader<'_> {
    fn next_into(&mut self, rec: &mut Record) -> bool {
        let mut raw = std::mem::take(&mut self.raw);
        let more = self.read_raw(&mut raw);
        if more {
            self.layout
                .interpret(&raw, &mut self.bounds, &mut self.scratch, rec);
        }
        self.raw = raw;
        more
    }
}

/// Whole records of a CSV input, cut by [`CsvBlocks::next_block`].
#[derive(Debug, Default)]
pub(crate) struct Block {
    /// The input bytes: whole records and the line ends between them.
    pub(crate) bytes: Vec<u8>,
    /// The line of its first byte.
    pub(crate) first_line: u64,
    /// Records of the input before it.
    pub(crate) first_record: u64,
    /// Its records.
    pub(crate) records: u64,
    /// Whether it holds a `"`: then its records are read by the parser, else split in place.
    pub(crate) quoted: bool,
    /// A read error after its records: read as one more record, with this error.
    pub(crate) error: Option<String>,
}

/// Input bytes read per block, about 250 records of a 40-question rule set.
const BLOCK_BYTES: usize = 64 << 10;

/// A CSV input cut into blocks of whole records without parsing them (see
/// [`super::split::cut`]), so that other threads parse them, each block on its own. The header
/// is read here; what the records hold, and their numbers and lines, come out exactly as
/// [`CsvReader`] reads them.
pub(crate) struct CsvBlocks<'r> {
    layout: CsvLayout<'r>,
    input: Box<dyn BufRead + 'r>,
    /// Lone-CR line ends, read as LF (as [`Tail`] does).
    cr: bool,
    /// Bytes read past the end of the last block: the start of the next.
    carry: Vec<u8>,
    /// The line of the next block's first byte, and the records before it.
    line: u64,
    records: u64,
    done: bool,
}

impl<'r> CsvBlocks<'r> {
    /// Reads the header of `input`.
    ///
    /// # Errors
    /// When the input cannot be read.
    pub(crate) fn new(
        name: &str,
        mut input: Box<dyn BufRead + 'r>,
        rs: &'r RuleSet,
        labels: Option<&'r Labels>,
    ) -> Result<(Self, Vec<FileNotice>), InputError> {
        let io = io_error(name);
        let Head {
            delimiter,
            cr,
            sep_line,
        } = Head::read(&mut input).map_err(io)?;
        let mut bytes = Vec::new();
        let (head, _) = read_records(&mut *input, &mut bytes, delimiter, cr, 0, 1).map_err(io)?;
        let text = bytes.get(..head.end).unwrap_or_default();
        let mut header = csv::ByteRecord::new();
        let read = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(text)
            .read_byte_record(&mut header);
        if !matches!(read, Ok(true)) {
            header.clear();
        }
        let line = 1 + u64::from(sep_line) + newlines(text);
        bytes.drain(..head.end);
        let mut notices = Vec::new();
        let layout = CsvLayout::new(name, header, rs, labels, delimiter, &mut notices);
        Ok((
            CsvBlocks {
                layout,
                input,
                cr,
                carry: bytes,
                line,
                records: 0,
                done: false,
            },
            notices,
        ))
    }

    /// What the columns mean.
    pub(crate) fn layout(&self) -> &CsvLayout<'r> {
        &self.layout
    }

    /// The notice for a file without records, once the input is done.
    pub(crate) fn no_records(&self, name: &str) -> Option<FileNotice> {
        (self.done && self.records == 0).then(|| no_records(name, &self.layout.header))
    }

    /// Reads the next whole records into `block`; false (and `block` empty) when the input
    /// is done.
    pub(crate) fn next_block(&mut self, block: &mut Block) -> bool {
        block.bytes.clear();
        block.error = None;
        block.records = 0;
        block.first_line = self.line;
        block.first_record = self.records;
        if self.done {
            block.quoted = false;
            return false;
        }
        block.bytes.append(&mut self.carry);
        let d = self.layout.delimiter;
        let input = &mut *self.input;
        let (cut, at_end) =
            match read_records(input, &mut block.bytes, d, self.cr, BLOCK_BYTES, u64::MAX) {
                Ok(c) => c,
                Err(e) => {
                    // The records read whole are kept; the error becomes a record after them, and
                    // the input is not read further.
                    block.error = Some(format!("cannot read the record: {e}"));
                    (super::split::cut(&block.bytes, d, false, u64::MAX), true)
                }
            };
        self.carry
            .extend_from_slice(block.bytes.get(cut.end..).unwrap_or_default());
        block.bytes.truncate(cut.end);
        block.records = cut.records;
        block.quoted = cut.quoted;
        self.line += newlines(&block.bytes);
        self.records += cut.records + u64::from(block.error.is_some());
        if at_end {
            self.done = true;
            self.carry.clear();
        }
        cut.records > 0 || block.error.is_some()
    }

    /// Whether the input is done: the last block has been read.
    pub(crate) fn no_more(&self) -> bool {
        self.done
    }
}

/// Reads `input` onto `bytes` until they hold at least `want` bytes and one whole record, or
/// the input ends; returns where the records end (at most `limit` of them), and whether the
/// input ended.
fn read_records(
    input: &mut dyn BufRead,
    bytes: &mut Vec<u8>,
    delimiter: u8,
    cr: bool,
    mut want: usize,
    limit: u64,
) -> io::Result<(super::split::Cut, bool)> {
    loop {
        if bytes.len() >= want {
            let cut = super::split::cut(bytes, delimiter, false, limit);
            if cut.records > 0 {
                return Ok((cut, false));
            }
            // One record longer than all read: read as much again (so that a huge record
            // is not scanned from its start over and over).
            want = bytes.len().max(BLOCK_BYTES) * 2;
        }
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok((super::split::cut(bytes, delimiter, true, limit), true));
        }
        let take = chunk.len().min(want.saturating_sub(bytes.len()).max(1));
        let from = bytes.len();
        bytes.extend_from_slice(chunk.get(..take).unwrap_or_default());
        input.consume(take);
        if cr {
            if let Some(new) = bytes.get_mut(from..) {
                new.iter_mut()
                    .filter(|b| **b == b'\r')
                    .for_each(|b| *b = b'\n');
            }
        }
    }
}

/// The LF bytes in `bytes`.
fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// A worker's buffers for reading the records of blocks.
#[derive(Default)]
pub(crate) struct BlockScratch {
    pub(crate) cells: CsvScratch,
    bounds: Vec<(usize, usize)>,
    raw: RawRecord,
}

impl CsvLayout<'_> {
    /// Reads each record of `block` into `rec` in turn and calls `each` with it and the codes
    /// of its answers (see [`CsvScratch::codes`]).
    pub(crate) fn read_block(
        &self,
        block: &Block,
        scratch: &mut BlockScratch,
        rec: &mut Record,
        mut each: impl FnMut(&Record, &[u16], WarningsJson<'_>),
    ) {
        let BlockScratch { cells, bounds, raw } = scratch;
        let bytes = block.bytes.as_slice();
        let mut number = block.first_record;
        if block.quoted {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(self.delimiter)
                .flexible(true)
                .has_headers(false)
                .from_reader(bytes);
            while reader.read_byte_record(&mut raw.cells).unwrap_or(false) {
                let end = reader.position();
                let inner = inner_lines(&raw.cells);
                let last = end.byte().checked_sub(1).and_then(|at| {
                    usize::try_from(at)
                        .ok()
                        .and_then(|at| bytes.get(at).copied())
                });
                let line = block.first_line - 1 + start_line(end, last, inner, &raw.cells);
                number += 1;
                Cells::of_record(&raw.cells, bounds);
                let record = Cells {
                    bytes: raw.cells.as_slice(),
                    bounds,
                };
                self.interpret_cells(record, (number, line, inner), cells, rec);
                each(rec, cells.codes(), cells.warnings_json(&self.warnings_json));
            }
        } else {
            let mut at = 0;
            let mut line = block.first_line;
            loop {
                // Blank lines and the line end of the record before.
                while let Some(&b) = bytes.get(at).filter(|&&b| b == b'\n' || b == b'\r') {
                    line += u64::from(b == b'\n');
                    at += 1;
                }
                if at >= bytes.len() {
                    break;
                }
                let (end, n) = super::split::split_plain(bytes, at, self.delimiter, bounds);
                number += 1;
                let record = Cells {
                    bytes,
                    bounds: bounds.get(..n).unwrap_or_default(),
                };
                self.interpret_cells(record, (number, line, 0), cells, rec);
                each(rec, cells.codes(), cells.warnings_json(&self.warnings_json));
                at = end;
            }
        }
        debug_assert_eq!(
            number,
            block.first_record + block.records,
            "the records read are those the block was cut with"
        );
        if let Some(e) = &block.error {
            self.start(number + 1, block.first_line + newlines(bytes), cells, rec);
            rec.error = Some(e.clone());
            each(rec, cells.codes(), cells.warnings_json(&self.warnings_json));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        excel_sep_line, key_at, list_columns, parse_answer, short_key, sniff_delimiter, Cells16,
        Quick, HAS_MESSAGE,
    };
    use crate::answer::Answer;
    use crate::i18n::Localizer;
    use crate::input::Labels;
    use crate::ruleset::{load, Folder, LoadOptions, QuestionKind};

    /// A rule set shipped with the tool.
    fn shipped(id: &str) -> crate::ruleset::RuleSet {
        let folder = Folder::embedded_ruleset(id).expect("shipped");
        load(
            &folder,
            &mut crate::diagnostic::SourceMap::default(),
            LoadOptions::default(),
        )
        .ruleset
        .expect("valid")
    }

    /// The lookups that replace `parse_answer` for common cells give what it gives, warning
    /// included, for every question of both shipped rule sets.
    #[test]
    fn quick_lookups_agree_with_parse_answer() {
        let mut cells: Vec<String> = [
            "",
            " ",
            "  ",
            "yes",
            "no",
            "Yes",
            "NO",
            "да",
            "иә",
            "dont_know",
            "declined",
            "dont know",
            "don't know",
            "не знаю",
            "prefer not to say",
            "0",
            "00",
            "007",
            "7",
            "25",
            "255",
            "256",
            "999",
            "1000",
            "-1",
            "3.5",
            "3,5",
            "x",
            "yes no",
            "a\tb",
            "0123456789abcdef",
            "0123456789abcdefg",
            "\u{a0}",
        ]
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
        let mut labelled = 0;
        let mut found = 0;
        for id in ["kz-handbook", "ilo-2009-adult-labour"] {
            let rs = shipped(id);
            let locs: Vec<Localizer> = ["en", "ru", "kk"]
                .iter()
                .map(|l| Localizer::new(l, &Folder::embedded_locales(), Some((id, None))))
                .collect::<Result<_, _>>()
                .expect("locales");
            let labels = Labels::new(&rs, &locs);
            for (qi, q) in rs.questions.iter().enumerate() {
                let mut mine = cells.clone();
                for (i, a) in q.options.iter().enumerate() {
                    mine.push(a.clone());
                    mine.push(a.to_uppercase());
                    mine.push(format!(" {a}\t"));
                    if let Some(b) = q.options.get((i + 1) % q.options.len()) {
                        mine.push(format!("{a} {b}"));
                        mine.push(format!("{a}  {b}  {a}"));
                        mine.push(format!("{a}\t{b}\n"));
                        mine.push(format!("{a},{b}"));
                        mine.push(format!("{a} {}", b.to_uppercase()));
                        mine.push(format!("{a} unknown_option"));
                        mine.push(format!("{a} dont_know"));
                    }
                }
                let quick = Quick::new(&rs, qi, None);
                let with_labels = Quick::new(&rs, qi, Some(&labels));
                let fast = Cells16::new(std::slice::from_ref(&quick));
                let fast_labels = Cells16::new(std::slice::from_ref(&with_labels));
                for cell in &mine {
                    let want = parse_answer(q, cell.as_bytes());
                    if let Some(e) = quick.get(cell.as_bytes()) {
                        assert_eq!(e.parsed, want, "{}: {cell:?}", q.id);
                        let message = want
                            .err()
                            .map(|why| super::super::invalid_message(q, why, cell.as_bytes()));
                        assert_eq!(e.message.as_deref(), message.as_deref(), "{cell:?}");
                    }
                    // With labels, an invalid value may be a label (as `not_accepted` reads it).
                    if let Some(e) = with_labels.get(cell.as_bytes()) {
                        let label = labels.answer(&rs, qi, cell);
                        match (want, label) {
                            (Err(_), Some(a)) => {
                                assert_eq!(e.parsed, Ok(a), "{cell:?}");
                                assert!(e.message.is_none());
                                labelled += 1;
                            }
                            (want, _) => assert_eq!(e.parsed, want, "{cell:?}"),
                        }
                    }
                    if let Some(a) = quick.option_set(cell.as_bytes(), 0, cell.len()) {
                        assert_eq!(Ok(a), want, "{}: {cell:?}", q.id);
                    }
                    // The table the records are read with finds the same short cells, with
                    // the same answers, codes and warnings.
                    for (table, cells16) in [(&quick, &fast), (&with_labels, &fast_labels)] {
                        let Some(key) = short_key(cell.as_bytes()) else {
                            continue;
                        };
                        let slot = cells16.get(0, key);
                        let entry = table.get(cell.as_bytes());
                        assert_eq!(slot.is_some(), entry.is_some(), "{}: {cell:?}", q.id);
                        if let (Some(slot), Some(e)) = (slot, entry) {
                            assert_eq!((slot.answer, slot.code), (e.answer, e.code), "{cell:?}");
                            let i = (slot.entry & !HAS_MESSAGE) as usize;
                            assert_eq!(
                                table.entries.get(i).map(|x| (x.answer, x.code)),
                                Some((e.answer, e.code))
                            );
                            assert_eq!(slot.entry & HAS_MESSAGE != 0, e.message.is_some());
                            found += 1;
                        }
                    }
                }
                if q.kind == QuestionKind::MultiChoice {
                    // The set path is taken: this test is not empty.
                    let a = q.options.first().expect("options");
                    let cell = format!("{a} {a}");
                    assert!(quick.option_set(cell.as_bytes(), 0, cell.len()).is_some());
                }
            }
            cells.push(String::new());
        }
        // "да" and "иә" are labels of yes_no answers, not words `parse_answer` knows.
        assert!(labelled > 0);
        assert!(found > 1000, "{found} cells found in the tables");
        // Keys are unique among cells of one length, whatever the bytes.
        let a = short_key(b"ab\0\0").expect("short");
        let b = short_key(b"ab\0").expect("short");
        assert_ne!(a, b);
        assert_ne!(short_key(b"abcdefghij"), short_key(b"abcdefghik"));
        assert_ne!(short_key(b"abc"), short_key(b"acc"));
        assert!(short_key(&[b'a'; 17]).is_none());
        // Read in place, with other bytes after the cell, the key is the same.
        for cell in ["", "a", "yes", "dont_know", "0123456789abcdef", "x\0"] {
            let all = format!("{cell}\u{1}zzzzzzzzzzzzzzzzzzzz");
            let at = key_at(all.as_bytes(), 0, cell.len());
            assert_eq!(at, short_key(cell.as_bytes()), "{cell:?}");
            let shifted = format!("ab{all}");
            assert_eq!(key_at(shifted.as_bytes(), 2, cell.len()), at, "{cell:?}");
            // And near the end of the record, where fewer than 16 bytes follow.
            assert_eq!(key_at(cell.as_bytes(), 0, cell.len()), at, "{cell:?}");
        }
    }

    /// A set of options read again is taken from the thread's cache of sets, with the answer
    /// and code it had the first time; cells that only look like sets are not kept.
    #[test]
    fn option_sets_read_again_give_the_same_answers() {
        let rs = shipped("kz-handbook");
        let (q, sectors) = rs
            .questions
            .iter()
            .enumerate()
            .find(|(_, q)| q.kind == QuestionKind::MultiChoice && q.options.len() > 2)
            .expect("a multi_choice question");
        let [a, b, c] = [0, 1, 2].map(|i| sectors.options.get(i).expect("option").as_str());
        let cells = [
            format!("{a} {b}"),
            format!("{b} {a} {c}"),
            format!("{a} nonsense_option"),
            format!("{a}  {b}"),
            format!("{a} {b}"),
            format!("{b} {a} {c}"),
            format!("{a} nonsense_option"),
        ];
        let mut text = format!("case_id,{}\n", sectors.id);
        for (i, cell) in cells.iter().enumerate() {
            text.push_str(&format!("R{i},{cell}\n"));
        }
        let (mut records, _) = crate::input::open(
            crate::input::Format::Csv,
            "t.csv",
            Box::new(text.as_bytes()),
            &rs,
            None,
        )
        .expect("reads");
        let mut rec = crate::input::Record::default();
        let mut n = 0;
        for cell in &cells {
            assert!(records.next_into(&mut rec));
            let want = parse_answer(sectors, cell.as_bytes());
            match want {
                Ok(a) => {
                    assert_eq!(rec.answers.get(q), Some(&a), "{cell:?}");
                    assert!(rec.warnings.is_empty(), "{cell:?}");
                }
                // An invalid cell is "don't know", with a warning every time it is read.
                Err(_) => {
                    assert_eq!(rec.answers.get(q), Some(&Answer::DontKnow), "{cell:?}");
                    assert_eq!(rec.warnings.len(), 1, "{cell:?}");
                }
            }
            n += 1;
        }
        assert_eq!(n, cells.len());
        assert!(!records.next_into(&mut rec));
    }

    #[test]
    fn delimiter_is_sniffed_from_the_header_outside_quotes() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1;2"), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n"), b';');
        assert_eq!(sniff_delimiter(b"\"x,y\";b;c"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter(b"single"), b',');
    }

    #[test]
    fn excel_names_the_delimiter_in_a_first_line() {
        assert_eq!(excel_sep_line(b"sep=;\r\na;b"), Some((b';', 7)));
        assert_eq!(excel_sep_line(b"SEP=,\na,b"), Some((b',', 6)));
        assert_eq!(excel_sep_line(b"sep=;"), None);
        assert_eq!(excel_sep_line(b"sep=ab\n"), None);
        assert_eq!(excel_sep_line(b"separator\n"), None);
    }

    #[test]
    fn long_lists_of_columns_are_cut() {
        let names: Vec<String> = (1..=25).map(|i| format!("c{i}")).collect();
        let s = list_columns(&names);
        assert!(s.starts_with("`c1`, `c2`"), "{s}");
        assert!(s.ends_with("`c20` and 5 more"), "{s}");
    }

    /// Wherever the input is cut into blocks (after any line end outside quotes, the CR of a
    /// CRLF included), the records of each block get the numbers and lines the one-thread
    /// reader gives them, with quotes (parsed) and without (split in place).
    #[test]
    fn records_keep_their_lines_wherever_blocks_start() {
        use super::{newlines, Block, BlockScratch, CsvBlocks};
        use crate::input::split::cut;
        let rs = shipped("kz-handbook");
        let text = "case_id,feels_safe_now,age\r\nA,yes,1\r\n\r\nB,\"x\ny\",2\r\n,,\r\n\
                    C,no,3\rD,\"say \"\"hi\"\"\nthere\",4\n\nE,,5\r\nF,\"\",6\nG,no,7\r\rH,yes,8\nI,\"p\nq\",9\r\nJ,no,10\n";
        let open = || -> Box<dyn std::io::BufRead> { Box::new(text.as_bytes()) };
        let mut want = Vec::new();
        let (mut records, _) =
            crate::input::open(crate::input::Format::Csv, "t.csv", open(), &rs, None)
                .expect("reads");
        let mut rec = crate::input::Record::default();
        while records.next_into(&mut rec) {
            want.push((rec.number, rec.line));
        }
        // Lines as LF ends count them (a lone CR ends a record, not a line): B and I have a
        // line end inside, D one too and starts after a lone CR.
        let lines = [2, 4, 6, 7, 7, 10, 11, 12, 12, 13, 15];
        assert_eq!(want, (1..).zip(lines).collect::<Vec<_>>());
        let (blocks, _) = CsvBlocks::new("t.csv", open(), &rs, None).expect("header");
        let layout = blocks.layout().clone();
        let head = text.find("A,").expect("first record");
        let body = &text.as_bytes()[head..];
        let mut scratch = BlockScratch::default();
        for p in 0..=body.len() {
            let before = cut(&body[..p], b',', false, u64::MAX);
            let rest = &body[before.end..];
            let c = cut(rest, b',', true, u64::MAX);
            let block = Block {
                bytes: rest[..c.end].to_vec(),
                first_line: 2 + newlines(&body[..before.end]),
                first_record: before.records,
                records: c.records,
                quoted: c.quoted,
                error: None,
            };
            let mut got = Vec::new();
            layout.read_block(&block, &mut scratch, &mut rec, |r, _, _| {
                got.push((r.number, r.line));
            });
            let from = usize::try_from(before.records).expect("small");
            assert_eq!(
                got,
                want[from..],
                "block from byte {} ({:?})",
                before.end,
                String::from_utf8_lossy(rest)
            );
        }
    }
}
