//! Stage 1: bytes → text, detecting the encoding.
//!
//! Detection order: UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8;
//! UTF-16 when a UTF-16 byte order mark opens the input; GB18030 (which includes GBK and
//! GB2312) when the bytes decode without a single error, unless they are plainly UTF-8 up to a
//! stray byte, which is then reported as invalid UTF-8. Anything else is refused with the byte
//! offset of the first byte that no supported encoding accepts. Decoded text that is clearly not
//! text (NUL bytes, runs of control characters) is refused as binary.

use encoding_rs::{DecoderResult, BIG5, GB18030, UTF_16BE, UTF_16LE};

use crate::model::Encoding;

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
}

/// Input that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Bytes that are invalid in every supported encoding.
    #[error(
        "invalid byte sequence at byte offset {offset}: expected UTF-8, UTF-16 with a byte order mark, or GB18030"
    )]
    Invalid {
        /// Offset of the first undecodable byte (in the encoding that decoded furthest).
        offset: usize,
    },
    /// Text that is UTF-8 up to an invalid byte: announced by its byte order mark, or with
    /// enough UTF-8 before the byte that no other encoding is plausible.
    #[error("invalid UTF-8 at byte offset {offset}: the text before it is UTF-8")]
    InvalidUtf8 {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// UTF-16 announced by its byte order mark, with an invalid code unit sequence.
    #[error(
        "invalid UTF-16 at byte offset {offset}: an unpaired surrogate or a truncated code unit"
    )]
    InvalidUtf16 {
        /// Offset of the first undecodable byte.
        offset: usize,
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
    let decoded = decode_text(bytes)?;
    reject_binary(&decoded)?;
    Ok(decoded)
}

fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // Most inputs are UTF-8 Han text, where the SIMD check is several times faster than
    // `std::str::from_utf8`; it reports the same valid prefix.
    let utf8_error = match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => {
            let (text, encoding) = match text.strip_prefix('\u{FEFF}') {
                Some(rest) => (rest, Encoding::Utf8Bom),
                None => (text, Encoding::Utf8),
            };
            return Ok(Decoded {
                text: text.to_owned(),
                encoding,
            });
        }
        Err(e) => e.valid_up_to(),
    };
    if let Some(body) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_strict(body, UTF_16LE)
            .map(|text| Decoded {
                text,
                encoding: Encoding::Utf16le,
            })
            .map_err(|at| DecodeError::InvalidUtf16 {
                offset: at + UTF16LE_BOM.len(),
            });
    }
    if let Some(body) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_strict(body, UTF_16BE)
            .map(|text| Decoded {
                text,
                encoding: Encoding::Utf16be,
            })
            .map_err(|at| DecodeError::InvalidUtf16 {
                offset: at + UTF16BE_BOM.len(),
            });
    }
    if bytes.starts_with(UTF8_BOM) || looks_like_utf8(&bytes[..utf8_error]) {
        // A stray byte in UTF-8 text: decoding it as GB18030 would only make mojibake.
        return Err(DecodeError::InvalidUtf8 { offset: utf8_error });
    }
    match decode_strict(bytes, GB18030) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: Encoding::Gb18030,
        }),
        Err(gb_error) => Err(DecodeError::Invalid {
            offset: gb_error.max(utf8_error),
        }),
    }
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
/// where the code unit count is recoverable; for GB18030 it re-encodes the prefix).
fn input_offset(decoded: &Decoded, text_offset: usize) -> usize {
    let prefix = decoded.text.get(..text_offset).unwrap_or_default();
    match decoded.encoding {
        Encoding::Utf8 => text_offset,
        Encoding::Utf8Bom => text_offset + UTF8_BOM.len(),
        Encoding::Utf16le | Encoding::Utf16be => 2 + 2 * prefix.encode_utf16().count(),
        Encoding::Gb18030 => GB18030.encode(prefix).0.len(),
        Encoding::Big5 => BIG5.encode(prefix).0.len(),
    }
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

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
