//! Finding where CSV records end without parsing them, and splitting a record that holds no
//! quote into its cells: what lets batch scoring parse on the worker threads while the reading
//! thread only cuts the input into blocks of whole records.
//!
//! Both follow the parser of the `csv` crate (`csv_core`, with its default settings: `"`
//! quotes, doubled inside a quoted field; CR, LF or CRLF ends a record; blank lines are no
//! records) exactly, which the property tests below check against the crate itself. Written
//! here because `csv_core` has no way to find record ends without copying every field out, and
//! that copy on one thread was the slowest part of batch scoring (docs/performance.md).

/// Whole records at the start of a buffer, as found by [`cut`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut {
    /// `bytes[..end]` holds whole records (and the line ends after them).
    pub end: usize,
    /// How many records (blank lines are none).
    pub records: u64,
    /// Whether a `"` was seen: then the records need the full parser.
    pub quoted: bool,
}

/// Where the records of `bytes` end. `bytes` starts where a record may start (the start of
/// the input, or just after a line end outside quotes). At most `limit` records are taken.
/// Unless `at_end` (no more input follows), a record that is not ended by a line end is left
/// out, as it may go on in the input not read yet.
pub(crate) fn cut(bytes: &[u8], delimiter: u8, at_end: bool, limit: u64) -> Cut {
    // Without quotes, the exact cut jumps from line end to line end, which is faster still.
    if limit == u64::MAX && memchr::memchr(b'"', bytes).is_some() {
        if let Some(found) = cut_regular(bytes, delimiter, at_end) {
            return found;
        }
    }
    cut_exact(bytes, delimiter, at_end, limit)
}

/// [`cut`], one quote or line end at a time.
fn cut_exact(bytes: &[u8], delimiter: u8, at_end: bool, limit: u64) -> Cut {
    let mut found = Cut {
        end: 0,
        records: 0,
        quoted: false,
    };
    // Bytes of a record seen since the last record ended.
    let mut in_record = false;
    let mut i = 0;
    while found.records < limit {
        let Some(off) = bytes
            .get(i..)
            .and_then(|b| memchr::memchr3(b'"', b'\n', b'\r', b))
        else {
            in_record |= i < bytes.len();
            break;
        };
        let j = i + off;
        in_record |= off > 0;
        if bytes.get(j) == Some(&b'"') {
            found.quoted = true;
            in_record = true;
            // A quote opens a quoted field only at the start of a field; elsewhere it is
            // a byte of the field like any other (as `csv_core` reads it).
            let opens = j
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_none_or(|&b| b == delimiter || b == b'\n' || b == b'\r');
            if !opens {
                i = j + 1;
                continue;
            }
            match closing_quote(bytes, j + 1) {
                Some(after) => i = after,
                // The quoted field goes on past what has been read.
                None => break,
            }
        } else {
            if in_record {
                found.records += 1;
                in_record = false;
            }
            found.end = j + 1;
            i = j + 1;
        }
    }
    if at_end && in_record && found.records < limit {
        // The last record, without a line end (or with a quote never closed: `csv_core`
        // then reads the rest of the input into its last field).
        found.records += 1;
        found.end = bytes.len();
    }
    found
}

