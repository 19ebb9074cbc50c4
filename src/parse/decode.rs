//! Stage 1: bytes → text, detecting the encoding.
//!
//! Detection order: UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8;
//! UTF-16 when a UTF-16 byte order mark opens the input; GB18030 (which includes GBK and
//! GB2312) when the bytes decode without a single error, unless they are plainly UTF-8 up to a
//! stray byte, which is then reported as invalid UTF-8. Anything else is refused with the byte
//! offset of the first byte that no supported encoding accepts. Decoded text that is clearly not
//! text (NUL bytes, runs of control characters) is refused as binary.
//!
//! UTF-16 without a byte order mark is told by its zero bytes: the high bytes of ASCII
//! characters (line breaks, digits, spaces), all on one side of each code unit, where neither
//! UTF-8 nor GB18030 text has any. With [`DecodeOptions`], an encoding can be named instead of
//! detected, and undecodable bytes replaced by U+FFFD instead of refused (each run reported).

use encoding_rs::{DecoderResult, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::model::{Diagnostic, DiagnosticCode, Encoding, Severity};
use crate::text::SourceText;

/// How to decode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecodeOptions {
    /// An encoding named by the user (`--encoding`), read without detection.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Replace undecodable bytes by U+FFFD instead of refusing the input (`--lossy`).
    pub lossy: bool,
}

impl DecodeOptions {
    /// The encoding of an encoding_rs label (`gbk`, `utf-16le`, `big5`…), as `--encoding` takes.
    pub fn encoding_for_label(label: &str) -> Option<&'static encoding_rs::Encoding> {
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
    }
}

/// A run of undecodable bytes replaced by one U+FFFD (`--lossy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replacement {
    /// Offset of the run's first byte in the input.
    pub offset: usize,
    /// How many bytes the run holds.
    pub len: usize,
    /// Byte offset of the U+FFFD in the decoded text.
    pub text_offset: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, byte order mark removed.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
    /// The encoding_rs encoding behind `encoding`, which `Other` and `Lossy` do not name.
    pub decoder: &'static encoding_rs::Encoding,
    /// Length of the byte order mark removed.
    pub bom: usize,
    /// The runs replaced by U+FFFD (only with `lossy`).
    pub replaced: Vec<Replacement>,
}

impl Decoded {
    /// `text` decoded from `encoding` by `decoder`, with the byte order mark that encoding has.
    pub fn new(text: String, encoding: Encoding, decoder: &'static encoding_rs::Encoding) -> Self {
        let bom = match encoding {
            Encoding::Utf8Bom => UTF8_BOM.len(),
            Encoding::Utf16le | Encoding::Utf16be => UTF16LE_BOM.len(),
            _ => 0,
        };
        Self {
            text,
            encoding,
            decoder,
            bom,
            replaced: Vec::new(),
        }
    }

    /// The `undecodable_bytes` warnings of the replaced runs, and a note naming an encoding
    /// that `meta.encoding` does not.
    pub fn diagnostics(&self, source: &SourceText) -> Vec<Diagnostic> {
        let mut diagnostics: Vec<Diagnostic> = self
            .replaced
            .iter()
            .map(|run| Diagnostic {
                code: DiagnosticCode::UndecodableBytes,
                severity: Severity::Warning,
                message: format!(
                    "{} undecodable byte{} at byte offset {} replaced by U+FFFD (read as {})",
                    run.len,
                    if run.len == 1 { "" } else { "s" },
                    run.offset,
                    self.decoder.name()
                ),
                span: Some(
                    source.span(&(run.text_offset..run.text_offset + '\u{FFFD}'.len_utf8())),
                ),
            })
            .collect();
        if matches!(self.encoding, Encoding::Other | Encoding::Lossy) {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::EncodingDetected,
                severity: Severity::Note,
                message: format!("decoded as {}", self.decoder.name()),
                span: None,
            });
        }
        diagnostics
    }
}

