//! Text encodings of intake files: UTF-8 (with or without BOM) is read as it is; Windows-1251
//! (Excel "CSV" on Russian Windows) and UTF-16 with a BOM (Excel "Unicode text") are transcoded
//! to UTF-8 while reading. Without `--encoding` the encoding is detected from the first 64 KiB.
//! Files that are not text at all (an Excel workbook, a PDF) are refused with a reason.

use std::io::{self, BufRead, Cursor, Read};

use encoding_rs::{Decoder, UTF_16BE, UTF_16LE, WINDOWS_1251};

use super::{FileNotice, InputError};

/// How much of a file is looked at to detect its encoding.
pub const SAMPLE: usize = 64 * 1024;

/// A text encoding of an intake file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without BOM; read without transcoding.
    Utf8,
    /// Windows-1251 (Cyrillic).
    Windows1251,
    /// UTF-16, little-endian (found by its BOM).
    Utf16Le,
    /// UTF-16, big-endian (found by its BOM).
    Utf16Be,
}

/// What the user asked for (`--encoding`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// Detect from the content.
    #[default]
    Auto,
    /// This encoding, unless the file starts with a byte order mark.
    Force(Encoding),
}

impl EncodingChoice {
    /// Parses an `--encoding` value: `auto`, `utf-8` (`utf8`), `windows-1251` (`cp1251`).
    #[must_use]
    pub fn from_label(label: &str) -> Option<EncodingChoice> {
        match label.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(EncodingChoice::Auto),
            "utf-8" | "utf8" => Some(EncodingChoice::Force(Encoding::Utf8)),
            "windows-1251" | "cp1251" | "win1251" => {
                Some(EncodingChoice::Force(Encoding::Windows1251))
            }
            _ => None,
        }
    }
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Text in this encoding; for UTF-8, with this many invalid sequences in the sample.
    Text {
        /// The encoding.
        encoding: Encoding,
        /// Whether a byte order mark said so.
        bom: bool,
        /// Invalid UTF-8 sequences in the sample (UTF-8 only).
        invalid_utf8: usize,
    },
    /// Not a text file: what it seems to be instead.
    NotText(&'static str),
}

/// Signatures of files people pass by mistake instead of a CSV export.
const SIGNATURES: &[(&[u8], &str)] = &[
    (
        b"PK\x03\x04",
        "a ZIP archive (an Excel .xlsx or an OpenDocument .ods workbook?)",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old-style Office file (an Excel .xls workbook?)",
    ),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
];

/// Windows-1251 bytes that are Russian letters or the punctuation of Russian text: `А`–`я`,
/// `Ё` `ё`, `І` `і`, `№`, `«` `»`, dashes, quotes, ellipsis, no-break space.
fn is_cyrillic_text_byte(b: u8) -> bool {
    matches!(
        b,
        0xC0..=0xFF
            | 0xA8
            | 0xB8
            | 0xB2
            | 0xB3
            | 0xB9
            | 0xAB
            | 0xBB
            | 0x96
            | 0x97
            | 0x84
            | 0x85
            | 0x91..=0x94
            | 0xA0
    )
}

/// Control bytes that do not occur in text files (tab, line ends and form feed do).
fn is_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F)
}

/// Counts, in `sample`, the valid non-ASCII UTF-8 characters and the invalid sequences; an
/// incomplete sequence at the very end is ignored when the sample was cut there.
fn utf8_census(sample: &[u8], complete: bool) -> (usize, usize) {
    let mut valid_non_ascii = 0;
    let mut invalid = 0;
    let mut rest = sample;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_non_ascii += s.bytes().filter(|&b| b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                valid_non_ascii += valid.iter().filter(|&&b| b >= 0xC0).count();
                match e.error_len() {
                    Some(n) => {
                        invalid += 1;
                        rest = after.get(n..).unwrap_or_default();
                    }
                    None => {
                        if complete {
                            invalid += 1;
                        }
                        break;
                    }
                }
            }
        }
    }
    (valid_non_ascii, invalid)
}