/// [`cut`] sixty-four bytes at a time, for input whose quotes are where a writer of CSV puts
/// them: then which bytes are inside quotes is the parity of the quotes before them, found for
/// sixty-four bytes at once. `csv_core` reads the same as long as every quote that the parity
/// says opens a quoted field stands at the start of a field (after a delimiter, a line end, the
/// start, or a closing quote: a doubled quote inside the field). Whatever follows a closing
/// quote, `csv_core` is outside quotes after it, as the parity is, until a quote that must pass
/// that test. `None` as soon as one does not: [`cut_exact`] then reads the input one quote at a
/// time.
fn cut_regular(bytes: &[u8], delimiter: u8, at_end: bool) -> Option<Cut> {
    if matches!(delimiter, b'"' | b'\n' | b'\r') {
        return None;
    }
    let (mut records, mut last_end, mut quoted) = (0u64, None, false);
    // Carried from one step to the next, as bit 0: inside quotes (all bits), the byte before
    // is one a quote may follow / is a line end outside quotes (the start counts as both).
    let (mut inside, mut prev_sep, mut prev_end) = (0u64, 1u64, 1u64);
    let mut tail = [0u8; 64];
    let mut i = 0;
    while let Some((step, valid)) = step_at(bytes, i, &mut tail) {
        let m = marks(step, delimiter, true);
        let (q, t, dl) = (m.quotes & valid, m.ends & valid, m.delimiters & valid);
        quoted |= q != 0;
        // Inside quotes: the opening quote included, the closing one not.
        let within = prefix_xor(q) ^ inside;
        let (opening, closing) = (q & within, q & !within);
        let ends = t & !within;
        let sep = dl | ends | closing;
        if opening & !((sep << 1) | prev_sep) != 0 {
            return None;
        }
        records += u64::from((ends & !((ends << 1) | prev_end)).count_ones());
        if ends != 0 {
            last_end = Some(i + 63 - ends.leading_zeros() as usize);
        }
        inside = 0u64.wrapping_sub(within >> 63);
        (prev_sep, prev_end) = (sep >> 63, ends >> 63);
        i += 64;
    }
    let end = last_end.map_or(0, |e| e + 1);
    Some(if at_end && bytes.len() > end {
        // Bytes after the last line end: the last record (with a quote never closed,
        // `csv_core` reads the rest of the input into its last field).
        Cut {
            end: bytes.len(),
            records: records + 1,
            quoted,
        }
    } else {
        Cut {
            end,
            records,
            quoted,
        }
    })
}

/// Per bit, the parity of the set bits up to it (itself included).
const fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

/// The bytes that matter in a step of sixty-four bytes, one bit per byte.
#[derive(Default)]
struct Marks {
    delimiters: u64,
    /// CR and LF.
    ends: u64,
    quotes: u64,
}

/// [`Marks`] of a step; the quotes only when `quotes` (else none).
///
/// Sixteen bytes at a time with SSE2, which every x86-64 processor has: a compare and a
/// `pmovmskb` per byte sought give its bits directly. Through `safe_arch`, the safe wrappers
/// of those instructions (this crate forbids `unsafe`; `std::arch` would need it, as the
/// functions calling it cannot all be marked with the target feature). Elsewhere, eight bytes
/// at a time in a word ([`marks_swar`]).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn marks(step: &[u8; 64], delimiter: u8, quotes: bool) -> Marks {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i as eq, m128i, move_mask_i8_m128i as mask,
        set_splat_i8_m128i as splat16,
    };
    let byte = |b: u8| splat16(i8::from_ne_bytes([b]));
    let (d, lf, cr, qu) = (byte(delimiter), byte(b'\n'), byte(b'\r'), byte(b'"'));
    let mut m = Marks::default();
    for (k, chunk) in step.chunks_exact(16).enumerate() {
        let mut x = [0u8; 16];
        x.copy_from_slice(chunk);
        let v = m128i::from(x);
        // `pmovmskb` sets the low sixteen bits only.
        let bits = |found: m128i| u64::from(mask(found) as u32 & 0xffff) << (16 * k);
        m.delimiters |= bits(eq(v, d));
        m.ends |= bits(bitor_m128i(eq(v, lf), eq(v, cr)));
        if quotes {
            m.quotes |= bits(eq(v, qu));
        }
    }
    m
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
fn marks(step: &[u8; 64], delimiter: u8, quotes: bool) -> Marks {
    marks_swar(step, delimiter, quotes)
}