/// Input that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Bytes that are invalid in every supported encoding.
    #[error(
        "invalid byte sequence at byte offset {offset}: expected UTF-8, UTF-16 or GB18030; --encoding NAME names another, --lossy reads it anyway"
    )]
    Invalid {
        /// Offset of the first undecodable byte (in the encoding that decoded furthest).
        offset: usize,
    },
    /// Text that is UTF-8 up to an invalid byte: announced by its byte order mark, or with
    /// enough UTF-8 before the byte that no other encoding is plausible.
    #[error("invalid UTF-8 at byte offset {offset}: the text before it is UTF-8; --lossy reads it anyway")]
    InvalidUtf8 {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// UTF-16 announced by its byte order mark, with an invalid code unit sequence.
    #[error(
        "invalid UTF-16 at byte offset {offset}: an unpaired surrogate or a truncated code unit; --lossy reads it anyway"
    )]
    InvalidUtf16 {
        /// Offset of the first undecodable byte.
        offset: usize,
    },
    /// Bytes that the encoding named with `--encoding` does not decode.
    #[error("invalid {encoding} at byte offset {offset} (--encoding); --lossy reads it anyway")]
    InvalidIn {
        /// Offset of the first undecodable byte.
        offset: usize,
        /// The encoding's name.
        encoding: &'static str,
    },
    /// Input that decodes but is not text.
    #[error("binary input: {what} at byte offset {offset}; expected a plain text file")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
        /// What gives it away.
        what: &'static str,
    },
}

/// Decodes `bytes`, detecting their encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, &DecodeOptions::default())
}

/// Decodes `bytes` in the named encoding or the detected one; with `lossy`, what does not
/// decode is replaced instead of refused.
pub fn decode_with(bytes: &[u8], options: &DecodeOptions) -> Result<Decoded, DecodeError> {
    let decoded = match (options.encoding, options.lossy) {
        (Some(encoding), lossy) => decode_named(bytes, encoding, lossy)?,
        (None, false) => decode_text(bytes)?,
        (None, true) => decode_text(bytes).or_else(|error| Ok(decode_lossy(bytes, &error)))?,
    };
    reject_binary(&decoded)?;
    Ok(decoded)
}

/// Decodes in an encoding the user named: its byte order mark, if any, removed.
fn decode_named(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    lossy: bool,
) -> Result<Decoded, DecodeError> {
    let (bom_encoding, bom) = encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding, 0));
    let body = if bom_encoding == encoding {
        &bytes[bom..]
    } else {
        bytes
    };
    let bom = bytes.len() - body.len();
    let (text, replaced) = if lossy {
        replace_undecodable(body, encoding, bom)
    } else {
        let text = decode_strict(body, encoding).map_err(|at| DecodeError::InvalidIn {
            offset: at + bom,
            encoding: encoding.name(),
        })?;
        (text, Vec::new())
    };
    let mut decoded = Decoded::new(text, named_encoding(encoding, bom > 0), encoding);
    decoded.bom = bom;
    if !replaced.is_empty() {
        decoded.encoding = Encoding::Lossy;
        decoded.replaced = replaced;
    }
    Ok(decoded)
}

/// What `meta.encoding` says of an encoding named on the command line.
fn named_encoding(encoding: &'static encoding_rs::Encoding, bom: bool) -> Encoding {
    match (encoding.name(), bom) {
        ("UTF-8", false) => Encoding::Utf8,
        ("UTF-8", true) => Encoding::Utf8Bom,
        // encoding_rs decodes GBK as GB18030, its superset.
        ("gb18030" | "GBK", _) => Encoding::Gb18030,
        ("UTF-16LE", true) => Encoding::Utf16le,
        ("UTF-16LE", false) => Encoding::Utf16leNoBom,
        ("UTF-16BE", true) => Encoding::Utf16be,
        ("UTF-16BE", false) => Encoding::Utf16beNoBom,
        _ => Encoding::Other,
    }
}