/// Detects the encoding of a file from its first bytes. `complete` says whether `sample` is
/// the whole file (else it may end inside a character).
#[must_use]
pub fn sniff(sample: &[u8], complete: bool) -> Sniffed {
    let text = |encoding, bom, invalid_utf8| Sniffed::Text {
        encoding,
        bom,
        invalid_utf8,
    };
    if sample.starts_with(b"\xef\xbb\xbf") {
        let (_, invalid) = utf8_census(sample.get(3..).unwrap_or_default(), complete);
        return text(Encoding::Utf8, true, invalid);
    }
    if sample.starts_with(b"\xff\xfe") {
        return text(Encoding::Utf16Le, true, 0);
    }
    if sample.starts_with(b"\xfe\xff") {
        return text(Encoding::Utf16Be, true, 0);
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| sample.starts_with(sig)) {
        return Sniffed::NotText(what);
    }
    let nul = sample.iter().filter(|&&b| b == 0).count();
    let control = sample.iter().filter(|&&b| is_control(b)).count();
    // One stray NUL in a large export is damage, not a binary file; many are.
    if nul * 100 > sample.len() || control * 50 > sample.len() {
        return Sniffed::NotText("binary data (it has many control characters)");
    }
    let (valid_non_ascii, invalid) = utf8_census(sample, complete);
    if invalid == 0 || valid_non_ascii > invalid {
        // Valid UTF-8, or UTF-8 with a few damaged values (each becomes a warning).
        return text(Encoding::Utf8, false, invalid);
    }
    // Windows-1251 maps almost every byte to some character, so any bytes "decode"; what
    // tells is whether the non-ASCII bytes are Russian letters and punctuation.
    let high: Vec<u8> = sample.iter().copied().filter(|&b| b >= 0x80).collect();
    let cyrillic = high.iter().filter(|&&b| is_cyrillic_text_byte(b)).count();
    if cyrillic * 10 >= high.len() * 9 {
        return text(Encoding::Windows1251, false, 0);
    }
    text(Encoding::Utf8, false, invalid)
}

/// An input ready for the readers: UTF-8 bytes (a UTF-8 BOM may remain; the readers skip it).
pub struct Decoded<'r> {
    /// The input, in UTF-8.
    pub reader: Box<dyn BufRead + 'r>,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// What to tell the user about it.
    pub notices: Vec<FileNotice>,
}

/// Reads the start of `input`, settles its encoding and returns a reader that gives UTF-8.
/// UTF-8 input is passed through as it is (no copy beyond the first 64 KiB).
///
/// # Errors
/// When the input cannot be read, or is not a text file.
pub fn decode<'r>(
    name: &str,
    mut input: Box<dyn BufRead + 'r>,
    choice: EncodingChoice,
) -> Result<Decoded<'r>, InputError> {
    let io = |source| InputError::Io {
        file: name.to_owned(),
        source,
    };
    let mut sample = Vec::with_capacity(SAMPLE);
    input
        .by_ref()
        .take(SAMPLE as u64)
        .read_to_end(&mut sample)
        .map_err(io)?;
    let complete = sample.len() < SAMPLE;
    let sniffed = sniff(&sample, complete);
    let mut notices = Vec::new();
    let encoding = match (sniffed, choice) {
        (Sniffed::NotText(what), _) => {
            return Err(InputError::NotText {
                file: name.to_owned(),
                what,
            })
        }
        (Sniffed::Text { encoding, bom, .. }, EncodingChoice::Force(_)) if bom => encoding,
        (Sniffed::Text { .. }, EncodingChoice::Force(forced)) => forced,
        (
            Sniffed::Text {
                encoding,
                invalid_utf8,
                ..
            },
            EncodingChoice::Auto,
        ) => {
            if encoding == Encoding::Windows1251 {
                notices.push(FileNotice {
                    message: format!(
                        "{name}: read as Windows-1251 (not UTF-8); use --encoding to choose"
                    ),
                });
            } else if encoding == Encoding::Utf8 && invalid_utf8 > 0 {
                notices.push(FileNotice {
                    message: format!(
                        "{name}: not valid UTF-8 in {invalid_utf8} place(s) of the first 64 KiB; \
                         values there are counted as unknown (if the file is in another \
                         encoding, use --encoding)"
                    ),
                });
            }
            encoding
        }
    };
    let head = Cursor::new(sample);
    let reader: Box<dyn BufRead + 'r> = match encoding {
        Encoding::Utf8 => Box::new(head.chain(input)),
        Encoding::Windows1251 => Box::new(Transcoder::new(
            head.chain(input),
            WINDOWS_1251.new_decoder_with_bom_removal(),
        )),
        Encoding::Utf16Le => Box::new(Transcoder::new(
            head.chain(input),
            UTF_16LE.new_decoder_with_bom_removal(),
        )),
        Encoding::Utf16Be => Box::new(Transcoder::new(
            head.chain(input),
            UTF_16BE.new_decoder_with_bom_removal(),
        )),
    };
    Ok(Decoded {
        reader,
        encoding,
        notices,
    })
}

/// A reader that decodes its source to UTF-8 (malformed input becomes U+FFFD).
struct Transcoder<R> {
    src: R,
    decoder: Decoder,
    out: Vec<u8>,
    pos: usize,
    len: usize,
    finished: bool,
}

impl<R: BufRead> Transcoder<R> {
    fn new(src: R, decoder: Decoder) -> Self {
        Transcoder {
            src,
            decoder,
            out: vec![0; 1 << 16],
            pos: 0,
            len: 0,
            finished: false,
        }
    }
}

impl<R: BufRead> BufRead for Transcoder<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos >= self.len && !self.finished {
            let input = self.src.fill_buf()?;
            let last = input.is_empty();
            let (result, read, written, _) =
                self.decoder.decode_to_utf8(input, &mut self.out, last);
            self.src.consume(read);
            self.pos = 0;
            self.len = written;
            if last && result == encoding_rs::CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        Ok(self.out.get(self.pos..self.len).unwrap_or_default())
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.len);
    }
}