/// [`marks`] eight bytes at a time in a word, with no processor-specific instruction.
#[cfg_attr(
    all(target_arch = "x86_64", target_feature = "sse2"),
    allow(dead_code, reason = "the tests check it against the SSE2 one")
)]
fn marks_swar(step: &[u8; 64], delimiter: u8, quotes: bool) -> Marks {
    let (d, lf, cr, qu) = (splat(delimiter), splat(b'\n'), splat(b'\r'), splat(b'"'));
    let mut m = Marks::default();
    for (k, w) in step.chunks_exact(8).enumerate() {
        let mut x = [0u8; 8];
        x.copy_from_slice(w);
        let x = u64::from_le_bytes(x);
        m.delimiters |= bits(zero_bytes(x ^ d)) << (8 * k);
        m.ends |= bits(zero_bytes(x ^ lf) | zero_bytes(x ^ cr)) << (8 * k);
        if quotes {
            m.quotes |= bits(zero_bytes(x ^ qu)) << (8 * k);
        }
    }
    m
}

/// The step of sixty-four bytes at `bytes[i]`, and which of its bits are bytes of the input:
/// the last bytes are copied to `tail` (once: it is the last step), zero past them. `None` at
/// the end.
fn step_at<'s>(bytes: &'s [u8], i: usize, tail: &'s mut [u8; 64]) -> Option<(&'s [u8; 64], u64)> {
    if let Some(step) = bytes
        .get(i..i + 64)
        .and_then(|s| <&[u8; 64]>::try_from(s).ok())
    {
        return Some((step, u64::MAX));
    }
    let rest = bytes.get(i..).filter(|r| !r.is_empty())?;
    tail.get_mut(..rest.len())?.copy_from_slice(rest);
    Some((&*tail, (1u64 << rest.len()) - 1))
}

/// Just past the quote that closes a quoted field whose content starts at `from`; `None`
/// when the input read so far does not tell (no closing quote yet, or a quote at the very end,
/// which may be the first of a doubled one).
fn closing_quote(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let q = from + memchr::memchr(b'"', bytes.get(from..)?)?;
        match bytes.get(q + 1) {
            Some(b'"') => from = q + 2,
            Some(_) => return Some(q + 1),
            None => return None,
        }
    }
}

/// Per byte of a word, its high bit set where the byte is zero (no carry between bytes).
const fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7) + LOW7) | x) & !LOW7
}