/// Decodes what detection refused, in the encoding that `error` says it most likely is, with
/// the undecodable runs replaced.
fn decode_lossy(bytes: &[u8], error: &DecodeError) -> Decoded {
    let (encoding, bom) = match error {
        DecodeError::InvalidUtf16 { .. } => {
            encoding_rs::Encoding::for_bom(bytes).unwrap_or((UTF_16LE, 0))
        }
        DecodeError::Invalid { .. } if gb18030_reads_further(bytes) => (GB18030, 0),
        _ => encoding_rs::Encoding::for_bom(bytes)
            .filter(|(encoding, _)| *encoding == UTF_8)
            .unwrap_or((UTF_8, 0)),
    };
    let (text, replaced) = replace_undecodable(&bytes[bom..], encoding, bom);
    let mut decoded = Decoded::new(text, Encoding::Lossy, encoding);
    decoded.bom = bom;
    decoded.replaced = replaced;
    decoded
}

/// Whether GB18030 decodes further into `bytes` than UTF-8 does.
fn gb18030_reads_further(bytes: &[u8]) -> bool {
    let utf8 = simdutf8::compat::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    decode_strict(bytes, GB18030).map_or_else(|at| at > utf8, |_| true)
}

/// Decodes `bytes`, each run of undecodable bytes replaced by one U+FFFD and recorded with its
/// offset (`base` added: the byte order mark before `bytes`).
fn replace_undecodable(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    base: usize,
) -> (String, Vec<Replacement>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut replaced: Vec<Replacement> = Vec::new();
    let mut consumed = 0;
    loop {
        let rest = &bytes[consumed..];
        let room = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len().saturating_mul(3));
        text.reserve(room.max(4));
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        let end = consumed + read;
        consumed = end;
        match result {
            DecoderResult::InputEmpty => return (text, replaced),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                let bad_end = end - usize::from(after);
                let start = bad_end - usize::from(bad);
                record_run(&mut replaced, &mut text, base + start..base + bad_end);
            }
        }
    }
}

/// Adds the undecodable bytes at `run` (input offsets): a run right after the last one, with
/// nothing decoded between, extends it; another gets its own U+FFFD.
fn record_run(replaced: &mut Vec<Replacement>, text: &mut String, run: std::ops::Range<usize>) {
    if let Some(last) = replaced.last_mut() {
        let adjacent = last.offset + last.len == run.start;
        if adjacent && last.text_offset + '\u{FFFD}'.len_utf8() == text.len() {
            last.len = run.end - last.offset;
            return;
        }
    }
    replaced.push(Replacement {
        offset: run.start,
        len: run.len(),
        text_offset: text.len(),
    });
    text.push('\u{FFFD}');
}

fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(decoded) = utf16_without_bom(bytes) {
        return Ok(decoded);
    }
    // Most inputs are UTF-8 Han text, where the SIMD check is several times faster than
    // `std::str::from_utf8`; it reports the same valid prefix.
    let utf8_error = match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => {
            let (text, encoding) = match text.strip_prefix('\u{FEFF}') {
                Some(rest) => (rest, Encoding::Utf8Bom),
                None => (text, Encoding::Utf8),
            };
            return Ok(Decoded::new(text.to_owned(), encoding, UTF_8));
        }
        Err(e) => e.valid_up_to(),
    };
    if let Some(body) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_strict(body, UTF_16LE)
            .map(|text| Decoded::new(text, Encoding::Utf16le, UTF_16LE))
            .map_err(|at| DecodeError::InvalidUtf16 {
                offset: at + UTF16LE_BOM.len(),
            });
    }
    if let Some(body) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_strict(body, UTF_16BE)
            .map(|text| Decoded::new(text, Encoding::Utf16be, UTF_16BE))
            .map_err(|at| DecodeError::InvalidUtf16 {
                offset: at + UTF16BE_BOM.len(),
            });
    }
    if bytes.starts_with(UTF8_BOM) || looks_like_utf8(&bytes[..utf8_error]) {
        // A stray byte in UTF-8 text: decoding it as GB18030 would only make mojibake.
        return Err(DecodeError::InvalidUtf8 { offset: utf8_error });
    }
    match decode_strict(bytes, GB18030) {
        Ok(text) => Ok(Decoded::new(text, Encoding::Gb18030, GB18030)),
        Err(gb_error) => Err(DecodeError::Invalid {
            offset: gb_error.max(utf8_error),
        }),
    }
}