impl<R: BufRead> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let avail = self.fill_buf()?;
            let n = avail.len().min(buf.len());
            if let (Some(dst), Some(src)) = (buf.get_mut(..n), avail.get(..n)) {
                dst.copy_from_slice(src);
            }
            n
        };
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: Sniffed) -> Option<Encoding> {
        match s {
            Sniffed::Text { encoding, .. } => Some(encoding),
            Sniffed::NotText(_) => None,
        }
    }

    /// Windows-1251 bytes of a Russian text (written out: the test needs no encoder).
    const RU_1251: &[u8] = b"case_id;\xe4\xe0;\xed\xe5\xf2\r\nKZ-1;\xc4\xe0;\xcd\xe5\xf2\r\n";

    #[test]
    fn utf8_with_and_without_bom_cyrillic_1251_and_utf16_are_told_apart() {
        assert_eq!(enc(sniff(b"a,b\n1,2\n", true)), Some(Encoding::Utf8));
        assert_eq!(enc(sniff("a;да\n".as_bytes(), true)), Some(Encoding::Utf8));
        assert_eq!(enc(sniff(b"\xef\xbb\xbfa;b", true)), Some(Encoding::Utf8));
        assert_eq!(enc(sniff(RU_1251, true)), Some(Encoding::Windows1251));
        assert_eq!(enc(sniff(b"\xff\xfea\x00", true)), Some(Encoding::Utf16Le));
        assert_eq!(enc(sniff(b"\xfe\xff\x00a", true)), Some(Encoding::Utf16Be));
    }

    #[test]
    fn a_utf8_file_with_one_damaged_value_stays_utf8() {
        let mut s = "id;ответ\n1;да\n2;нет\n".as_bytes().to_vec();
        s.extend_from_slice(b"3;\xff\n");
        assert_eq!(
            sniff(&s, true),
            Sniffed::Text {
                encoding: Encoding::Utf8,
                bom: false,
                invalid_utf8: 1
            }
        );
    }

    #[test]
    fn a_character_cut_at_the_end_of_the_sample_is_not_invalid() {
        let s = "да".as_bytes();
        let cut = s.get(..3).unwrap_or_default();
        assert_eq!(
            sniff(cut, false),
            Sniffed::Text {
                encoding: Encoding::Utf8,
                bom: false,
                invalid_utf8: 0
            }
        );
    }

    #[test]
    fn workbooks_and_binary_files_are_not_text() {
        assert!(matches!(sniff(b"PK\x03\x04xl/", true), Sniffed::NotText(w) if w.contains("xlsx")));
        assert!(matches!(
            sniff(b"\x00\x01\x02\x03abc\x00\x00", true),
            Sniffed::NotText(_)
        ));
        // High bytes that are not Russian text are not taken for Windows-1251.
        let noise: Vec<u8> = (0x80u8..=0xBF).collect();
        assert_eq!(enc(sniff(&noise, true)), Some(Encoding::Utf8));
    }

    #[test]
    fn windows_1251_is_transcoded_and_utf8_passes_through() {
        let read = |bytes: &'static [u8], choice| {
            let d = decode("f", Box::new(bytes), choice).expect("decodes");
            let mut r = d.reader;
            let mut s = String::new();
            r.read_to_string(&mut s).expect("utf-8");
            (s, d.encoding, d.notices.len())
        };
        let (s, e, n) = read(RU_1251, EncodingChoice::Auto);
        assert_eq!(s, "case_id;да;нет\r\nKZ-1;Да;Нет\r\n");
        assert_eq!(e, Encoding::Windows1251);
        assert_eq!(n, 1);
        let (s, e, n) = read("a;да\n".as_bytes(), EncodingChoice::Auto);
        assert_eq!((s.as_str(), e, n), ("a;да\n", Encoding::Utf8, 0));
        // A forced encoding gives no note; a BOM wins over it.
        let (_, e, n) = read(RU_1251, EncodingChoice::Force(Encoding::Windows1251));
        assert_eq!((e, n), (Encoding::Windows1251, 0));
        let (s, e, _) = read(
            b"\xef\xbb\xbfa\n",
            EncodingChoice::Force(Encoding::Windows1251),
        );
        assert_eq!((s.as_str(), e), ("\u{feff}a\n", Encoding::Utf8));
        let (s, e, _) = read(b"\xff\xfea\x00;\x00\n\x00", EncodingChoice::Auto);
        assert_eq!((s.as_str(), e), ("a;\n", Encoding::Utf16Le));
    }

    #[test]
    fn labels() {
        assert_eq!(
            EncodingChoice::from_label("CP1251"),
            Some(EncodingChoice::Force(Encoding::Windows1251))
        );
        assert_eq!(EncodingChoice::from_label("latin1"), None);
    }
}