/// The high bits of the bytes of a word (as [`zero_bytes`] gives them) as its low eight bits,
/// the bit of byte `k` at `k`: each lands at `56 + k` in the product, no two on one place.
const fn bits(high: u64) -> u64 {
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The byte `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Splits the record that starts at `bytes[at]` (not a line end), in input that holds no
/// quote, into its cells: the first `n` entries of `bounds` get each cell's start and end
/// (`bounds` grows as needed and is never shortened, so that it is not refilled for every
/// record). Returns where the record ends (the index of its line end, or the length of
/// `bytes`) and `n`.
///
/// Sixty-four bytes at a time ([`marks`]): the delimiters and line ends are found together, with
/// no branch per byte. Not inlined: on its own it keeps its values in registers.
#[inline(never)]
pub(crate) fn split_plain(
    bytes: &[u8],
    at: usize,
    delimiter: u8,
    bounds: &mut Vec<(usize, usize)>,
) -> (usize, usize) {
    let mut n = 0;
    let mut start = at;
    let mut i = at;
    // Sixty-four bytes at a time, as one bit per byte: the loop over the cells found ends once
    // per sixty-four bytes, not once per word, and a mispredicted end costs more than the
    // work of a word.
    let mut tail = [0u8; 64];
    while let Some((step, valid)) = step_at(bytes, i, &mut tail) {
        let m = marks(step, delimiter, false);
        let ends = m.ends;
        let mut hits = m.delimiters | ends;
        hits &= valid;
        if hits != 0 && bounds.len() < n + 64 {
            bounds.resize(n + 64, (0, 0));
        }
        while hits != 0 {
            let j = i + hits.trailing_zeros() as usize;
            if let Some(b) = bounds.get_mut(n) {
                *b = (start, j);
            }
            n += 1;
            if ends & hits & hits.wrapping_neg() != 0 {
                return (j, n);
            }
            start = j + 1;
            hits &= hits - 1;
        }
        i += 64;
    }
    if bounds.len() <= n {
        bounds.resize(n + 1, (0, 0));
    }
    if let Some(b) = bounds.get_mut(n) {
        *b = (start, bytes.len());
    }
    (bytes.len(), n + 1)
}

#[cfg(test)]
mod tests {
    use super::{cut, split_plain};
    use proptest::prelude::*;

    /// The records of `bytes` as the `csv` crate reads them.
    fn parsed(bytes: &[u8], delimiter: u8) -> Vec<Vec<Vec<u8>>> {
        let mut r = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes);
        let mut out = Vec::new();
        let mut rec = csv::ByteRecord::new();
        while r.read_byte_record(&mut rec).unwrap_or(false) {
            out.push(rec.iter().map(<[u8]>::to_vec).collect());
        }
        out
    }

    /// Input made of the bytes that matter to the parser.
    fn input(quotes: bool) -> impl Strategy<Value = (Vec<u8>, u8)> {
        let bytes: &'static [u8] = if quotes {
            b"a;,\"\"\r\n\n\t "
        } else {
            // Mostly cell bytes: records long enough to span steps.
            b"abcdefgh;,,\r\n\t "
        };
        (
            // Long enough for several steps of sixty-four bytes.
            proptest::collection::vec(proptest::sample::select(bytes), 0..240),
            proptest::sample::select(&b",;\t"[..]),
        )
    }

    /// CSV as writers write it: every field plain, or quoted with quotes doubled and
    /// delimiters and line ends inside; any line ends between records.
    fn regular() -> impl Strategy<Value = (Vec<u8>, u8)> {
        let plain = proptest::collection::vec(proptest::sample::select(&b"abc "[..]), 0..6);
        let quoted =
            proptest::collection::vec(proptest::sample::select(&b"ab,;\t\r\n\"x"[..]), 0..8)
                .prop_map(|content| {
                    let mut f = vec![b'"'];
                    for b in content {
                        f.push(b);
                        if b == b'"' {
                            f.push(b'"');
                        }
                    }
                    f.push(b'"');
                    f
                });
        let field = prop_oneof![plain, quoted];
        let ends: &'static [&'static [u8]] = &[b"\n", b"\r\n", b"\r", b"\n\n"];
        (
            proptest::collection::vec(
                (
                    proptest::collection::vec(field, 1..5),
                    proptest::sample::select(ends),
                ),
                0..12,
            ),
            proptest::sample::select(&b",;\t"[..]),
            any::<bool>(),
        )
            .prop_map(|(records, d, last_end)| {
                let mut bytes = Vec::new();
                let n = records.len();
                for (k, (fields, end)) in records.into_iter().enumerate() {
                    for (j, f) in fields.into_iter().enumerate() {
                        if j > 0 {
                            bytes.push(d);
                        }
                        bytes.extend(f);
                    }
                    if k + 1 < n || last_end {
                        bytes.extend_from_slice(end);
                    }
                }
                (bytes, d)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Input as writers write it is cut sixty-four bytes at a time, and cut right.
        #[test]
        fn regular_input_is_cut_by_steps((bytes, d) in regular(), at in 0usize..400) {
            let head = bytes.get(..at.min(bytes.len())).unwrap_or_default();
            for (part, at_end) in [(head, false), (&bytes[..], true)] {
                let fast = super::cut_regular(part, d, at_end);
                prop_assert!(fast.is_some(), "{:?}", String::from_utf8_lossy(part));
                prop_assert_eq!(fast, Some(super::cut_exact(part, d, at_end, u64::MAX)));
            }
        }

        /// Cut anywhere, the records before the cut and those after it are the records of
        /// the whole, and the count is right.
        #[test]
        fn cutting_keeps_every_record((bytes, d) in input(true), at in 0usize..240) {
            let whole = parsed(&bytes, d);
            // Whichever way it is cut, the same cut.
            prop_assert_eq!(cut(&bytes, d, true, u64::MAX), super::cut_exact(&bytes, d, true, u64::MAX));
            let head = bytes.get(..at.min(bytes.len())).unwrap_or_default();
            let c = cut(head, d, false, u64::MAX);
            let before = parsed(head.get(..c.end).unwrap_or_default(), d);
            prop_assert_eq!(before.len() as u64, c.records);
            let mut joined = before;
            joined.extend(parsed(bytes.get(c.end..).unwrap_or_default(), d));
            prop_assert_eq!(&joined, &whole);
            // At the end of the input, everything is taken.
            let all = cut(&bytes, d, true, u64::MAX);
            prop_assert_eq!(all.records, whole.len() as u64);
            prop_assert_eq!(all.end, bytes.len());
            prop_assert_eq!(all.quoted, bytes.contains(&b'"'));
            // One record at a time (the header).
            let one = cut(&bytes, d, true, 1);
            prop_assert_eq!(one.records, whole.len().min(1) as u64);
            prop_assert_eq!(parsed(bytes.get(..one.end).unwrap_or_default(), d).len(), whole.len().min(1));
        }

        /// Without quotes, splitting finds the cells the parser reads.
        #[test]
        fn plain_records_split_as_parsed((bytes, d) in input(false)) {
            let mut got = Vec::new();
            let mut bounds = Vec::new();
            let mut at = 0;
            loop {
                while matches!(bytes.get(at), Some(b'\n' | b'\r')) {
                    at += 1;
                }
                if at >= bytes.len() {
                    break;
                }
                let (end, n) = split_plain(&bytes, at, d, &mut bounds);
                at = end;
                got.push(
                    bounds
                        .get(..n)
                        .unwrap_or_default()
                        .iter()
                        .map(|&(s, e)| bytes.get(s..e).unwrap_or_default().to_vec())
                        .collect::<Vec<_>>(),
                );
            }
            prop_assert_eq!(got, parsed(&bytes, d));
        }
    }

    proptest! {
        /// The SSE2 marks and the word-at-a-time ones find the same bytes.
        #[test]
        fn both_ways_of_marking_agree(
            step in proptest::collection::vec(proptest::sample::select(&b"a;,\"\r\n\t\x80\xff\x00"[..]), 64),
            d in proptest::sample::select(&b",;\t"[..]),
        ) {
            let mut s = [0u8; 64];
            s.copy_from_slice(&step);
            for quotes in [false, true] {
                let (a, b) = (super::marks(&s, d, quotes), super::marks_swar(&s, d, quotes));
                prop_assert_eq!((a.delimiters, a.ends, a.quotes), (b.delimiters, b.ends, b.quotes));
                let want = |f: &dyn Fn(u8) -> bool| {
                    s.iter().enumerate().fold(0u64, |m, (k, &x)| m | (u64::from(f(x)) << k))
                };
                prop_assert_eq!(a.delimiters, want(&|x| x == d));
                prop_assert_eq!(a.ends, want(&|x| x == b'\n' || x == b'\r'));
                prop_assert_eq!(a.quotes, if quotes { want(&|x| x == b'"') } else { 0 });
            }
        }
    }

    #[test]
    fn high_bits_become_one_bit_per_byte() {
        for v in [0u64, 1, 0x80, 0xff, 0xa5, 0x5a, 0x81] {
            let high = (0..8).fold(0u64, |m, k| m | (((v >> k) & 1) << (8 * k + 7)));
            assert_eq!(super::bits(high), v);
        }
    }

    #[test]
    fn a_quote_inside_a_field_is_a_byte_of_it() {
        // `csv_core` reads `a"b` as a field of three bytes: the line end after it ends the
        // record.
        let c = cut(b"x,a\"b\ny,\"c\nd\"\n", b',', false, u64::MAX);
        assert_eq!((c.end, c.records, c.quoted), (14, 2, true));
        // A quoted field not closed yet: nothing after the first record is taken.
        let c = cut(b"x\ny,\"c\nd", b',', false, u64::MAX);
        assert_eq!((c.end, c.records), (2, 1));
        // A quote at the end may be the first of a doubled one.
        let c = cut(b"x\n\"c\"", b',', false, u64::MAX);
        assert_eq!((c.end, c.records), (2, 1));
    }
}