/// UTF-16 without a byte order mark: zero bytes (which UTF-8 and GB18030 text never hold) and
/// a byte order that decodes cleanly into text that reads as Chinese or ASCII. Zero bytes lie
/// on both sides of the code units (the high byte of `\n`, the low byte of 一 U+4E00), so the
/// byte order is told by what each order decodes to.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    memchr::memchr(0, bytes)?;
    let has_bom = bytes.starts_with(UTF16LE_BOM) || bytes.starts_with(UTF16BE_BOM);
    if has_bom || bytes.len() % 2 != 0 {
        return None;
    }
    [
        (Encoding::Utf16leNoBom, UTF_16LE),
        (Encoding::Utf16beNoBom, UTF_16BE),
    ]
    .into_iter()
    .filter_map(|(encoding, decoder)| {
        let text = decode_strict(bytes, decoder).ok()?;
        let plausible = plausible_share(&text);
        (plausible >= UTF16_PLAUSIBLE).then(|| (plausible, Decoded::new(text, encoding, decoder)))
    })
    .max_by(|(a, _), (b, _)| a.total_cmp(b))
    .map(|(_, decoded)| decoded)
}

/// The share of plausible characters a BOM-less UTF-16 reading must reach.
const UTF16_PLAUSIBLE: f64 = 0.9;

/// The share of `text`'s characters that are printable ASCII, line breaks and tabs, CJK
/// ideographs, CJK punctuation or full-width forms: what a Chinese text is made of.
fn plausible_share(text: &str) -> f64 {
    let plausible = |c: char| matches!(c, ' '..='~' | '\n' | '\r' | '\t' | '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2000}'..='\u{206F}');
    let (mut all, mut good) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        good += usize::from(plausible(c));
    }
    #[allow(clippy::cast_precision_loss)]
    let share = good as f64 / all.max(1) as f64;
    share
}

/// Multi-byte UTF-8 characters in a valid prefix that make it UTF-8 text. The bytes of GB18030
/// text form a valid UTF-8 character now and then, but hardly ever this many in a row.
const UTF8_EVIDENCE: usize = 8;

/// Whether `valid`, a valid UTF-8 prefix of the input, holds enough non-ASCII characters to
/// say that the input is UTF-8.
fn looks_like_utf8(valid: &[u8]) -> bool {
    let leads = valid.iter().filter(|&&b| b >= 0xC0);
    leads.take(UTF8_EVIDENCE).count() == UTF8_EVIDENCE
}

/// Decodes without replacement; on failure, the byte offset of the first malformed sequence.
fn decode_strict(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, after) => {
            Err(read.saturating_sub(usize::from(bad) + usize::from(after)))
        }
        // Cannot happen with a buffer of the worst-case size; report where decoding stopped.
        DecoderResult::OutputFull => Err(read),
    }
}

/// Refuses text with NUL characters or with many control characters: a binary file that
/// happens to decode (most byte strings are valid GB18030).
pub fn reject_binary(decoded: &Decoded) -> Result<(), DecodeError> {
    let text = decoded.text.as_str();
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(DecodeError::Binary {
            offset: input_offset(decoded, at),
            what: "a NUL byte",
        });
    }
    // Control characters (U+0001–U+001F, U+007F–U+009F) are ASCII bytes or start with the
    // byte 0xC2; a text with none of those bytes, as most are, needs no closer look.
    let maybe_control =
        |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F || b == 0xC2;
    if !text.bytes().any(maybe_control) {
        return Ok(());
    }
    let is_control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}');
    let mut controls = 0usize;
    let mut first_control = None;
    for (i, _) in text.char_indices().filter(|&(_, c)| is_control(c)) {
        controls += 1;
        first_control.get_or_insert(i);
    }
    let chars = text.chars().count();
    // A stray control character or two is common in scraped text; many are not.
    match first_control {
        Some(at) if controls > 2 && controls * 100 > chars => Err(DecodeError::Binary {
            offset: input_offset(decoded, at),
            what: "control characters",
        }),
        _ => Ok(()),
    }
}

/// The input byte offset of a byte offset in the decoded text (exact for UTF-8 and UTF-16,
/// where the code unit count is recoverable; for other encodings it re-encodes the prefix, which
/// is exact unless undecodable bytes were replaced).
fn input_offset(decoded: &Decoded, text_offset: usize) -> usize {
    let prefix = decoded.text.get(..text_offset).unwrap_or_default();
    let encoded = match decoded.decoder.name() {
        "UTF-8" => prefix.len(),
        "UTF-16LE" | "UTF-16BE" => 2 * prefix.encode_utf16().count(),
        _ => decoded.decoder.encode(prefix).0.len(),
    };
    decoded.bom + encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "在县人大常委会会议上的讲话\r\n同志们：\r\n";

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little {
            UTF16LE_BOM.to_vec()
        } else {
            UTF16BE_BOM.to_vec()
        };
        for unit in text.encode_utf16() {
            let b = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn plain_utf8() {
        let d = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    #[test]
    fn utf8_bom_is_removed() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le = decode(&utf16(SAMPLE, true)).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), (SAMPLE, Encoding::Utf16le));
        let be = decode(&utf16(SAMPLE, false)).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), (SAMPLE, Encoding::Utf16be));
    }

    #[test]
    fn gb18030() {
        let (bytes, _, _) = GB18030.encode(SAMPLE);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding, Encoding::Gb18030);
    }

    #[test]
    fn undecodable_names_the_first_bad_byte() {
        // Valid in neither: 0xFF never occurs in UTF-8 nor as a GB18030 lead byte.
        let mut bytes = "同志们".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("好".as_bytes());
        assert_eq!(decode(&bytes), Err(DecodeError::Invalid { offset: 9 }));
    }

    #[test]
    fn a_stray_byte_in_utf8_text_is_not_read_as_gb18030() {
        // The UTF-8 bytes of this line and the stray 0x80 are also valid GB18030.
        let mut bytes = "在县人大常委会会议上的".as_bytes().to_vec();
        assert!(GB18030
            .decode_without_bom_handling_and_without_replacement(
                &[bytes.as_slice(), b"\x80"].concat()
            )
            .is_some());
        bytes.push(0x80);
        bytes.extend_from_slice("讲话".as_bytes());
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err, DecodeError::InvalidUtf8 { offset: 33 });
        assert!(
            err.to_string()
                .starts_with("invalid UTF-8 at byte offset 33"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_byte_after_a_utf8_bom_is_invalid_utf8() {
        let bytes = [UTF8_BOM, "讲话".as_bytes(), b"\xFF"].concat();
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf8 { offset: 9 }));
    }

    #[test]
    fn gb18030_text_is_not_taken_for_utf8() {
        let (bytes, _, _) =
            GB18030.encode("同志们：今天召开全市人大工作会议，主要任务是学习贯彻。");
        assert_eq!(decode(&bytes).map(|d| d.encoding), Ok(Encoding::Gb18030));
    }

    #[test]
    fn truncated_utf16_names_its_offset() {
        let mut bytes = utf16("讲话", true);
        bytes.push(0x41);
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf16 { offset: 6 }));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode(b"PK\x03\x04\x00\x00abc").unwrap_err();
        assert_eq!(
            err,
            DecodeError::Binary {
                offset: 4,
                what: "a NUL byte"
            }
        );
        assert!(err.to_string().contains("binary input"));
    }

    #[test]
    fn a_stray_control_character_is_tolerated() {
        let d = decode("讲话\u{1}全文".as_bytes()).unwrap();
        assert_eq!(d.text, "讲话\u{1}全文");
        let err = decode(b"\x01\x02\x03\x04\x05abc").unwrap_err();
        assert!(matches!(err, DecodeError::Binary { offset: 0, .. }));
    }

    fn utf16_without_bom(text: &str, little: bool) -> Vec<u8> {
        utf16(text, little)[2..].to_vec()
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_zero_bytes() {
        let le = decode(&utf16_without_bom(SAMPLE, true)).unwrap();
        assert_eq!(
            (le.text.as_str(), le.encoding),
            (SAMPLE, Encoding::Utf16leNoBom)
        );
        let be = decode(&utf16_without_bom(SAMPLE, false)).unwrap();
        assert_eq!(
            (be.text.as_str(), be.encoding),
            (SAMPLE, Encoding::Utf16beNoBom)
        );
        // 一 (U+4E00) puts a zero byte on the other side of its code unit.
        let one = "一、坚持党的领导\n二、一切为了人民\n";
        let le = decode(&utf16_without_bom(one, true)).unwrap();
        assert_eq!(
            (le.text.as_str(), le.encoding),
            (one, Encoding::Utf16leNoBom)
        );
        // Zero bytes that decode to nothing like text are binary, not UTF-16.
        assert!(matches!(
            decode(b"\x01\0\0\x02"),
            Err(DecodeError::Binary { .. })
        ));
    }

    fn truncated_gb18030() -> Vec<u8> {
        let (bytes, _, _) =
            GB18030.encode("同志们：今天召开全市人大工作会议，主要任务是学习贯彻。");
        bytes[..bytes.len() - 1].to_vec()
    }

    #[test]
    fn truncated_gb18030_is_refused_unless_lossy() {
        let bytes = truncated_gb18030();
        assert!(decode(&bytes).is_err());
        let lossy = DecodeOptions {
            lossy: true,
            ..DecodeOptions::default()
        };
        let decoded = decode_with(&bytes, &lossy).unwrap();
        assert_eq!(decoded.encoding, Encoding::Lossy);
        assert!(decoded.text.starts_with("同志们：今天召开"));
        assert!(decoded.text.ends_with('\u{FFFD}'), "{}", decoded.text);
        assert_eq!(
            decoded.replaced,
            [Replacement {
                offset: bytes.len() - 1,
                len: 1,
                text_offset: decoded.text.len() - 3
            }]
        );
    }

    #[test]
    fn adjacent_bad_bytes_are_one_run() {
        let bytes = [
            b"ab".as_slice(),
            b"\xFF\xFF\xFF",
            "讲话".as_bytes(),
            b"\xFF",
        ]
        .concat();
        let lossy = DecodeOptions {
            encoding: Some(UTF_8),
            lossy: true,
        };
        let decoded = decode_with(&bytes, &lossy).unwrap();
        assert_eq!(decoded.text, "ab\u{FFFD}讲话\u{FFFD}");
        let runs: Vec<_> = decoded.replaced.iter().map(|r| (r.offset, r.len)).collect();
        assert_eq!(runs, [(2, 3), (11, 1)]);
    }

    #[test]
    fn a_named_encoding_is_read_without_detection() {
        let (bytes, _, _) = encoding_rs::BIG5.encode("同志們");
        let big5 = DecodeOptions {
            encoding: DecodeOptions::encoding_for_label("big5"),
            lossy: false,
        };
        let decoded = decode_with(&bytes, &big5).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("同志們", Encoding::Other)
        );
        let gbk = DecodeOptions {
            encoding: DecodeOptions::encoding_for_label("GBK"),
            lossy: false,
        };
        let error = decode_with(b"ab\xFF", &gbk).unwrap_err();
        assert_eq!(
            error,
            DecodeError::InvalidIn {
                offset: 2,
                encoding: "GBK"
            }
        );
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
